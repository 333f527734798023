#include "api/http_server.h"

#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>

#include "api/http_session.h"
#include "common/log.h"

namespace iotjobs::api {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(asio::io_context& io, Api& api, HttpLimits limits)
      : io(io), acceptor(asio::make_strand(io)), api(api), limits(limits) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io),
                          [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                            if (ec == asio::error::operation_aborted) return;
                            if (!ec) {
                              self->Serve(std::move(socket));
                            } else {
                              IOTJOBS_LOG(kWarn) << "http: accept failed: " << ec.message();
                            }
                            self->Accept();
                          });
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
          api, limits, connections, std::move(socket), *tls)
          ->Start(over_limit);
    } else {
      std::make_shared<detail::Session<beast::tcp_stream>>(api, limits, connections,
                                                           std::move(socket))
          ->Start(over_limit);
    }
  }

  asio::io_context& io;
  tcp::acceptor acceptor;
  Api& api;
  HttpLimits limits;
  std::optional<ssl::context> tls;
  std::atomic<size_t> connections{0};
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
