#include "cli/request_builder.h"

#include <boost/json.hpp>

#include "common/encoding.h"

namespace iotjobs::cli {
namespace json = boost::json;
using api::wire::Location;

namespace {

// A scalar as botocore puts it in a URI or header.
std::string ScalarText(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_double()) return json::serialize(v);
  return json::serialize(v);
}

}  // namespace

net::HttpRequest SerializeRequest(const api::wire::Operation& op, const json::object& input,
                             const std::string& base_path) {
  net::HttpRequest req;
  req.method = op.method;
  std::string path = op.request_uri;
  std::string query;
  json::object body;
  bool has_body_members = false;

  if (op.input) {
    for (const auto& m : op.input->members) {
      if (m.location == Location::kBody) has_body_members = true;
      auto it = input.find(m.name);
      if (it == input.end() || it->value().is_null()) continue;
      const json::value& v = it->value();
      switch (m.location) {
        case Location::kUri: {
          std::string label = "{" + m.location_name + "}";
          std::string greedy = "{" + m.location_name + "+}";
          if (size_t at = path.find(label); at != std::string::npos) {
            path.replace(at, label.size(), PercentEncode(ScalarText(v)));
          } else if (size_t g = path.find(greedy); g != std::string::npos) {
            path.replace(g, greedy.size(), PercentEncode(ScalarText(v), /*keep_slash=*/true));
          }
          break;
        }
        case Location::kQueryString: {
          auto add = [&](const json::value& item) {
            if (!query.empty()) query += '&';
            query += PercentEncode(m.location_name) + "=" + PercentEncode(ScalarText(item));
          };
          if (v.is_array()) {
            for (const auto& item : v.get_array()) add(item);
          } else {
            add(v);
          }
          break;
        }
        case Location::kHeader:
          req.headers.emplace_back(m.location_name, ScalarText(v));
          break;
        case Location::kBody:
          body[m.name] = v;
          break;
      }
    }
  }
  req.target = base_path + path + (query.empty() ? "" : "?" + query);
  if (!body.empty()) {
    req.body = json::serialize(body);
  } else if (has_body_members) {
    req.body = "{}";
  }
  if (!req.body.empty()) req.headers.emplace_back("Content-Type", "application/json");
  return req;
}

}  // namespace iotjobs::cli
