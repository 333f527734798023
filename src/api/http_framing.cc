#include "api/http_framing.h"

#include <boost/beast/core/string.hpp>
#include <string_view>

namespace iotjobs::api {
namespace http = boost::beast::http;

namespace {

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> FramingProblem(const http::fields& headers, unsigned version) {
  size_t transfer_encodings = headers.count(http::field::transfer_encoding);
  if (transfer_encodings == 0) return std::nullopt;
  if (transfer_encodings > 1) {
    return "The request has more than one Transfer-Encoding header.";
  }
  if (version < 11) {
    return "Transfer-Encoding is not allowed in an HTTP/1.0 request.";
  }
  if (headers.count(http::field::content_length) != 0) {
    return "The request has both Transfer-Encoding and Content-Length.";
  }
  std::string_view coding = TrimOws(headers.at(http::field::transfer_encoding));
  if (!boost::beast::iequals(coding, "chunked")) {
    return "The only Transfer-Encoding accepted is 'chunked'.";
  }
  return std::nullopt;
}

}  // namespace iotjobs::api
