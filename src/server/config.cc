#include "server/config.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <cstdlib>
#include <string_view>

namespace iotjobs::server {
namespace {

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool IsAccountId(std::string_view s) {
  if (s.size() != 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string Usage() {
  return R"(Usage: iotjobsd [options]

The AWS IoT Jobs service (control plane `iot`, device plane `iot-jobs-data`) on your machine.

Options:
  --listen HOST:PORT     address to serve HTTP on (default 127.0.0.1:4580; port 0 picks one)
  --data-dir DIR         where the SQLite database lives (default ./iotjobs-data);
                         ":memory:" keeps nothing, for tests
  --store URL            postgresql://USER@HOST:PORT/DB: keep everything in PostgreSQL,
                         so that several iotjobsd (behind one load balancer and one
                         broker) serve the same data. One of them at a time runs the
                         timers, relays notifications and, without --mqtt-share-group,
                         takes the device requests from MQTT (a lease in the database)
  --instance-id ID       this instance's name in those leases (default HOSTNAME:PORT)
  --lease-seconds N      how long a lease outlives its holder (default 10): another
                         instance takes over at most about 1.33 N seconds after one dies
  --region REGION        region in ARNs and credential scopes (default us-east-1)
  --account-id ID        12-digit account of the root credentials (default 123456789012)
  --auth sigv4|none      check SigV4 signatures (default), or accept any request
                         (local emulation only)
  --credentials-file F   accounts, users, access keys and IAM policies (JSON); reloaded
                         on SIGHUP
  --mqtt URL             serve the jobs MQTT API and publish notifications through the
                         broker at tcp://HOST:PORT (or mqtts://HOST:PORT for TLS)
  --mqtt-username NAME   log in to the broker as NAME, with the password in
  --mqtt-password-file F   (or IOTJOBS_MQTT_PASSWORD)
  --mqtt-ca-file F       TLS: the broker's CA; --mqtt-cert-file/--mqtt-key-file: our
                         client certificate and key
  --mqtt-client-id ID    our MQTT client id (default iotjobsd-<random>)
  --mqtt-events          also publish job and job execution events ($aws/events/...)
  --mqtt-share-group G   several iotjobsd on one broker: take device requests through the
                         MQTT 5 shared subscription $share/G/..., so each is handled once
                         (needs a broker that shares $-prefixed topics)
  --threads N            HTTP threads (default: one per core)
  --max-body-bytes N     largest request body accepted (default 1048576)
  --max-header-bytes N   largest request head accepted (default 16384)
  --max-uri-bytes N      longest request URI accepted (default 8192)
  --max-connections N    connections served at once; more get 503 (default 10000)
  --rate-limits off|aws  per-account, per-operation request rates: off (default), or the
                         AWS IoT quotas (ThrottlingException beyond them)
  --tls-cert FILE        serve HTTPS with this PEM certificate chain ...
  --tls-key FILE         ... and this PEM private key
  --idle-timeout SECS    close connections silent this long (default 60)
  --log-level LEVEL      debug, info, warn or error (default info)
  --test-clock           TEST ONLY: a server clock that moves only when told to, via
                         POST /_iotjobs/test/clock {"advanceSeconds": N}
  --version              print the version and exit
  --help                 print this text and exit

Root credentials come from IOTJOBS_ROOT_ACCESS_KEY_ID and IOTJOBS_ROOT_SECRET_ACCESS_KEY, or
are generated on first start, kept in the data directory (mode 0600) and printed once.
)";
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidRequest("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<Config> ParseArgs(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string_view value;
    std::string name(arg);
    if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos) {
      name = std::string(arg.substr(0, eq));
      value = arg.substr(eq + 1);
    }
    auto need_value = [&]() -> Result<std::string_view> {
      if (!value.empty()) return value;
      if (i + 1 >= argc) return InvalidRequest(name + " needs a value");
      value = argv[++i];
      return value;
    };
    if (name == "--help" || name == "-h") {
      c.help = true;
    } else if (name == "--version") {
      c.version = true;
    } else if (name == "--test-clock") {
      c.test_clock = true;
    } else if (name == "--listen") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      size_t colon = v.rfind(':');
      if (colon == std::string_view::npos || !ParseNumber(v.substr(colon + 1), c.listen_port)) {
        return InvalidRequest("--listen needs HOST:PORT, got '" + std::string(v) + "'");
      }
      c.listen_host = std::string(v.substr(0, colon));
      if (c.listen_host.size() > 2 && c.listen_host.front() == '[' && c.listen_host.back() == ']') {
        c.listen_host = c.listen_host.substr(1, c.listen_host.size() - 2);
      }
    } else if (name == "--data-dir") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.data_dir = std::string(v);
    } else if (name == "--store") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (v.rfind("postgresql://", 0) != 0 && v.rfind("postgres://", 0) != 0) {
        return InvalidRequest("--store needs a postgresql:// URL, got '" + std::string(v) + "'");
      }
      c.store_url = std::string(v);
    } else if (name == "--instance-id") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.instance_id = std::string(v);
    } else if (name == "--lease-seconds") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.lease_seconds) || c.lease_seconds < 1 || c.lease_seconds > 3600) {
        return InvalidRequest("--lease-seconds needs a number from 1 to 3600");
      }
    } else if (name == "--region") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.region = std::string(v);
    } else if (name == "--account-id") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!IsAccountId(v)) return InvalidRequest("--account-id needs 12 digits");
      c.account_id = std::string(v);
    } else if (name == "--auth") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (v == "sigv4") {
        c.auth = api::AuthMode::kSigV4;
      } else if (v == "none") {
        c.auth = api::AuthMode::kNone;
      } else {
        return InvalidRequest("--auth must be sigv4 or none");
      }
    } else if (name == "--credentials-file") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.credentials_file = std::string(v);
    } else if (name == "--mqtt") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_url = std::string(v);
    } else if (name == "--mqtt-username") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_username = std::string(v);
    } else if (name == "--mqtt-password-file") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      IOTJOBS_ASSIGN_OR_RETURN(std::string text, ReadFile(std::string(v)));
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
      c.mqtt_password = text;
    } else if (name == "--mqtt-ca-file") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_ca_file = std::string(v);
    } else if (name == "--mqtt-cert-file") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_cert_file = std::string(v);
    } else if (name == "--mqtt-key-file") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_key_file = std::string(v);
    } else if (name == "--mqtt-client-id") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_client_id = std::string(v);
    } else if (name == "--mqtt-share-group") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.mqtt_share_group = std::string(v);
    } else if (name == "--mqtt-events") {
      c.mqtt_events = true;
    } else if (name == "--threads") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.threads) || c.threads < 1) return InvalidRequest("--threads needs N >= 1");
    } else if (name == "--max-body-bytes") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.limits.max_body_bytes)) return InvalidRequest("--max-body-bytes needs a number");
    } else if (name == "--max-uri-bytes") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.limits.max_uri_bytes)) return InvalidRequest("--max-uri-bytes needs a number");
    } else if (name == "--max-connections") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.limits.max_connections) || c.limits.max_connections < 1) {
        return InvalidRequest("--max-connections needs a number >= 1");
      }
    } else if (name == "--tls-cert") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.tls_cert = std::string(v);
    } else if (name == "--tls-key") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      c.tls_key = std::string(v);
    } else if (name == "--rate-limits") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (v != "off" && v != "aws") return InvalidRequest("--rate-limits must be off or aws");
      c.rate_limits = std::string(v);
    } else if (name == "--max-header-bytes") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (!ParseNumber(v, c.limits.max_header_bytes)) return InvalidRequest("--max-header-bytes needs a number");
    } else if (name == "--idle-timeout") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      int secs = 0;
      if (!ParseNumber(v, secs) || secs < 1) return InvalidRequest("--idle-timeout needs seconds >= 1");
      c.limits.idle_timeout = std::chrono::seconds(secs);
    } else if (name == "--log-level") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string_view v, need_value());
      if (v == "debug") {
        c.log_level = log::Level::kDebug;
      } else if (v == "info") {
        c.log_level = log::Level::kInfo;
      } else if (v == "warn") {
        c.log_level = log::Level::kWarn;
      } else if (v == "error") {
        c.log_level = log::Level::kError;
      } else {
        return InvalidRequest("--log-level must be debug, info, warn or error");
      }
    } else {
      return InvalidRequest("unknown option " + std::string(arg) + " (see --help)");
    }
  }
  if (c.tls_cert.empty() != c.tls_key.empty()) {
    return InvalidRequest("--tls-cert and --tls-key go together");
  }
  return c;
}

}  // namespace iotjobs::server
