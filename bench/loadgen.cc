// iotjobs-bench-loadgen: a keep-alive HTTP/1.1 load generator for bench/run.
//
// Why not wrk: the write benchmarks need every request to be distinct and used exactly once
// (a CreateJob per new jobId, a DeleteJobExecution per existing execution), a run that stops
// when the list is used up, SigV4 signing done before the clock starts, and every response's
// status checked. wrk's Lua states are per thread and see no shared list; here one thread
// hands the next request to whichever connection is free. Like wrk it is one epoll thread,
// closed loop (one request in flight per connection), so it takes one of the two cores.
//
// Input: a file with one request per line, tab-separated: SERVICE METHOD TARGET [BODY].
// SERVICE is the SigV4 service to sign for ("iot", "iot-jobs-data") or "-" for unsigned.
// Requests are signed with IOTJOBS_ROOT_ACCESS_KEY_ID / IOTJOBS_ROOT_SECRET_ACCESS_KEY at
// start-up (valid for five minutes on iotjobsd). Output: one JSON object on stdout.
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/signer.h"
#include "common/clock.h"

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  int connections = 1;
  double duration = 5;
  double warmup = 0.5;
  std::string requests_file;
  bool once = false;          // each request at most once; stop when all are answered
  bool until_signal = false;  // run until SIGINT/SIGTERM (duration ignored)
  double rate = 0;            // per-connection requests per second; 0 = closed loop
  bool shuffle = false;
  bool print = false;  // echo every response's status and body to stderr (debugging)
  std::string region = "us-east-1";
};

[[noreturn]] void Usage() {
  std::cerr << "usage: iotjobs-bench-loadgen --port P --requests FILE [--host H] [--connections C]\n"
               "       [--duration S] [--warmup S] [--once] [--until-signal] [--rate R] [--shuffle] [--print]\n";
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Usage();
      return argv[++i];
    };
    if (a == "--host") o.host = next();
    else if (a == "--port") o.port = std::stoi(next());
    else if (a == "--connections") o.connections = std::stoi(next());
    else if (a == "--duration") o.duration = std::stod(next());
    else if (a == "--warmup") o.warmup = std::stod(next());
    else if (a == "--requests") o.requests_file = next();
    else if (a == "--once") o.once = true;
    else if (a == "--until-signal") o.until_signal = true;
    else if (a == "--rate") o.rate = std::stod(next());
    else if (a == "--shuffle") o.shuffle = true;
    else if (a == "--print") o.print = true;
    else if (a == "--region") o.region = next();
    else Usage();
  }
  if (o.port <= 0 || o.requests_file.empty() || o.connections < 1) Usage();
  return o;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

// Builds the raw bytes of every request, signed now.
std::vector<std::string> BuildRequests(const Options& o) {
  std::ifstream in(o.requests_file);
  if (!in) {
    std::cerr << "loadgen: cannot read " << o.requests_file << "\n";
    std::exit(2);
  }
  const char* key = std::getenv("IOTJOBS_ROOT_ACCESS_KEY_ID");
  const char* secret = std::getenv("IOTJOBS_ROOT_SECRET_ACCESS_KEY");
  std::string host = o.host + ":" + std::to_string(o.port);
  iotjobs::EpochMillis now = iotjobs::SystemClock().NowMillis();
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = SplitTabs(line);
    if (f.size() < 3) {
      std::cerr << "loadgen: bad request line: " << line << "\n";
      std::exit(2);
    }
    std::string_view service = f[0], method = f[1], target = f[2];
    std::string_view body = f.size() > 3 ? f[3] : std::string_view();
    std::string raw;
    raw.reserve(512 + body.size());
    raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: ").append(host);
    raw.append("\r\n");
    if (service != "-") {
      if (!key || !secret) {
        std::cerr << "loadgen: set IOTJOBS_ROOT_ACCESS_KEY_ID and IOTJOBS_ROOT_SECRET_ACCESS_KEY\n";
        std::exit(2);
      }
      iotjobs::auth::HttpRequestView view{method, target, {{"Host", host}}, body};
      iotjobs::auth::SigningParams params;
      params.credentials = {key, secret, ""};
      params.region = o.region;
      params.service = std::string(service);
      params.time = now;
      auto signed_request = iotjobs::auth::Sign(view, params);
      if (!signed_request.ok()) {
        std::cerr << "loadgen: cannot sign: " << signed_request.status().message() << "\n";
        std::exit(2);
      }
      for (const auto& [name, value] : signed_request->headers) {
        raw.append(name).append(": ").append(value).append("\r\n");
      }
    }
    if (!body.empty() || method == "POST" || method == "PUT") {
      raw.append("Content-Type: application/json\r\nContent-Length: ")
          .append(std::to_string(body.size()))
          .append("\r\n");
    }
    raw.append("\r\n").append(body);
    out.push_back(std::move(raw));
  }
  if (out.empty()) {
    std::cerr << "loadgen: no requests in " << o.requests_file << "\n";
    std::exit(2);
  }
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// What is known about a response once its head has arrived.
struct ResponseHead {
  int status = 0;
  size_t head_size = 0;
  std::optional<size_t> content_length;
  bool chunked = false;
  bool close = false;
};

std::optional<ResponseHead> ParseHead(std::string_view buf) {
  size_t end = buf.find("\r\n\r\n");
  if (end == std::string_view::npos) return std::nullopt;
  ResponseHead h;
  h.head_size = end + 4;
  std::string_view head = buf.substr(0, end);
  size_t eol = head.find("\r\n");
  std::string_view status_line = head.substr(0, eol);
  if (status_line.size() >= 12) h.status = std::atoi(std::string(status_line.substr(9, 3)).c_str());
  bool http10 = status_line.rfind("HTTP/1.0", 0) == 0;
  bool keep_alive = false;
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 2;
  while (pos < head.size()) {
    size_t next = head.find("\r\n", pos);
    if (next == std::string_view::npos) next = head.size();
    std::string_view line = head.substr(pos, next - pos);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view name = line.substr(0, colon);
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (IEquals(name, "content-length")) {
        h.content_length = std::strtoull(std::string(value).c_str(), nullptr, 10);
      } else if (IEquals(name, "transfer-encoding")) {
        h.chunked = value.find("chunked") != std::string_view::npos;
      } else if (IEquals(name, "connection")) {
        if (IEquals(value, "close")) h.close = true;
        if (IEquals(value, "keep-alive")) keep_alive = true;
      }
    }
    pos = next + 2;
  }
  if (http10 && !keep_alive) h.close = true;
  return h;
}

// The end of a chunked body starting at `body` in `buf`, or npos when incomplete.
size_t ChunkedEnd(std::string_view buf, size_t body) {
  size_t pos = body;
  for (;;) {
    size_t eol = buf.find("\r\n", pos);
    if (eol == std::string_view::npos) return std::string_view::npos;
    size_t size = std::strtoull(std::string(buf.substr(pos, eol - pos)).c_str(), nullptr, 16);
    if (size == 0) {
      size_t end = buf.find("\r\n", eol + 2);  // trailers end with an empty line
      return end == std::string_view::npos ? end : end + 2;
    }
    pos = eol + 2 + size + 2;
    if (pos > buf.size()) return std::string_view::npos;
  }
}

class Run;

class Connection {
 public:
  Connection(Run& run, asio::io_context& io) : run_(run), socket_(io), timer_(io) {}
  void Connect();
  void SendNext();

 private:
  void Send();
  void ReadMore();
  void OnData(size_t n);
  void Fail(const std::string& what);

  Run& run_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  std::string buf_;
  std::array<char, 65536> chunk_;
  size_t request_ = 0;
  Clock::time_point sent_at_;
  Clock::time_point next_send_;
  bool paced_started_ = false;
};

class Run {
 public:
  Run(Options o, std::vector<std::string> requests)
      : o_(std::move(o)), requests_(std::move(requests)), end_timer_(io_), signals_(io_) {}

  int Go() {
    tcp::resolver resolver(io_);
    endpoint_ = *resolver.resolve(o_.host, std::to_string(o_.port)).begin();
    start_ = Clock::now();
    warm_at_ = start_ + Dur(o_.warmup);
    if (!o_.until_signal) {
      end_at_ = warm_at_ + Dur(o_.duration);
      end_timer_.expires_at(end_at_);
      end_timer_.async_wait([this](boost::system::error_code ec) {
        if (!ec) Stop();
      });
    }
    signals_.add(SIGINT);
    signals_.add(SIGTERM);
    signals_.async_wait([this](boost::system::error_code ec, int) {
      if (!ec) {
        end_at_ = Clock::now();
        Stop();
      }
    });
    for (int i = 0; i < o_.connections; ++i) {
      conns_.push_back(std::make_unique<Connection>(*this, io_));
    }
    for (auto& c : conns_) c->Connect();
    io_.run();
    Report();
    return 0;
  }

  static Clock::duration Dur(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  // The next request index, or npos when --once has used them all (or the run is over).
  size_t Take() {
    if (stopping_) return std::string::npos;
    if (o_.once) {
      if (next_ >= requests_.size()) {
        if (!exhausted_) {
          exhausted_ = true;
        }
        return std::string::npos;
      }
      return next_++;
    }
    size_t i = next_++ % requests_.size();
    return i;
  }

  void Completed(int status, Clock::time_point sent, Clock::time_point now,
                 std::string_view body) {
    ++in_window_total_;
    body_bytes_ += body.size();
    if (o_.print) std::fprintf(stderr, "%d %.*s\n", status, static_cast<int>(body.size()), body.data());
    if (now < warm_at_ || sent < warm_at_) {
      ++warmup_count_;
      if (status < 200 || status >= 300) CountError(status, body);
      return;
    }
    if (now > end_at_ && !o_.until_signal) return;
    last_completion_ = now;
    ++statuses_[status];
    if (status < 200 || status >= 300) CountError(status, body);
    latencies_ns_.push_back(
        static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now - sent).count()));
  }

  void CountError(int status, std::string_view body) {
    ++errors_;
    if (error_samples_.size() < 3) {
      error_samples_.push_back(std::to_string(status) + " " + std::string(body.substr(0, 300)));
    }
  }

  void ConnectionError(const std::string& what) {
    ++connection_errors_;
    if (error_samples_.size() < 3) error_samples_.push_back("connection: " + what);
  }

  void Idle() {
    // A connection found nothing more to send (--once); stop when none is busy.
    if (++idle_ == static_cast<int>(conns_.size())) {
      end_at_ = std::min(end_at_, Clock::now());
      Stop();
    }
  }

  void Stop() {
    if (stopping_) return;
    stopping_ = true;
    io_.stop();
  }

  void Report() {
    auto window_end = o_.until_signal ? end_at_ : end_at_;
    if (o_.once && exhausted_ && last_completion_ > warm_at_) window_end = last_completion_;
    double seconds = std::chrono::duration<double>(window_end - warm_at_).count();
    std::sort(latencies_ns_.begin(), latencies_ns_.end());
    auto pct = [&](double p) -> double {
      if (latencies_ns_.empty()) return 0;
      size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(latencies_ns_.size()));
      if (i >= latencies_ns_.size()) i = latencies_ns_.size() - 1;
      return static_cast<double>(latencies_ns_[i]) / 1000.0;
    };
    std::string statuses;
    for (const auto& [code, n] : statuses_) {
      if (!statuses.empty()) statuses += ",";
      statuses += "\"" + std::to_string(code) + "\":" + std::to_string(n);
    }
    std::string samples;
    for (const auto& s : error_samples_) {
      if (!samples.empty()) samples += ",";
      samples += "\"";
      for (char c : s) {
        if (c == '"' || c == '\\') samples += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        samples += c;
      }
      samples += "\"";
    }
    size_t n = latencies_ns_.size();
    std::printf(
        "{\"requests\":%zu,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
        "\"p999_us\":%.1f,\"max_us\":%.1f,\"errors\":%zu,\"connection_errors\":%zu,"
        "\"exhausted\":%s,\"used\":%zu,\"available\":%zu,\"reconnects\":%zu,"
        "\"body_bytes_mean\":%.1f,\"status\":{%s},\"error_samples\":[%s]}\n",
        n, seconds, seconds > 0 ? static_cast<double>(n) / seconds : 0.0, pct(50), pct(99),
        pct(99.9), n ? static_cast<double>(latencies_ns_.back()) / 1000.0 : 0.0, errors_,
        connection_errors_, exhausted_ ? "true" : "false", o_.once ? next_ : in_window_total_,
        requests_.size(), reconnects_,
        in_window_total_ ? static_cast<double>(body_bytes_) / static_cast<double>(in_window_total_)
                         : 0.0,
        statuses.c_str(), samples.c_str());
  }

  const Options& options() const { return o_; }
  const std::string& request(size_t i) const { return requests_[i]; }
  const tcp::endpoint& endpoint() const { return endpoint_; }
  void Reconnected() { ++reconnects_; }
  bool stopping() const { return stopping_; }

 private:
  Options o_;
  std::vector<std::string> requests_;
  asio::io_context io_;
  asio::steady_timer end_timer_;
  asio::signal_set signals_;
  tcp::endpoint endpoint_;
  std::vector<std::unique_ptr<Connection>> conns_;
  Clock::time_point start_, warm_at_, end_at_ = Clock::time_point::max(), last_completion_;
  size_t next_ = 0;
  bool exhausted_ = false;
  bool stopping_ = false;
  int idle_ = 0;
  std::vector<uint64_t> latencies_ns_;
  std::map<int, size_t> statuses_;
  size_t errors_ = 0, connection_errors_ = 0, warmup_count_ = 0, in_window_total_ = 0;
  size_t reconnects_ = 0;
  // Response body bytes of every answer (warm-up included): the read ceiling answers a body of
  // the same mean size as the row it is compared with.
  size_t body_bytes_ = 0;
  std::vector<std::string> error_samples_;
};

void Connection::Connect() {
  socket_.async_connect(run_.endpoint(), [this](boost::system::error_code ec) {
    if (ec) return Fail("connect: " + ec.message());
    socket_.set_option(tcp::no_delay(true));
    SendNext();
  });
}

void Connection::SendNext() {
  request_ = run_.Take();
  if (request_ == std::string::npos) {
    if (!run_.stopping()) run_.Idle();
    return;
  }
  if (run_.options().rate > 0) {
    auto interval = Run::Dur(1.0 / run_.options().rate);
    auto now = Clock::now();
    if (!paced_started_) {
      paced_started_ = true;
      next_send_ = now;
    }
    if (next_send_ > now) {
      timer_.expires_at(next_send_);
      next_send_ += interval;
      timer_.async_wait([this](boost::system::error_code ec) {
        if (!ec) Send();
      });
      return;
    }
    next_send_ = std::max(next_send_ + interval, now);
  }
  Send();
}

void Connection::Send() {
  sent_at_ = Clock::now();
  const std::string& r = run_.request(request_);
  asio::async_write(socket_, asio::buffer(r), [this](boost::system::error_code ec, size_t) {
    if (ec) return Fail("write: " + ec.message());
    buf_.clear();
    ReadMore();
  });
}

void Connection::ReadMore() {
  socket_.async_read_some(asio::buffer(chunk_), [this](boost::system::error_code ec, size_t n) {
    if (ec) return Fail("read: " + ec.message());
    OnData(n);
  });
}

void Connection::OnData(size_t n) {
  buf_.append(chunk_.data(), n);
  auto head = ParseHead(buf_);
  if (!head) return ReadMore();
  size_t end;
  if (head->chunked) {
    end = ChunkedEnd(buf_, head->head_size);
    if (end == std::string::npos) return ReadMore();
  } else {
    end = head->head_size + head->content_length.value_or(0);
    if (buf_.size() < end) return ReadMore();
  }
  auto now = Clock::now();
  run_.Completed(head->status, sent_at_, now,
                 std::string_view(buf_).substr(head->head_size, end - head->head_size));
  if (head->close) {
    boost::system::error_code ignored;
    socket_.close(ignored);
    run_.Reconnected();
    socket_.async_connect(run_.endpoint(), [this](boost::system::error_code ec) {
      if (ec) return Fail("reconnect: " + ec.message());
      socket_.set_option(tcp::no_delay(true));
      SendNext();
    });
    return;
  }
  SendNext();
}

void Connection::Fail(const std::string& what) {
  if (run_.stopping()) return;
  run_.ConnectionError(what);
  boost::system::error_code ignored;
  socket_.close(ignored);
  // Try again on a fresh connection after a short pause (the server may be restarting).
  timer_.expires_after(std::chrono::milliseconds(50));
  timer_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    Connect();
  });
}

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseArgs(argc, argv);
  std::vector<std::string> requests = BuildRequests(o);
  if (o.shuffle) {
    std::srand(42);
    for (size_t i = requests.size(); i > 1; --i) std::swap(requests[i - 1], requests[std::rand() % i]);
  }
  Run run(std::move(o), std::move(requests));
  return run.Go();
}
