#include "cli/settings.h"

#include <unistd.h>

#include <cstdlib>

#include "cli/ini_file.h"

extern char** environ;

namespace iotjobs::cli {
namespace {

std::optional<std::string> Env(const Environment& env, const std::string& key) {
  auto it = env.find(key);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string Home(const Environment& env) {
  if (auto h = Env(env, "HOME")) return *h;
  return ".";
}

std::string ExpandUser(const std::string& path, const Environment& env) {
  if (path.rfind("~/", 0) == 0) return Home(env) + path.substr(1);
  return path;
}

// The service's word in AWS_ENDPOINT_URL_<ID> and in a config `services` section: the
// serviceId upper-cased with spaces as underscores ("IoT Jobs Data Plane" ->
// IOT_JOBS_DATA_PLANE; lower-case in config files).
std::string ServiceEnvId(const api::wire::ServiceModel& service) {
  return service.plane == api::wire::Plane::kControl ? "IOT" : "IOT_JOBS_DATA_PLANE";
}

std::string DefaultEndpoint(const api::wire::ServiceModel& service, const std::string& region) {
  return "https://" + service.endpoint_prefix + "." + region + ".amazonaws.com";
}

}  // namespace

Environment ProcessEnvironment() {
  Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

Result<Settings> ResolveSettings(const args::GlobalArgs& globals,
                                 const api::wire::ServiceModel& service, const Environment& env) {
  Settings s;
  bool profile_explicit = globals.profile.has_value();
  s.profile = globals.profile.value_or(Env(env, "AWS_PROFILE").value_or(
      Env(env, "AWS_DEFAULT_PROFILE").value_or("default")));

  IniFile config = IniFile::Load(ExpandUser(
      Env(env, "AWS_CONFIG_FILE").value_or(Home(env) + "/.aws/config"), env));
  IniFile credentials = IniFile::Load(ExpandUser(
      Env(env, "AWS_SHARED_CREDENTIALS_FILE").value_or(Home(env) + "/.aws/credentials"), env));
  std::string section = s.profile == "default" ? "default" : "profile " + s.profile;
  bool profile_known = config.HasSection(section) || credentials.HasSection(s.profile) ||
                       (s.profile == "default" && config.HasSection("profile default"));
  if (!profile_known && s.profile != "default") {
    return Status(ErrorCode::kInvalidRequest,
                  "The config profile (" + s.profile + ") could not be found");
  }
  auto from_config = [&](const std::string& key) -> std::optional<std::string> {
    if (auto v = config.Get(section, key); v && !v->empty()) return v;
    return std::nullopt;
  };

  // Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
  s.region = globals.region.value_or(Env(env, "AWS_REGION").value_or(
      Env(env, "AWS_DEFAULT_REGION").value_or(from_config("region").value_or(""))));

  // Credentials: the environment (unless --profile names a profile explicitly, which
  // botocore lets win), then the shared credentials file, then the config file.
  if (!profile_explicit) {
    auto id = Env(env, "AWS_ACCESS_KEY_ID");
    auto secret = Env(env, "AWS_SECRET_ACCESS_KEY");
    if (id && secret) {
      s.credentials = auth::Credentials{*id, *secret, Env(env, "AWS_SESSION_TOKEN").value_or("")};
    }
  }
  if (!s.credentials) {
    auto id = credentials.Get(s.profile, "aws_access_key_id");
    auto secret = credentials.Get(s.profile, "aws_secret_access_key");
    if (id && secret) {
      s.credentials = auth::Credentials{*id, *secret,
                                        credentials.Get(s.profile, "aws_session_token").value_or("")};
    }
  }
  if (!s.credentials) {
    auto id = from_config("aws_access_key_id");
    auto secret = from_config("aws_secret_access_key");
    if (id && secret) {
      s.credentials = auth::Credentials{*id, *secret, from_config("aws_session_token").value_or("")};
    }
  }

  // Endpoint: --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
  // `services` section, the profile's endpoint_url, then AWS's own endpoint. The shorter
  // AWS_ENDPOINT_URL_IOT_JOBS_DATA is read as well as AWS's IOT_JOBS_DATA_PLANE spelling.
  std::string id = ServiceEnvId(service);
  std::optional<std::string> endpoint = globals.endpoint_url;
  bool ignore_configured = Env(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").value_or("") == "true" ||
                           from_config("ignore_configured_endpoint_urls").value_or("") == "true";
  if (!endpoint && !ignore_configured) {
    endpoint = Env(env, "AWS_ENDPOINT_URL_" + id);
    if (!endpoint && service.plane == api::wire::Plane::kDevice) {
      endpoint = Env(env, "AWS_ENDPOINT_URL_IOT_JOBS_DATA");
    }
    if (!endpoint) endpoint = Env(env, "AWS_ENDPOINT_URL");
    if (!endpoint) {
      if (auto services = from_config("services")) {
        std::string lower = id;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        endpoint = config.Get("services " + *services, lower + ".endpoint_url");
      }
    }
    if (!endpoint) endpoint = from_config("endpoint_url");
  }
  s.endpoint_url = endpoint.value_or(s.region.empty() ? "" : DefaultEndpoint(service, s.region));

  s.output = globals.output.value_or(
      Env(env, "AWS_DEFAULT_OUTPUT").value_or(from_config("output").value_or("json")));
  if (auto attempts = Env(env, "AWS_MAX_ATTEMPTS").value_or(from_config("max_attempts").value_or(""));
      !attempts.empty()) {
    s.max_attempts = std::max(1, std::atoi(attempts.c_str()));
  }
  if (globals.cli_connect_timeout) s.connect_timeout_seconds = std::atoi(globals.cli_connect_timeout->c_str());
  if (globals.cli_read_timeout) s.read_timeout_seconds = std::atoi(globals.cli_read_timeout->c_str());
  s.ca_bundle = globals.ca_bundle.value_or(
      Env(env, "AWS_CA_BUNDLE").value_or(from_config("ca_bundle").value_or("")));
  s.ca_bundle = ExpandUser(s.ca_bundle, env);
  return s;
}

}  // namespace iotjobs::cli
