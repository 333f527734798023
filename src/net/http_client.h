#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace iotjobs::net {

// A parsed endpoint URL: scheme://host[:port][/base/path].
struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;
  std::string port;    // always set: the default of the scheme when absent
  std::string base_path;  // no trailing '/', "" for none
  bool default_port = true;

  // "host" or "host:port" as the Host header wants it (port only when not the default).
  std::string HostHeader() const;
  std::string ToString() const;
};

// kInvalidRequest for what is not an http(s) URL with a host.
Result<Url> ParseUrl(const std::string& text);

struct HttpRequest {
  std::string method;
  std::string target;  // path?query, percent-encoded
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names as received
  std::string body;

  // First header named `name` (case-insensitive).
  std::optional<std::string> Header(std::string_view name) const;
};

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{60'000};  // 0: wait forever
  std::chrono::milliseconds read_timeout{60'000};     // 0: wait forever
  bool verify_tls = true;
  std::string ca_bundle;  // PEM file; "" for the system's
  // A longer answer body fails with kBodyTooLarge rather than filling memory.
  uint64_t max_body_bytes = uint64_t{1} << 30;
};

// Why a request got no HTTP answer, so the caller can print AWS CLI's message for it.
enum class TransportError {
  kNone,
  kConnect,
  kConnectTimeout,
  kReadTimeout,
  kTls,
  kBodyTooLarge,
  kOther
};

struct TransportFailure {
  TransportError kind = TransportError::kOther;
  std::string detail;
};

// Sends one request over a new connection (HTTP/1.1, or HTTPS through OpenSSL) and reads
// the whole answer. The CLI makes one or a few requests per run, so it keeps no pool.
class HttpClient {
 public:
  explicit HttpClient(HttpOptions options) : options_(std::move(options)) {}

  // The response, or why there is none.
  std::pair<std::optional<HttpResponse>, TransportFailure> Send(const Url& url,
                                                               const HttpRequest& request);

 private:
  HttpOptions options_;
};

}  // namespace iotjobs::net
