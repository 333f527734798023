#include "cli/python/text.h"

#include <cmath>
#include <cstdlib>

#include "cli/python/char_class.h"
#include "cli/python/repr.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::python {
namespace {

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
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

// What int() and float() read: whitespace stripped, Unicode digits as ASCII, the sign apart.
struct NumberText {
  bool negative = false;
  std::u32string unsigned_text;
};

NumberText ToNumberText(std::string_view text) {
  NumberText out{false, ToAsciiDigits(StripSpace(DecodeSurrogateEscape(text)))};
  if (!out.unsigned_text.empty() &&
      (out.unsigned_text.front() == '+' || out.unsigned_text.front() == '-')) {
    out.negative = out.unsigned_text.front() == '-';
    out.unsigned_text.erase(0, 1);
  }
  return out;
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

std::u32string DecodeSurrogateEscape(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // An encoded surrogate is kept (WTF-8): that is how a lone surrogate from a JSON \\uD83D
    // escape is held.
    char32_t c = 0;
    const size_t len = DecodeSequence(text, i, &c);
    if (len == 0) {  // surrogateescape
      out += static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    out += c;
    i += len;
  }
  return out;
}

void AppendSurrogateEscape(char32_t c, std::string& out) {
  if (c >= 0xDC80 && c <= 0xDCFF) {
    out += static_cast<char>(c - 0xDC00);  // an escaped byte goes back as itself
  } else {
    AppendWtf8(c, &out);
  }
}

std::string EncodeSurrogateEscape(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) AppendSurrogateEscape(c, out);
  return out;
}

size_t PyLen(std::string_view text) { return DecodeSurrogateEscape(text).size(); }

int DecimalDigit(char32_t c) {
  for (char32_t zero : kDigitZeros) {
    if (c >= zero && c < zero + 10) return static_cast<int>(c - zero);
  }
  return -1;
}

std::string PyStrip(std::string_view text) {
  return EncodeSurrogateEscape(StripSpace(DecodeSurrogateEscape(text)));
}

std::string PyLStrip(std::string_view text) {
  std::u32string s = DecodeSurrogateEscape(text);
  size_t b = 0;
  while (b < s.size() && IsSpace(s[b])) ++b;
  return EncodeSurrogateEscape(std::u32string_view(s).substr(b));
}

std::string PyRStrip(std::string_view text) {
  std::u32string s = DecodeSurrogateEscape(text);
  size_t e = s.size();
  while (e > 0 && IsSpace(s[e - 1])) --e;
  return EncodeSurrogateEscape(std::u32string_view(s).substr(0, e));
}

std::optional<std::string> PyIntParse(std::string_view text) {
  const NumberText number = ToNumberText(text);
  const std::u32string_view v = number.unsigned_text;
  if (!ValidUnderscores(v)) return std::nullopt;
  std::string digits = WithoutUnderscores(v);
  size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  if (number.negative && digits != "0") digits.insert(digits.begin(), '-');
  return digits;
}

std::optional<double> PyFloatParse(std::string_view text) {
  const NumberText number = ToNumberText(text);
  const std::u32string_view v = number.unsigned_text;
  double sign = number.negative ? -1.0 : 1.0;
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
  std::string clean = (number.negative ? "-" : "") + WithoutUnderscores(v);
  return std::strtod(clean.c_str(), nullptr);
}

std::string PyReprString(std::string_view text) { return StrRepr(DecodeSurrogateEscape(text)); }

std::string PyIntError(std::string_view text) {
  return "invalid literal for int() with base 10: " + PyReprString(text);
}

std::string PyFloatError(std::string_view text) {
  return "could not convert string to float: " + PyReprString(text);
}

}  // namespace iotjobs::cli::python
