#include "auth/policy.h"

#include <boost/json.hpp>
#include <cctype>

namespace iotjobs::auth {
namespace json = boost::json;

namespace {

Result<std::vector<std::string>> StringOrList(const json::value& v, std::string_view what) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.emplace_back(v.get_string());
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) {
      if (!item.is_string()) return InvalidRequest(std::string(what) + " must list strings.");
      out.emplace_back(item.get_string());
    }
  } else {
    return InvalidRequest(std::string(what) + " must be a string or a list of strings.");
  }
  if (out.empty()) return InvalidRequest(std::string(what) + " must not be empty.");
  return out;
}

Result<PolicyStatement> ParseStatement(const json::value& v) {
  if (!v.is_object()) return InvalidRequest("Each policy statement must be an object.");
  const json::object& o = v.get_object();
  PolicyStatement s;
  const json::value* effect = o.if_contains("Effect");
  if (!effect || !effect->is_string() ||
      (effect->get_string() != "Allow" && effect->get_string() != "Deny")) {
    return InvalidRequest("A policy statement needs \"Effect\": \"Allow\" or \"Deny\".");
  }
  s.allow = effect->get_string() == "Allow";
  if (o.contains("Condition")) {
    return InvalidRequest("Policy conditions (Condition) are not supported by iotjobs.");
  }
  const json::value* action = o.if_contains("Action");
  const json::value* not_action = o.if_contains("NotAction");
  if (!action == !not_action) {
    return InvalidRequest("A policy statement needs exactly one of Action and NotAction.");
  }
  s.not_action = not_action != nullptr;
  IOTJOBS_ASSIGN_OR_RETURN(s.actions, StringOrList(action ? *action : *not_action,
                                                   action ? "Action" : "NotAction"));
  const json::value* resource = o.if_contains("Resource");
  const json::value* not_resource = o.if_contains("NotResource");
  if (!resource == !not_resource) {
    return InvalidRequest("A policy statement needs exactly one of Resource and NotResource.");
  }
  s.not_resource = not_resource != nullptr;
  IOTJOBS_ASSIGN_OR_RETURN(s.resources, StringOrList(resource ? *resource : *not_resource,
                                                     resource ? "Resource" : "NotResource"));
  return s;
}

bool AnyMatches(const std::vector<std::string>& patterns, std::string_view text, bool ignore_case) {
  for (const auto& p : patterns) {
    if (WildcardMatch(p, text, ignore_case)) return true;
  }
  return false;
}

bool Applies(const PolicyStatement& s, std::string_view action, std::string_view resource) {
  bool action_listed = AnyMatches(s.actions, action, /*ignore_case=*/true);
  bool resource_listed = AnyMatches(s.resources, resource, /*ignore_case=*/false);
  return (s.not_action ? !action_listed : action_listed) &&
         (s.not_resource ? !resource_listed : resource_listed);
}

}  // namespace

Result<Policy> ParsePolicy(const json::value& document) {
  if (!document.is_object()) return InvalidRequest("A policy must be a JSON object.");
  const json::value* statements = document.get_object().if_contains("Statement");
  if (!statements) return InvalidRequest("A policy needs a Statement.");
  Policy policy;
  if (statements->is_array()) {
    for (const auto& s : statements->get_array()) {
      IOTJOBS_ASSIGN_OR_RETURN(PolicyStatement parsed, ParseStatement(s));
      policy.statements.push_back(std::move(parsed));
    }
  } else {
    IOTJOBS_ASSIGN_OR_RETURN(PolicyStatement parsed, ParseStatement(*statements));
    policy.statements.push_back(std::move(parsed));
  }
  return policy;
}

Decision Evaluate(const std::vector<Policy>& policies, std::string_view action,
                  std::string_view resource) {
  bool allowed = false;
  for (const auto& policy : policies) {
    for (const auto& s : policy.statements) {
      if (!Applies(s, action, resource)) continue;
      if (!s.allow) return Decision::kExplicitDeny;
      allowed = true;
    }
  }
  return allowed ? Decision::kAllow : Decision::kImplicitDeny;
}

}  // namespace iotjobs::auth
