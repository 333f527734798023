#include "cli/output/python_text.h"

#include <unicode/ustring.h>

#include <boost/json/value.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "cli/output/utf8.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

void AppendHexEscape(char32_t cp, int width, char prefix, std::string* out) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "\\%c%0*x", prefix, width, static_cast<unsigned>(cp));
  out->append(buffer);
}

// str.isprintable() for one character; see the header for the approximation.
bool IsPrintable(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
      (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0xFFFE ||
      cp == 0xFFFF) {
    return false;
  }
  return true;
}

// unicode_repr() in Objects/unicodeobject.c.
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
        AppendHexEscape(cp, 2, 'x', out);
      } else if (cp <= 0xFFFF) {
        AppendHexEscape(cp, 4, 'u', out);
      } else {
        AppendHexEscape(cp, 8, 'U', out);
      }
    } else {
      AppendUtf8(cp, out);
    }
  }
  out->push_back(quote);
}

void AppendRepr(const json::value& value, std::string* out) {
  switch (value.kind()) {
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
    default:
      out->append(PythonStr(value));
      return;
  }
}

}  // namespace

// Python's float_repr_style 'short': format_float_short(x, 'r', 0, Py_DTSF_ADD_DOT_0).
std::string PythonFloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  const std::string_view sci(buffer, result.ptr - buffer);  // "-1.2345e+16"
  const std::size_t e = sci.find('e');
  std::string digits;
  bool negative = false;
  for (char c : sci.substr(0, e)) {
    if (c == '-') negative = true;
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  const int decpt = exponent + 1;  // value = 0.DIGITS * 10^decpt
  std::string out = negative ? "-" : "";
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char exp_text[16];
    std::snprintf(exp_text, sizeof(exp_text), "e%c%02d", exponent < 0 ? '-' : '+',
                  std::abs(exponent));
    return out + exp_text;
  }
  if (decpt <= 0) return out + "0." + std::string(-decpt, '0') + digits;
  if (static_cast<std::size_t>(decpt) >= digits.size()) {
    return out + digits + std::string(decpt - digits.size(), '0') + ".0";
  }
  return out + digits.substr(0, decpt) + "." + digits.substr(decpt);
}

std::string PythonStr(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "None";
    case json::kind::bool_:
      return value.get_bool() ? "True" : "False";
    case json::kind::int64:
      return std::to_string(value.get_int64());
    case json::kind::uint64:
      return std::to_string(value.get_uint64());
    case json::kind::double_:
      return PythonFloatRepr(value.get_double());
    case json::kind::string:
      return std::string(value.get_string());
    default:
      return PythonRepr(value);
  }
}

std::string PythonRepr(const json::value& value) {
  std::string out;
  AppendRepr(value, &out);
  return out;
}

bool PythonTruthy(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return false;
    case json::kind::bool_:
      return value.get_bool();
    case json::kind::int64:
      return value.get_int64() != 0;
    case json::kind::uint64:
      return value.get_uint64() != 0;
    case json::kind::double_:
      return value.get_double() != 0;
    case json::kind::string:
      return !value.get_string().empty();
    case json::kind::array:
      return !value.get_array().empty();
    case json::kind::object:
      return !value.get_object().empty();
  }
  return true;
}

std::string_view PythonTypeName(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "NoneType";
    case json::kind::bool_:
      return "bool";
    case json::kind::int64:
    case json::kind::uint64:
      return "int";
    case json::kind::double_:
      return "float";
    case json::kind::string:
      return "str";
    case json::kind::array:
      return "list";
    case json::kind::object:
      return "dict";
  }
  return "object";
}

std::string PythonUpper(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_length = 0;
  u_strFromUTF8(nullptr, 0, &utf16_length, text.data(), static_cast<int32_t>(text.size()), &status);
  status = U_ZERO_ERROR;
  std::vector<UChar> utf16(utf16_length + 1);
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  // Full case mapping can lengthen the text (each character to at most three).
  std::vector<UChar> upper(static_cast<std::size_t>(utf16_length) * 3 + 1);
  status = U_ZERO_ERROR;
  const int32_t upper_length = u_strToUpper(upper.data(), static_cast<int32_t>(upper.size()),
                                            utf16.data(), utf16_length, "", &status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out(static_cast<std::size_t>(upper_length) * 3 + 1, '\0');
  int32_t out_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, upper.data(), upper_length,
              &status);
  if (U_FAILURE(status)) return std::string(text);
  out.resize(out_length);
  return out;
}

}  // namespace iotjobs::cli::output
