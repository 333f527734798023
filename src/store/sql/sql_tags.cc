// Resource tags: one row per tag, keyed by account, resource type (the ARN's word: "job",
// "jobtemplate", "thinggroup") and resource name, then key.
#include <utility>

#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace {

// Columns: tag_key, tag_value.
jobs::Tag ReadTag(const SqlRows& r) { return jobs::Tag{r.Text(0), r.OptText(1)}; }

}  // namespace

Result<Page<jobs::Tag>> SqlTransaction::ListTags(jobs::ResourceKind kind, std::string_view name,
                                                 const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query("SELECT tag_key, tag_value FROM resource_tags "
                "WHERE account_id = $1 AND resource_type = $2 AND resource_name = $3 "
                "AND tag_key > $4 ORDER BY tag_key LIMIT $5",
                account_id_, jobs::ArnResourceType(kind), name, page.after, page.limit + 1));
  IOTJOBS_ASSIGN_OR_RETURN(auto items, ReadAll<jobs::Tag>(r, &ReadTag));
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::Tag& last) { return last.key; });
}

Status SqlTransaction::PutTags(jobs::ResourceKind kind, std::string_view name,
                               const std::vector<jobs::Tag>& tags) {
  for (const jobs::Tag& tag : tags) {
    IOTJOBS_RETURN_IF_ERROR(
        db_.Run("INSERT INTO resource_tags (account_id, resource_type, resource_name, tag_key, "
                "tag_value) VALUES ($1, $2, $3, $4, $5) "
                "ON CONFLICT (account_id, resource_type, resource_name, tag_key) "
                "DO UPDATE SET tag_value = excluded.tag_value",
                account_id_, jobs::ArnResourceType(kind), name, tag.key, tag.value));
  }
  return Status::Ok();
}

Status SqlTransaction::DeleteTags(jobs::ResourceKind kind, std::string_view name,
                                  const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    IOTJOBS_RETURN_IF_ERROR(
        db_.Run("DELETE FROM resource_tags WHERE account_id = $1 AND resource_type = $2 "
                "AND resource_name = $3 AND tag_key = $4",
                account_id_, jobs::ArnResourceType(kind), name, key));
  }
  return Status::Ok();
}

Status SqlTransaction::DeleteAllTags(jobs::ResourceKind kind, std::string_view name) {
  return db_.Run(
      "DELETE FROM resource_tags WHERE account_id = $1 AND resource_type = $2 "
      "AND resource_name = $3",
      account_id_, jobs::ArnResourceType(kind), name);
}

}  // namespace iotjobs::store
