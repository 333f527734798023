#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/wire/model.h"
#include "common/result.h"

// From the words of one `aws iot <operation> ...` / `aws iot-jobs-data <operation> ...`
// command to the operation's input, exactly as AWS CLI v2 (2.9.19) gets there:
//
//   argparse over the operation's options (option_table.h, argparse.h)
//   -> "help" / "Unknown options: ..." -> the --no-paginate check
//   -> each option's value: file:// and fileb://, shorthand or JSON, numbers (unpack.h)
//   -> --cli-input-json / --cli-input-yaml merged under the explicit options (cli_input.h)
//   -> --generate-cli-skeleton (skeleton.h) -> botocore's parameter validation (validate.h)
//
// Global options are the caller's to act on. In v2 the main parser (global options and the
// service word) parses the whole command line first, so a global option may appear anywhere,
// and the service parser then takes the operation word; global_args.h reproduces both. The
// caller passes here what they leave (ServiceArgs::remaining): the words without the global
// options and their values, the service word and the operation word, in their original order,
// and tells ParseOptions about --no-paginate:
//
//   auto g = ParseGlobalArgs(argv, services);            // --version, --output, --region, ...
//   auto s = ParseServiceArgs(g->remaining, operations); // "help" -> service help
//   auto r = ParseCommand(op, model, s->remaining, {.paginate = g->paginate});
namespace iotjobs::cli::args {

enum class SkeletonRequest { kNone, kInput, kYamlInput, kOutput };

// --starting-token, --page-size, --max-items (v2's PaginationConfig). Integers past 64 bits
// saturate.
struct PaginationConfig {
  std::optional<std::string> starting_token;
  std::optional<int64_t> page_size;
  std::optional<int64_t> max_items;
};

struct ParsedCommand {
  // `aws iot <operation> help` (or a bare "help" word once the required options are given):
  // show the operation's help page; nothing else is set.
  bool help = false;

  // The validated input, keyed by model member names, with JSON-typed values, in v2's order:
  // the explicit options in option-table order, then the keys --cli-input-* added. Values keep
  // the types Python had: a boolean passes where the model wants an integer (Python's bool is
  // an int), integers past 64 bits become doubles. Empty for the input and yaml-input skeletons.
  boost::json::object input;

  SkeletonRequest skeleton = SkeletonRequest::kNone;
  // kInput, kYamlInput: the exact text to write to stdout; then exit 0, sending nothing.
  std::string skeleton_text;
  // kOutput: the sample response, to print as a real response would be (--query, --output);
  // nullopt when the operation has no output, for which v2 prints nothing. Exit 0.
  std::optional<boost::json::value> output_skeleton;

  // The operation is paginated and v2 would page through the results: not turned off by the
  // global --no-paginate, by --next-token or --max-results, nor by those keys coming from
  // --cli-input-*. The caller then sends `input` plus the paginator's token and limit
  // (pagination.page_size as the limit key) and stops after pagination.max_items results.
  bool auto_paginate = false;
  PaginationConfig pagination;
};

struct ParseOptions {
  bool paginate = true;      // false when the global --no-paginate was given
  std::string prog = "aws";  // the name argparse errors begin with ("aws: error: ...")
};

// REQUIRES: `op` is one of `model`'s operations.
// Failure: a Status whose message is exactly what v2 writes to stderr (blank lines and usage
// block included); write it as it is and exit with ExitCodeFor(status):
//   kInvalidRequest   -> 252: usage errors, "Unknown options", bad values, validation
//   kInternalFailure  -> 255: where v2 itself crashes on the value (int('abc') for an
//                        integer option, "string index out of range", ...)
// Thread-safe; reads files named by file:// and fileb:// values.
Result<ParsedCommand> ParseCommand(const api::wire::Operation& op,
                                   const api::wire::ServiceModel& model,
                                   const std::vector<std::string>& args,
                                   const ParseOptions& options = {});

// 252 for kInvalidRequest, 255 otherwise.
int ExitCodeFor(const Status& status);

}  // namespace iotjobs::cli::args
