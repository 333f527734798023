#pragma once

#include <optional>
#include <string>

#include "api/api.h"
#include "api/http_server.h"
#include "common/log.h"
#include "common/log_format.h"
#include "common/result.h"
#include "s3/object_store.h"

namespace iotjobs::server {

// iotjobsd's command line (docs/architecture.md, "Server options").
struct Config {
  std::string listen_host = "127.0.0.1";
  uint16_t listen_port = 4580;
  std::string data_dir = "./iotjobs-data";  // ":memory:" keeps nothing
  std::string store_url;  // postgresql://... for a store several instances share; "" for SQLite
  std::string instance_id;  // names this instance in leases; "" for HOSTNAME:PORT
  int lease_seconds = 10;   // how long a background lease lasts without renewal
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  api::AuthMode auth = api::AuthMode::kSigV4;
  std::string credentials_file;  // accounts, users, keys and policies (JSON); "" for none
  int threads = 0;  // 0: one per core
  log::Level log_level = log::Level::kInfo;
  log::Format log_format = log::Format::kText;
  api::HttpLimits limits;
  std::string tls_cert;  // HTTPS when both are set
  std::string tls_key;
  std::string rate_limits = "off";  // off | aws
  std::string console = "on";       // on | off: the web console at /console/
  // MQTT: the broker URL ("" for none) and how to log in to it.
  std::string mqtt_url;
  std::optional<std::string> mqtt_username;
  std::optional<std::string> mqtt_password;
  std::string mqtt_ca_file;
  std::string mqtt_cert_file;
  std::string mqtt_key_file;
  std::string mqtt_client_id;
  // Accounts that never called UpdateEventConfigurations start with the JOB and
  // JOB_EXECUTION events on.
  bool mqtt_events = false;
  // What DescribeEndpoint answers: iot:Jobs (default: the request's Host header) and
  // iot:Data / iot:Data-ATS (default: the host and port of --mqtt). HOST[:PORT], no scheme.
  std::optional<std::string> public_endpoint;
  std::optional<std::string> mqtt_public_endpoint;
  std::optional<std::string> mqtt_share_group;  // several instances: an MQTT 5 shared subscription
  // The S3-compatible store job documents and firmware live in (--s3-endpoint); absent: none,
  // and documentSource and presigned URL placeholders are refused.
  std::optional<s3::StoreConfig> s3;
  // GET /metrics needs "Authorization: Bearer TOKEN" when set (--metrics-token-file); open
  // when empty.
  std::string metrics_token;
  bool test_clock = false;  // test-only: a clock moved over HTTP (see api::TestClockHooks)
  bool allow_reset = false;  // test-only: POST /moto-api/reset empties the store (api::ApiOptions)
  // On SIGTERM or SIGINT, how long requests already being served get to finish and be
  // answered before the server exits anyway.
  int drain_seconds = 10;
  bool help = false;
  std::string help_text;  // with help: the text asked for (iotjobsd's, or a subcommand's)
  bool version = false;
  // `iotjobsd backup --to FILE`: copy the store instead of serving (backup_command.h).
  bool backup = false;
  std::string backup_to;
};

// The whole of a file; kInvalidRequest naming it when it cannot be read.
Result<std::string> ReadFile(const std::string& path);

}  // namespace iotjobs::server
