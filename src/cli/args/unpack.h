#pragma once

#include <string>

#include "cli/args/option_table.h"
#include "cli/python/value.h"
#include "common/result.h"

// From the value argparse stored for a member option to the parameter value, in the CLI's two
// steps: the load-cli-arg event (file:// and fileb://, paramfile.py) and the process-cli-arg
// event (shorthand syntax, argprocess.py ParamShorthandParser) falling back to unpack_cli_arg
// (JSON for structures, maps and lists that start with '{' or '['; int() and float() for
// numbers; each word of a list unpacked as a member).
namespace iotjobs::cli::args {

// "Error parsing parameter '--tags': <message>": the text of the CLI's ParamError.
std::string ParamErrorText(const std::string& cli_name, const std::string& message);

// The load-cli-arg step for any option (the CLI runs it for every option of the command,
// --cli-input-json and --starting-token included): a str, or a list of one str, naming a
// file:// or fileb:// path becomes the file's text or bytes; other values are returned as
// they are. Failure: kInvalidRequest with the ParamError text.
Result<python::PyValue> LoadOptionFile(const std::string& cli_name, python::PyValue value);

// The process-cli-arg step for a member option. `value` is what LoadOptionFile returned and
// is not None. Failure: kInvalidRequest with the ParamError text (bad JSON, shorthand syntax);
// kInternalFailure with Python's exception text where the CLI crashes with exit code 255
// (int('abc') for an integer option, for instance).
Result<python::PyValue> UnpackMemberValue(const CliOption& option, python::PyValue value);

}  // namespace iotjobs::cli::args
