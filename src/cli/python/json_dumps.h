#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "cli/python/value_syntax.h"

// json.dumps(), which writes the AWS CLI's json output and jmespath's to_string(). Keys keep
// their object order; floats print as repr() but for NaN, Infinity and -Infinity.
namespace iotjobs::cli::python {

// json.dumps's keyword arguments, without defaults, so that each caller spells its own.
struct JsonDumpsOptions {
  int indent;  // Spaces per level; negative for indent=None (all on one line).
  std::string_view item_separator;
  std::string_view key_separator;
  bool ensure_ascii;  // Escape everything outside printable ASCII as \uXXXX.
};

std::string JsonDumps(const boost::json::value& value, const JsonDumpsOptions& options);

// json.dumps()'s spelling with `options` for the walker of value_syntax.h, for a caller that
// walks a value model of its own (PyValue, value_json.h).
ValueSyntax JsonDumpsSyntax(const JsonDumpsOptions& options);

// The pieces.
// floatstr(): "NaN", "Infinity", "-Infinity", else repr().
std::string JsonFloat(double value);
// A JSON string with ensure_ascii=False (py_encode_basestring): only '"', '\\' and the C0
// controls are escaped, every other byte is copied.
void AppendJsonString(std::string_view utf8, std::string* out);
// A JSON string with ensure_ascii=True (py_encode_basestring_ascii), from code points: all
// outside printable ASCII as \uXXXX, above U+FFFF as a surrogate pair.
void AppendJsonAsciiString(std::u32string_view text, std::string* out);

}  // namespace iotjobs::cli::python
