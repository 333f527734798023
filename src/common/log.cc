#include "common/log.h"

#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <charconv>
#include <string>

#include "common/clock.h"
#include "common/encoding.h"
#include "common/log_format.h"
#include "common/time_format.h"

namespace iotjobs::log {
namespace {
std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::atomic<Format> g_format{Format::kText};

std::string_view Name(Level level) {
  switch (level) {
    case Level::kDebug: return "DEBUG";
    case Level::kInfo: return "INFO";
    case Level::kWarn: return "WARN";
    case Level::kError: return "ERROR";
  }
  return "INFO";
}

// One write(2) per line keeps lines whole when threads log at once.
void Emit(std::string& line) {
  line += '\n';
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

// `s` as a JSON string, escaped by Boost.JSON. Messages may quote what a client sent, in any
// bytes: invalid UTF-8 is replaced first, so every line stays valid JSON.
void AppendJsonString(std::string& out, std::string_view s) {
  out += boost::json::serialize(
      boost::json::string(IsValidUtf8(s) ? std::string(s) : ToValidUtf8(s)));
}

// {"time":...,"level":...,"message":...  (the caller adds its fields and the closing brace)
std::string JsonStart(Level level, std::string_view message) {
  std::string line = "{\"time\":\"" + FormatIso8601Millis(SystemClock().NowMillis()) +
                     "\",\"level\":\"" + std::string(Name(level)) + "\",\"message\":";
  AppendJsonString(line, message);
  return line;
}

std::string TextStart(Level level) {
  std::string line = FormatIso8601Millis(SystemClock().NowMillis());
  line += ' ';
  line += Name(level);
  line += ' ';
  return line;
}

// Milliseconds with three decimals (microseconds), as a JSON number and in text alike.
std::string FormatMillis(double ms) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, ms, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : "0";
}

}  // namespace

void SetLevel(Level level) { g_level.store(static_cast<int>(level)); }
bool Enabled(Level level) { return static_cast<int>(level) >= g_level.load(); }
void SetFormat(Format format) { g_format.store(format); }

void Write(Level level, std::string_view message) {
  std::string line;
  if (g_format.load(std::memory_order_relaxed) == Format::kJson) {
    line = JsonStart(level, message);
    line += '}';
  } else {
    line = TextStart(level);
    line += message;
  }
  Emit(line);
}

void WriteFatal(std::string_view program, std::string_view message) {
  if (g_format.load(std::memory_order_relaxed) == Format::kJson) {
    Write(Level::kError, std::string(program) + ": " + std::string(message));
    return;
  }
  std::string line = std::string(program) + ": " + std::string(message);
  Emit(line);
}

void WriteRequest(Level level, const RequestLine& r) {
  if (!Enabled(level)) return;
  const std::string ms = FormatMillis(r.latency_ms);
  std::string line;
  if (g_format.load(std::memory_order_relaxed) == Format::kJson) {
    std::string message = std::string(r.method) + " " + std::string(r.path) + " " +
                          std::to_string(r.status);
    line = JsonStart(level, message);
    line += ",\"requestId\":";
    AppendJsonString(line, r.request_id);
    line += ",\"operation\":";
    AppendJsonString(line, r.operation);
    line += ",\"account\":";
    if (r.account.empty()) {
      line += "null";
    } else {
      AppendJsonString(line, r.account);
    }
    line += ",\"status\":" + std::to_string(r.status) + ",\"latencyMs\":" + ms + "}";
  } else {
    line = TextStart(level);
    line += "request ";
    line += r.request_id;
    line += ' ';
    line += r.operation;
    line += " account=";
    line += r.account.empty() ? std::string_view("-") : r.account;
    line += " status=" + std::to_string(r.status) + " latencyMs=" + ms + " ";
    line += r.method;
    line += ' ';
    // The path as received (percent-encoded), made printable: one line stays one line.
    for (char c : r.path) line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  Emit(line);
}

}  // namespace iotjobs::log
