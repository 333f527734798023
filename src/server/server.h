#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/api.h"
#include "api/http_server.h"
#include "api/middleware/authenticator.h"
#include "api/mqtt/jobs_mqtt_api.h"
#include "common/clock.h"
#include "notify/mqtt_client.h"
#include "notify/outbox_relay.h"
#include "server/config.h"
#include "server/open_store.h"
#include "server/root_credentials.h"
#include "server/stats_sampler.h"
#include "service/lease_keeper.h"
#include "service/service.h"
#include "service/timer_worker.h"

namespace iotjobs::server {

// Why iotjobsd could not start, and the exit code that says so: 2 when its options are
// wrong, 1 when something it needs (the store, a file, the address) cannot be had.
struct StartFailure {
  int exit_code = 1;
  std::string message;
};

// iotjobsd: the only code that knows every concrete class. Create builds the components
// from the options (nothing runs yet); Run starts them in the order of one list, serves
// until SIGINT or SIGTERM, and stops them in the reverse order.
class Server {
 public:
  static constexpr const char* kVersion = "0.1.0";
  // How often the gauges that count stored data are read (StatsSampler says why).
  static constexpr std::chrono::seconds kStatsSamplePeriod{5};

  // Opens the store, loads the credentials, connects nothing yet but binds the HTTP address,
  // so every mistake in the options is reported before anything starts. Null with `failure`
  // filled in when it cannot.
  static std::unique_ptr<Server> Create(const Config& config, StartFailure& failure);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Starts everything, serves on `threads` HTTP threads until a signal, stops everything.
  // Returns the process's exit code.
  int Run();

 private:
  // One part of the server with its start (may be empty) and its stop.
  struct Component {
    std::string name;
    std::function<Status()> start;
    std::function<void()> stop;
  };

  explicit Server(Config config) : config_(std::move(config)) {}
  bool OpenStoreAndCredentials(StartFailure& failure);
  bool BuildService(StartFailure& failure);
  bool BuildMqtt(StartFailure& failure);
  bool BuildHttp(StartFailure& failure);
  void BuildLease();
  // The components in start order; Stop takes them in reverse.
  std::vector<Component> Components();
  void StopAll();
  void Shutdown();
  void WaitForReload();
  void ReloadCredentials();

  Config config_;
  boost::asio::ip::address listen_address_;
  OpenedStore store_;
  RootCredentials credentials_;
  SystemClock system_clock_;
  std::unique_ptr<ManualClock> test_clock_;  // --test-clock only
  std::unique_ptr<service::Service> service_;
  std::unique_ptr<service::TimerWorker> timers_;
  // --s3-endpoint; after service_, so that it stops (waiting for its reads in flight, whose
  // callbacks call the service) before the service goes.
  std::unique_ptr<s3::ObjectStore> object_store_;
  std::unique_ptr<StatsSampler> sampler_;  // the metrics that count stored data
  std::unique_ptr<api::Authenticator> authenticator_;
  std::unique_ptr<api::Api> api_;
  // MQTT (with --mqtt): the broker client's callbacks reach the relay and the jobs API
  // through this object. The client is stopped before them (StopAll) and destroyed first.
  std::unique_ptr<notify::OutboxRelay> relay_;
  std::unique_ptr<api::JobsMqttApi> mqtt_api_;
  std::unique_ptr<notify::MqttClient> mqtt_;
  boost::asio::io_context io_;
  std::unique_ptr<api::HttpServer> http_;
  std::unique_ptr<service::LeaseKeeper> lease_;  // on a shared store only
  std::vector<Component> started_;
  std::atomic<bool> shutting_down_{false};
  std::unique_ptr<boost::asio::signal_set> reload_;
  std::unique_ptr<boost::asio::signal_set> signals_;
};

}  // namespace iotjobs::server
