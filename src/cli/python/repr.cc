#include "cli/python/repr.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "cli/python/char_class.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::python {
namespace {

void AppendHex(char32_t cp, int width, char prefix, std::string* out) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "\\%c%0*x", prefix, width, static_cast<unsigned>(cp));
  out->append(buffer);
}

// The loop unicode_repr() (Objects/unicodeobject.c) and bytes_repr() (Objects/bytesobject.c)
// share: they differ only in what counts as printable. A bytes object comes in as one "code
// point" per byte, all below 0x100, so its escapes are all \xNN.
void AppendQuoted(std::u32string_view text, bool (*printable)(char32_t), std::string* out) {
  const bool has_single = text.find(U'\'') != std::u32string_view::npos;
  const bool has_double = text.find(U'"') != std::u32string_view::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  out->push_back(quote);
  for (const char32_t cp : text) {
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\t') {
      out->append("\\t");
    } else if (cp == '\n') {
      out->append("\\n");
    } else if (cp == '\r') {
      out->append("\\r");
    } else if (!printable(cp)) {
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

bool IsPrintableAscii(char32_t cp) { return cp >= 0x20 && cp < 0x7F; }

}  // namespace

// Python's float_repr_style 'short': format_float_short(x, 'r', 0, Py_DTSF_ADD_DOT_0).
std::string FloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Shortest round-trip digits, as "d.ddde[+-]x"; then laid out by the decimal point's place.
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

std::string StrRepr(std::u32string_view text) {
  std::string out;
  AppendStrRepr(text, &out);
  return out;
}

void AppendStrRepr(std::u32string_view text, std::string* out) {
  AppendQuoted(text, IsPrintable, out);
}

std::string BytesRepr(std::string_view bytes) {
  std::u32string octets;
  octets.reserve(bytes.size());
  for (char byte : bytes) octets.push_back(static_cast<unsigned char>(byte));
  std::string out = "b";
  AppendQuoted(octets, IsPrintableAscii, &out);
  return out;
}

}  // namespace iotjobs::cli::python
