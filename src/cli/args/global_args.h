#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

// The two parsers AWS CLI v2 runs before an operation's own (clidriver.py): the main parser,
// which takes the global options from anywhere on the command line (data/cli.json, prefix
// matching included: "--reg" is --region, "--cli" is ambiguous) and the service word, and the
// service parser, which takes the operation word. What they leave, in order, is the `args` of
// ParseCommand. Option values are kept as typed: v2 checks --cli-read-timeout and the like
// later, when it uses them.
namespace iotjobs::cli::args {

// What v2 prints for -h or --help (its first pass over the words, FirstPassGlobalArgParser,
// is a plain argparse parser with argparse's own help option).
extern const char kFirstPassHelp[];

struct GlobalArgs {
  std::string command;                 // the service word: "iot", "iot-jobs-data"
  std::vector<std::string> remaining;  // every other word, in order
  bool first_pass_help = false;        // -h/--help: print kFirstPassHelp, exit 0 (nothing else set)
  bool version = false;  // --version: print the version line, exit 0 (nothing else is set)
  bool debug = false;
  std::optional<std::string> endpoint_url;
  bool verify_ssl = true;             // --no-verify-ssl
  bool paginate = true;               // --no-paginate
  std::optional<std::string> output;  // json, text, table, yaml, yaml-stream
  std::optional<std::string> query;
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::string color = "auto";  // on, off, auto
  bool sign_request = true;    // --no-sign-request
  std::optional<std::string> ca_bundle;
  std::optional<std::string> cli_read_timeout;
  std::optional<std::string> cli_connect_timeout;
  std::optional<std::string> cli_binary_format;  // base64, raw-in-base64-out
  bool no_cli_pager = false;
  bool cli_auto_prompt = false;
  bool no_cli_auto_prompt = false;
};

// FirstPassGlobalArgParser (-h/--help, --profile, --debug; its errors have their own usage
// line) then MainArgParser.parse_known_args(argv), argv without the program name. `commands` are
// the accepted service words in the order an "Invalid choice" error lists them (v2 lists its whole
// command table). Failure: kInvalidRequest with v2's stderr text (exit 252).
Result<GlobalArgs> ParseGlobalArgs(const std::vector<std::string>& argv,
                                   const std::vector<std::string>& commands);

// The checks v2 makes on the global options right after parsing them (customizations/
// globalargs.py, the top-level-args-parsed handlers), before the service or the operation is
// looked at. v2 first compiles --query ("\nBad value for --query <q>: <error>\n", exit 252;
// the caller's, with its JMESPath), then checks what this does, in this order:
//   --endpoint-url without a scheme: kInvalidRequest (252) "\nBad value for --endpoint-url
//     \"<url>\": scheme is missing.  Must be of the form http://<hostname>/ or
//     https://<hostname>/\n"
//   --cli-read-timeout, --cli-connect-timeout that int() refuses: kInternalFailure (255)
//     "\ninvalid literal for int() with base 10: '<value>'\n"
// A --profile that the configuration lacks is the caller's too ("The config profile (p) could
// not be found", 255).
Status CheckGlobalArgs(const GlobalArgs& args);

struct ServiceArgs {
  std::string operation;               // "delete-job-execution", or "help"
  std::vector<std::string> remaining;  // ParseCommand's args
};

// ServiceArgParser.parse_known_args(words) for GlobalArgs::remaining. `operations` are the
// service's operation names in model order; "help" is accepted after them, as in v2.
// Failure: kInvalidRequest with v2's stderr text (exit 252).
Result<ServiceArgs> ParseServiceArgs(const std::vector<std::string>& words,
                                     const std::vector<std::string>& operations);

}  // namespace iotjobs::cli::args
