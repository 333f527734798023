#pragma once

#include <string_view>

// float() of a decimal literal: correctly rounded, as Python's is, and locale-independent.
namespace iotjobs::cli::python {

// The correctly rounded double of `decimal` (sign, digits, optional fraction and exponent),
// with Python's overflow to +-inf and underflow to +-0.0.
// REQUIRES: `decimal` is an ASCII decimal float literal.
double ParseFloatLiteral(std::string_view decimal);

}  // namespace iotjobs::cli::python
