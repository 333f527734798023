#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/python/value.h"

// Python's json.loads(), which reads every JSON value the AWS CLI takes from the command line,
// and the json.dumps() layout of its skeletons, for PyValue (value.h).
// Its error text is part of what the CLI prints ("Invalid JSON: Expecting ',' delimiter: line 1
// column 14 (char 13)"), so this reader follows CPython's C scanner step by step: the same
// accepted language (NaN, Infinity, -Infinity, integers of any size, a repeated key keeping its
// first position and last value) and the same message and position for each failure.
//
// Only args/ calls these, but they stay with the scanner (json_loads.h) and the walker
// (value_syntax.h) they adapt: what they add is Python's too (str(JSONDecodeError), which
// counts code points as text.h does), not anything of the argument parser's.
namespace iotjobs::cli::python {

struct PyJsonResult {
  std::optional<PyValue> value;  // set on success
  std::string error;  // else str(JSONDecodeError): "Expecting value: line 1 column 1 (char 0)"
};

// Parses `text` (UTF-8). `ordered` makes every object an OrderedDict, as
// json.loads(..., object_pairs_hook=OrderedDict) does for option values.
PyJsonResult PyJsonLoads(std::string_view text, bool ordered);

// json.dumps(value, indent=4) with the default ensure_ascii, as --generate-cli-skeleton
// writes it (without the final newline).
std::string PyJsonDumpsIndented(const PyValue& value);

}  // namespace iotjobs::cli::python
