#include "service/transactions/fleet_indexing.h"

#include "jobs/fleet_query.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {
namespace {

// SearchIndex's maxResults: "This maximum number cannot exceed 100" (the API Reference).
constexpr int kMaxSearchResults = 100;

}  // namespace

Status CheckIndex(store::ReadTransaction& tx, const std::string& index_name) {
  if (index_name == jobs::kThingsIndexName) {
    IOTJOBS_ASSIGN_OR_RETURN(auto config, tx.GetIndexingConfiguration());
    if (config.things_indexed()) return Status::Ok();
  }
  return NotFound(messages::IndexNotFound(index_name));
}

Result<jobs::IndexingConfiguration> GetIndexingConfiguration(store::ReadTransaction& tx,
                                                             const Empty&,
                                                             const OperationContext&) {
  return tx.GetIndexingConfiguration();
}

Result<Empty> UpdateIndexingConfiguration(store::WriteTransaction& tx,
                                          const UpdateIndexingConfigurationRequest& req,
                                          const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto current, tx.GetIndexingConfiguration());
  IOTJOBS_ASSIGN_OR_RETURN(auto next, jobs::ApplyIndexingRequest(current, req.things, req.groups));
  if (current.things_indexed() && !next.things_indexed()) {
    // Dynamic groups live on the index: it stays while any exists (D69).
    IOTJOBS_ASSIGN_OR_RETURN(auto dynamic, tx.ListDynamicGroups());
    if (!dynamic.empty()) return InvalidRequest(messages::DynamicGroupsNeedIndex(dynamic.size()));
  }
  if (!(next == current)) IOTJOBS_RETURN_IF_ERROR(tx.PutIndexingConfiguration(next));
  return Empty{};
}

Result<IndexDescription> DescribeIndex(store::ReadTransaction& tx, const std::string& index_name,
                                       const OperationContext&) {
  IOTJOBS_RETURN_IF_ERROR(CheckIndex(tx, index_name));
  return IndexDescription{index_name, "ACTIVE", "REGISTRY"};
}

Result<ListResult<std::string>> ListIndices(store::ReadTransaction& tx, const PageInput& page,
                                            const OperationContext&) {
  // One index at most, so one page; the token is still checked as every list checks it.
  IOTJOBS_RETURN_IF_ERROR(ToPageRequest(page).status());
  IOTJOBS_ASSIGN_OR_RETURN(auto config, tx.GetIndexingConfiguration());
  ListResult<std::string> out;
  if (config.things_indexed()) out.items.emplace_back(jobs::kThingsIndexName);
  return out;
}

Result<ListResult<ThingDocument>> SearchIndex(store::ReadTransaction& tx,
                                              const SearchIndexRequest& req,
                                              const OperationContext&) {
  if (req.query_version && *req.query_version != jobs::kQueryVersion) {
    return InvalidRequest(messages::UnknownQueryVersion(*req.query_version));
  }
  if (req.page.max_results && *req.page.max_results > kMaxSearchResults) {
    return InvalidRequest(messages::SearchMaxResultsTooLarge(*req.page.max_results));
  }
  IOTJOBS_ASSIGN_OR_RETURN(jobs::FleetQuery query, jobs::FleetQuery::Parse(req.query_string));
  IOTJOBS_RETURN_IF_ERROR(
      CheckIndex(tx, req.index_name.value_or(std::string(jobs::kThingsIndexName))));
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto things, tx.SearchThings(query, page));
  ListResult<ThingDocument> out;
  out.next_token = ToNextToken(things.next);
  for (jobs::Thing& thing : things.items) {
    ThingDocument doc{std::move(thing), {}};
    // A thing is in at most a few groups (AWS allows 10): one page of them, kept whole.
    store::PageRequest groups_page{"", 1000};
    do {
      IOTJOBS_ASSIGN_OR_RETURN(auto groups,
                               tx.ListGroupsOfThing(doc.thing.thing_name, groups_page));
      for (auto& g : groups.items) doc.thing_group_names.push_back(std::move(g));
      groups_page.after = groups.next;
    } while (!groups_page.after.empty());
    out.items.push_back(std::move(doc));
  }
  return out;
}

}  // namespace iotjobs::service::transactions
