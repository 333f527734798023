#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>
#include <optional>
#include <string>

#include "common/result.h"

struct mosquitto;

namespace iotjobs::notify {

// How to reach the broker: --mqtt tcp://HOST:PORT (or mqtts:// / ssl:// for TLS) and the
// options around it.
struct MqttOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  bool tls = false;
  std::string ca_file;    // TLS: the broker's CA (system CAs when empty)
  std::string cert_file;  // TLS client certificate, with key_file
  std::string key_file;
  std::optional<std::string> username;
  std::optional<std::string> password;
  std::string client_id;  // unique per iotjobsd instance
  int keepalive_seconds = 30;
};

// Parses "tcp://host:port", "mqtt://host:port", "ssl://host:port", "mqtts://host:port"
// into `options` (default ports 1883 and 8883). kInvalidRequest otherwise.
Status ParseMqttUrl(const std::string& url, MqttOptions& options);

// One MQTT 5 connection to the broker through libmosquitto. It connects in the background
// and reconnects by itself after the broker goes away (1 s to 10 s back-off), so a broker
// outage never blocks a caller: Publish simply fails while disconnected. Callbacks run on
// libmosquitto's network thread. Thread-safe.
//
// Its subscriptions (the device request topics) can be switched off and on: of several
// instances on a broker without shared subscriptions, only the holder of the background
// lease takes device requests, so each is handled once.
class MqttClient {
 public:
  struct Handlers {
    // A message on a subscribed topic.
    std::function<void(const std::string& topic, const std::string& payload)> on_message;
    // The broker acknowledged the QoS 1 publication `mid` (PUBACK).
    std::function<void(int mid)> on_published;
    // Connected (after subscribing again) or disconnected.
    std::function<void(bool connected)> on_connection;
  };

  // `subscribed`: whether to subscribe to `subscriptions` from the start.
  MqttClient(MqttOptions options, std::vector<std::string> subscriptions, Handlers handlers,
             bool subscribed = true);
  ~MqttClient();
  MqttClient(const MqttClient&) = delete;
  MqttClient& operator=(const MqttClient&) = delete;

  // Starts connecting (does not wait for the broker). kInvalidRequest for unusable options
  // (TLS files that cannot be read).
  Status Start();
  void Stop();

  // Publishes; the message id, or kServiceUnavailable while disconnected.
  Result<int> Publish(const std::string& topic, const std::string& payload, int qos);

  bool connected() const { return connected_.load(); }

  // Subscribes to (or unsubscribes from) the subscriptions now if connected, and on every
  // later connection.
  void SetSubscribed(bool subscribed);

 private:
  struct Callbacks;  // libmosquitto's callbacks (mqtt_client.cc)
  friend struct Callbacks;
  void Subscribe(mosquitto* mosq, bool on);

  MqttOptions options_;
  std::vector<std::string> subscriptions_;
  Handlers handlers_;
  std::mutex subscribe_mu_;
  bool subscribed_;  // GUARDED_BY(subscribe_mu_)
  mosquitto* mosq_ = nullptr;
  std::atomic<bool> connected_{false};
  bool started_ = false;
};

}  // namespace iotjobs::notify
