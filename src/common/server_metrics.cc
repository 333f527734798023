#include "common/server_metrics.h"

namespace iotjobs::metrics {
namespace {

std::vector<double> BatchSizeBuckets() { return {1, 2, 4, 8, 16, 32, 64, 128, 256}; }

constexpr const char* kJobsHelp = "Jobs in the store, per job status (sampled every few seconds).";
constexpr const char* kExecutionsHelp =
    "Job executions in the store, per execution status (sampled every few seconds).";

}  // namespace

ServerMetrics::ServerMetrics()
    : http_connections(registry.GetGauge("iotjobs_http_connections",
                                         "HTTP connections open now.")),
      http_in_flight(registry.GetGauge("iotjobs_http_requests_in_flight",
                                       "HTTP requests being served now.")),
      request_seconds_control(registry.GetHistogram(
          "iotjobs_http_request_duration_seconds",
          "Time from a request's arrival to its answer, per plane.", LatencyBuckets(),
          {{"plane", "iot"}})),
      request_seconds_device(registry.GetHistogram(
          "iotjobs_http_request_duration_seconds",
          "Time from a request's arrival to its answer, per plane.", LatencyBuckets(),
          {{"plane", "iot-jobs-data"}})),
      store_write_batch_size(registry.GetHistogram(
          "iotjobs_store_write_batch_size",
          "Write operations grouped into one store transaction by the writer thread.",
          BatchSizeBuckets())),
      store_commit_seconds(registry.GetHistogram(
          "iotjobs_store_commit_duration_seconds",
          "Time the writer's COMMIT took (durability: fsync on SQLite, a round trip on "
          "PostgreSQL).",
          LatencyBuckets())),
      store_read_seconds(registry.GetHistogram("iotjobs_store_read_duration_seconds",
                                               "Time one read transaction took.",
                                               LatencyBuckets())),
      store_write_batch_conflicts(registry.GetCounter(
          "iotjobs_store_write_batch_conflicts_total",
          "Write batches rolled back because another instance's transaction conflicted with "
          "them (PostgreSQL serialization failures), each then run again.")),
      mqtt_connected(registry.GetGauge("iotjobs_mqtt_connected",
                                       "1 while connected to the MQTT broker, else 0.")),
      mqtt_received(registry.GetCounter("iotjobs_mqtt_messages_received_total",
                                        "MQTT messages received (device requests).")),
      mqtt_published(registry.GetCounter(
          "iotjobs_mqtt_messages_published_total",
          "MQTT messages handed to the broker (notifications, events and replies).")),
      outbox_depth(registry.GetGauge(
          "iotjobs_outbox_messages",
          "Notifications in the outbox not yet acknowledged by the broker (sampled).")),
      outbox_oldest_age_seconds(registry.GetGauge(
          "iotjobs_outbox_oldest_message_age_seconds",
          "Age of the oldest notification waiting in the outbox; 0 when it is empty "
          "(sampled).")),
      timers_pending(registry.GetGauge(
          "iotjobs_timers_pending",
          "Execution timeouts armed plus jobs with a scheduled action (sampled).")),
      lease_held(registry.GetGauge(
          "iotjobs_background_lease_held",
          "1 while this instance runs the background work: it holds the lease on a shared "
          "PostgreSQL store, or it is alone on SQLite.")),
      stats_sampled_at(registry.GetGauge(
          "iotjobs_store_stats_sampled_timestamp_seconds",
          "When the sampled store gauges were last read (Unix time); 0 before the first "
          "sample.")) {
  for (const char* s : {"IN_PROGRESS", "SCHEDULED", "COMPLETED", "CANCELED",
                        "DELETION_IN_PROGRESS"}) {
    Jobs(s);
  }
  for (const char* s : {"QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT",
                        "REJECTED", "REMOVED", "CANCELED"}) {
    Executions(s);
  }
}

Gauge& ServerMetrics::Jobs(const std::string& status) {
  return registry.GetGauge("iotjobs_jobs", kJobsHelp, {{"status", status}});
}

Gauge& ServerMetrics::Executions(const std::string& status) {
  return registry.GetGauge("iotjobs_job_executions", kExecutionsHelp, {{"status", status}});
}

ServerMetrics& Server() {
  static ServerMetrics metrics;
  return metrics;
}

}  // namespace iotjobs::metrics
