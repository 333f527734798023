#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

// Python's text forms of JSON values, which AWS CLI v2's text and table output use: the
// formatters call str() on every cell, so a float prints as repr(), None as "None", True as
// "True" and a list or dict (a cell whose value is not a scalar) as its repr().
namespace iotjobs::cli::output {

// repr(float): the shortest digits that round-trip, fixed notation when the decimal exponent
// is in [-4, 16), else "1e-05" / "1.5e+16"; "inf", "-inf", "nan".
std::string PythonFloatRepr(double value);

// str(value): a string as itself, anything else as repr().
std::string PythonStr(const boost::json::value& value);

// repr(value): None, True, 12, 1.5, 'text', [1, 'a'], {'k': None}. Strings are quoted and
// escaped as Python does; which non-ASCII characters count as printable is approximated (the
// C1 controls and the invisible spaces and format characters of Latin-1, General Punctuation
// and Specials are escaped, everything else is shown as is).
std::string PythonRepr(const boost::json::value& value);

// bool(value): false for null, false, 0, 0.0, "", [] and {}.
bool PythonTruthy(const boost::json::value& value);

// type(value).__name__: "NoneType", "bool", "int", "float", "str", "list", "dict". Python's
// exception messages name it.
std::string_view PythonTypeName(const boost::json::value& value);

// str.upper(): the full Unicode uppercase mapping ("ß" -> "SS"), from ICU's root locale
// (ICU's Unicode version may be newer than Python 3.11's 14.0).
std::string PythonUpper(std::string_view text);

}  // namespace iotjobs::cli::output
