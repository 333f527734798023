#include "cli/output/json_format.h"

#include <boost/json/value.hpp>
#include <cmath>
#include <cstdio>

#include "cli/output/python_text.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

// py_encode_basestring (Lib/json/encoder.py): ensure_ascii=False escapes only these.
void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(c));
          out->append(buffer);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// floatstr() in Lib/json/encoder.py.
std::string JsonFloat(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return PythonFloatRepr(value);
}

// _make_iterencode with indent=4 (`indent` < 0: one line, separators ", " and ": ").
void AppendJson(const json::value& value, int indent, int level, std::string* out) {
  const auto newline = [&](int depth) {
    if (indent < 0) return;
    out->push_back('\n');
    out->append(static_cast<std::size_t>(indent * depth), ' ');
  };
  const char* separator = indent < 0 ? ", " : ",";
  switch (value.kind()) {
    case json::kind::null:
      out->append("null");
      return;
    case json::kind::bool_:
      out->append(value.get_bool() ? "true" : "false");
      return;
    case json::kind::int64:
    case json::kind::uint64:
      out->append(PythonStr(value));
      return;
    case json::kind::double_:
      out->append(JsonFloat(value.get_double()));
      return;
    case json::kind::string:
      AppendJsonString(value.get_string(), out);
      return;
    case json::kind::array: {
      const json::array& array = value.get_array();
      if (array.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      bool first = true;
      for (const json::value& element : array) {
        if (!first) out->append(separator);
        first = false;
        newline(level + 1);
        AppendJson(element, indent, level + 1, out);
      }
      newline(level);
      out->push_back(']');
      return;
    }
    case json::kind::object: {
      const json::object& object = value.get_object();
      if (object.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (const json::key_value_pair& member : object) {
        if (!first) out->append(separator);
        first = false;
        newline(level + 1);
        AppendJsonString(member.key(), out);
        out->append(": ");
        AppendJson(member.value(), indent, level + 1, out);
      }
      newline(level);
      out->push_back('}');
      return;
    }
  }
}

}  // namespace

std::string FormatJson(const json::value& value) {
  std::string out;
  AppendJson(value, 4, 0, &out);
  out.push_back('\n');
  return out;
}

std::string FormatJsonLine(const json::value& value) {
  std::string out;
  AppendJson(value, -1, 0, &out);
  out.push_back('\n');
  return out;
}

}  // namespace iotjobs::cli::output
