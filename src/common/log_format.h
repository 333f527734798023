#pragma once

#include <string_view>

#include "common/log.h"

// How log lines are written (--log-format), and the one line each API request leaves. Kept
// apart from log.h, which every file includes, so that the few callers of these need them.
namespace iotjobs::log {

enum class Format {
  kText,  // "2026-11-26T06:07:15.123Z INFO message" (the default)
  kJson,  // one JSON object per line: {"time", "level", "message", ...}
};

// Thread-safe; set once at start.
void SetFormat(Format format);

// An answered API request. `request_id` is the x-amzn-RequestId the client got; `account` is
// empty when the request was refused before its caller was known.
struct RequestLine {
  std::string_view request_id;
  std::string_view method;
  std::string_view path;
  std::string_view operation;
  std::string_view account;
  int status = 0;
  double latency_ms = 0;
};

// Writes `line` at `level`: in JSON with the fields requestId, operation, account, status and
// latencyMs beside the message; in text as "request ID OPERATION account=A status=S
// latencyMs=L METHOD PATH".
void WriteRequest(Level level, const RequestLine& line);

// Why the process cannot start or go on: "PROGRAM: message" alone on a line in text (what
// users and scripts already read), an ERROR line in JSON, so that every line stays JSON.
void WriteFatal(std::string_view program, std::string_view message);

}  // namespace iotjobs::log
