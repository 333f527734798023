#include "notify/payloads.h"

#include <boost/json.hpp>

#include "codec/device_plane_json.h"
#include "codec/job_document.h"
#include "codec/json_fields.h"
#include "common/ids.h"

namespace iotjobs::notify::payloads {
namespace json = boost::json;
using codec::EpochWholeSeconds;

namespace {

json::value Document(const std::optional<std::string>& document) {
  if (!document) return json::object();
  return codec::JobDocumentForMqtt(*document);
}

// The members every $aws/events message starts with.
json::object EventHeader(std::string_view event_type, std::string_view operation,
                         std::string_view job_id, EpochMillis now) {
  return {{"eventType", event_type},
          {"eventId", NewUuid()},
          {"timestamp", EpochWholeSeconds(now)},
          {"operation", operation},
          {"jobId", job_id}};
}

}  // namespace

std::string Notify(const std::vector<jobs::ExecutionSummary>& pending, EpochMillis now) {
  json::array in_progress, queued;
  for (const auto& e : pending) {
    auto& list = e.status == jobs::ExecutionStatus::kInProgress ? in_progress : queued;
    list.push_back(codec::DeviceSummaryToJson(e));
  }
  json::object jobs;
  if (!in_progress.empty()) jobs["IN_PROGRESS"] = std::move(in_progress);
  if (!queued.empty()) jobs["QUEUED"] = std::move(queued);
  return json::serialize(
      json::object{{"timestamp", EpochWholeSeconds(now)}, {"jobs", std::move(jobs)}});
}

std::string NotifyNext(const std::optional<jobs::ExecutionSummary>& head,
                       const std::optional<std::string>& document, EpochMillis now) {
  json::object o{{"timestamp", EpochWholeSeconds(now)}};
  if (head) {
    json::object e = codec::DeviceExecutionToJson(*head);
    e["jobDocument"] = Document(document);
    o["execution"] = std::move(e);
  }
  return json::serialize(o);
}

std::string JobExecutionEvent(const jobs::JobExecution& e, std::string_view operation,
                              const jobs::ArnContext& arns, EpochMillis now) {
  json::object o = EventHeader("JOB_EXECUTION", operation, e.job_id, now);
  o["thingArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kThing, e.thing_name);
  o["status"] = jobs::ToString(e.status);
  o["statusDetails"] = codec::ToJsonObject(e.status_details);
  return json::serialize(o);
}

std::string JobEvent(const jobs::Job& job, std::string_view operation, EpochMillis now) {
  json::object o = EventHeader("JOB", operation, job.job_id, now);
  o["status"] = jobs::ToString(job.status);
  o["targetSelection"] = jobs::ToString(job.target_selection);
  o["targets"] = codec::ToJsonArray(job.targets);
  if (job.description) o["description"] = *job.description;
  o["createdAt"] = EpochWholeSeconds(job.created_at);
  o["lastUpdatedAt"] = EpochWholeSeconds(job.last_updated_at);
  if (job.completed_at) o["completedAt"] = EpochWholeSeconds(*job.completed_at);
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
