#include "service/transactions/job_templates.h"

#include "jobs/arn.h"
#include "jobs/maintenance_windows.h"
#include "service/job_checks.h"
#include "service/job_documents.h"
#include "service/messages.h"
#include "service/pagination.h"
#include "service/transactions/managed_job_templates.h"
#include "service/transactions/tags.h"

namespace iotjobs::service::transactions {
namespace {

// The configurations a template gives a job (docs/aws-behaviour.md, "Job templates").
void CopyConfigurations(const jobs::Job& job, jobs::JobTemplate& t) {
  t.presigned_url_config = job.presigned_url_config;
  t.rollout_config = job.rollout_config;
  t.abort_config = job.abort_config;
  t.timeout_config = job.timeout_config;
  t.retry_config = job.retry_config;
  if (job.scheduling_config) t.maintenance_windows = job.scheduling_config->maintenance_windows;
  t.destination_package_versions = job.destination_package_versions;
}

// Each configuration the request gave itself replaces the one taken from the source job.
void OverrideConfigurations(const jobs::JobTemplate& given, jobs::JobTemplate& t) {
  if (given.presigned_url_config) t.presigned_url_config = given.presigned_url_config;
  if (given.rollout_config) t.rollout_config = given.rollout_config;
  if (given.abort_config) t.abort_config = given.abort_config;
  if (given.timeout_config) t.timeout_config = given.timeout_config;
  if (given.retry_config) t.retry_config = given.retry_config;
  if (!given.maintenance_windows.empty()) t.maintenance_windows = given.maintenance_windows;
  if (!given.destination_package_versions.empty()) {
    t.destination_package_versions = given.destination_package_versions;
  }
}

// CreateJobTemplate's jobArn: the template starts as a copy of that job of this account.
Status CopyFromJob(store::ReadTransaction& tx, const std::string& job_arn,
                   const OperationContext& op, jobs::JobTemplate& t) {
  auto arn = jobs::ParseArn(job_arn);
  if (!arn || arn->kind != jobs::ResourceKind::kJob) {
    return InvalidRequest("jobArn " + job_arn + " is not the ARN of a job.");
  }
  if (arn->region != op.arns.region || arn->account_id != op.arns.account_id) {
    return NotFound(messages::JobNotFound(job_arn));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(arn->name));
  // A job made from an AWS managed template gives the document its devices get: a custom
  // template takes no documentParameters (docs/aws-behaviour.md, D33).
  IOTJOBS_ASSIGN_OR_RETURN(auto document, LoadDocumentForDevices(tx, arn->name));
  if (!job || !document) return NotFound(messages::JobNotFound(arn->name));
  jobs::JobTemplate copy;
  copy.job_template_id = t.job_template_id;
  copy.description = t.description;
  copy.document = std::move(*document);
  copy.document_source = job->document_source;
  CopyConfigurations(*job, copy);
  OverrideConfigurations(t, copy);
  t = std::move(copy);
  return Status::Ok();
}

}  // namespace

Result<jobs::JobTemplate> CreateJobTemplate(store::WriteTransaction& tx,
                                            const CreateJobTemplateRequest& req,
                                            const OperationContext& op) {
  // documentSource was read by the service before this transaction (document_sources.cc)
  // into `document`, unless there is no store to read it from.
  if (req.document_source && !req.job_template.document_source) {
    IOTJOBS_RETURN_IF_ERROR(CheckDocumentSourceAlone(req));
    return NoStoreToRead(*req.document_source);
  }
  IOTJOBS_RETURN_IF_ERROR(CheckNewResourceTags(req.tags));
  jobs::JobTemplate t = req.job_template;
  if (req.job_arn) {
    if (req.document) {
      return InvalidRequest("Specify either document or jobArn for a job template, not both.");
    }
    IOTJOBS_RETURN_IF_ERROR(CopyFromJob(tx, *req.job_arn, op, t));
  } else if (req.document) {
    t.document = *req.document;
  } else {
    return InvalidRequest("A job template needs a job document: specify document or jobArn.");
  }
  IOTJOBS_RETURN_IF_ERROR(
      NameDocumentSource(CheckJobDocument(t.document, op.object_store), t.document_source));
  IOTJOBS_RETURN_IF_ERROR(CheckNoPackageVersions(t.destination_package_versions));
  IOTJOBS_RETURN_IF_ERROR(CheckRollout(t.rollout_config));
  IOTJOBS_RETURN_IF_ERROR(CheckRetry(t.retry_config));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckMaintenanceWindows(t.maintenance_windows, op.now));
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetJobTemplate(t.job_template_id));
  if (existing) {
    return Status(ErrorCode::kConflict,
                  "Job template " + t.job_template_id + " already exists.");
  }
  t.created_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertJobTemplate(t));
  // The request's tags only, not the source job's (docs/aws-behaviour.md, D49).
  IOTJOBS_RETURN_IF_ERROR(
      TagNewResource(tx, jobs::ResourceKind::kJobTemplate, t.job_template_id, req.tags));
  return t;
}

Result<jobs::JobTemplate> DescribeJobTemplate(store::ReadTransaction& tx,
                                              const std::string& job_template_id,
                                              const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetJobTemplate(job_template_id));
  if (!t) return NotFound(messages::JobTemplateNotFound(job_template_id));
  return std::move(*t);
}

Result<ListResult<jobs::JobTemplate>> ListJobTemplates(store::ReadTransaction& tx,
                                                       const ListJobTemplatesRequest& req,
                                                       const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto templates, tx.ListJobTemplates(page));
  return ToListResult(std::move(templates));
}

Result<Empty> DeleteJobTemplate(store::WriteTransaction& tx, const std::string& job_template_id,
                                const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetJobTemplate(job_template_id));
  if (!t) return NotFound(messages::JobTemplateNotFound(job_template_id));
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteJobTemplate(job_template_id));
  return Empty{};
}

Status ApplyJobTemplate(store::ReadTransaction& tx, CreateJobRequest& req,
                        const OperationContext& op) {
  if (!req.job_template_arn) return Status::Ok();
  const std::string& arn_text = *req.job_template_arn;
  auto arn = jobs::ParseArn(arn_text);
  if (!arn || arn->kind != jobs::ResourceKind::kJobTemplate) {
    return InvalidRequest("jobTemplateArn " + arn_text + " is not the ARN of a job template.");
  }
  if (arn->account_id.empty()) return ApplyManagedJobTemplate(req, *arn, op);
  if (arn->region != op.arns.region || arn->account_id != op.arns.account_id) {
    return NotFound(messages::JobTemplateNotFound(arn_text));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetJobTemplate(arn->name));
  if (!t) return NotFound(messages::JobTemplateNotFound(arn_text));
  IOTJOBS_RETURN_IF_ERROR(CheckNoDocumentBesideTemplate(req.job.document, req.document_source));
  jobs::Job& job = req.job;
  job.document = t->document;
  job.document_source = t->document_source;
  if (!job.presigned_url_config) job.presigned_url_config = t->presigned_url_config;
  if (!job.rollout_config) job.rollout_config = t->rollout_config;
  if (!job.abort_config) job.abort_config = t->abort_config;
  if (!job.timeout_config) job.timeout_config = t->timeout_config;
  if (!job.retry_config) job.retry_config = t->retry_config;
  if (!t->maintenance_windows.empty() &&
      (!job.scheduling_config || job.scheduling_config->maintenance_windows.empty())) {
    if (!job.scheduling_config) job.scheduling_config.emplace();
    job.scheduling_config->maintenance_windows = t->maintenance_windows;
  }
  if (job.destination_package_versions.empty()) {
    job.destination_package_versions = t->destination_package_versions;
  }
  job.job_template_arn = jobs::MakeArn(op.arns, jobs::ResourceKind::kJobTemplate, arn->name);
  return Status::Ok();
}

}  // namespace iotjobs::service::transactions
