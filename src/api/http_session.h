#pragma once

#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <optional>

#include "api/api.h"
#include "api/connection_tracker.h"
#include "api/http_framing.h"
#include "api/http_server.h"
#include "api/wire/errors.h"
#include "common/ids.h"
#include "common/server_metrics.h"

// One HTTP/1.1 connection: reads a request, hands it to the Api, writes the answer, and
// again while the client keeps the connection alive. The same code serves plain TCP and TLS
// (Stream = beast::tcp_stream or beast::ssl_stream<beast::tcp_stream>). Internal to
// http_server.cc.
namespace iotjobs::api::detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

// Counts open connections for the --max-connections limit and the metrics.
class ConnectionCount {
 public:
  explicit ConnectionCount(std::atomic<size_t>& count) : count_(count) {
    count_.fetch_add(1);
    metrics::Server().http_connections.Add(1);
  }
  ~ConnectionCount() {
    count_.fetch_sub(1);
    metrics::Server().http_connections.Add(-1);
  }
  ConnectionCount(const ConnectionCount&) = delete;
  ConnectionCount& operator=(const ConnectionCount&) = delete;

 private:
  std::atomic<size_t>& count_;
};

template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>>, public Drainable {
 public:
  // `server` owns `api`, `limits` and `connections`; the session keeps it alive, because
  // when the io_context is destroyed at exit, pending handlers (and with them the last
  // references to sessions) may be destroyed after the server's own.
  template <typename... StreamArgs>
  Session(std::shared_ptr<const void> server, Api& api, const HttpLimits& limits,
          std::atomic<size_t>& connections, ConnectionTracker& tracker,
          StreamArgs&&... stream_args)
      : server_(std::move(server)),
        stream_(std::forward<StreamArgs>(stream_args)...),
        api_(api),
        limits_(limits),
        counted_(connections),
        tracker_(tracker) {}
  ~Session() override { tracker_.Remove(tracker_id_); }

  // `over_limit`: the server already has max_connections open; answer 503 and close.
  void Start(bool over_limit) {
    tracker_id_ = tracker_.Add(this->weak_from_this());
    asio::dispatch(stream_.get_executor(), [self = this->shared_from_this(), over_limit] {
      self->Handshake(over_limit);
    });
  }

 private:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  // The server is stopping (ConnectionTracker::Drain): a connection waiting for a request
  // that has not begun to arrive closes now; one reading or serving a request closes after
  // answering it (Read). Cancelling the wait, rather than closing the socket, loses no
  // request: if its first bytes were read just now and their handler is queued behind this
  // one, the cancel misses, the handler sees the bytes, and the request is served.
  void CloseIfIdle() override {
    asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->idle_) self->Tcp().cancel();  // OnRead(operation_aborted) closes
    });
  }

  beast::tcp_stream& Tcp() {
    if constexpr (kTls) {
      return beast::get_lowest_layer(stream_);
    } else {
      return stream_;
    }
  }

  void Handshake(bool over_limit) {
    if constexpr (kTls) {
      Tcp().expires_after(limits_.idle_timeout);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this(), over_limit](beast::error_code ec) {
                                if (ec) return self->Close();
                                self->Begin(over_limit);
                              });
    } else {
      Begin(over_limit);
    }
  }

  void Begin(bool over_limit) {
    if (over_limit) {
      return Refuse(503, ErrorCode::kServiceUnavailable,
                    "The server has too many open connections; try again later.");
    }
    Read();
  }

  void Read() {
    if (tracker_.draining()) return Close();
    parser_.emplace();
    parser_->body_limit(limits_.max_body_bytes);
    parser_->header_limit(static_cast<uint32_t>(limits_.max_header_bytes));
    Tcp().expires_after(limits_.idle_timeout);
    if (buffer_.size() > 0) return ParseBuffered();  // the next request began to arrive already
    // Idle until the first bytes of a request arrive: a stopping server closes idle
    // connections, and lets those whose request has begun finish it.
    idle_ = true;
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = this->shared_from_this()](beast::error_code ec, size_t n) {
                              self->idle_ = false;
                              if (ec) return self->OnRead(ec);
                              self->buffer_.commit(n);
                              self->ParseBuffered();
                            });
  }

  // Parses what the buffer holds, as http::async_read would first, and serves the request
  // at once when it is whole (usually: a request is one segment). async_read would complete
  // by posting its handler to the strand again, one more trip through the io_context per
  // request; it is only called when bytes are still missing. The parser and its errors are
  // Beast's own, so the outcome is the same either way.
  void ParseBuffered() {
    parser_->eager(true);  // as async_read: the body too, not only the header
    beast::error_code ec;
    for (;;) {
      size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec != http::error::need_more || used == 0 || buffer_.size() == 0) break;
      ec = {};
    }
    if (ec == http::error::need_more || (!ec && !parser_->is_done())) return ReadRequest();
    OnRead(ec);
  }

  void ReadRequest() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof ||
        ec == asio::error::operation_aborted || ec == asio::ssl::error::stream_truncated) {
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
      return Refuse(400, ErrorCode::kInvalidRequest,
                    "The request is not valid HTTP: " + ec.message());
    }
    http::request<http::string_body> req = parser_->release();
    version_ = req.version();
    if (auto problem = FramingProblem(req, req.version())) {
      // The bytes after this request may belong to it: never read them as another one.
      return Refuse(400, ErrorCode::kInvalidRequest, std::move(*problem));
    }
    keep_alive_ = req.keep_alive();
    if (req.target().size() > limits_.max_uri_bytes) {
      return Refuse(414, ErrorCode::kInvalidRequest,
                    "The request URI is longer than the limit of " +
                        std::to_string(limits_.max_uri_bytes) + " bytes.");
    }
    ApiRequest api_request;
    api_request.method = std::string(req.method_string());
    api_request.target = std::string(req.target());
    api_request.body = std::move(req.body());
    for (const auto& field : req) {
      api_request.headers.emplace_back(std::string(field.name_string()),
                                       std::string(field.value()));
    }
    // Reading stops while the request is served. The answer comes either on this thread,
    // still inside this handler (reads run inline), where dispatch writes it at once without
    // waking another thread, or later from a store thread, where dispatch posts it to the
    // connection's strand.
    Tcp().expires_never();
    api_.Handle(std::move(api_request),
                [self = this->shared_from_this()](ApiResponse response) {
                  asio::dispatch(self->stream_.get_executor(),
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
    if (tracker_.draining()) keep_alive_ = false;  // the client learns to go elsewhere
    res->keep_alive(keep_alive_);
    res->prepare_payload();
    Tcp().expires_after(limits_.idle_timeout);
    http::async_write(stream_, *res,
                      [self = this->shared_from_this(), res](beast::error_code ec, size_t) {
                        if (!ec && self->drain_after_refusal_) return self->Drain();
                        if (ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  // Answers a request that could not be served, in AWS's error shape, and closes.
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
      Tcp().expires_after(std::chrono::seconds(2));
    }
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = this->shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ignored;
    Tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    Tcp().close();
  }

  static constexpr size_t kMaxDrainBytes = 64 << 20;
  static constexpr size_t kFirstReadBytes = 4096;

  std::shared_ptr<const void> server_;  // first: destroyed after every member that refers to it
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Api& api_;
  const HttpLimits& limits_;
  ConnectionCount counted_;
  ConnectionTracker& tracker_;
  uint64_t tracker_id_ = 0;
  bool idle_ = false;  // waiting for the first byte of a request
  bool keep_alive_ = false;
  unsigned version_ = 11;
  bool drain_after_refusal_ = false;
  bool drain_started_ = false;
  size_t drained_ = 0;
  std::array<char, 16384> drain_buffer_;
};

}  // namespace iotjobs::api::detail
