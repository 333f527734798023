// PyJsonDumpsIndented of py_json.h.
#include "cli/args/py_json.h"

#include <string>

#include "cli/args/py_text.h"
#include "cli/python/json_dumps.h"
#include "cli/python/value_syntax.h"

namespace iotjobs::cli::args {

std::string PyJsonDumpsIndented(const PyValue& value) {
  static const python::ValueSyntax kIndented = [] {
    python::ValueSyntax syntax = python::JsonDumpsSyntax(
        {.indent = 4, .item_separator = ",", .key_separator = ": ", .ensure_ascii = true});
    syntax.append_string = [](std::string_view text, std::string* out) {
      python::AppendJsonAsciiString(DecodeUtf8(text), out);  // argv's text, as py_text.h
    };
    return syntax;
  }();
  std::string out;
  python::AppendValue(value, kIndented, 0, &out);
  return out;
}

}  // namespace iotjobs::cli::args
