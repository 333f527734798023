// iotjobs-bench-beast: the read ceiling. A bare Boost.Beast HTTP/1.1 server that answers
// every request with a JSON body, built the way iotjobsd's HTTP layer is (one io_context run
// by one thread per core, a strand per connection, request_parser with string_body,
// keep-alive), with nothing behind it: no routing, no auth, no store, no JSON.
// The body is as long as the request's query asks (`?bytes=N`), so that each read row is
// compared with a ceiling sending an answer of that row's size; without it, a fixed ~330-byte
// body (about one DescribeJobExecution answer).
// Usage: iotjobs-bench-beast --listen 127.0.0.1:PORT [--threads N]
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// About the size of iotjobsd's DescribeJobExecution answer.
constexpr std::string_view kBody =
    R"({"execution":{"jobId":"bench-job-0001","status":"QUEUED","forceCanceled":false,)"
    R"("statusDetails":{"detailsMap":{}},"thingArn":"arn:aws:iot:us-east-1:123456789012:thing/)"
    R"(bench-thing-0001","queuedAt":1.7e9,"lastUpdatedAt":1.7e9,"executionNumber":1,)"
    R"("versionNumber":1}})";

// A JSON body of exactly `bytes` bytes ({"pad":"xx...x"}; at least its 10 fixed bytes).
std::string PaddedBody(size_t bytes) {
  constexpr std::string_view kOpen = R"({"pad":")", kClose = R"("})";
  std::string body(kOpen);
  body.append(bytes > kOpen.size() + kClose.size() ? bytes - kOpen.size() - kClose.size() : 0, 'x');
  body.append(kClose);
  return body;
}

// The body for a request target: `bytes=N` in its query, or the fixed body.
std::string BodyFor(std::string_view target) {
  size_t at = target.find("bytes=");
  if (at == std::string_view::npos || target.find('?') > at) return std::string(kBody);
  size_t bytes = 0;
  for (size_t i = at + 6; i < target.size() && target[i] >= '0' && target[i] <= '9'; ++i) {
    bytes = std::min<size_t>(bytes * 10 + static_cast<size_t>(target[i] - '0'), 1 << 24);
  }
  return PaddedBody(bytes);
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    parser_.emplace();
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec) return Close();
    http::request<http::string_body> req = parser_->release();
    auto res = std::make_shared<http::response<http::string_body>>(http::status::ok, req.version());
    res->set(http::field::server, "bench-beast");
    res->set(http::field::content_type, "application/json");
    res->set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
    res->body() = BodyFor(req.target());
    res->keep_alive(req.keep_alive());
    res->prepare_payload();
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
      if (ec || !res->keep_alive()) return self->Close();
      self->Read();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& io, tcp::endpoint at) : io_(io), acceptor_(asio::make_strand(io)) {
    acceptor_.open(at.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(at);
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }
  void Accept() {
    acceptor_.async_accept(asio::make_strand(io_),
                           [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
                             if (!ec) {
                               s.set_option(tcp::no_delay(true));
                               std::make_shared<Session>(std::move(s))->Start();
                             }
                             self->Accept();
                           });
  }

 private:
  asio::io_context& io_;
  tcp::acceptor acceptor_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0";
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--listen") listen = argv[i + 1];
    else if (a == "--threads") threads = std::stoi(argv[i + 1]);
  }
  size_t colon = listen.rfind(':');
  auto address = asio::ip::make_address(listen.substr(0, colon));
  auto port = static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
  asio::io_context io(threads);
  std::make_shared<Listener>(io, tcp::endpoint(address, port))->Accept();
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) { io.stop(); });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  return 0;
}
