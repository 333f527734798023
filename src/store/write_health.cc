#include "store/write_health.h"

#include "common/log.h"

namespace iotjobs::store {

void WriteHealth::Failed(std::string problem) {
  if (!failing_.exchange(true)) {
    IOTJOBS_LOG(kError) << "store: writes are failing (" << problem
                        << "); /health reports it until a write commits again";
  }
  std::lock_guard lock(mu_);
  problem_ = std::move(problem);
}

void WriteHealth::Succeeded() {
  if (!failing_.load(std::memory_order_relaxed)) return;
  if (failing_.exchange(false)) IOTJOBS_LOG(kInfo) << "store: writes commit again";
}

HealthReport WriteHealth::Report() const {
  if (!failing()) return {};
  std::lock_guard lock(mu_);
  return {false, problem_};
}

}  // namespace iotjobs::store
