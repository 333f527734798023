// libFuzzer: raw bytes as an HTTP request, through what iotjobsd does before a handler runs:
// Beast's parser (with the server's limits), plane selection, routing, query parsing, input
// decoding and validation against the model. Nothing may crash, hang or leak.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <string>

#include "api/api.h"
#include "api/plane.h"
#include "api/request_decoder.h"
#include "api/router.h"
#include "api/validation/validator.h"
#include "auth/http_request.h"

namespace http = boost::beast::http;
using namespace iotjobs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const api::Router control(api::wire::ControlPlaneModel());
  static const api::Router device(api::wire::DevicePlaneModel());
  http::request_parser<http::string_body> parser;
  parser.body_limit(1 << 20);
  parser.header_limit(16 << 10);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return 0;
  auto req = parser.release();
  api::ApiRequest request;
  request.method = std::string(req.method_string());
  request.target = std::string(req.target());
  request.body = req.body();
  for (const auto& f : req) request.headers.emplace_back(f.name_string(), f.value());
  api::wire::Plane plane = api::PlaneOf(request);
  const api::Router& router = plane == api::wire::Plane::kDevice ? device : control;
  auto match = router.Match(request.method, auth::TargetPath(request.target));
  if (!match.ok()) return 0;
  auto query = api::ParseQuery(auth::TargetQuery(request.target));
  if (!query.ok()) return 0;
  auto header = [&request](std::string_view name) -> std::optional<std::string> {
    const std::string* v = request.Header(name);
    return v ? std::optional<std::string>(*v) : std::nullopt;
  };
  auto input = api::DecodeInput(*match->operation, match->labels, *query, header, request.body);
  if (!input.ok() || !match->operation->input) return 0;
  (void)api::validation::Validate(*match->operation->input, *input);
  return 0;
}
