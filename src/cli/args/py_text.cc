#include "cli/args/py_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace iotjobs::cli::args {
namespace {

bool IsCont(unsigned char b) { return (b & 0xC0) == 0x80; }

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The zero of every run of Nd digits in Unicode 14.0 (Python 3.11's unicodedata).
constexpr char32_t kDigitZeros[] = {
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,
    0xC66,   0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,
    0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,
    0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
    0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

// _PyUnicode_TransformDecimalAndSpaceToASCII: what int() and float() parse.
std::u32string ToAsciiDigits(std::u32string s) {
  for (auto& c : s) {
    int d = DecimalDigit(c);
    if (d >= 0) c = U'0' + static_cast<char32_t>(d);
  }
  return s;
}

// Digits with single underscores between them, as int() and float() allow ("1_000").
bool ValidUnderscores(std::u32string_view digits) {
  if (digits.empty() || digits.front() == '_' || digits.back() == '_') return false;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] == '_') {
      if (digits[i + 1] == '_') return false;
    } else if (!IsAsciiDigit(digits[i])) {
      return false;
    }
  }
  return true;
}

std::string WithoutUnderscores(std::u32string_view digits) {
  std::string out;
  for (char32_t c : digits) {
    if (c != '_') out += static_cast<char>(c);
  }
  return out;
}

std::u32string StripSpace(std::u32string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsPySpace(s[b])) ++b;
  while (e > b && IsPySpace(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

bool EqualsNoCase(std::u32string_view s, std::string_view word) {
  if (s.size() != word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != static_cast<char32_t>(word[i])) return false;
  }
  return true;
}

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    size_t len = 0;
    char32_t c = 0;
    if (b < 0x80) {
      len = 1, c = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2, c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3, c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4, c = b & 0x07;
    }
    bool ok = len > 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char n = static_cast<unsigned char>(text[i + k]);
      ok = IsCont(n);
      c = (c << 6) | (n & 0x3F);
    }
    // Overlong forms and values past U+10FFFF are invalid. An encoded surrogate is read as
    // one (WTF-8): that is how a lone surrogate from a JSON \\uD83D escape is held.
    if (ok && ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)))) {
      ok = false;
    }
    if (!ok) {
      out += static_cast<char32_t>(0xDC00 + b);  // surrogateescape
      ++i;
      continue;
    }
    out += c;
    i += len;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c >= 0xDC80 && c <= 0xDCFF) {
    out += static_cast<char>(c - 0xDC00);  // an escaped byte goes back as itself
  } else if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) AppendUtf8(c, out);
  return out;
}

size_t CodePointCount(std::string_view text) { return DecodeUtf8(text).size(); }

int DecimalDigit(char32_t c) {
  for (char32_t zero : kDigitZeros) {
    if (c >= zero && c < zero + 10) return static_cast<int>(c - zero);
  }
  return -1;
}

bool IsPySpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool IsPyPrintable(char32_t c) {
  if (c == ' ') return true;
  if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD) return false;
  if (IsPySpace(c)) return false;  // Zs, Zl, Zp
  if ((c >= 0x600 && c <= 0x605) || c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x180E ||
      (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF ||
      (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F)) {
    return false;  // Cf
  }
  if (c >= 0xD800 && c <= 0xDFFF) return false;                              // Cs
  if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) return false;            // Co
  if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) return false;  // noncharacters
  return true;
}

std::string PyStrip(std::string_view text) { return EncodeUtf8(StripSpace(DecodeUtf8(text))); }

std::string PyLStrip(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  size_t b = 0;
  while (b < s.size() && IsPySpace(s[b])) ++b;
  return EncodeUtf8(std::u32string_view(s).substr(b));
}

std::string PyRStrip(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  size_t e = s.size();
  while (e > 0 && IsPySpace(s[e - 1])) --e;
  return EncodeUtf8(std::u32string_view(s).substr(0, e));
}

std::optional<std::string> PyIntParse(std::string_view text) {
  std::u32string s = ToAsciiDigits(StripSpace(DecodeUtf8(text)));
  std::u32string_view v = s;
  bool negative = false;
  if (!v.empty() && (v.front() == '+' || v.front() == '-')) {
    negative = v.front() == '-';
    v.remove_prefix(1);
  }
  if (!ValidUnderscores(v)) return std::nullopt;
  std::string digits = WithoutUnderscores(v);
  size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  if (negative && digits != "0") digits.insert(digits.begin(), '-');
  return digits;
}

std::optional<double> PyFloatParse(std::string_view text) {
  std::u32string s = ToAsciiDigits(StripSpace(DecodeUtf8(text)));
  std::u32string_view v = s;
  bool negative = false;
  if (!v.empty() && (v.front() == '+' || v.front() == '-')) {
    negative = v.front() == '-';
    v.remove_prefix(1);
  }
  double sign = negative ? -1.0 : 1.0;
  if (EqualsNoCase(v, "inf") || EqualsNoCase(v, "infinity")) return sign * HUGE_VAL;
  if (EqualsNoCase(v, "nan")) return std::nan("");
  // digits [. digits] [e [sign] digits], each digit run with single inner underscores.
  size_t i = 0;
  auto run = [&](bool& any) {
    size_t start = i;
    while (i < v.size() && (IsAsciiDigit(v[i]) || v[i] == '_')) ++i;
    any = i > start;
    return !any || ValidUnderscores(v.substr(start, i - start));
  };
  bool int_digits = false, frac_digits = false;
  if (!run(int_digits)) return std::nullopt;
  if (i < v.size() && v[i] == '.') {
    ++i;
    if (!run(frac_digits)) return std::nullopt;
  }
  if (!int_digits && !frac_digits) return std::nullopt;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    bool exp_digits = false;
    if (!run(exp_digits) || !exp_digits) return std::nullopt;
  }
  if (i != v.size()) return std::nullopt;
  std::string clean = (negative ? "-" : "") + WithoutUnderscores(v);
  return std::strtod(clean.c_str(), nullptr);
}

std::string PyReprString(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  bool has_single = s.find(U'\'') != std::u32string::npos;
  bool has_double = s.find(U'"') != std::u32string::npos;
  char32_t quote = has_single && !has_double ? U'"' : U'\'';
  std::string out(1, static_cast<char>(quote));
  char buf[16];
  for (char32_t c : s) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x7F || IsPyPrintable(c)) {
      AppendUtf8(c, out);
    } else if (c <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  out += static_cast<char>(quote);
  return out;
}

std::string PyFloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits, as "d.ddde[+-]x"; Python's repr chooses the layout by the
  // decimal point position.
  std::array<char, 64> buf{};
  auto res =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::scientific);
  std::string sci(buf.data(), res.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int exponent = std::atoi(sci.c_str() + e + 1);
  int decpt = exponent + 1;  // value = 0.DIGITS * 10^decpt
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(-decpt, '0') + digits;
    } else if (static_cast<size_t>(decpt) >= digits.size()) {
      out = digits + std::string(decpt - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, decpt) + "." + digits.substr(decpt);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += ebuf;
  }
  return sign + out;
}

std::string PyIntError(std::string_view text) {
  return "invalid literal for int() with base 10: " + PyReprString(text);
}

std::string PyFloatError(std::string_view text) {
  return "could not convert string to float: " + PyReprString(text);
}

}  // namespace iotjobs::cli::args
