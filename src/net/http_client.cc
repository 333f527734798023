#include "net/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "auth/http_request.h"

namespace iotjobs::net {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

std::string Url::HostHeader() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return default_port ? h : h + ":" + port;
}

std::string Url::ToString() const { return scheme + "://" + HostHeader() + base_path; }

Result<Url> ParseUrl(const std::string& text) {
  Url url;
  size_t sep = text.find("://");
  if (sep == std::string::npos) return InvalidRequest("Invalid endpoint: " + text);
  url.scheme = text.substr(0, sep);
  for (char& c : url.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (url.scheme != "http" && url.scheme != "https") return InvalidRequest("Invalid endpoint: " + text);
  std::string rest = text.substr(sep + 3);
  size_t slash = rest.find_first_of("/?#");
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos && rest[slash] == '/') {
    url.base_path = rest.substr(slash);
    url.base_path = url.base_path.substr(0, url.base_path.find_first_of("?#"));
    while (!url.base_path.empty() && url.base_path.back() == '/') url.base_path.pop_back();
  }
  if (authority.empty()) return InvalidRequest("Invalid endpoint: " + text);
  if (authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string::npos) return InvalidRequest("Invalid endpoint: " + text);
    url.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') {
      url.port = authority.substr(close + 2);
    }
  } else {
    size_t colon = authority.rfind(':');
    url.host = authority.substr(0, colon);
    if (colon != std::string::npos) url.port = authority.substr(colon + 1);
  }
  if (url.host.empty()) return InvalidRequest("Invalid endpoint: " + text);
  std::string default_port = url.scheme == "https" ? "443" : "80";
  url.default_port = url.port.empty() || url.port == default_port;
  if (url.port.empty()) url.port = default_port;
  for (char c : url.port) {
    if (c < '0' || c > '9') return InvalidRequest("Invalid endpoint: " + text);
  }
  return url;
}

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (auth::EqualsIgnoreCase(k, name)) return v;
  }
  return std::nullopt;
}

namespace {

// Runs the I/O until `done` or the deadline, cancelling the socket at the deadline.
template <typename Socket>
bool RunWithDeadline(asio::io_context& io, Socket& socket, std::chrono::milliseconds timeout,
                     const bool& done) {
  io.restart();
  if (timeout.count() <= 0) {
    while (!done && io.run_one() > 0) {
    }
    return done;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done) {
    auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) {
      beast::error_code ignored;
      socket.cancel(ignored);
      io.run();  // let the cancelled operation finish
      return false;
    }
    if (io.run_one_for(left) == 0 && !done) continue;
  }
  return true;
}

}  // namespace

std::pair<std::optional<HttpResponse>, TransportFailure> HttpClient::Send(
    const Url& url, const HttpRequest& request) {
  asio::io_context io;
  auto fail = [](TransportError kind, std::string detail) {
    return std::pair<std::optional<HttpResponse>, TransportFailure>(std::nullopt,
                                                                     {kind, std::move(detail)});
  };

  tcp::resolver resolver(io);
  beast::error_code ec;
  auto endpoints = resolver.resolve(url.host, url.port, ec);
  if (ec) return fail(TransportError::kConnect, ec.message());

  tcp::socket socket(io);
  bool connected = false;
  beast::error_code connect_ec;
  asio::async_connect(socket, endpoints, [&](beast::error_code e, const tcp::endpoint&) {
    connect_ec = e;
    connected = true;
  });
  if (!RunWithDeadline(io, socket, options_.connect_timeout, connected)) {
    return fail(TransportError::kConnectTimeout, "connect timed out");
  }
  if (connect_ec) return fail(TransportError::kConnect, connect_ec.message());
  socket.set_option(tcp::no_delay(true), ec);

  http::request<http::string_body> req;
  req.method_string(request.method);
  req.target(request.target);
  req.version(11);
  for (const auto& [k, v] : request.headers) req.set(k, v);
  req.body() = request.body;
  req.prepare_payload();

  http::response_parser<http::string_body> parser;
  parser.body_limit(options_.max_body_bytes);
  beast::flat_buffer buffer;

  auto exchange = [&](auto& stream) -> std::pair<std::optional<HttpResponse>, TransportFailure> {
    bool written = false;
    beast::error_code write_ec;
    http::async_write(stream, req, [&](beast::error_code e, size_t) {
      write_ec = e;
      written = true;
    });
    if (!RunWithDeadline(io, socket, options_.read_timeout, written)) {
      return fail(TransportError::kReadTimeout, "write timed out");
    }
    if (write_ec) return fail(TransportError::kOther, write_ec.message());
    bool read = false;
    beast::error_code read_ec;
    http::async_read(stream, buffer, parser, [&](beast::error_code e, size_t) {
      read_ec = e;
      read = true;
    });
    if (!RunWithDeadline(io, socket, options_.read_timeout, read)) {
      return fail(TransportError::kReadTimeout, "read timed out");
    }
    if (read_ec == http::error::body_limit) {
      return fail(TransportError::kBodyTooLarge,
                  "longer than " + std::to_string(options_.max_body_bytes) + " bytes");
    }
    if (read_ec) return fail(TransportError::kOther, read_ec.message());
    HttpResponse out;
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    out.body = std::move(res.body());
    return {std::move(out), {TransportError::kNone, ""}};
  };

  if (url.scheme == "http") {
    auto result = exchange(socket);
    socket.shutdown(tcp::socket::shutdown_both, ec);
    return result;
  }

  ssl::context ctx(ssl::context::tls_client);
  if (options_.verify_tls) {
    ctx.set_verify_mode(ssl::verify_peer);
    if (!options_.ca_bundle.empty()) {
      ctx.load_verify_file(options_.ca_bundle, ec);
      if (ec) return fail(TransportError::kTls, "cannot read CA bundle " + options_.ca_bundle);
    } else {
      ctx.set_default_verify_paths(ec);
    }
  } else {
    ctx.set_verify_mode(ssl::verify_none);
  }
  ssl::stream<tcp::socket&> stream(socket, ctx);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str())) {
    return fail(TransportError::kTls, "cannot set SNI");
  }
  if (options_.verify_tls) stream.set_verify_callback(ssl::host_name_verification(url.host));
  bool shook = false;
  beast::error_code hs_ec;
  stream.async_handshake(ssl::stream_base::client, [&](beast::error_code e) {
    hs_ec = e;
    shook = true;
  });
  if (!RunWithDeadline(io, socket, options_.connect_timeout, shook)) {
    return fail(TransportError::kConnectTimeout, "TLS handshake timed out");
  }
  if (hs_ec) return fail(TransportError::kTls, hs_ec.message());
  return exchange(stream);
}

}  // namespace iotjobs::net
