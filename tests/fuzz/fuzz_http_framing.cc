// libFuzzer: raw bytes on one connection, cut into requests as iotjobsd cuts them (Beast's
// parser with the server's limits, then FramingProblem), against an independent reading of
// RFC 9112's message-length rules. Every request is either parsed or refused; a request that
// is served must end exactly where the rules say, so the bytes of one request can never be
// served as two (request smuggling). A disagreement aborts.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_framing.h"
#include "api/http_server.h"

namespace http = boost::beast::http;

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The framing the head (request line and fields, up to the empty line) allows.
struct Framing {
  bool refuse = false;
  bool chunked = false;
  uint64_t length = 0;  // of the body, when neither refused nor chunked
};

std::optional<uint64_t> Decimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  // Leading zeros are allowed (RFC 9110: Content-Length = 1*DIGIT) and change nothing: Beast
  // reads "0002" as 2, and so must the rules, however many zeros there are.
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  if (s.size() > 19) return std::nullopt;  // beyond any body the server accepts
  uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

Framing Expected(std::string_view head) {
  Framing f;
  std::vector<std::string> transfer_encodings;  // values, folds unfolded
  std::vector<std::string> lengths;
  size_t line_end = head.find("\r\n");
  std::string_view request_line = head.substr(0, line_end);
  const bool http11 = request_line.size() >= 8 &&
                      request_line.substr(request_line.size() - 8) == "HTTP/1.1";
  size_t pos = line_end + 2;
  while (pos < head.size()) {
    size_t end = head.find("\r\n", pos);
    if (end == std::string_view::npos || end == pos) break;
    // A line that goes on after CRLF SP/HTAB (obs-fold) is one field: RFC 9112 section 5.2
    // lets a server replace each fold by spaces instead of refusing the request, and Beast
    // does so ("2,\r\n\t2" is the list "2, 2").
    std::string line(head.substr(pos, end - pos));
    while (end + 2 < head.size() && (head[end + 2] == ' ' || head[end + 2] == '\t')) {
      size_t next = head.find("\r\n", end + 2);
      if (next == std::string_view::npos) next = head.size();
      line += ' ';
      line += head.substr(end + 2, next - (end + 2));
      end = next;
    }
    pos = end + 2;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = Lower(line.substr(0, colon));
    std::string_view value = Trim(std::string_view(line).substr(colon + 1));
    if (name == "transfer-encoding") transfer_encodings.emplace_back(value);
    if (name == "content-length") lengths.emplace_back(value);
  }
  if (!transfer_encodings.empty()) {
    f.refuse = transfer_encodings.size() != 1 || !lengths.empty() || !http11 ||
               Lower(transfer_encodings[0]) != "chunked";
    f.chunked = !f.refuse;
    return f;
  }
  std::optional<uint64_t> length;
  for (std::string_view field : lengths) {
    // A field may hold a list ("5, 5"); every element must be the same number.
    size_t start = 0;
    for (;;) {
      size_t comma = field.find(',', start);
      std::optional<uint64_t> v = Decimal(Trim(field.substr(start, comma - start)));
      if (!v || (length && *length != *v)) {
        f.refuse = true;
        return f;
      }
      length = v;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  f.length = length.value_or(0);
  return f;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const iotjobs::api::HttpLimits limits;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t offset = 0;
  while (offset < input.size()) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(limits.max_body_bytes);
    parser.header_limit(static_cast<uint32_t>(limits.max_header_bytes));
    parser.eager(true);
    size_t used = 0;
    boost::beast::error_code ec;
    while (!parser.is_done()) {
      size_t n = parser.put(boost::asio::buffer(input.data() + offset + used,
                                                input.size() - offset - used), ec);
      used += n;
      if (ec || n == 0) break;
    }
    if (ec || !parser.is_done()) return 0;  // refused, or waiting for more bytes
    auto req = parser.release();
    if (iotjobs::api::FramingProblem(req, req.version())) return 0;  // 400, connection closed

    // Served: it must end where the rules say it ends.
    std::string_view message = input.substr(offset, used);
    size_t head_end = message.find("\r\n\r\n");
    Check(head_end != std::string_view::npos);
    Framing expected = Expected(message.substr(0, head_end + 2));
    Check(!expected.refuse);
    const size_t body_bytes = used - (head_end + 4);
    if (expected.chunked) {
      // The last chunk and the (possibly empty) trailer section end with an empty line.
      Check(body_bytes >= 5 && message.substr(used - 2) == "\r\n");
    } else {
      Check(body_bytes == expected.length);
      Check(req.body().size() == expected.length);
    }
    offset += used;
  }
  return 0;
}
