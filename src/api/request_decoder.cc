#include "api/request_decoder.h"

#include <boost/json.hpp>
#include <charconv>
#include <cstdlib>

#include "common/encoding.h"

namespace iotjobs::api {
namespace {
namespace json = boost::json;
using wire::ShapeType;

Status BadValue(std::string_view member, std::string_view value, std::string_view expected) {
  return InvalidRequest("1 validation error detected: Value '" + std::string(value) + "' at '" +
                        std::string(member) + "' failed to satisfy constraint: Member must be " +
                        std::string(expected));
}

// A string from the path, query or a header, as a value of the member's type.
Result<json::value> Convert(const wire::Member& m, const wire::Shape& shape,
                            const std::string& text) {
  switch (shape.type) {
    case ShapeType::kInteger:
    case ShapeType::kLong: {
      int64_t v = 0;
      const char* begin = text.data();
      const char* end = text.data() + text.size();
      auto [ptr, ec] = std::from_chars(begin, end, v);
      if (text.empty() || ec != std::errc() || ptr != end) {
        return BadValue(m.name, text, shape.type == ShapeType::kLong ? "a long" : "an integer");
      }
      if (shape.type == ShapeType::kInteger && (v < INT32_MIN || v > INT32_MAX)) {
        return BadValue(m.name, text, "an integer");
      }
      return json::value(v);
    }
    case ShapeType::kBoolean:
      if (text == "true") return json::value(true);
      if (text == "false") return json::value(false);
      return BadValue(m.name, text, "a boolean (true or false)");
    case ShapeType::kDouble:
    case ShapeType::kFloat: {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size()) return BadValue(m.name, text, "a number");
      return json::value(d);
    }
    default:
      return json::value(text);
  }
}

}  // namespace

Result<QueryParams> ParseQuery(std::string_view raw) {
  QueryParams out;
  size_t start = 0;
  while (start <= raw.size() && !raw.empty()) {
    size_t amp = raw.find('&', start);
    std::string_view pair = raw.substr(start, amp == std::string_view::npos ? amp : amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (!key || !value) return InvalidRequest("The query string is not validly percent-encoded.");
      out.emplace(std::move(*key), std::move(*value));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

Result<json::object> DecodeInput(
    const wire::Operation& op, const std::map<std::string, std::string>& labels,
    const QueryParams& query,
    const std::function<std::optional<std::string>(std::string_view)>& header,
    std::string_view body) {
  json::object input;
  if (!op.input) return input;
  bool has_body_members = false;
  for (const auto& m : op.input->members) has_body_members |= m.location == wire::Location::kBody;

  json::object body_object;
  if (has_body_members && !body.empty()) {
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 64;
    json::value parsed = json::parse(body, ec, {}, options);
    if (ec) {
      return InvalidRequest("The request body is not valid JSON: " + ec.message() + ".");
    }
    if (!parsed.is_object()) return InvalidRequest("The request body must be a JSON object.");
    body_object = std::move(parsed.get_object());
  }

  for (const auto& m : op.input->members) {
    switch (m.location) {
      case wire::Location::kUri: {
        auto it = labels.find(m.location_name);
        if (it == labels.end()) break;
        IOTJOBS_ASSIGN_OR_RETURN(input[m.name], Convert(m, *m.shape, it->second));
        break;
      }
      case wire::Location::kQueryString: {
        auto [first, last] = query.equal_range(m.location_name);
        if (first == last) break;
        if (m.shape->type == ShapeType::kList) {
          json::array items;
          for (auto it = first; it != last; ++it) {
            IOTJOBS_ASSIGN_OR_RETURN(json::value v, Convert(m, *m.shape->member, it->second));
            items.push_back(std::move(v));
          }
          input[m.name] = std::move(items);
        } else {
          // A repeated scalar parameter: the last one counts.
          auto it = last;
          --it;
          IOTJOBS_ASSIGN_OR_RETURN(input[m.name], Convert(m, *m.shape, it->second));
        }
        break;
      }
      case wire::Location::kHeader: {
        if (auto value = header(m.location_name)) {
          IOTJOBS_ASSIGN_OR_RETURN(input[m.name], Convert(m, *m.shape, *value));
        }
        break;
      }
      case wire::Location::kBody: {
        auto it = body_object.find(m.name);
        if (it != body_object.end()) input[m.name] = std::move(it->value());
        break;
      }
    }
  }
  return input;
}

}  // namespace iotjobs::api
