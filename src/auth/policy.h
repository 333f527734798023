#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// IAM identity policies as AWS evaluates them for one request: default deny, an explicit
// Deny wins over any Allow, `*` and `?` wildcards in actions (case-insensitive) and resources
// (case-sensitive), Action/Resource as a string or a list, NotAction/NotResource.
#include "common/wildcard.h"

namespace iotjobs::auth {

struct PolicyStatement {
  bool allow = true;
  bool not_action = false;  // the statement applies to the actions NOT listed
  std::vector<std::string> actions;
  bool not_resource = false;
  std::vector<std::string> resources;
};

struct Policy {
  std::vector<PolicyStatement> statements;
};

// Parses a policy document ({"Version": ..., "Statement": [...]}). kInvalidRequest, naming
// what is wrong, for a document that is not one — and for a Condition element, which this
// server cannot evaluate: a policy that would be read wrongly is refused, not half-applied.
Result<Policy> ParsePolicy(const boost::json::value& document);

enum class Decision { kAllow, kExplicitDeny, kImplicitDeny };

// The decision of `policies` together for `action` ("iot:DeleteJobExecution") on `resource`
// (an ARN).
Decision Evaluate(const std::vector<Policy>& policies, std::string_view action,
                  std::string_view resource);

// IAM's glob (common/wildcard.h), here for the policy's callers and tests.
using ::iotjobs::WildcardMatch;

}  // namespace iotjobs::auth
