#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace iotjobs::api {

// A connection that can be told the server is stopping.
class Drainable {
 public:
  virtual ~Drainable() = default;
  // Closes the connection if it is waiting for a request that has not begun to arrive;
  // otherwise it finishes the request it is reading or serving, answers it, and closes.
  virtual void CloseIfIdle() = 0;
};

// The HTTP server's open connections, so that a stopping server can close the idle ones and
// know when the busy ones are done (HttpServer::Drain). Thread-safe.
class ConnectionTracker {
 public:
  // A new connection; the id is for Remove. One added while draining (accepted just before
  // the listener closed) is not told: it must look at draining() before it reads a request.
  uint64_t Add(std::weak_ptr<Drainable> connection);
  // A connection has closed (its session is gone). Runs the Drain callback after the last.
  void Remove(uint64_t id);
  // From now on connections close once idle: the idle ones at once, the others after their
  // answer. `on_empty` runs once, on the thread that removes the last connection (or on this
  // one, if none is open).
  void Drain(std::function<void()> on_empty);
  bool draining() const;
  size_t open() const;

 private:
  mutable std::mutex mu_;
  uint64_t next_id_ = 0;                                   // GUARDED_BY(mu_)
  std::map<uint64_t, std::weak_ptr<Drainable>> open_;      // GUARDED_BY(mu_)
  bool draining_ = false;                                  // GUARDED_BY(mu_)
  std::function<void()> on_empty_;                         // GUARDED_BY(mu_)
};

}  // namespace iotjobs::api
