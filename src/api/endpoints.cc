#include "api/endpoints.h"

#include <cctype>

#include "auth/http_request.h"

namespace iotjobs::api {
namespace {

constexpr size_t kMaxHostAndPort = 261;  // a 255-character DNS name, ':' and five digits

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}
bool IsIpv6Char(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
}

}  // namespace

bool IsHostAndPort(std::string_view text) {
  if (text.empty() || text.size() > kMaxHostAndPort) return false;
  std::string_view host = text, port;
  if (text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    for (char c : text.substr(1, close - 1)) {
      if (!IsIpv6Char(c)) return false;
    }
    host = {};
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port = rest.substr(1);
      if (port.empty()) return false;
    }
  } else {
    size_t colon = text.find(':');
    if (colon != std::string_view::npos) {
      host = text.substr(0, colon);
      port = text.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (host.empty()) return false;
  }
  for (char c : host) {
    if (!IsNameChar(c)) return false;
  }
  if (port.size() > 5) return false;
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string JoinHostAndPort(std::string_view host, int port) {
  bool bare_ipv6 = host.find(':') != std::string_view::npos && host.front() != '[';
  std::string out = bare_ipv6 ? "[" + std::string(host) + "]" : std::string(host);
  return out + ":" + std::to_string(port);
}

Result<std::string> EndpointAddress(const PublicEndpoints& endpoints,
                                    std::optional<std::string_view> endpoint_type,
                                    std::optional<std::string_view> host) {
  const std::string type(endpoint_type.value_or("iot:Data"));
  using auth::EqualsIgnoreCase;
  if (EqualsIgnoreCase(type, "iot:Data") || EqualsIgnoreCase(type, "iot:Data-ATS")) {
    if (!endpoints.data) {
      return InvalidRequest("Endpoint type " + type +
                            " has no address here: this iotjobsd has no MQTT broker (start it "
                            "with --mqtt, and --mqtt-public-endpoint if devices reach the "
                            "broker by another address).");
    }
    return *endpoints.data;
  }
  if (EqualsIgnoreCase(type, "iot:Jobs")) {
    if (endpoints.jobs) return *endpoints.jobs;
    if (host && IsHostAndPort(*host)) return std::string(*host);
    return InvalidRequest("Endpoint type " + type +
                          ": the request has no usable Host header to answer with; start "
                          "iotjobsd with --public-endpoint HOST[:PORT].");
  }
  if (EqualsIgnoreCase(type, "iot:CredentialProvider")) {
    return InvalidRequest("Endpoint type " + type +
                          " is not served: iotjobsd has no credential provider (the AWS IoT "
                          "service that exchanges device certificates for AWS credentials).");
  }
  return InvalidRequest("Endpoint type " + type + " not recognized");
}

}  // namespace iotjobs::api
