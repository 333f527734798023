#include "api/connection_tracker.h"

#include <vector>

namespace iotjobs::api {

uint64_t ConnectionTracker::Add(std::weak_ptr<Drainable> connection) {
  std::lock_guard lock(mu_);
  uint64_t id = ++next_id_;
  open_.emplace(id, std::move(connection));
  return id;
}

void ConnectionTracker::Remove(uint64_t id) {
  std::function<void()> run;
  {
    std::lock_guard lock(mu_);
    open_.erase(id);
    if (draining_ && open_.empty()) std::swap(run, on_empty_);
  }
  if (run) run();
}

void ConnectionTracker::Drain(std::function<void()> on_empty) {
  std::vector<std::shared_ptr<Drainable>> connections;
  bool none_open;
  {
    std::lock_guard lock(mu_);
    draining_ = true;
    none_open = open_.empty();
    if (!none_open) {
      on_empty_ = std::move(on_empty);
      for (auto& [id, weak] : open_) {
        if (auto c = weak.lock()) connections.push_back(std::move(c));
      }
    }
  }
  if (none_open) on_empty();
  // Outside the lock: a connection that closes at once removes itself. The references taken
  // here may be the last ones: then the session goes, and removes itself, right here.
  for (auto& c : connections) c->CloseIfIdle();
}

bool ConnectionTracker::draining() const {
  std::lock_guard lock(mu_);
  return draining_;
}

size_t ConnectionTracker::open() const {
  std::lock_guard lock(mu_);
  return open_.size();
}

}  // namespace iotjobs::api
