#pragma once

#include <string>
#include <vector>

#include "api/wire/model.h"

// The options of one operation's command, in the order AWS CLI v2 builds its argument table
// (clidriver.py ServiceOperation._create_argument_table plus the customizations that apply to
// iot and iot-jobs-data): one option per input member in model order, "--no-x" after each
// boolean "--x", then --cli-input-json, --cli-input-yaml, the paging options of paginated
// operations (--starting-token, --page-size, --max-items) and --generate-cli-skeleton.
// The order decides which of several bad values is reported first and the key order of the
// parameters; help and synopsis can list the documented options from it.
namespace iotjobs::cli::args {

enum class OptionRole {
  kMember,    // an input member: --job-id
  kNegation,  // the "--no-x" twin of a boolean member --x
  kCliInputJson,
  kCliInputYaml,
  kStartingToken,
  kPageSize,
  kMaxItems,
  kGenerateCliSkeleton,
};

struct CliOption {
  std::string name;  // without the dashes: "job-id", "no-force"
  OptionRole role = OptionRole::kMember;
  const api::wire::Member* member = nullptr;  // kMember and kNegation
  // Required by the model. v2 drops the requirement when the words hold --cli-input-json,
  // --cli-input-yaml or --generate-cli-skeleton (other than "... output").
  bool required = false;
  // A paginated operation's own token and limit options (--next-token, --max-results): still
  // accepted, left out of help; giving one turns automatic pagination off.
  bool hidden = false;
  // The type help prints: the member's shape type ("string", "long", "boolean", "list",
  // "structure", "map"); "string"/"integer" for the paging options.
  std::string type_name;

  // argparse's dest: the name with '-' as '_' (both booleans of a pair use the positive one).
  std::string dest() const;
};

// REQUIRES: op.input is set (every operation of our models has an input shape).
std::vector<CliOption> OperationOptions(const api::wire::Operation& op);

// botocore's type_name for a shape type: "string", "integer", "long", "boolean", "double",
// "float", "timestamp", "blob", "structure", "list", "map".
const char* ShapeTypeName(api::wire::ShapeType type);

}  // namespace iotjobs::cli::args
