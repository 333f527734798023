#include "api/http_server.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <string_view>
#include <boost/asio/strand.hpp>

#include "api/http_session.h"
#include "common/log.h"

namespace iotjobs::api {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// One descriptor held open (on /dev/null) for the moment the process has none left, so the
// server can still accept a waiting client and tell it 503 instead of leaving it hanging.
class SpareDescriptor {
 public:
  SpareDescriptor() { Reserve(); }
  ~SpareDescriptor() { Release(); }
  SpareDescriptor(const SpareDescriptor&) = delete;
  SpareDescriptor& operator=(const SpareDescriptor&) = delete;

  void Reserve() {
    if (fd_ < 0) fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }
  void Release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
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
                              self->Serve(std::move(socket));
                            } else if (OutOfDescriptors(ec)) {
                              return self->PauseAccepting();
                            } else {
                              IOTJOBS_LOG(kWarn) << "http: accept failed: " << ec.message();
                            }
                            self->Accept();
                          });
  }

  static bool OutOfDescriptors(const beast::error_code& ec) {
    return ec == asio::error::no_descriptors ||
           ec == boost::system::errc::too_many_files_open_in_system ||
           ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
  }

  // The process (or the system) has no descriptor left for a new connection. Accepting
  // again at once would fail again at once, for as long as a client waits in the backlog:
  // a loop that burns a core and floods the log. Instead, answer the waiting clients 503 on
  // the spare descriptor, pause, and try again; the log says so once per pause with a count.
  void PauseAccepting() {
    ++out_of_descriptors;
    refused_for_descriptors += RefuseWaitingClients();
    auto now = std::chrono::steady_clock::now();
    if (now - last_descriptor_log >= kDescriptorLogInterval) {
      IOTJOBS_LOG(kWarn) << "http: out of file descriptors (ulimit -n); accepting paused "
                         << out_of_descriptors << " time(s), " << refused_for_descriptors
                         << " client(s) answered 503, since the last message";
      last_descriptor_log = now;
      out_of_descriptors = 0;
      refused_for_descriptors = 0;
    }
    pause_timer.expires_after(kAcceptPause);
    pause_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec == asio::error::operation_aborted || !self->acceptor.is_open()) return;
      self->Accept();
    });
  }

  // Frees the spare descriptor and uses it to accept each client waiting in the backlog,
  // answer it 503 and close it (bounded, so a flood cannot keep the strand), then takes the
  // spare back. Returns how many clients were answered.
  size_t RefuseWaitingClients() {
    size_t answered = 0;
    spare.Release();
    for (; answered < kMaxRefusedPerPause; ++answered) {
      int fd = ::accept4(acceptor.native_handle(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) break;
      static constexpr std::string_view kBusy =
          "HTTP/1.1 503 Service Unavailable\r\n"
          "Content-Type: application/json\r\n"
          "x-amzn-ErrorType: ServiceUnavailableException\r\n"
          "Connection: close\r\n"
          "Content-Length: 72\r\n\r\n"
          "{\"message\":\"The server has too many open connections; try again later.\"}";
      // A TLS client could not read a plain answer before its handshake: it is only closed.
      if (!tls) (void)::send(fd, kBusy.data(), kBusy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      ::close(fd);
    }
    spare.Reserve();
    return answered;
  }

  void Serve(tcp::socket socket) {
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    bool over_limit = connections.load() >= limits.max_connections;
    if (over_limit) {
      IOTJOBS_LOG(kWarn) << "http: " << connections.load()
                         << " connections open, refusing another (--max-connections)";
    }
    if (tls) {
      std::make_shared<detail::Session<beast::ssl_stream<beast::tcp_stream>>>(
          shared_from_this(), api, limits, connections, tracker, std::move(socket), *tls)
          ->Start(over_limit);
    } else {
      std::make_shared<detail::Session<beast::tcp_stream>>(shared_from_this(), api, limits,
                                                           connections, tracker, std::move(socket))
          ->Start(over_limit);
    }
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  Api& api;
  HttpLimits limits;
  std::optional<ssl::context> tls;
  std::atomic<size_t> connections{0};
  ConnectionTracker tracker;  // for Drain

  // Out of descriptors (see PauseAccepting); touched only on the acceptor's strand.
  static constexpr auto kAcceptPause = std::chrono::milliseconds(100);
  static constexpr auto kDescriptorLogInterval = std::chrono::seconds(10);
  static constexpr size_t kMaxRefusedPerPause = 256;
  asio::steady_timer pause_timer{acceptor.get_executor()};
  SpareDescriptor spare;
  size_t out_of_descriptors = 0;
  size_t refused_for_descriptors = 0;
  std::chrono::steady_clock::time_point last_descriptor_log{};
};

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(asio::io_context& io,
                                                       const tcp::endpoint& at, Api& api,
                                                       HttpLimits limits,
                                                       std::optional<TlsFiles> tls) {
  auto impl = std::make_shared<Impl>(io, api, limits);
  beast::error_code ec;
  if (tls) {
    impl->tls.emplace(ssl::context::tls_server);
    impl->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                           ssl::context::no_tlsv1_1);
    impl->tls->use_certificate_chain_file(tls->cert_file, ec);
    if (!ec) impl->tls->use_private_key_file(tls->key_file, ssl::context::pem, ec);
    if (ec) {
      IOTJOBS_LOG(kError) << "tls: cannot load " << tls->cert_file << " / " << tls->key_file
                          << ": " << ec.message();
      return InvalidRequest("The TLS certificate or key could not be loaded.");
    }
  }
  impl->acceptor.open(at.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(at, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  // RefuseWaitingClients accepts on the native socket and must never block.
  if (!ec) impl->acceptor.non_blocking(true, ec);
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

void HttpServer::Drain(std::chrono::milliseconds bound, std::function<void(size_t open)> done) {
  StopAccepting();
  // Whichever comes first, the last connection closing or the bound, runs `done`, once, on
  // an io_context thread (never inside a session's destructor).
  struct Once {
    Once(asio::io_context& io, std::function<void(size_t)> done)
        : done(std::move(done)), bound(io) {}
    std::atomic<bool> fired{false};
    std::function<void(size_t)> done;
    asio::steady_timer bound;
  };
  auto once = std::make_shared<Once>(impl_->io, std::move(done));
  auto fire = [impl = impl_, once] {
    if (once->fired.exchange(true)) return;
    asio::post(impl->io, [impl, once] { once->done(impl->tracker.open()); });
  };
  once->bound.expires_after(bound);
  once->bound.async_wait([fire](beast::error_code ec) {
    if (!ec) fire();
  });
  impl_->tracker.Drain(fire);
}

void HttpServer::StopAccepting() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
  });
}

}  // namespace iotjobs::api
