#include "cli/python/json_dumps.h"

#include <boost/json/value.hpp>
#include <cmath>
#include <cstdio>
#include <utility>

#include "cli/python/repr.h"
#include "cli/python/utf8.h"
#include "cli/python/value_syntax.h"

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

void AppendUnicodeEscape(char32_t unit, std::string* out) {
  char buffer[8];
  std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(unit));
  out->append(buffer);
}

// ESCAPE_DCT's two-character escapes, which both encoders use.
constexpr std::pair<char, std::string_view> kShortEscapes[] = {
    {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"},
    {'\t', "\\t"}, {'\b', "\\b"},  {'\f', "\\f"}};

// Appends the short escape of `c` and returns true, or returns false when it has none.
bool AppendShortEscape(char32_t c, std::string* out) {
  for (const auto& [character, escape] : kShortEscapes) {
    if (c == static_cast<unsigned char>(character)) {
      out->append(escape);
      return true;
    }
  }
  return false;
}

// ensure_ascii=True for UTF-8 text from a JSON value.
void AppendJsonAsciiUtf8(std::string_view utf8, std::string* out) {
  AppendJsonAsciiString(DecodeUtf8(utf8), out);
}

}  // namespace

ValueSyntax JsonDumpsSyntax(const JsonDumpsOptions& options) {
  return ValueSyntax{
      .null_text = "null",
      .true_text = "true",
      .false_text = "false",
      .float_text = JsonFloat,
      .append_string = options.ensure_ascii ? AppendJsonAsciiUtf8 : AppendJsonString,
      .item_separator = options.item_separator,
      .key_separator = options.key_separator,
      .indent = options.indent};
}

std::string JsonDumps(const json::value& value, const JsonDumpsOptions& options) {
  std::string out;
  AppendValue(value, JsonDumpsSyntax(options), &out);
  return out;
}

std::string JsonFloat(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return FloatRepr(value);
}

void AppendJsonString(std::string_view utf8, std::string* out) {
  out->push_back('"');
  for (const char c : utf8) {
    if (AppendShortEscape(static_cast<unsigned char>(c), out)) continue;
    if (static_cast<unsigned char>(c) < 0x20) {
      AppendUnicodeEscape(static_cast<unsigned char>(c), out);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

void AppendJsonAsciiString(std::u32string_view text, std::string* out) {
  out->push_back('"');
  for (const char32_t c : text) {
    if (AppendShortEscape(c, out)) continue;
    if (c >= 0x20 && c < 0x7F) {
      out->push_back(static_cast<char>(c));
    } else if (c <= 0xFFFF) {
      AppendUnicodeEscape(c, out);
    } else {
      const char32_t v = c - 0x10000;
      AppendUnicodeEscape(0xD800 | (v >> 10), out);
      AppendUnicodeEscape(0xDC00 | (v & 0x3FF), out);
    }
  }
  out->push_back('"');
}

}  // namespace iotjobs::cli::python
