#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/api.h"
#include "common/result.h"

namespace iotjobs::api {

struct HttpLimits {
  size_t max_body_bytes = 1 << 20;    // a larger body is refused with 413
  size_t max_header_bytes = 16 << 10; // the request line and headers together (431)
  size_t max_uri_bytes = 8 << 10;     // the request target (414)
  size_t max_connections = 10000;     // more are answered 503 and closed
  // A connection must deliver a whole request within this time of the previous answer (or
  // of connecting), so idle and slow clients cannot hold connections for ever.
  std::chrono::seconds idle_timeout{60};
};

// HTTPS: the certificate chain and private key, PEM files.
struct TlsFiles {
  std::string cert_file;
  std::string key_file;
};

// The HTTP/1.1 front door (Boost.Beast): accepts connections, reads one request at a time
// per connection (keep-alive), hands it to the Api and writes the answer back. Requests
// that break the HTTP limits are answered in AWS's error shape before the connection is
// closed. Runs on the io_context's threads; the Api's answers may come from store threads
// and are posted back to the connection's strand.
class HttpServer {
 public:
  // Binds and listens; fails with kServiceUnavailable when the address cannot be used.
  // With `tls`, every connection speaks HTTPS (TLS 1.2+ through OpenSSL); kInvalidRequest
  // when the certificate or key cannot be loaded.
  static Result<std::unique_ptr<HttpServer>> Listen(boost::asio::io_context& io,
                                                    const boost::asio::ip::tcp::endpoint& at,
                                                    Api& api, HttpLimits limits,
                                                    std::optional<TlsFiles> tls = std::nullopt);
  ~HttpServer();

  // The bound address (the port is real even when 0 was asked for).
  boost::asio::ip::tcp::endpoint local_endpoint() const;

  // Stops accepting new connections; open ones finish their current request.
  void StopAccepting();

  // Stops the server gracefully: stops accepting, closes the connections waiting for a
  // request, and lets every request already being read or served finish and be answered
  // (with `Connection: close`). `done` runs once, on an io_context thread, when the last
  // connection has closed or when `bound` has passed, with the number still open.
  void Drain(std::chrono::milliseconds bound, std::function<void(size_t open)> done);

  struct Impl;

 private:
  explicit HttpServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<Impl> impl_;
};

}  // namespace iotjobs::api
