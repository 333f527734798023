#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string_view>

// Number conversions that follow Python, whose int is unbounded and whose float() is
// correctly rounded. Boost.JSON holds int64, uint64 or double, so an integer that fits neither
// int64 nor uint64 becomes the nearest double (Python would keep every digit).
//
// These are int() and float() into Boost.JSON, for json.loads() (json_loads_boost.h) and
// jmespath's to_number(). text.h's PyIntParse() and PyFloatParse() read the same grammar for
// args/, Unicode digits and spaces included; StringToNumber() recognises ASCII only (below),
// and moving it onto those would change what to_number() accepts.
namespace iotjobs::cli::python {

// The integer written in `decimal` (an optional '-' then ASCII digits, as Python's int()).
// REQUIRES: `decimal` has that form.
boost::json::value MakeInteger(std::string_view decimal);

// to_number() on a string: Python's int(text), else float(text) (surrounding whitespace,
// single underscores between digits, inf/infinity/nan in any case); nullopt when neither
// accepts it. Only ASCII digits and whitespace are recognised (Python also takes other
// Unicode decimal digits and spaces).
std::optional<boost::json::value> StringToNumber(std::string_view text);

}  // namespace iotjobs::cli::python
