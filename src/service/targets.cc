#include "service/targets.h"

#include <deque>

#include "service/messages.h"

namespace iotjobs::service {

Result<std::vector<std::string>> GroupTree(store::ReadTransaction& tx, const std::string& group) {
  std::vector<std::string> out{group};
  // Hierarchies are at most 7 deep (AWS quota) and the store refuses cycles, but guard
  // against a damaged file with a visited set.
  std::set<std::string> seen{group};
  for (size_t i = 0; i < out.size(); ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(std::vector<std::string> children, tx.ListChildGroupNames(out[i]));
    for (auto& child : children) {
      if (seen.insert(child).second) out.push_back(std::move(child));
    }
  }
  return out;
}

Result<std::vector<std::string>> Ancestors(store::ReadTransaction& tx, const std::string& group) {
  std::deque<std::string> chain;
  std::string current = group;
  for (int depth = 0; depth < 64; ++depth) {
    IOTJOBS_ASSIGN_OR_RETURN(auto g, tx.GetThingGroup(current));
    if (!g || !g->parent_group_name) break;
    chain.push_front(*g->parent_group_name);
    current = *g->parent_group_name;
  }
  return std::vector<std::string>(chain.begin(), chain.end());
}

Result<std::set<std::string>> ThingsInGroupTree(store::ReadTransaction& tx,
                                                const std::string& group) {
  std::set<std::string> things;
  IOTJOBS_ASSIGN_OR_RETURN(std::vector<std::string> tree, GroupTree(tx, group));
  for (const auto& g : tree) {
    store::PageRequest page{"", 1000};
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(auto names, tx.ListThingsInGroup(g, page));
      for (auto& n : names.items) things.insert(std::move(n));
      if (names.next.empty()) break;
      page.after = names.next;
    }
  }
  return things;
}

std::vector<Target> ParseTargets(const std::vector<std::string>& target_arns) {
  std::vector<Target> out;
  for (const auto& arn_text : target_arns) {
    auto arn = jobs::ParseArn(arn_text);
    if (arn && (arn->kind == jobs::ResourceKind::kThing ||
                arn->kind == jobs::ResourceKind::kThingGroup)) {
      out.push_back({arn->kind, arn->name});
    }
  }
  return out;
}

Result<std::vector<Target>> ResolveTargets(store::ReadTransaction& tx,
                                           const jobs::ArnContext& arns,
                                           const std::vector<std::string>& target_arns) {
  std::vector<Target> out;
  for (const auto& arn_text : target_arns) {
    auto arn = jobs::ParseArn(arn_text);
    if (!arn || (arn->kind != jobs::ResourceKind::kThing &&
                 arn->kind != jobs::ResourceKind::kThingGroup)) {
      return InvalidRequest("Target " + arn_text +
                            " is not the ARN of a thing or a thing group.");
    }
    if (arn->region != arns.region || arn->account_id != arns.account_id) {
      return InvalidRequest("Target " + arn_text + " is not in this account (" +
                            arns.account_id + ") and region (" + arns.region + ").");
    }
    if (arn->kind == jobs::ResourceKind::kThing) {
      IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(arn->name));
      if (!thing) return NotFound(messages::ThingNotFound(arn->name));
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(arn->name));
      if (!group) return NotFound(messages::ThingGroupNotFound(arn->name));
    }
    out.push_back({arn->kind, arn->name});
  }
  return out;
}

Result<std::set<std::string>> ThingsOfTargets(store::ReadTransaction& tx,
                                              const std::vector<Target>& targets) {
  std::set<std::string> things;
  for (const auto& t : targets) {
    if (t.kind == jobs::ResourceKind::kThing) {
      things.insert(t.name);
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(auto members, ThingsInGroupTree(tx, t.name));
      things.merge(members);
    }
  }
  return things;
}

Result<bool> IsTargeted(store::ReadTransaction& tx, const std::vector<Target>& targets,
                        const std::string& thing) {
  for (const auto& t : targets) {
    if (t.kind == jobs::ResourceKind::kThing) {
      if (t.name == thing) return true;
      continue;
    }
    IOTJOBS_ASSIGN_OR_RETURN(auto tree, GroupTree(tx, t.name));
    for (const auto& g : tree) {
      IOTJOBS_ASSIGN_OR_RETURN(bool member, tx.IsThingInGroup(g, thing));
      if (member) return true;
    }
  }
  return false;
}

}  // namespace iotjobs::service
