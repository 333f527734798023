// Custom job templates.
#include <boost/json.hpp>
#include <utility>
#include <vector>

#include "codec/job_template_json.h"
#include "codec/json_fields.h"
#include "common/log.h"
#include "store/row_readers.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace json = boost::json;
namespace {

// The `details` column: the description, the documentSource and the configurations (the tags are rows of
// resource_tags, sql_tags.cc).
std::string DetailsToJson(const jobs::JobTemplate& t) {
  json::object o{{"description", t.description}};
  if (t.document_source) o["documentSource"] = *t.document_source;
  codec::AppendJobTemplateConfigs(t, o);
  return json::serialize(o);
}

// Columns: job_template_id, created_at, document, details.
jobs::JobTemplate ReadJobTemplate(const SqlRows& r) {
  jobs::JobTemplate t;
  t.job_template_id = r.Text(0);
  t.created_at = r.Int(1);
  t.document = r.Text(2);
  boost::system::error_code ec;
  json::value v = json::parse(r.Text(3), ec);
  if (ec || !v.is_object()) {
    IOTJOBS_LOG(kError) << "store: job template " << t.job_template_id
                        << " has unreadable details";
    return t;
  }
  const json::object& o = v.get_object();
  t.description = codec::GetString(o, "description").value_or("");
  t.document_source = codec::GetString(o, "documentSource");
  codec::ReadJobTemplateConfigs(o, t);
  return t;
}

}  // namespace

Result<std::optional<jobs::JobTemplate>> SqlTransaction::GetJobTemplate(std::string_view id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT job_template_id, created_at, document, details "
                           "FROM job_templates WHERE account_id = $1 AND job_template_id = $2",
                           account_id_, id));
  return ReadFirst<jobs::JobTemplate>(r, &ReadJobTemplate);
}

Result<Page<jobs::JobTemplate>> SqlTransaction::ListJobTemplates(const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query("SELECT job_template_id, created_at, document, details FROM job_templates "
                "WHERE account_id = $1 AND job_template_id > $2 "
                "ORDER BY job_template_id LIMIT $3",
                account_id_, page.after, page.limit + 1));
  IOTJOBS_ASSIGN_OR_RETURN(auto items, ReadAll<jobs::JobTemplate>(r, &ReadJobTemplate));
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::JobTemplate& last) { return last.job_template_id; });
}

Status SqlTransaction::InsertJobTemplate(const jobs::JobTemplate& t) {
  return db_.Run(
      "INSERT INTO job_templates (account_id, job_template_id, created_at, document, details) "
      "VALUES ($1, $2, $3, $4, $5)",
      account_id_, t.job_template_id, t.created_at, t.document, DetailsToJson(t));
}

Status SqlTransaction::DeleteJobTemplate(std::string_view id) {
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("DELETE FROM job_templates WHERE account_id = $1 AND job_template_id = $2",
              account_id_, id));
  return DeleteAllTags(jobs::ResourceKind::kJobTemplate, id);
}

}  // namespace iotjobs::store
