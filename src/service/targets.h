#pragma once

#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "jobs/arn.h"
#include "store/store.h"

// Thing-group hierarchy and job targets: which things a target ARN stands for.
namespace iotjobs::service {

// `group` and all groups below it (breadth first, `group` first).
Result<std::vector<std::string>> GroupTree(store::ReadTransaction& tx, const std::string& group);

// The ancestors of `group`, root first, not including `group`.
Result<std::vector<std::string>> Ancestors(store::ReadTransaction& tx, const std::string& group);

// Every thing in `group` or a group below it (a job on a group reaches its child groups).
Result<std::set<std::string>> ThingsInGroupTree(store::ReadTransaction& tx,
                                                const std::string& group);

// A job target: a thing or a thing group of the caller's account and the server's region.
struct Target {
  jobs::ResourceKind kind;
  std::string name;
};

// The targets of a stored job (ARNs that do not parse are skipped; the job was checked when
// it was created, but a target may have been deleted since).
std::vector<Target> ParseTargets(const std::vector<std::string>& target_arns);

// Parses and checks target ARNs: kInvalidRequest for an ARN that is not a thing or thing
// group of this account and region, kResourceNotFound for one that does not exist.
Result<std::vector<Target>> ResolveTargets(store::ReadTransaction& tx,
                                           const jobs::ArnContext& arns,
                                           const std::vector<std::string>& target_arns);

// The things the targets stand for, each once.
Result<std::set<std::string>> ThingsOfTargets(store::ReadTransaction& tx,
                                              const std::vector<Target>& targets);

// Is `thing` among the things `targets` stand for?
Result<bool> IsTargeted(store::ReadTransaction& tx, const std::vector<Target>& targets,
                        const std::string& thing);

}  // namespace iotjobs::service
