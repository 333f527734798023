#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

// Text as the reference Python jmespath writes it. Error messages embed values with Python's
// str() and repr() (a type error shows `{'a': 1}`, `None`, `True`), and to_string() returns
// json.dumps(value, separators=(',', ':')) with its default ensure_ascii.
namespace iotjobs::cli::jmespath {

// repr(float): the shortest digits that round-trip, fixed notation from 1e-4 up to 1e16 and
// exponent notation outside ("1e-05", "1.5e+16"); "inf", "-inf", "nan".
std::string PythonFloatRepr(double value);

// str(value): a string as itself, anything else as repr().
std::string PythonStr(const boost::json::value& value);

// repr(value): None, True, 12, 1.5, 'text', [1, 'a'], {'k': None}.
std::string PythonRepr(const boost::json::value& value);

// repr() of a list of strings: ['number', 'array-number'].
std::string PythonStringListRepr(const std::vector<std::string_view>& items);

// json.dumps(value, separators=(',', ':')): compact, keys in object order, every character
// outside printable ASCII escaped as \uXXXX, floats as repr() (NaN, Infinity, -Infinity).
std::string PythonJsonDumps(const boost::json::value& value);

}  // namespace iotjobs::cli::jmespath
