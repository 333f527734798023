#include "service/transactions/managed_job_templates.h"

#include <vector>

#include "common/encoding.h"
#include "jobs/managed_templates/catalogue.h"
#include "jobs/managed_templates/document_parameters.h"
#include "service/job_checks.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {
namespace {

// A job document's limit (the model's JobDocument), which the document the parameters make
// must keep too: it goes to devices in MQTT messages (docs/aws-behaviour.md, D32).
constexpr size_t kMaxDocumentLength = 32768;

std::string PageKey(const jobs::ManagedJobTemplate& t) {
  return t.template_name + ":" + t.template_version;
}

// Is `t` after the template version named by the page key `after`, in the catalogue's order?
bool After(const jobs::ManagedJobTemplate& t, const jobs::ManagedTemplateRef& after) {
  if (t.template_name != after.name) return t.template_name > after.name;
  return jobs::CompareTemplateVersions(t.template_version, after.version) > 0;
}

}  // namespace

Result<ListResult<const jobs::ManagedJobTemplate*>> ListManagedJobTemplates(
    const ListManagedJobTemplatesRequest& req, const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  std::optional<jobs::ManagedTemplateRef> after;
  if (!page.after.empty()) {
    after = jobs::ParseManagedTemplateName(page.after);
    if (!after) return InvalidRequest("The pagination token is invalid.");
  }
  if (req.template_name && !jobs::FindManagedJobTemplate(*req.template_name, std::nullopt)) {
    return NotFound(messages::ManagedJobTemplateNotFound(*req.template_name));
  }
  std::vector<const jobs::ManagedJobTemplate*> rows;
  for (const auto& t : jobs::ManagedJobTemplates()) {
    if (static_cast<int>(rows.size()) > page.limit) break;
    if (req.template_name && t.template_name != *req.template_name) continue;
    if (after && !After(t, *after)) continue;
    rows.push_back(&t);
  }
  return ToListResult(store::LimitPlusOnePage(
      std::move(rows), page.limit, [](const jobs::ManagedJobTemplate* t) { return PageKey(*t); }));
}

Result<const jobs::ManagedJobTemplate*> DescribeManagedJobTemplate(
    const DescribeManagedJobTemplateRequest& req, const OperationContext&) {
  const jobs::ManagedJobTemplate* t =
      jobs::FindManagedJobTemplate(req.template_name, req.template_version);
  if (!t) {
    return NotFound(messages::ManagedJobTemplateNotFound(
        req.template_name + (req.template_version ? ":" + *req.template_version : "")));
  }
  return t;
}

Status ApplyManagedJobTemplate(CreateJobRequest& req, const jobs::ParsedArn& arn,
                               const OperationContext& op) {
  const std::string& arn_text = *req.job_template_arn;
  // AWS's managed template ARNs always name a version (NAME:VERSION).
  auto ref = jobs::ParseManagedTemplateName(arn.name);
  const jobs::ManagedJobTemplate* t = ref && arn.region == op.arns.region
                                          ? jobs::FindManagedJobTemplate(ref->name, ref->version)
                                          : nullptr;
  if (!t) return NotFound(messages::JobTemplateNotFound(arn_text));
  IOTJOBS_RETURN_IF_ERROR(CheckNoDocumentBesideTemplate(req.job.document, req.document_source));
  jobs::Job& job = req.job;
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckDocumentParameters(*t, job.document_parameters));
  std::string for_devices =
      jobs::SubstituteDocumentParameters(t->document, job.document_parameters);
  if (CodePoints(for_devices) > kMaxDocumentLength) {
    return InvalidRequest("The job document that documentParameters make of " + t->template_name +
                          " is longer than 32768 characters.");
  }
  IOTJOBS_RETURN_IF_ERROR(CheckJobDocument(for_devices, op.object_store));
  job.document = t->document;
  if (!job.description) job.description = t->description;
  job.job_template_arn = jobs::ManagedJobTemplateArn(op.arns.region, *t);
  return Status::Ok();
}

}  // namespace iotjobs::service::transactions
