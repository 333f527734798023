#include "notify/mqtt_client.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <mutex>

#include "common/log.h"
#include "common/server_metrics.h"

namespace iotjobs::notify {
namespace {

void InitLibrary() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace

struct MqttClient::Callbacks {
  static void OnConnect(mosquitto* mosq, void* self, int rc, int flags,
                        const mosquitto_property* props);
  static void OnDisconnect(mosquitto* mosq, void* self, int rc, const mosquitto_property* props);
  static void OnPublish(mosquitto* mosq, void* self, int mid, int reason,
                        const mosquitto_property* props);
  static void OnMessage(mosquitto* mosq, void* self, const mosquitto_message* message,
                        const mosquitto_property* props);
};

Status ParseMqttUrl(const std::string& url, MqttOptions& options) {
  size_t sep = url.find("://");
  if (sep == std::string::npos) return InvalidRequest("--mqtt needs tcp://HOST:PORT, got " + url);
  std::string scheme = url.substr(0, sep);
  if (scheme == "tcp" || scheme == "mqtt") {
    options.tls = false;
    options.port = 1883;
  } else if (scheme == "ssl" || scheme == "mqtts" || scheme == "tls") {
    options.tls = true;
    options.port = 8883;
  } else {
    return InvalidRequest("--mqtt scheme must be tcp, mqtt, ssl or mqtts, got " + scheme);
  }
  std::string rest = url.substr(sep + 3);
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  size_t colon = rest.rfind(':');
  if (colon != std::string::npos) {
    try {
      options.port = std::stoi(rest.substr(colon + 1));
    } catch (...) {
      return InvalidRequest("--mqtt has a bad port: " + url);
    }
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return InvalidRequest("--mqtt needs a host: " + url);
  options.host = rest;
  return Status::Ok();
}

MqttClient::MqttClient(MqttOptions options, std::vector<std::string> subscriptions,
                       Handlers handlers, bool subscribed)
    : options_(std::move(options)),
      subscriptions_(std::move(subscriptions)),
      handlers_(std::move(handlers)),
      subscribed_(subscribed) {}

MqttClient::~MqttClient() { Stop(); }

Status MqttClient::Start() {
  InitLibrary();
  mosq_ = mosquitto_new(options_.client_id.c_str(), /*clean_session=*/true, this);
  if (!mosq_) return Internal("cannot create an MQTT client");
  mosquitto_int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
  mosquitto_connect_v5_callback_set(mosq_, &Callbacks::OnConnect);
  mosquitto_disconnect_v5_callback_set(mosq_, &Callbacks::OnDisconnect);
  mosquitto_publish_v5_callback_set(mosq_, &Callbacks::OnPublish);
  mosquitto_message_v5_callback_set(mosq_, &Callbacks::OnMessage);
  mosquitto_reconnect_delay_set(mosq_, 1, 10, true);
  if (options_.username) {
    mosquitto_username_pw_set(mosq_, options_.username->c_str(),
                              options_.password ? options_.password->c_str() : nullptr);
  }
  if (options_.tls) {
    int rc = mosquitto_tls_set(mosq_, options_.ca_file.empty() ? nullptr : options_.ca_file.c_str(),
                               options_.ca_file.empty() ? "/etc/ssl/certs" : nullptr,
                               options_.cert_file.empty() ? nullptr : options_.cert_file.c_str(),
                               options_.key_file.empty() ? nullptr : options_.key_file.c_str(),
                               nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
      return InvalidRequest(std::string("MQTT TLS settings: ") + mosquitto_strerror(rc));
    }
  }
  // Asynchronous: the loop thread connects, and reconnects whenever the broker goes away.
  int rc = mosquitto_connect_async(mosq_, options_.host.c_str(), options_.port,
                                   options_.keepalive_seconds);
  if (rc != MOSQ_ERR_SUCCESS) {
    IOTJOBS_LOG(kWarn) << "mqtt: first connection to " << options_.host << ":" << options_.port
                       << " failed (" << mosquitto_strerror(rc) << "); retrying in the background";
  }
  rc = mosquitto_loop_start(mosq_);
  if (rc != MOSQ_ERR_SUCCESS) return Internal("cannot start the MQTT network thread");
  started_ = true;
  return Status::Ok();
}

void MqttClient::Stop() {
  if (!mosq_) return;
  if (started_) {
    mosquitto_disconnect(mosq_);
    mosquitto_loop_stop(mosq_, /*force=*/false);
    started_ = false;
  }
  mosquitto_destroy(mosq_);
  mosq_ = nullptr;
}

void MqttClient::Subscribe(mosquitto* mosq, bool on) {
  for (const auto& sub : subscriptions_) {
    int s = on ? mosquitto_subscribe_v5(mosq, nullptr, sub.c_str(), 1, 0, nullptr)
               : mosquitto_unsubscribe_v5(mosq, nullptr, sub.c_str(), nullptr);
    if (s != MOSQ_ERR_SUCCESS) {
      IOTJOBS_LOG(kWarn) << "mqtt: cannot " << (on ? "subscribe to " : "unsubscribe from ") << sub
                         << ": " << mosquitto_strerror(s);
    }
  }
}

void MqttClient::SetSubscribed(bool subscribed) {
  {
    std::lock_guard lock(subscribe_mu_);
    if (subscribed_ == subscribed) return;
    subscribed_ = subscribed;
    // While disconnected, OnConnect subscribes (or not) when the connection comes back.
    if (mosq_ && connected_.load()) Subscribe(mosq_, subscribed);
  }
  IOTJOBS_LOG(kInfo) << "mqtt: " << (subscribed ? "taking" : "no longer taking")
                     << " device requests";
}

Result<int> MqttClient::Publish(const std::string& topic, const std::string& payload, int qos) {
  if (!connected_.load()) return Unavailable("not connected to the MQTT broker");
  int mid = 0;
  int rc = mosquitto_publish_v5(mosq_, &mid, topic.c_str(), static_cast<int>(payload.size()),
                                payload.data(), qos, /*retain=*/false, nullptr);
  if (rc != MOSQ_ERR_SUCCESS) return Unavailable(std::string("publish: ") + mosquitto_strerror(rc));
  metrics::Server().mqtt_published.Inc();
  return mid;
}

void MqttClient::Callbacks::OnConnect(mosquitto* mosq, void* self_ptr, int rc, int,
                                      const mosquitto_property*) {
  auto* self = static_cast<MqttClient*>(self_ptr);
  if (rc != 0) {
    IOTJOBS_LOG(kWarn) << "mqtt: the broker refused the connection: " << mosquitto_reason_string(rc);
    return;
  }
  IOTJOBS_LOG(kInfo) << "mqtt: connected to " << self->options_.host << ":" << self->options_.port;
  {
    // A clean session: the broker kept nothing, so subscribe again if we take requests. Under
    // the lock SetSubscribed takes, so that a change racing with this connection is not lost.
    std::lock_guard lock(self->subscribe_mu_);
    self->connected_.store(true);
    metrics::Server().mqtt_connected.Set(1);
    if (self->subscribed_) self->Subscribe(mosq, true);
  }
  if (self->handlers_.on_connection) self->handlers_.on_connection(true);
}

void MqttClient::Callbacks::OnDisconnect(mosquitto*, void* self_ptr, int rc,
                                         const mosquitto_property*) {
  auto* self = static_cast<MqttClient*>(self_ptr);
  bool was = self->connected_.exchange(false);
  metrics::Server().mqtt_connected.Set(0);
  if (was) {
    IOTJOBS_LOG(kWarn) << "mqtt: disconnected from the broker (" << mosquitto_strerror(rc)
                       << "); reconnecting in the background";
  }
  if (self->handlers_.on_connection) self->handlers_.on_connection(false);
}

void MqttClient::Callbacks::OnPublish(mosquitto*, void* self_ptr, int mid, int,
                                      const mosquitto_property*) {
  auto* self = static_cast<MqttClient*>(self_ptr);
  if (self->handlers_.on_published) self->handlers_.on_published(mid);
}

void MqttClient::Callbacks::OnMessage(mosquitto*, void* self_ptr, const mosquitto_message* message,
                                      const mosquitto_property*) {
  auto* self = static_cast<MqttClient*>(self_ptr);
  metrics::Server().mqtt_received.Inc();
  if (!self->handlers_.on_message || !message->topic) return;
  std::string payload(static_cast<const char*>(message->payload),
                      static_cast<size_t>(message->payloadlen));
  self->handlers_.on_message(message->topic, payload);
}

}  // namespace iotjobs::notify
