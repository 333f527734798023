#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

// DescribeEndpoint: the addresses of this deployment, by AWS endpoint type
// (docs/aws-behaviour.md, "Endpoints", D41).
namespace iotjobs::api {

struct PublicEndpoints {
  // iot:Jobs, the HTTPS device plane: iotjobsd --public-endpoint. Absent: the Host header the
  // request came with.
  std::optional<std::string> jobs;
  // iot:Data and iot:Data-ATS, the MQTT broker devices connect to: --mqtt-public-endpoint, or
  // the host and port of --mqtt. Absent: there is no broker.
  std::optional<std::string> data;
};

// DescribeEndpoint's endpointAddress for `endpoint_type` (absent: iot:Data, AWS's default),
// a host name or address with a port where one is needed, never a scheme. `host` is the
// request's Host header, if it had one. The type is matched without regard to case, as AWS
// does. kInvalidRequest for an unknown type, for iot:CredentialProvider (iotjobsd has no
// credential provider), and for a type this deployment has no address for.
Result<std::string> EndpointAddress(const PublicEndpoints& endpoints,
                                    std::optional<std::string_view> endpoint_type,
                                    std::optional<std::string_view> host);

// HOST or HOST:PORT as an address is written in a URL's authority: a DNS name or IPv4
// address of letters, digits, '-', '.' and '_', or an IPv6 address in brackets; a port of 1
// to 5 digits. No scheme, user, path or spaces.
bool IsHostAndPort(std::string_view text);

// `host` joined to `port` as IsHostAndPort takes it (IPv6 addresses in brackets).
std::string JoinHostAndPort(std::string_view host, int port);

}  // namespace iotjobs::api
