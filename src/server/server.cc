#include "server/server.h"

#include <unistd.h>

#include <boost/asio/ip/address.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "auth/principals.h"
#include "common/ids.h"
#include "common/log.h"
#include "common/log_format.h"
#include "common/server_metrics.h"
#include "notify/topics.h"
#include "server/descriptor_budget.h"
#include "store/wait.h"

namespace iotjobs::server {

std::unique_ptr<Server> Server::Create(const Config& config, StartFailure& failure) {
  std::unique_ptr<Server> server(new Server(config));
  boost::system::error_code ec;
  server->listen_address_ = boost::asio::ip::make_address(config.listen_host, ec);
  if (ec) {
    failure = {2, "--listen needs an IP address, got '" + config.listen_host + "'"};
    return nullptr;
  }
  server->config_.limits.max_connections =
      FitConnectionsToDescriptorLimit(server->config_.limits.max_connections);
  if (!server->OpenStoreAndCredentials(failure) || !server->BuildService(failure) ||
      !server->BuildMqtt(failure) || !server->BuildHttp(failure)) {
    return nullptr;
  }
  server->BuildLease();
  return server;
}

Server::~Server() {
  if (store_.store) store_.store->Shutdown();
}

bool Server::OpenStoreAndCredentials(StartFailure& failure) {
  auto opened = OpenStore(config_);
  if (!opened.ok()) {
    failure = {1, "cannot open the store: " + opened.status().message()};
    return false;
  }
  store_ = std::move(*opened);
  IOTJOBS_LOG(kInfo) << "store: " << store_.description;

  auto credentials = LoadRootCredentials(config_.data_dir);
  if (!credentials.ok()) {
    failure = {1, credentials.status().message()};
    return false;
  }
  credentials_ = std::move(*credentials);
  if (credentials_.generated_now && store_.shared) {
    IOTJOBS_LOG(kWarn) << "auth: these root credentials belong to this instance alone; give "
                          "every instance on the shared store the same "
                          "IOTJOBS_ROOT_ACCESS_KEY_ID and IOTJOBS_ROOT_SECRET_ACCESS_KEY";
  }
  if (credentials_.generated_now) {
    // Printed once, on the start that generated them (they are kept in the data dir).
    std::cout << "Root credentials for account " << config_.account_id << " (shown once):\n"
              << "  AWS_ACCESS_KEY_ID=" << credentials_.access_key_id << "\n"
              << "  AWS_SECRET_ACCESS_KEY=" << credentials_.secret_access_key << "\n"
              << std::flush;
  }
  return true;
}

bool Server::BuildService(StartFailure& failure) {
  if (config_.auth == api::AuthMode::kNone) {
    IOTJOBS_LOG(kWarn) << "auth: --auth none: every request is accepted without checking its "
                          "signature. Use this for local emulation only.";
  }
  const Clock* clock = &system_clock_;
  if (config_.test_clock) {
    test_clock_ = std::make_unique<ManualClock>(system_clock_.NowMillis());
    clock = test_clock_.get();
  }
  service_ = std::make_unique<service::Service>(*store_.store, *clock, config_.region);
  timers_ = std::make_unique<service::TimerWorker>(*service_, *clock, std::chrono::seconds(1));
  if (config_.s3) {
    object_store_ = std::make_unique<s3::ObjectStore>(*config_.s3);
    service_->EnableObjectStore(object_store_.get());
    IOTJOBS_LOG(kInfo) << "s3: documents and presigned URLs from " << config_.s3->endpoint.ToString()
                       << " (devices download from " << config_.s3->public_endpoint.ToString()
                       << ")";
  }
  sampler_ = std::make_unique<StatsSampler>(*store_.store, *clock, kStatsSamplePeriod);
  api::ApiOptions api_options;
  api_options.region = config_.region;
  api_options.account_id = config_.account_id;
  api_options.auth = config_.auth;
  api_options.rate_limits = config_.rate_limits == "aws";
  api_options.console = config_.console == "on";
  api_options.allow_reset = config_.allow_reset;
  api_options.metrics =
      api::MetricsEndpoint{[] { return metrics::Server().registry.Render(); }, config_.metrics_token};
  // The nextToken key: made by the first instance that starts on this store, kept there.
  Status kept = store::WriteAndWait(*store_.store, "", [&](store::WriteTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(api_options.page_token_key,
                             tx.KeepServerKey("page-token", api::PageTokens::NewKey()));
    return Status::Ok();
  });
  if (!kept.ok()) {
    failure = {1, "store: cannot keep the pagination key: " + kept.message()};
    return false;
  }
  api_options.endpoints.jobs = config_.public_endpoint;
  api_options.endpoints.data = config_.mqtt_public_endpoint;
  if (!api_options.endpoints.data && !config_.mqtt_url.empty()) {
    notify::MqttOptions broker;
    if (Status s = notify::ParseMqttUrl(config_.mqtt_url, broker); !s.ok()) {
      failure = {2, s.message()};
      return false;
    }
    api_options.endpoints.data = api::JoinHostAndPort(broker.host, broker.port);
  }
  if (config_.allow_reset) {
    IOTJOBS_LOG(kWarn) << "--allow-reset: POST /moto-api/reset and POST /_iotjobs/test/reset "
                          "delete every account's data. Never use this outside tests.";
  }
  if (config_.test_clock) {
    IOTJOBS_LOG(kWarn) << "--test-clock: the server's clock moves only through "
                          "POST /_iotjobs/test/clock. Never use this outside tests.";
    api_options.test_clock = api::TestClockHooks{
        test_clock_.get(),
        [this](std::function<void()> done) { timers_->SweepNow(std::move(done)); }};
  }
  std::string credentials_json;
  if (!config_.credentials_file.empty()) {
    auto text = ReadFile(config_.credentials_file);
    if (!text.ok()) {
      failure = {1, text.status().message()};
      return false;
    }
    credentials_json = std::move(*text);
  }
  auto directory = auth::PrincipalDirectory::Build(config_.account_id, credentials_.access_key_id,
                                                   credentials_.secret_access_key,
                                                   credentials_json);
  if (!directory.ok()) {
    failure = {1, config_.credentials_file + ": " + directory.status().message()};
    return false;
  }
  IOTJOBS_LOG(kInfo) << "auth: " << (config_.auth == api::AuthMode::kNone ? "none" : "SigV4")
                     << ", " << (*directory)->size() << " access key(s)";
  authenticator_ =
      std::make_unique<api::Authenticator>(config_.auth, config_.region, *directory);
  api_ = std::make_unique<api::Api>(*service_, api_options, *authenticator_);
  return true;
}

bool Server::BuildMqtt(StartFailure& failure) {
  if (config_.mqtt_url.empty()) return true;
  notify::MqttOptions options;
  if (Status s = notify::ParseMqttUrl(config_.mqtt_url, options); !s.ok()) {
    failure = {2, s.message()};
    return false;
  }
  options.username = config_.mqtt_username;
  options.password = config_.mqtt_password;
  if (!options.password) {
    if (const char* p = std::getenv("IOTJOBS_MQTT_PASSWORD")) options.password = p;
  }
  options.ca_file = config_.mqtt_ca_file;
  options.cert_file = config_.mqtt_cert_file;
  options.key_file = config_.mqtt_key_file;
  options.client_id = config_.mqtt_client_id.empty() ? "iotjobsd-" + NewUuid().substr(0, 8)
                                                     : config_.mqtt_client_id;
  // The client's callbacks run on its network thread, which starts after the relay and the
  // jobs API below exist and stops before they go (see Components).
  notify::MqttClient::Handlers handlers;
  handlers.on_message = [this](const std::string& topic, const std::string& payload) {
    mqtt_api_->Handle(topic, payload);
  };
  handlers.on_published = [this](int mid) { relay_->Acknowledged(mid); };
  handlers.on_connection = [this](bool up) { relay_->ConnectionChanged(up); };
  // With --mqtt-share-group, a shared subscription: several instances split the requests.
  // Without it, on a shared store, only the holder of the background lease subscribes.
  mqtt_ = std::make_unique<notify::MqttClient>(
      options,
      std::vector<std::string>{notify::topics::RequestSubscription(config_.mqtt_share_group)},
      std::move(handlers), /*subscribed=*/!store_.shared || config_.mqtt_share_group);
  // On a shared store the relay also watches for messages other instances committed; a look
  // at an empty outbox is one index probe, so it can look often.
  relay_ = std::make_unique<notify::OutboxRelay>(
      *store_.store, *mqtt_,
      store_.shared ? std::chrono::milliseconds(100) : std::chrono::seconds(1));
  if (store_.shared) relay_->SetActive(false);  // until the lease is ours
  mqtt_api_ = std::make_unique<api::JobsMqttApi>(
      *service_, config_.account_id, [this](const std::string& topic, const std::string& payload) {
        if (auto sent = mqtt_->Publish(topic, payload, 1); !sent.ok()) {
          IOTJOBS_LOG(kWarn) << "mqtt: reply to " << topic
                             << " not sent: " << sent.status().message();
        }
      });
  service_->EnableNotifications(config_.mqtt_events, [this] { relay_->Wake(); });
  IOTJOBS_LOG(kInfo) << "mqtt: serving the jobs topics through " << options.host << ":"
                     << options.port << " as " << options.client_id
                     << (config_.mqtt_events ? ", with job events" : "");
  return true;
}

bool Server::BuildHttp(StartFailure& failure) {
  std::optional<api::TlsFiles> tls;
  if (!config_.tls_cert.empty()) tls = api::TlsFiles{config_.tls_cert, config_.tls_key};
  auto http = api::HttpServer::Listen(io_, {listen_address_, config_.listen_port}, *api_, config_.limits,
                                      tls);
  if (!http.ok()) {
    failure = {1, "cannot listen on " + config_.listen_host + ":" +
                      std::to_string(config_.listen_port)};
    return false;
  }
  http_ = std::move(*http);
  auto bound = http_->local_endpoint();
  IOTJOBS_LOG(kInfo) << "iotjobsd " << kVersion << " listening on "
                     << (tls ? "https://" : "http://") << bound.address().to_string() << ":"
                     << bound.port() << " (region " << config_.region << ", account "
                     << config_.account_id << ")";
  return true;
}

// Background work (timers, the outbox relay, MQTT requests without a share group): on a
// shared store, only while this instance holds the lease; alone on SQLite, always.
void Server::BuildLease() {
  // Alone on SQLite this instance always does the background work.
  metrics::Server().lease_held.Set(store_.shared ? 0 : 1);
  if (!store_.shared) return;
  timers_->SetActive(false);
  std::string instance_id = config_.instance_id;
  if (instance_id.empty()) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    instance_id = std::string(host) + ":" + std::to_string(http_->local_endpoint().port());
  }
  lease_ = std::make_unique<service::LeaseKeeper>(
      *store_.store, system_clock_, "background", instance_id,
      std::chrono::seconds(config_.lease_seconds), [this](bool held) {
        timers_->SetActive(held);
        metrics::Server().lease_held.Set(held ? 1 : 0);
        if (relay_) relay_->SetActive(held);
        if (mqtt_ && !config_.mqtt_share_group) mqtt_->SetSubscribed(held);
      });
}

// Started top to bottom, stopped bottom to top. The order matters when stopping: HTTP stops
// taking requests first; the relay and the broker connection stop before the lease is
// handed over, so that no two instances relay or answer devices at once; the store stops
// last, after committing what is queued.
std::vector<Server::Component> Server::Components() {
  std::vector<Component> list;
  list.push_back({"store", nullptr, [this] { store_.store->Shutdown(); }});
  if (lease_) {
    list.push_back({"lease", [this] { lease_->Start(); return Status::Ok(); },
                    [this] { lease_->Stop(); }});
  }
  list.push_back({"timers", [this] { timers_->Start(); return Status::Ok(); },
                  [this] { timers_->Stop(); }});
  list.push_back({"metrics sampler", [this] { sampler_->Start(); return Status::Ok(); },
                  [this] { sampler_->Stop(); }});
  if (mqtt_) {
    list.push_back({"mqtt", [this] { return mqtt_->Start(); }, [this] { mqtt_->Stop(); }});
    list.push_back({"outbox relay", [this] { relay_->Start(); return Status::Ok(); },
                    [this] { relay_->Stop(); }});
  }
  list.push_back({"http", nullptr, [this] { http_->StopAccepting(); }});
  return list;
}

// Runs once, from whichever comes first: the drain ending or a second signal.
void Server::Shutdown() {
  if (shutting_down_.exchange(true)) return;
  // Finishes the writes already queued (their data is committed before we exit).
  StopAll();
  io_.stop();
}

void Server::StopAll() {
  for (auto it = started_.rbegin(); it != started_.rend(); ++it) it->stop();
  started_.clear();
}

int Server::Run() {
  for (Component& c : Components()) {
    started_.push_back(c);
    if (!c.start) continue;
    if (Status s = c.start(); !s.ok()) {
      log::WriteFatal("iotjobsd", (c.name == "mqtt" ? "MQTT: " : c.name + ": ") + s.message());
      StopAll();
      return 1;
    }
  }
  // SIGHUP reloads the credentials file without dropping connections.
  reload_ = std::make_unique<boost::asio::signal_set>(io_, SIGHUP);
  WaitForReload();
  signals_ = std::make_unique<boost::asio::signal_set>(io_, SIGINT, SIGTERM);
  signals_->async_wait([this](const boost::system::error_code& error, int signal) {
    if (error) return;
    IOTJOBS_LOG(kInfo) << "received " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
                       << ", shutting down";
    reload_->cancel();
    // A second signal does not wait for the requests.
    signals_->async_wait([this](const boost::system::error_code& error, int) {
      if (error) return;
      IOTJOBS_LOG(kWarn) << "second signal: stopping without waiting for requests";
      Shutdown();
    });
    // The requests already begun are served and answered first (a 2xx is only ever sent
    // after its write committed), within --drain-seconds.
    http_->Drain(std::chrono::seconds(config_.drain_seconds), [this](size_t open) {
      if (open > 0) {
        IOTJOBS_LOG(kWarn) << open << " connection(s) still busy after --drain-seconds "
                           << config_.drain_seconds << "; stopping anyway";
      }
      Shutdown();
    });
  });

  const int threads = config_.threads > 0
                          ? config_.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Each HTTP thread runs its requests' reads itself, on its own read connection.
  auto serve = [this] {
    store_.store->EnableInlineReads();
    io_.run();
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(serve);
  serve();
  for (auto& t : pool) t.join();
  StopAll();
  IOTJOBS_LOG(kInfo) << "iotjobsd stopped";
  return 0;
}

void Server::WaitForReload() {
  reload_->async_wait([this](const boost::system::error_code& error, int) {
    if (error) return;
    ReloadCredentials();
    WaitForReload();
  });
}

// A file that does not load leaves the previous credentials in force.
void Server::ReloadCredentials() {
  if (config_.credentials_file.empty()) {
    IOTJOBS_LOG(kInfo) << "SIGHUP: no --credentials-file to reload";
    return;
  }
  auto text = ReadFile(config_.credentials_file);
  auto fresh = text.ok() ? auth::PrincipalDirectory::Build(config_.account_id,
                                                           credentials_.access_key_id,
                                                           credentials_.secret_access_key, *text)
                         : Result<std::shared_ptr<const auth::PrincipalDirectory>>(text.status());
  if (!fresh.ok()) {
    IOTJOBS_LOG(kError) << "SIGHUP: " << config_.credentials_file
                        << " not reloaded, keeping the previous credentials: "
                        << fresh.status().message();
    return;
  }
  authenticator_->ReplaceDirectory(*fresh);
  IOTJOBS_LOG(kInfo) << "SIGHUP: reloaded " << config_.credentials_file << ", "
                     << (*fresh)->size() << " access key(s)";
}

}  // namespace iotjobs::server
