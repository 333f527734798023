#include "server/stats_sampler.h"

#include "common/log.h"
#include "common/server_metrics.h"
#include "store/wait.h"

namespace iotjobs::server {

StatsSampler::StatsSampler(store::Store& store, const Clock& clock,
                           std::chrono::milliseconds period)
    : store_(store), clock_(clock), period_(period) {}

StatsSampler::~StatsSampler() { Stop(); }

void StatsSampler::Start() {
  loop_.Start(
      [this](bool) {
        Sample();
        return period_;
      },
      std::chrono::milliseconds(0));
}

void StatsSampler::Stop() { loop_.Stop(); }

void StatsSampler::Sample() {
  store::StoreStats stats;
  Status read = store::ReadAndWait(store_, "", [&stats](store::ReadTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(stats, tx.ReadStats());
    return Status::Ok();
  });
  if (!read.ok()) {
    // The gauges keep their last values; the timestamp shows they are getting old.
    IOTJOBS_LOG(kDebug) << "metrics: cannot sample the store: " << read.ToString();
    return;
  }
  metrics::ServerMetrics& m = metrics::Server();
  // Statuses that have no jobs left go back to 0: set every declared one, then the counts.
  for (const char* s : {"IN_PROGRESS", "SCHEDULED", "COMPLETED", "CANCELED",
                        "DELETION_IN_PROGRESS"}) {
    m.Jobs(s).Set(0);
  }
  for (const auto& [status, n] : stats.jobs_by_status) m.Jobs(status).Set(static_cast<double>(n));
  for (const auto& [status, n] : stats.executions_by_status) {
    m.Executions(status).Set(static_cast<double>(n));
  }
  m.outbox_depth.Set(static_cast<double>(stats.outbox_depth));
  // The service's clock, which wrote the outbox's created_at.
  const EpochMillis now = clock_.NowMillis();
  m.outbox_oldest_age_seconds.Set(
      stats.outbox_oldest ? std::max<EpochMillis>(0, now - *stats.outbox_oldest) / 1000.0 : 0);
  m.timers_pending.Set(static_cast<double>(stats.timers_pending));
  m.stats_sampled_at.Set(now / 1000.0);
}

}  // namespace iotjobs::server
