#include "cli/output/response.h"

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "api/wire/model.h"
#include "cli/output/cli_timestamp.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;
namespace wire = api::wire;

// ResponseParser._parse_shape: the _handle_<type> methods of BaseJSONParser.
json::value ParseShape(const wire::Shape& shape, const json::value& value) {
  switch (shape.type) {
    case wire::ShapeType::kStructure: {
      if (!value.is_object()) return value;  // null stays null
      const json::object& object = value.get_object();
      json::object parsed;
      for (const wire::Member& member : shape.members) {
        if (member.location != wire::Location::kBody) continue;
        const json::value* raw = object.if_contains(member.name);
        if (raw != nullptr && !raw->is_null()) {
          parsed[member.name] = ParseShape(*member.shape, *raw);
        }
      }
      return parsed;
    }
    case wire::ShapeType::kList: {
      if (!value.is_array()) return value;
      json::array parsed;
      for (const json::value& item : value.get_array()) {
        parsed.push_back(item.is_null() ? item : ParseShape(*shape.member, item));
      }
      return parsed;
    }
    case wire::ShapeType::kMap: {
      if (!value.is_object()) return value;
      json::object parsed;
      for (const json::key_value_pair& entry : value.get_object()) {
        const json::value& item = entry.value();
        parsed[entry.key()] = item.is_null() ? item : ParseShape(*shape.value, item);
      }
      return parsed;
    }
    case wire::ShapeType::kTimestamp: {
      std::optional<std::string> text = CliTimestamp(value);
      if (!text.has_value()) return value;
      return json::string(*text);
    }
    default:
      return value;
  }
}

}  // namespace

json::value ShapeResponse(const json::value& raw, const wire::Shape* output_shape) {
  if (output_shape == nullptr || !raw.is_object()) return json::object();
  return ParseShape(*output_shape, raw);
}

}  // namespace iotjobs::cli::output
