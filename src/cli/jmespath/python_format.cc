#include "cli/jmespath/python_format.h"

#include <boost/json/value.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "cli/jmespath/utf8.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

void AppendHex(char32_t cp, int width, char prefix, std::string* out) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "\\%c%0*x", prefix, width, static_cast<unsigned>(cp));
  out->append(buffer);
}

// Python's str.isprintable() for the characters jmespath data realistically holds: the C0
// and C1 controls, DEL, and the non-printing spaces and format characters of Latin-1 and
// General Punctuation are escaped; everything else is shown as is.
bool IsPrintable(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) {
    return false;
  }
  return true;
}

void AppendStringRepr(std::string_view text, std::string* out) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  out->push_back(quote);
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = NextCodePoint(text, &pos);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\t') {
      out->append("\\t");
    } else if (cp == '\n') {
      out->append("\\n");
    } else if (cp == '\r') {
      out->append("\\r");
    } else if (!IsPrintable(cp)) {
      if (cp <= 0xFF) {
        AppendHex(cp, 2, 'x', out);
      } else if (cp <= 0xFFFF) {
        AppendHex(cp, 4, 'u', out);
      } else {
        AppendHex(cp, 8, 'U', out);
      }
    } else {
      AppendUtf8(cp, out);
    }
  }
  out->push_back(quote);
}

void AppendRepr(const json::value& value, std::string* out) {
  switch (value.kind()) {
    case json::kind::null:
      out->append("None");
      return;
    case json::kind::bool_:
      out->append(value.get_bool() ? "True" : "False");
      return;
    case json::kind::int64:
      out->append(std::to_string(value.get_int64()));
      return;
    case json::kind::uint64:
      out->append(std::to_string(value.get_uint64()));
      return;
    case json::kind::double_:
      out->append(PythonFloatRepr(value.get_double()));
      return;
    case json::kind::string:
      AppendStringRepr(value.get_string(), out);
      return;
    case json::kind::array: {
      out->push_back('[');
      bool first = true;
      for (const json::value& element : value.get_array()) {
        if (!first) out->append(", ");
        first = false;
        AppendRepr(element, out);
      }
      out->push_back(']');
      return;
    }
    case json::kind::object: {
      out->push_back('{');
      bool first = true;
      for (const json::key_value_pair& member : value.get_object()) {
        if (!first) out->append(", ");
        first = false;
        AppendStringRepr(member.key(), out);
        out->append(": ");
        AppendRepr(member.value(), out);
      }
      out->push_back('}');
      return;
    }
  }
}

// json.dumps's encoder with ensure_ascii (Lib/json/encoder.py, py_encode_basestring_ascii).
void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = NextCodePoint(text, &pos);
    switch (cp) {
      case '"':
        out->append("\\\"");
        continue;
      case '\\':
        out->append("\\\\");
        continue;
      case '\n':
        out->append("\\n");
        continue;
      case '\r':
        out->append("\\r");
        continue;
      case '\t':
        out->append("\\t");
        continue;
      case '\b':
        out->append("\\b");
        continue;
      case '\f':
        out->append("\\f");
        continue;
      default:
        break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out->push_back(static_cast<char>(cp));
    } else if (cp <= 0xFFFF) {
      AppendHex(cp, 4, 'u', out);
    } else {
      const char32_t v = cp - 0x10000;
      AppendHex(0xD800 | (v >> 10), 4, 'u', out);
      AppendHex(0xDC00 | (v & 0x3FF), 4, 'u', out);
    }
  }
  out->push_back('"');
}

void AppendJson(const json::value& value, std::string* out) {
  switch (value.kind()) {
    case json::kind::null:
      out->append("null");
      return;
    case json::kind::bool_:
      out->append(value.get_bool() ? "true" : "false");
      return;
    case json::kind::double_: {
      const double d = value.get_double();
      if (std::isnan(d)) {
        out->append("NaN");
      } else if (std::isinf(d)) {
        out->append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        out->append(PythonFloatRepr(d));
      }
      return;
    }
    case json::kind::string:
      AppendJsonString(value.get_string(), out);
      return;
    case json::kind::array: {
      out->push_back('[');
      bool first = true;
      for (const json::value& element : value.get_array()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJson(element, out);
      }
      out->push_back(']');
      return;
    }
    case json::kind::object: {
      out->push_back('{');
      bool first = true;
      for (const json::key_value_pair& member : value.get_object()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(member.key(), out);
        out->push_back(':');
        AppendJson(member.value(), out);
      }
      out->push_back('}');
      return;
    }
    default:
      AppendRepr(value, out);  // Integers print the same way in both.
      return;
  }
}

}  // namespace

std::string PythonFloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Shortest round-trip digits, as "d.ddde[+-]x"; then laid out as float_repr_style 'short'.
  char buffer[64];
  // 64 bytes always suffice for a double, so to_chars cannot fail.
  const std::to_chars_result written =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<std::size_t>(written.ptr - buffer));
  std::string out;
  if (text.front() == '-') {
    out.push_back('-');
    text.remove_prefix(1);
  }
  const std::size_t e_pos = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = 0;
  std::string_view exponent_text = text.substr(e_pos + 1);
  if (exponent_text.front() == '+') exponent_text.remove_prefix(1);
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  const int point = exponent + 1;  // Digits before the decimal point.
  const int length = static_cast<int>(digits.size());
  if (exponent >= -4 && exponent < 16) {
    if (point <= 0) {
      out.append("0.");
      out.append(static_cast<std::size_t>(-point), '0');
      out.append(digits);
    } else if (point >= length) {
      out.append(digits);
      out.append(static_cast<std::size_t>(point - length), '0');
      out.append(".0");
    } else {
      out.append(digits, 0, static_cast<std::size_t>(point));
      out.push_back('.');
      out.append(digits, static_cast<std::size_t>(point));
    }
    return out;
  }
  out.push_back(digits.front());
  if (length > 1) {
    out.push_back('.');
    out.append(digits, 1);
  }
  char exponent_buffer[16];
  std::snprintf(exponent_buffer, sizeof(exponent_buffer), "e%c%02d", exponent < 0 ? '-' : '+',
                exponent < 0 ? -exponent : exponent);
  out.append(exponent_buffer);
  return out;
}

std::string PythonStr(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  std::string out;
  AppendRepr(value, &out);
  return out;
}

std::string PythonRepr(const json::value& value) {
  std::string out;
  AppendRepr(value, &out);
  return out;
}

std::string PythonStringListRepr(const std::vector<std::string_view>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(", ");
    AppendStringRepr(items[i], &out);
  }
  out.push_back(']');
  return out;
}

std::string PythonJsonDumps(const json::value& value) {
  std::string out;
  AppendJson(value, &out);
  return out;
}

}  // namespace iotjobs::cli::jmespath
