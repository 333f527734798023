#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "cli/python/value_syntax.h"

// Python's builtins applied to a JSON value as json.loads() returns it (null is None, an
// object a dict, and so on). The AWS CLI's text and table output call str() on every cell, and
// jmespath's messages show values with str() and name their types.
namespace iotjobs::cli::python {

// repr()'s spelling of values for the walker of value_syntax.h, strings decoded with utf8.h.
// (PyValue's strings are argv's text, which decodes otherwise; value.cc swaps append_string.)
ValueSyntax ReprSyntax();

// repr(value): None, True, 12, 1.5, 'text', [1, 'a'], {'k': None}. Strings are decoded with
// utf8.h and quoted as repr.h does.
std::string Repr(const boost::json::value& value);

// str(value): a string as itself, anything else as repr().
std::string Str(const boost::json::value& value);

// type(value).__name__: "NoneType", "bool", "int", "float", "str", "list", "dict".
std::string_view TypeName(const boost::json::value& value);

// bool(value): false for None, False, 0, 0.0, "", [] and {}.
bool Truthy(const boost::json::value& value);

}  // namespace iotjobs::cli::python
