#include "cli/python/float_parse.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

namespace iotjobs::cli::python {

double ParseFloatLiteral(std::string_view decimal) {
  double value = 0;
  const std::from_chars_result parsed =
      std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
  if (parsed.ec != std::errc::result_out_of_range) return value;
  // Out of range: float() rounds to +-inf or to +-0.0. Which one follows from the decimal
  // exponent of the first significant digit (value = 0.d... * 10^magnitude).
  const bool negative = decimal.front() == '-';
  std::string_view mantissa = decimal.substr(negative ? 1 : 0);
  long exponent = 0;
  if (const std::size_t e = mantissa.find_first_of("eE"); e != std::string_view::npos) {
    std::string_view digits = mantissa.substr(e + 1);
    const bool negative_exponent = digits.front() == '-';
    if (digits.front() == '-' || digits.front() == '+') digits.remove_prefix(1);
    for (char c : digits) exponent = std::min(exponent * 10 + (c - '0'), 100000L);
    if (negative_exponent) exponent = -exponent;
    mantissa = mantissa.substr(0, e);
  }
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  const std::string_view integer = mantissa.substr(0, point);
  const std::string_view fraction = mantissa.substr(std::min(point + 1, mantissa.size()));
  const std::size_t integer_zeros = std::min(integer.find_first_not_of('0'), integer.size());
  const long magnitude =
      integer_zeros < integer.size()
          ? static_cast<long>(integer.size() - integer_zeros)
          : -static_cast<long>(std::min(fraction.find_first_not_of('0'), fraction.size()));
  const double result = magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return negative ? -result : result;
}

}  // namespace iotjobs::cli::python
