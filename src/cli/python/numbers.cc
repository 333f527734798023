#include "cli/python/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "cli/python/float_parse.h"

namespace iotjobs::cli::python {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Python's str.strip() for the ASCII whitespace characters (str.isspace is also true for
// \x1c-\x1f).
std::string_view StripPythonWhitespace(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Consumes a run of digits in which single underscores may separate digits (Python's
// grammar for int() and float() literals), appending the digits to *out. False when the run
// is empty or an underscore is misplaced.
bool ConsumeDigits(std::string_view text, std::size_t* pos, std::string* out) {
  const std::size_t start = *pos;
  while (*pos < text.size()) {
    const char c = text[*pos];
    if (IsDigit(c)) {
      out->push_back(c);
      ++*pos;
    } else if (c == '_' && *pos > start && *pos + 1 < text.size() && IsDigit(text[*pos + 1])) {
      ++*pos;
    } else {
      break;
    }
  }
  return *pos > start;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char c = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

std::optional<boost::json::value> PythonInt(std::string_view text) {
  std::string decimal;
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    if (text[pos] == '-') decimal.push_back('-');
    ++pos;
  }
  if (!ConsumeDigits(text, &pos, &decimal) || pos != text.size()) return std::nullopt;
  return MakeInteger(decimal);
}

std::optional<double> PythonFloat(std::string_view text) {
  std::string decimal;
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  const std::string_view rest = text.substr(pos);
  if (EqualsIgnoreCase(rest, "inf") || EqualsIgnoreCase(rest, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (EqualsIgnoreCase(rest, "nan")) return std::numeric_limits<double>::quiet_NaN();
  if (negative) decimal.push_back('-');
  const bool has_int = ConsumeDigits(text, &pos, &decimal);
  bool has_fraction = false;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    decimal.push_back('.');
    has_fraction = ConsumeDigits(text, &pos, &decimal);
  }
  if (!has_int && !has_fraction) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    decimal.push_back('e');
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) decimal.push_back(text[pos++]);
    if (!ConsumeDigits(text, &pos, &decimal)) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return ParseFloatLiteral(decimal);
}

}  // namespace

boost::json::value MakeInteger(std::string_view decimal) {
  const char* first = decimal.data();
  const char* last = decimal.data() + decimal.size();
  std::int64_t signed_value = 0;
  if (std::from_chars(first, last, signed_value).ec == std::errc()) return signed_value;
  std::uint64_t unsigned_value = 0;
  if (decimal.front() != '-' && std::from_chars(first, last, unsigned_value).ec == std::errc()) {
    return unsigned_value;
  }
  return ParseFloatLiteral(decimal);
}

std::optional<boost::json::value> StringToNumber(std::string_view text) {
  text = StripPythonWhitespace(text);
  if (auto integer = PythonInt(text)) return integer;
  if (auto real = PythonFloat(text)) return boost::json::value(*real);
  return std::nullopt;
}

}  // namespace iotjobs::cli::python
