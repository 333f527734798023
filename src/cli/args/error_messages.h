#pragma once

// Fixed texts of AWS CLI v2 (2.9.19) command-line errors, with the file that says them.
// Messages built around a value are assembled where they arise (argparse.cc, unpack.cc,
// validate.cc, cli_input.cc, shorthand.cc, param_file.cc).
namespace iotjobs::cli::args {

// clidriver.py ServiceOperation.__call__, printed after "usage: " and the usage block.
inline constexpr char kUnknownOptions[] = "Unknown options: ";

// customizations/cliinput.py CliInputArgument._get_arg_value.
inline constexpr char kOnlyOneCliInput[] = "Only one --cli-input- parameter may be specified.";

// customizations/paginate.py ensure_paging_params_not_set.
inline constexpr char kNoPaginateWithPagingArgs[] =
    "Cannot specify --no-paginate along with pagination arguments: ";

// botocore/exceptions.py ParamValidationError.
inline constexpr char kParamValidationFailed[] = "Parameter validation failed:\n";

}  // namespace iotjobs::cli::args
