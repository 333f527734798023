// Emptying every account's data (iotjobsd --allow-reset).
#include <string_view>

#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

Status SqlTransaction::DeleteEveryAccountsData() {
  static constexpr std::string_view kStatements[] = {
      "DELETE FROM job_executions",
      "DELETE FROM job_group_targets",
      "DELETE FROM job_documents",
      "DELETE FROM jobs",
      "DELETE FROM job_counts",
      "DELETE FROM job_templates",
      "DELETE FROM thing_group_members",
      "DELETE FROM thing_groups",
      "DELETE FROM thing_attributes",
      "DELETE FROM things",
      "DELETE FROM thing_types",
      "DELETE FROM indexing_configurations",
      "DELETE FROM event_configurations",
      "DELETE FROM resource_tags",
      "DELETE FROM outbox",
  };
  IOTJOBS_RETURN_IF_ERROR(WriteCountSums());  // to be deleted with the rest
  for (std::string_view sql : kStatements) IOTJOBS_RETURN_IF_ERROR(db_.Run(sql));
  return Status::Ok();
}

}  // namespace iotjobs::store
