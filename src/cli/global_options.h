#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace iotjobs::cli {

// AWS CLI v2's global options. Like the AWS CLI, they may appear anywhere on the command
// line, before or after the service and command words.
struct GlobalOptions {
  bool debug = false;
  std::optional<std::string> endpoint_url;
  bool verify_ssl = true;
  bool paginate = true;
  std::optional<std::string> output;  // json | yaml | yaml-stream | text | table
  std::optional<std::string> query;
  std::optional<std::string> profile;
  std::optional<std::string> region;
  bool version = false;
  std::string color = "auto";  // on | off | auto
  bool sign_request = true;
  std::optional<std::string> ca_bundle;
  std::optional<int> read_timeout;     // seconds, 0: none
  std::optional<int> connect_timeout;  // seconds, 0: none
  std::optional<std::string> cli_binary_format;
};

// Takes the global options out of `words` (leaving service, command and its options).
// kInvalidRequest with argparse's wording ("argument --output: Invalid choice, valid choices
// are: ...", "argument --region: expected one argument") — the caller prints the usage and
// exits 252.
Result<GlobalOptions> ExtractGlobalOptions(std::vector<std::string>& words);

// The usage block the AWS CLI prints before an argument error, for `program`.
std::string UsageText(const std::string& program);

}  // namespace iotjobs::cli
