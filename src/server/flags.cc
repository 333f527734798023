#include "server/flags.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <map>
#include <sstream>
#include <tuple>
#include <string_view>

#include "api/endpoints.h"

namespace iotjobs::server {
namespace {

// What the flags parse into before it becomes a Config: the few values that need more than
// a type and a range (an address, a URL, a file to read) are checked after parsing, with the
// messages users already know.
struct RawFlags {
  std::string listen = "127.0.0.1:4580";
  std::string store;
  std::string auth = "sigv4";
  std::string log_level = "info";
  std::string log_format = "text";
  std::string mqtt_username;
  std::string mqtt_password_file;
  std::string mqtt_share_group;
  std::string public_endpoint;
  std::string mqtt_public_endpoint;
  int idle_timeout = 60;
  // --s3-*: checked and read (the secret from its file or the environment) after parsing.
  std::string s3_endpoint;
  std::string s3_public_endpoint;
  std::string s3_region;
  std::string s3_access_key_id;
  std::string s3_secret_access_key_file;
  std::string s3_ca_file;
  int s3_timeout = 10;
  std::string metrics_token_file;
};

const char* const kDescription =
    "The AWS IoT Jobs service (control plane `iot`, device plane `iot-jobs-data`) on your machine.";

const char* const kFooter =
    "Root credentials come from IOTJOBS_ROOT_ACCESS_KEY_ID and IOTJOBS_ROOT_SECRET_ACCESS_KEY,\n"
    "or are generated on first start, kept in the data directory (mode 0600) and printed once.\n"
    "The MQTT password may also come from IOTJOBS_MQTT_PASSWORD; the S3 store's keys from\n"
    "IOTJOBS_S3_ACCESS_KEY_ID and IOTJOBS_S3_SECRET_ACCESS_KEY.";

// CLI11's layout, with each flag's help wrapped to fit a terminal and its value shown by name
// alone (the checks are in the help text, in words).
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() { column_width(28); }

  std::string make_option_desc(const CLI::Option* opt) const override {
    constexpr size_t kWidth = 72;
    std::string out, line;
    std::istringstream words(opt->get_description());
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
  }
};

// A check whose rule the help text already says in words (CLI11 would add it to the value's
// name).
CLI::Validator Quiet(CLI::Validator check) { return check.description(""); }

// A whole number of at least `min` (CLI11's own number checks accept "-1" for an unsigned
// value, wrapped around, and word their ranges in doubles).
CLI::Validator AtLeast(long long min) {
  return CLI::Validator(
      [min](std::string& v) -> std::string {
        long long n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec == std::errc() && end == v.data() + v.size() && n >= min) return "";
        return "needs a whole number >= " + std::to_string(min) + ", got '" + v + "'";
      },
      "", "at least");
}

// The flag definitions: every flag, its value's name, its help and its checks.
void Define(CLI::App& app, Config& c, RawFlags& raw) {
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_help_flag("-h,--help", "print this text and exit");
  app.add_flag("--version", c.version, "print the version and exit");

  app.add_option("--listen", raw.listen,
                 "address to serve HTTP on (default 127.0.0.1:4580; port 0 picks one)")
      ->type_name("HOST:PORT");
  app.add_option("--data-dir", c.data_dir,
                 "where the SQLite database lives (default ./iotjobs-data); \":memory:\" keeps "
                 "nothing, for tests")
      ->type_name("DIR");
  app.add_option("--store", raw.store,
                 "postgresql://USER@HOST:PORT/DB: keep everything in PostgreSQL, so that several "
                 "iotjobsd (behind one load balancer and one broker) serve the same data. One of "
                 "them at a time runs the timers, relays notifications and, without "
                 "--mqtt-share-group, takes the device requests from MQTT (a lease in the database)")
      ->type_name("URL");
  app.add_option("--instance-id", c.instance_id,
                 "this instance's name in those leases (default HOSTNAME:PORT)")
      ->type_name("ID");
  app.add_option("--lease-seconds", c.lease_seconds,
                 "how long a lease outlives its holder (default 10): another instance takes over "
                 "at most about 1.33 N seconds after one dies")
      ->type_name("N")
      ->check(Quiet(CLI::Range(1, 3600)));
  app.add_option("--region", c.region, "region in ARNs and credential scopes (default us-east-1)")
      ->type_name("REGION");
  app.add_option("--account-id", c.account_id,
                 "12-digit account of the root credentials (default 123456789012)")
      ->type_name("ID")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            bool digits = v.size() == 12 && v.find_first_not_of("0123456789") == std::string::npos;
            return digits ? "" : "needs 12 digits";
          },
          "", "12 digits"));
  app.add_option("--auth", raw.auth,
                 "check SigV4 signatures (default), or accept any request (local emulation only)")
      ->type_name("sigv4|none")
      ->check(Quiet(CLI::IsMember({"sigv4", "none"})));
  app.add_option("--credentials-file", c.credentials_file,
                 "accounts, users, access keys and IAM policies (JSON); reloaded on SIGHUP")
      ->type_name("FILE");
  app.add_option("--mqtt", c.mqtt_url,
                 "serve the jobs MQTT API and publish notifications through the broker at "
                 "tcp://HOST:PORT (or mqtts://HOST:PORT for TLS)")
      ->type_name("URL");
  app.add_option("--mqtt-username", raw.mqtt_username, "log in to the broker as NAME")
      ->type_name("NAME");
  app.add_option("--mqtt-password-file", raw.mqtt_password_file,
                 "the broker password, in this file (or IOTJOBS_MQTT_PASSWORD)")
      ->type_name("FILE");
  app.add_option("--mqtt-ca-file", c.mqtt_ca_file, "TLS: the broker's CA")->type_name("FILE");
  app.add_option("--mqtt-cert-file", c.mqtt_cert_file, "TLS: our client certificate")
      ->type_name("FILE");
  app.add_option("--mqtt-key-file", c.mqtt_key_file, "TLS: our client key")->type_name("FILE");
  app.add_option("--mqtt-client-id", c.mqtt_client_id,
                 "our MQTT client id (default iotjobsd-<random>)")
      ->type_name("ID");
  app.add_flag("--mqtt-events", c.mqtt_events,
               "accounts that never called UpdateEventConfigurations start with the job and job "
               "execution events ($aws/events/job/..., $aws/events/jobExecution/...) on");
  app.add_option("--public-endpoint", raw.public_endpoint,
                 "what DescribeEndpoint answers for iot:Jobs, the address clients reach this "
                 "server by (default: the Host the request came to)")
      ->type_name("HOST[:PORT]");
  app.add_option("--mqtt-public-endpoint", raw.mqtt_public_endpoint,
                 "what DescribeEndpoint answers for iot:Data and iot:Data-ATS, the address "
                 "devices reach the broker by (default: the host and port of --mqtt)")
      ->type_name("HOST[:PORT]");
  app.add_option("--mqtt-share-group", raw.mqtt_share_group,
                 "several iotjobsd on one broker: take device requests through the MQTT 5 shared "
                 "subscription $share/G/..., so each is handled once (needs a broker that shares "
                 "$-prefixed topics)")
      ->type_name("G");
  app.add_option("--s3-endpoint", raw.s3_endpoint,
                 "the S3-compatible store (AWS S3, MinIO, Ceph RGW, ...) that job documents "
                 "(documentSource) and the files of ${aws:iot:s3-presigned-url:URL} placeholders "
                 "are in, addressed path-style")
      ->type_name("URL");
  app.add_option("--s3-public-endpoint", raw.s3_public_endpoint,
                 "the store's address as devices reach it, in the presigned URLs they get "
                 "(default: --s3-endpoint)")
      ->type_name("URL");
  app.add_option("--s3-region", raw.s3_region, "the store's region in signatures (default: --region)")
      ->type_name("REGION");
  app.add_option("--s3-access-key-id", raw.s3_access_key_id,
                 "the store's access key (or IOTJOBS_S3_ACCESS_KEY_ID)")
      ->type_name("ID");
  app.add_option("--s3-secret-access-key-file", raw.s3_secret_access_key_file,
                 "the store's secret key, in this file (or IOTJOBS_S3_SECRET_ACCESS_KEY)")
      ->type_name("FILE");
  app.add_option("--s3-ca-file", raw.s3_ca_file, "TLS: the store's CA (default: the system's)")
      ->type_name("FILE");
  app.add_option("--s3-timeout", raw.s3_timeout,
                 "give up on a store that has not connected, or not answered, in this long "
                 "(default 10)")
      ->type_name("SECS")
      ->check(Quiet(CLI::Range(1, 300)));
  app.add_option("--threads", c.threads, "HTTP threads (default: one per core)")
      ->type_name("N")
      ->check(AtLeast(1));
  app.add_option("--max-body-bytes", c.limits.max_body_bytes,
                 "largest request body accepted (default 1048576)")
      ->type_name("N")
      ->check(AtLeast(0));
  app.add_option("--max-header-bytes", c.limits.max_header_bytes,
                 "largest request head accepted (default 16384)")
      ->type_name("N")
      ->check(AtLeast(0));
  app.add_option("--max-uri-bytes", c.limits.max_uri_bytes,
                 "longest request URI accepted (default 8192)")
      ->type_name("N")
      ->check(AtLeast(0));
  app.add_option("--max-connections", c.limits.max_connections,
                 "connections served at once; more get 503 (default 10000, and at most what the "
                 "descriptor limit leaves room for)")
      ->type_name("N")
      ->check(AtLeast(1));
  app.add_option("--console", c.console,
                 "serve the web console at /console/ (default on; docs/console.md)")
      ->type_name("on|off")
      ->check(Quiet(CLI::IsMember({"on", "off"})));
  app.add_option("--rate-limits", c.rate_limits,
                 "per-account, per-operation request rates: off (default), or the AWS IoT quotas "
                 "(ThrottlingException beyond them)")
      ->type_name("off|aws")
      ->check(Quiet(CLI::IsMember({"off", "aws"})));
  app.add_option("--tls-cert", c.tls_cert, "serve HTTPS with this PEM certificate chain ...")
      ->type_name("FILE");
  app.add_option("--tls-key", c.tls_key, "... and this PEM private key")->type_name("FILE");
  app.add_option("--idle-timeout", raw.idle_timeout,
                 "close connections silent this long (default 60)")
      ->type_name("SECS")
      ->check(AtLeast(1));
  app.add_option("--log-level", raw.log_level, "debug, info, warn or error (default info)")
      ->type_name("LEVEL")
      ->check(Quiet(CLI::IsMember({"debug", "info", "warn", "error"})));
  app.add_option("--log-format", raw.log_format,
                 "text (default: \"TIME LEVEL message\") or json (one object per line: time, "
                 "level, message, and for each API request requestId, operation, account, "
                 "status, latencyMs)")
      ->type_name("text|json")
      ->check(Quiet(CLI::IsMember({"text", "json"})));
  app.add_option("--metrics-token-file", raw.metrics_token_file,
                 "GET /metrics (Prometheus text format, open by default) then needs "
                 "\"Authorization: Bearer TOKEN\", TOKEN being this file's first line")
      ->type_name("FILE");
  app.add_flag("--test-clock", c.test_clock,
               "TEST ONLY: a server clock that moves only when told to, via "
               "POST /_iotjobs/test/clock {\"advanceSeconds\": N}");
  app.add_flag("--allow-reset", c.allow_reset,
               "TEST ONLY: POST /moto-api/reset and POST /_iotjobs/test/reset delete every "
               "account's data (only the root credentials may, under SigV4)");
  app.add_option("--drain-seconds", c.drain_seconds,
                 "on SIGTERM or SIGINT, how long the requests already begun get to finish and "
                 "be answered before iotjobsd exits anyway (default 10)")
      ->type_name("SECS")
      ->check(AtLeast(0));
  app.footer(kFooter);

  // A subcommand rather than a flag: it runs instead of the server, with options of its own.
  CLI::App* backup = app.add_subcommand(
      "backup", "copy the SQLite store of a running iotjobsd to a new file (README, \"Backup\")");
  backup->add_option("--data-dir", c.data_dir,
                     "the data directory of the store to copy (default ./iotjobs-data)")
      ->type_name("DIR");
  backup->add_option("--to", c.backup_to, "the new file (refused if it exists)")
      ->type_name("FILE")
      ->required();
  backup->add_option("--store", raw.store,
                     "a PostgreSQL store is refused: back it up with pg_dump")
      ->type_name("URL");
  backup->footer("");
}

// --s3-*: the store's URLs parsed, its keys read from a file or the environment.
Status FinishS3(const RawFlags& raw, Config& c) {
  if (raw.s3_endpoint.empty()) {
    for (const auto& [flag, value] :
         {std::pair{"--s3-public-endpoint", &raw.s3_public_endpoint},
          std::pair{"--s3-region", &raw.s3_region}, std::pair{"--s3-ca-file", &raw.s3_ca_file},
          std::pair{"--s3-access-key-id", &raw.s3_access_key_id},
          std::pair{"--s3-secret-access-key-file", &raw.s3_secret_access_key_file}}) {
      if (!value->empty()) return InvalidRequest(std::string(flag) + " needs --s3-endpoint");
    }
    return Status::Ok();
  }
  s3::StoreConfig s3;
  auto endpoint = net::ParseUrl(raw.s3_endpoint);
  if (!endpoint.ok()) return InvalidRequest("--s3-endpoint needs an http(s) URL, got '" + raw.s3_endpoint + "'");
  s3.endpoint = *endpoint;
  s3.public_endpoint = s3.endpoint;
  if (!raw.s3_public_endpoint.empty()) {
    auto pub = net::ParseUrl(raw.s3_public_endpoint);
    if (!pub.ok()) {
      return InvalidRequest("--s3-public-endpoint needs an http(s) URL, got '" +
                            raw.s3_public_endpoint + "'");
    }
    s3.public_endpoint = *pub;
  }
  s3.region = raw.s3_region.empty() ? c.region : raw.s3_region;
  s3.ca_file = raw.s3_ca_file;
  s3.timeout = std::chrono::seconds(raw.s3_timeout);
  s3.credentials.access_key_id = raw.s3_access_key_id;
  if (s3.credentials.access_key_id.empty()) {
    if (const char* id = std::getenv("IOTJOBS_S3_ACCESS_KEY_ID")) s3.credentials.access_key_id = id;
  }
  if (!raw.s3_secret_access_key_file.empty()) {
    IOTJOBS_ASSIGN_OR_RETURN(std::string text, ReadFile(raw.s3_secret_access_key_file));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    s3.credentials.secret_access_key = text;
  } else if (const char* secret = std::getenv("IOTJOBS_S3_SECRET_ACCESS_KEY")) {
    s3.credentials.secret_access_key = secret;
  }
  IOTJOBS_RETURN_IF_ERROR(s3::CheckStoreConfig(s3));
  c.s3 = std::move(s3);
  return Status::Ok();
}

// The checks and conversions CLI11 does not do, with the messages iotjobsd has always given.
Status Finish(const RawFlags& raw, Config& c) {
  size_t colon = raw.listen.rfind(':');
  std::string_view port = colon == std::string::npos ? "" : std::string_view(raw.listen).substr(colon + 1);
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), c.listen_port);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size()) {
    return InvalidRequest("--listen needs HOST:PORT, got '" + raw.listen + "'");
  }
  c.listen_host = raw.listen.substr(0, colon);
  if (c.listen_host.size() > 2 && c.listen_host.front() == '[' && c.listen_host.back() == ']') {
    c.listen_host = c.listen_host.substr(1, c.listen_host.size() - 2);
  }
  if (!raw.store.empty()) {
    if (raw.store.rfind("postgresql://", 0) != 0 && raw.store.rfind("postgres://", 0) != 0) {
      return InvalidRequest("--store needs a postgresql:// URL, got '" + raw.store + "'");
    }
    c.store_url = raw.store;
  }
  c.auth = raw.auth == "none" ? api::AuthMode::kNone : api::AuthMode::kSigV4;
  static const std::map<std::string, log::Level> kLevels = {{"debug", log::Level::kDebug},
                                                            {"info", log::Level::kInfo},
                                                            {"warn", log::Level::kWarn},
                                                            {"error", log::Level::kError}};
  c.log_level = kLevels.at(raw.log_level);
  c.log_format = raw.log_format == "json" ? log::Format::kJson : log::Format::kText;
  c.limits.idle_timeout = std::chrono::seconds(raw.idle_timeout);
  if (!raw.mqtt_username.empty()) c.mqtt_username = raw.mqtt_username;
  if (!raw.mqtt_share_group.empty()) c.mqtt_share_group = raw.mqtt_share_group;
  if (!raw.mqtt_password_file.empty()) {
    IOTJOBS_ASSIGN_OR_RETURN(std::string text, ReadFile(raw.mqtt_password_file));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    c.mqtt_password = text;
  }
  for (auto [flag, value, out] :
       {std::tuple{"--public-endpoint", &raw.public_endpoint, &c.public_endpoint},
        std::tuple{"--mqtt-public-endpoint", &raw.mqtt_public_endpoint, &c.mqtt_public_endpoint}}) {
    if (value->empty()) continue;
    if (!api::IsHostAndPort(*value)) {
      return InvalidRequest(std::string(flag) + " needs HOST[:PORT], without a scheme or a path, got '" +
                            *value + "'");
    }
    *out = *value;
  }
  if (c.mqtt_public_endpoint && c.mqtt_url.empty()) {
    return InvalidRequest("--mqtt-public-endpoint names the broker of --mqtt, which is not given");
  }
  if (!raw.metrics_token_file.empty()) {
    IOTJOBS_ASSIGN_OR_RETURN(std::string text, ReadFile(raw.metrics_token_file));
    c.metrics_token = text.substr(0, text.find_first_of("\r\n"));
    if (c.metrics_token.empty()) {
      return InvalidRequest("--metrics-token-file " + raw.metrics_token_file +
                            " holds no token on its first line");
    }
  }
  if (c.tls_cert.empty() != c.tls_key.empty()) {
    return InvalidRequest("--tls-cert and --tls-key go together");
  }
  return FinishS3(raw, c);
}

}  // namespace

Result<Config> ParseArgs(int argc, char** argv) {
  Config c;
  RawFlags raw;
  CLI::App app(kDescription, "iotjobsd");
  Define(app, c, raw);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    c.help = true;
    c.help_text = app.help();  // a subcommand's own, after its name
    return c;
  } catch (const CLI::ParseError& e) {
    return InvalidRequest(std::string(e.what()) + " (see --help)");
  }
  if (c.version) return c;
  c.backup = app.got_subcommand("backup");
  IOTJOBS_RETURN_IF_ERROR(Finish(raw, c));
  return c;
}

std::string Usage() {
  Config c;
  RawFlags raw;
  CLI::App app(kDescription, "iotjobsd");
  Define(app, c, raw);
  return app.help();
}

}  // namespace iotjobs::server
