#include "notify/payloads.h"

#include "codec/job_document.h"

#include <boost/json.hpp>

#include "codec/json_fields.h"
#include "common/ids.h"

namespace iotjobs::notify::payloads {
namespace json = boost::json;

namespace {

int64_t Seconds(EpochMillis t) { return t / 1000; }

json::object Summary(const jobs::ExecutionSummary& e) {
  json::object o;
  o["jobId"] = e.job_id;
  o["queuedAt"] = Seconds(e.queued_at);
  if (e.started_at) o["startedAt"] = Seconds(*e.started_at);
  o["lastUpdatedAt"] = Seconds(e.last_updated_at);
  o["executionNumber"] = e.execution_number;
  o["versionNumber"] = e.version_number;
  return o;
}

json::value Document(const std::optional<std::string>& document) {
  if (!document) return json::object();
  return codec::JobDocumentForMqtt(*document);
}

}  // namespace

std::string Notify(const std::vector<jobs::ExecutionSummary>& pending, EpochMillis now) {
  json::array in_progress, queued;
  for (const auto& e : pending) {
    (e.status == jobs::ExecutionStatus::kInProgress ? in_progress : queued).push_back(Summary(e));
  }
  json::object jobs;
  if (!in_progress.empty()) jobs["IN_PROGRESS"] = std::move(in_progress);
  if (!queued.empty()) jobs["QUEUED"] = std::move(queued);
  return json::serialize(json::object{{"timestamp", Seconds(now)}, {"jobs", std::move(jobs)}});
}

std::string NotifyNext(const std::optional<jobs::ExecutionSummary>& head,
                       const std::optional<std::string>& document, EpochMillis now) {
  json::object o{{"timestamp", Seconds(now)}};
  if (head) {
    json::object e;
    e["jobId"] = head->job_id;
    e["status"] = jobs::ToString(head->status);
    e["queuedAt"] = Seconds(head->queued_at);
    if (head->started_at) e["startedAt"] = Seconds(*head->started_at);
    e["lastUpdatedAt"] = Seconds(head->last_updated_at);
    e["versionNumber"] = head->version_number;
    e["executionNumber"] = head->execution_number;
    e["jobDocument"] = Document(document);
    o["execution"] = std::move(e);
  }
  return json::serialize(o);
}

std::string JobExecutionEvent(const jobs::JobExecution& e, std::string_view operation,
                              const jobs::ArnContext& arns, EpochMillis now) {
  json::object o;
  o["eventType"] = "JOB_EXECUTION";
  o["eventId"] = NewUuid();
  o["timestamp"] = Seconds(now);
  o["operation"] = operation;
  o["jobId"] = e.job_id;
  o["thingArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kThing, e.thing_name);
  o["status"] = jobs::ToString(e.status);
  o["statusDetails"] = codec::ToJsonObject(e.status_details);
  return json::serialize(o);
}

std::string JobEvent(const jobs::Job& job, std::string_view operation, EpochMillis now) {
  json::object o;
  o["eventType"] = "JOB";
  o["eventId"] = NewUuid();
  o["timestamp"] = Seconds(now);
  o["operation"] = operation;
  o["jobId"] = job.job_id;
  o["status"] = jobs::ToString(job.status);
  o["targetSelection"] = jobs::ToString(job.target_selection);
  o["targets"] = codec::ToJsonArray(job.targets);
  if (job.description) o["description"] = *job.description;
  o["createdAt"] = Seconds(job.created_at);
  o["lastUpdatedAt"] = Seconds(job.last_updated_at);
  if (job.completed_at) o["completedAt"] = Seconds(*job.completed_at);
  const auto& d = job.process_details;
  o["jobProcessDetails"] = json::object{{"numberOfCanceledThings", d.canceled},
                                        {"numberOfSucceededThings", d.succeeded},
                                        {"numberOfFailedThings", d.failed},
                                        {"numberOfRejectedThings", d.rejected},
                                        {"numberOfQueuedThings", d.queued},
                                        {"numberOfInProgressThings", d.in_progress},
                                        {"numberOfRemovedThings", d.removed},
                                        {"numberOfTimedOutThings", d.timed_out}};
  return json::serialize(o);
}

}  // namespace iotjobs::notify::payloads
