#pragma once

#include <boost/json/fwd.hpp>
#include <compare>
#include <optional>
#include <string_view>

// The JMESPath meaning of JSON values, as the reference Python jmespath computes it: type
// names, truthiness, equality and ordering.
namespace iotjobs::cli::jmespath {

// The JMESPath type: "null", "boolean", "number", "string", "array" or "object".
std::string_view JmespathTypeName(const boost::json::value& value);

// A number in JMESPath terms: int64, uint64 or double (never a boolean).
bool IsNumber(const boost::json::value& value);

// JMESPath falsiness: null, false, "", [] and {} are false; everything else (0 included) is
// true.
bool IsFalse(const boost::json::value& value);

// Python's `a == b` on the decoded values: numbers compare exactly across int and float,
// objects ignore key order, and, below the top level, true equals 1 and false equals 0
// (Python's bool is an int). Used by contains() and by == inside arrays and objects.
bool PythonEquals(const boost::json::value& a, const boost::json::value& b);

// The == comparator: PythonEquals, except that a number never equals a boolean at the top
// level (jmespath's _equals special case).
bool JmespathEquals(const boost::json::value& a, const boost::json::value& b);

// Python's ordering of two numbers (exact across int and float, unordered with NaN) or of
// two strings (by code point). nullopt for any other pair: jmespath's comparators then give
// null, and sort(), max(), sort_by() ... never reach that case after their type checks.
std::optional<std::partial_ordering> PythonCompare(const boost::json::value& a,
                                                   const boost::json::value& b);

}  // namespace iotjobs::cli::jmespath
