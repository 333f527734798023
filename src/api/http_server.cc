#include "api/http_server.h"

#include <array>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/wire/errors.h"
#include "common/ids.h"
#include "common/log.h"

namespace iotjobs::api {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Api& api, const HttpLimits& limits)
      : stream_(std::move(socket)), api_(api), limits_(limits) {}

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(limits_.max_body_bytes);
    parser_->header_limit(static_cast<uint32_t>(limits_.max_header_bytes));
    stream_.expires_after(limits_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      drain_after_refusal_ = true;
      return Refuse(413, ErrorCode::kPayloadTooLarge,
                    "The request body is larger than the limit of " +
                        std::to_string(limits_.max_body_bytes) + " bytes.");
    }
    if (ec == http::error::header_limit) {
      return Refuse(431, ErrorCode::kInvalidRequest,
                    "The request headers are larger than the limit of " +
                        std::to_string(limits_.max_header_bytes) + " bytes.");
    }
    if (ec) {
      // Not HTTP at all, or broken framing: answer once, then hang up.
      return Refuse(400, ErrorCode::kInvalidRequest, "The request is not valid HTTP: " + ec.message());
    }
    http::request<http::string_body> req = parser_->release();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    ApiRequest api_request;
    api_request.method = std::string(req.method_string());
    api_request.target = std::string(req.target());
    api_request.body = std::move(req.body());
    for (const auto& field : req) {
      api_request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    // Reading stops while the request is served; the answer may arrive from a store thread.
    stream_.expires_never();
    api_.Handle(std::move(api_request), [self = shared_from_this()](ApiResponse response) {
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)]() mutable {
                   self->Write(std::move(response));
                 });
    });
  }

  void Write(ApiResponse response) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(version_);
    res->result(static_cast<unsigned>(response.status));
    res->set(http::field::server, "iotjobsd");
    for (auto& [name, value] : response.headers) res->set(name, value);
    res->body() = std::move(response.body);
    res->keep_alive(keep_alive_);
    res->prepare_payload();
    stream_.expires_after(limits_.idle_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, size_t) {
                        if (!ec && self->drain_after_refusal_) return self->Drain();
                        if (ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  // Answers a request that could not be read, in AWS's error shape, and closes.
  void Refuse(int status, ErrorCode code, std::string message) {
    keep_alive_ = false;
    ApiResponse r;
    r.status = status;
    std::string_view type = wire::ErrorInfoFor(code, wire::Plane::kControl).type;
    r.headers = {{"Content-Type", "application/json"},
                 {"x-amzn-RequestId", NewUuid()},
                 {"x-amzn-ErrorType", std::string(type)}};
    r.body = wire::ErrorBody(Status(code, std::move(message)));
    Write(std::move(r));
  }

  // After refusing an oversized body, read and discard what the client is still sending
  // (bounded in time and bytes) before closing, so it can read our 413 instead of failing
  // with a broken pipe — the "lingering close" of HTTP servers.
  void Drain() {
    if (!drain_started_) {
      drain_started_ = true;
      stream_.socket().shutdown(tcp::socket::shutdown_send, drain_ec_);
      stream_.expires_after(std::chrono::seconds(2));
    }
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Api& api_;
  const HttpLimits& limits_;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  static constexpr size_t kMaxDrainBytes = 64 << 20;
  bool drain_after_refusal_ = false;
  bool drain_started_ = false;
  size_t drained_ = 0;
  beast::error_code drain_ec_;
  std::array<char, 16384> drain_buffer_;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(asio::io_context& io, Api& api, HttpLimits limits)
      : io(io), acceptor(asio::make_strand(io)), api(api), limits(limits) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io),
                          [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                            if (ec == asio::error::operation_aborted) return;
                            if (!ec) {
                              socket.set_option(tcp::no_delay(true), ec);
                              std::make_shared<Session>(std::move(socket), self->api,
                                                        self->limits)
                                  ->Start();
                            } else {
                              IOTJOBS_LOG(kWarn) << "http: accept failed: " << ec.message();
                            }
                            self->Accept();
                          });
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  Api& api;
  HttpLimits limits;
};

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(asio::io_context& io,
                                                       const tcp::endpoint& at, Api& api,
                                                       HttpLimits limits) {
  auto impl = std::make_shared<Impl>(io, api, limits);
  beast::error_code ec;
  impl->acceptor.open(at.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(at, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    IOTJOBS_LOG(kError) << "http: cannot listen on " << at << ": " << ec.message();
    return Unavailable("Cannot listen on the requested address.");
  }
  impl->Accept();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::~HttpServer() { StopAccepting(); }

tcp::endpoint HttpServer::local_endpoint() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec);
}

void HttpServer::StopAccepting() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
  });
}

}  // namespace iotjobs::api
