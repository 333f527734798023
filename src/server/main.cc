// iotjobsd: wires the store, the service, the API and the HTTP server together. The only
// code that knows every concrete class.
#include <unistd.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <iostream>
#include <thread>
#include <vector>

#include "api/api.h"
#include "api/http_server.h"
#include "api/middleware/authenticator.h"
#include "api/mqtt/jobs_mqtt_api.h"
#include "auth/principals.h"
#include "common/ids.h"
#include "notify/mqtt_client.h"
#include "notify/outbox_relay.h"
#include "notify/topics.h"
#include "common/clock.h"
#include "common/log.h"
#include "server/config.h"
#include "server/descriptor_budget.h"
#include "server/root_credentials.h"
#include "service/service.h"
#include "service/timer_worker.h"
#include "server/open_store.h"
#include "service/lease_keeper.h"

namespace {
constexpr const char* kVersion = "0.1.0";
}  // namespace

int main(int argc, char** argv) {
  using namespace iotjobs;
  auto config = server::ParseArgs(argc, argv);
  if (!config.ok()) {
    std::cerr << "iotjobsd: " << config.status().message() << "\n";
    return 2;
  }
  if (config->help) {
    std::cout << server::Usage();
    return 0;
  }
  if (config->version) {
    std::cout << "iotjobsd " << kVersion << "\n";
    return 0;
  }
  log::SetLevel(config->log_level);

  config->limits.max_connections =
      server::FitConnectionsToDescriptorLimit(config->limits.max_connections);
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(config->listen_host, ec);
  if (ec) {
    std::cerr << "iotjobsd: --listen needs an IP address, got '" << config->listen_host << "'\n";
    return 2;
  }

  auto opened = server::OpenStore(*config);
  if (!opened.ok()) {
    std::cerr << "iotjobsd: cannot open the store: " << opened.status().message() << "\n";
    return 1;
  }
  store::Store& store = *opened->store;
  IOTJOBS_LOG(kInfo) << "store: " << opened->description;

  auto credentials = server::LoadRootCredentials(config->data_dir);
  if (!credentials.ok()) {
    std::cerr << "iotjobsd: " << credentials.status().message() << "\n";
    return 1;
  }
  if (credentials->generated_now && opened->shared) {
    IOTJOBS_LOG(kWarn) << "auth: these root credentials belong to this instance alone; give "
                          "every instance on the shared store the same "
                          "IOTJOBS_ROOT_ACCESS_KEY_ID and IOTJOBS_ROOT_SECRET_ACCESS_KEY";
  }
  if (credentials->generated_now) {
    // Printed once, on the start that generated them (they are kept in the data dir).
    std::cout << "Root credentials for account " << config->account_id << " (shown once):\n"
              << "  AWS_ACCESS_KEY_ID=" << credentials->access_key_id << "\n"
              << "  AWS_SECRET_ACCESS_KEY=" << credentials->secret_access_key << "\n"
              << std::flush;
  }
  if (config->auth == api::AuthMode::kNone) {
    IOTJOBS_LOG(kWarn) << "auth: --auth none: every request is accepted without checking its "
                          "signature. Use this for local emulation only.";
  }

  SystemClock system_clock;
  ManualClock test_clock(system_clock.NowMillis());
  const Clock& clock = config->test_clock ? static_cast<const Clock&>(test_clock) : system_clock;
  service::Service service(store, clock, config->region);
  service::TimerWorker timers(service, clock, std::chrono::seconds(1));
  api::ApiOptions api_options{config->region, config->account_id, config->auth, std::nullopt,
                              config->rate_limits == "aws"};
  if (config->test_clock) {
    IOTJOBS_LOG(kWarn) << "--test-clock: the server's clock moves only through "
                          "POST /_iotjobs/test/clock. Never use this outside tests.";
    api_options.test_clock = api::TestClockHooks{
        &test_clock, [&timers](std::function<void()> done) { timers.SweepNow(std::move(done)); }};
  }
  std::string credentials_json;
  if (!config->credentials_file.empty()) {
    auto text = server::ReadFile(config->credentials_file);
    if (!text.ok()) {
      std::cerr << "iotjobsd: " << text.status().message() << "\n";
      return 1;
    }
    credentials_json = std::move(*text);
  }
  auto directory = auth::PrincipalDirectory::Build(config->account_id, credentials->access_key_id,
                                                   credentials->secret_access_key, credentials_json);
  if (!directory.ok()) {
    std::cerr << "iotjobsd: " << config->credentials_file << ": " << directory.status().message()
              << "\n";
    return 1;
  }
  IOTJOBS_LOG(kInfo) << "auth: " << (config->auth == api::AuthMode::kNone ? "none" : "SigV4") << ", "
                     << (*directory)->size() << " access key(s)";
  api::Authenticator authenticator(config->auth, config->region, *directory);
  api::Api api(service, api_options, authenticator);

  // MQTT: the jobs topics and the outbox relay, through the broker.
  std::unique_ptr<notify::MqttClient> mqtt;
  std::unique_ptr<notify::OutboxRelay> relay;
  std::unique_ptr<api::JobsMqttApi> mqtt_api;
  // The MQTT callbacks reach the relay and the API through these (set once both exist).
  notify::OutboxRelay* relay_ptr = nullptr;
  api::JobsMqttApi* api_ptr = nullptr;
  if (!config->mqtt_url.empty()) {
    notify::MqttOptions mqtt_options;
    if (Status s = notify::ParseMqttUrl(config->mqtt_url, mqtt_options); !s.ok()) {
      std::cerr << "iotjobsd: " << s.message() << "\n";
      return 2;
    }
    mqtt_options.username = config->mqtt_username;
    mqtt_options.password = config->mqtt_password;
    if (!mqtt_options.password) {
      if (const char* p = std::getenv("IOTJOBS_MQTT_PASSWORD")) mqtt_options.password = p;
    }
    mqtt_options.ca_file = config->mqtt_ca_file;
    mqtt_options.cert_file = config->mqtt_cert_file;
    mqtt_options.key_file = config->mqtt_key_file;
    mqtt_options.client_id =
        config->mqtt_client_id.empty() ? "iotjobsd-" + NewUuid().substr(0, 8) : config->mqtt_client_id;
    notify::MqttClient::Handlers handlers;
    handlers.on_message = [&api_ptr](const std::string& topic, const std::string& payload) {
      if (api_ptr) api_ptr->Handle(topic, payload);
    };
    handlers.on_published = [&relay_ptr](int mid) {
      if (relay_ptr) relay_ptr->Acknowledged(mid);
    };
    handlers.on_connection = [&relay_ptr](bool up) {
      if (relay_ptr) relay_ptr->ConnectionChanged(up);
    };
    // With --mqtt-share-group, a shared subscription: several instances split the requests.
    // Without it, on a shared store, only the holder of the background lease subscribes.
    mqtt = std::make_unique<notify::MqttClient>(
        mqtt_options,
        std::vector<std::string>{notify::topics::RequestSubscription(config->mqtt_share_group)},
        std::move(handlers), /*subscribed=*/!opened->shared || config->mqtt_share_group);
    // On a shared store the relay also watches for messages other instances committed; a
    // look at an empty outbox is one index probe, so it can look often.
    relay = std::make_unique<notify::OutboxRelay>(
        store, *mqtt, opened->shared ? std::chrono::milliseconds(100) : std::chrono::seconds(1));
    if (opened->shared) relay->SetActive(false);  // until the lease is ours
    relay_ptr = relay.get();
    mqtt_api = std::make_unique<api::JobsMqttApi>(
        service, config->account_id, [&mqtt](const std::string& topic, const std::string& payload) {
          if (auto sent = mqtt->Publish(topic, payload, 1); !sent.ok()) {
            IOTJOBS_LOG(kWarn) << "mqtt: reply to " << topic << " not sent: " << sent.status().message();
          }
        });
    api_ptr = mqtt_api.get();
    service.EnableNotifications(config->mqtt_events, [&relay_ptr] {
      if (relay_ptr) relay_ptr->Wake();
    });
    relay->Start();
    if (Status s = mqtt->Start(); !s.ok()) {
      std::cerr << "iotjobsd: MQTT: " << s.message() << "\n";
      return 1;
    }
    IOTJOBS_LOG(kInfo) << "mqtt: serving the jobs topics through " << mqtt_options.host << ":"
                       << mqtt_options.port << " as " << mqtt_options.client_id
                       << (config->mqtt_events ? ", with job events" : "");
  }

  boost::asio::io_context io;
  std::optional<api::TlsFiles> tls;
  if (!config->tls_cert.empty()) tls = api::TlsFiles{config->tls_cert, config->tls_key};
  auto http = api::HttpServer::Listen(io, {address, config->listen_port}, api, config->limits, tls);
  if (!http.ok()) {
    std::cerr << "iotjobsd: cannot listen on " << config->listen_host << ":"
              << config->listen_port << "\n";
    return 1;
  }
  auto bound = (*http)->local_endpoint();
  IOTJOBS_LOG(kInfo) << "iotjobsd " << kVersion << " listening on "
                     << (tls ? "https://" : "http://")
                     << bound.address().to_string() << ":" << bound.port() << " (region "
                     << config->region << ", account " << config->account_id << ")";

  // Background work (timers, the outbox relay, MQTT requests without a share group): on a
  // shared store, only while this instance holds the lease; alone on SQLite, always.
  std::unique_ptr<service::LeaseKeeper> lease;
  if (opened->shared) {
    timers.SetActive(false);
    std::string instance_id = config->instance_id;
    if (instance_id.empty()) {
      char host[256] = {};
      gethostname(host, sizeof host - 1);
      instance_id = std::string(host) + ":" + std::to_string(bound.port());
    }
    lease = std::make_unique<service::LeaseKeeper>(
        store, system_clock, "background", instance_id,
        std::chrono::seconds(config->lease_seconds), [&](bool held) {
          timers.SetActive(held);
          if (relay) relay->SetActive(held);
          if (mqtt && !config->mqtt_share_group) mqtt->SetSubscribed(held);
        });
    lease->Start();
  }
  timers.Start();
  // SIGHUP reloads the credentials file without dropping connections; a file that does not
  // load leaves the previous credentials in force.
  boost::asio::signal_set reload(io, SIGHUP);
  std::function<void()> wait_reload = [&] {
    reload.async_wait([&](const boost::system::error_code& error, int) {
      if (error) return;
      if (config->credentials_file.empty()) {
        IOTJOBS_LOG(kInfo) << "SIGHUP: no --credentials-file to reload";
      } else {
        auto text = server::ReadFile(config->credentials_file);
        auto fresh = text.ok() ? auth::PrincipalDirectory::Build(
                                     config->account_id, credentials->access_key_id,
                                     credentials->secret_access_key, *text)
                               : Result<std::shared_ptr<const auth::PrincipalDirectory>>(text.status());
        if (fresh.ok()) {
          authenticator.ReplaceDirectory(*fresh);
          IOTJOBS_LOG(kInfo) << "SIGHUP: reloaded " << config->credentials_file << ", "
                             << (*fresh)->size() << " access key(s)";
        } else {
          IOTJOBS_LOG(kError) << "SIGHUP: " << config->credentials_file
                              << " not reloaded, keeping the previous credentials: "
                              << fresh.status().message();
        }
      }
      wait_reload();
    });
  };
  wait_reload();
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) return;
    IOTJOBS_LOG(kInfo) << "received " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
                       << ", shutting down";
    (*http)->StopAccepting();
    reload.cancel();
    timers.Stop();
    if (relay) relay->Stop();
    if (mqtt) mqtt->Stop();
    // Hand the background work over at once rather than when the lease runs out.
    if (lease) lease->Stop();
    // Finish the writes already queued (their data is committed before we exit), then stop.
    store.Shutdown();
    io.stop();
  });

  int threads = config->threads > 0 ? config->threads
                                    : std::max(1u, std::thread::hardware_concurrency());
  // Each HTTP thread runs its requests' reads itself, on its own read connection.
  auto serve = [&io, &store] {
    store.EnableInlineReads();
    io.run();
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(serve);
  serve();
  for (auto& t : pool) t.join();
  store.Shutdown();
  IOTJOBS_LOG(kInfo) << "iotjobsd stopped";
  return 0;
}
