#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

// How repr() and json.dumps() spell a JSON value. They walk it the same way and differ only
// in the words for None, True and False, how floats and strings look, the separators and the
// indentation: "[" items "]" and "{" key separator value "}", the items joined by a
// separator and, with an indent, each on a line of its own; empty ones are "[]" and "{}"
// either way. Integers are their decimal digits in both.
namespace iotjobs::cli::python {

struct ValueSyntax {
  std::string_view null_text;
  std::string_view true_text;
  std::string_view false_text;
  std::string (*float_text)(double value);
  void (*append_string)(std::string_view utf8, std::string* out);  // Values and keys.
  std::string_view item_separator;
  std::string_view key_separator;
  int indent;  // Spaces per level; negative puts everything on one line.
};

void AppendValue(const boost::json::value& value, const ValueSyntax& syntax, std::string* out);

}  // namespace iotjobs::cli::python
