#pragma once

#include "common/metrics.h"

// iotjobsd's metrics, in one place (docs/metrics.md describes each). One set per process,
// like Prometheus client libraries' default registry: the store, the notifier, the API and
// the server each update their own metrics here without being handed a registry, and
// GET /metrics renders it. Series whose labels are known in advance (planes, statuses) are
// declared up front, so they show 0 rather than being absent until their first event.
namespace iotjobs::metrics {

struct ServerMetrics {
  ServerMetrics();

  Registry registry;

  // HTTP. Requests per operation are declared by the Api (api/request_metrics.h).
  Gauge& http_connections;
  Gauge& http_in_flight;
  Histogram& request_seconds_control;
  Histogram& request_seconds_device;

  // The store engine.
  Histogram& store_write_batch_size;
  Histogram& store_commit_seconds;
  Histogram& store_read_seconds;
  Counter& store_write_batch_conflicts;

  // MQTT and the outbox.
  Gauge& mqtt_connected;
  Counter& mqtt_received;
  Counter& mqtt_published;
  Gauge& outbox_depth;
  Gauge& outbox_oldest_age_seconds;

  // Background work and the data (sampled, server/stats_sampler.h).
  Gauge& timers_pending;
  Gauge& lease_held;
  Gauge& stats_sampled_at;

  // The job or execution status gauge named `status`, declared on first use (the sampler
  // thread only, so this lookup under the registry's lock never meets a request).
  Gauge& Jobs(const std::string& status);
  Gauge& Executions(const std::string& status);
};

// The process's metrics.
ServerMetrics& Server();

}  // namespace iotjobs::metrics
