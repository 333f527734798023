#pragma once

#include <boost/json/fwd.hpp>
#include <string>

// `--output json`: what AWS CLI v2's JSONFormatter writes, json.dump(value, indent=4,
// ensure_ascii=False) and a newline (awscli/formatter.py).
namespace iotjobs::cli::output {

// The JSON text of any value, followed by "\n". Keys keep their order; floats print as
// Python's repr() ("50.5", "1e-07", "1e+16", "100.0"; NaN and infinities as "NaN",
// "Infinity", "-Infinity"); non-ASCII characters are written as they are, and only '"', '\\'
// and the C0 controls are escaped ("\n", "\t", ..., else "\u001b"). A bare string prints
// quoted ("\"text\"\n"), a bare number as itself.
// Whether to print at all is ShouldPrint's question (format.h): the CLI skips an empty
// object, this function does not.
std::string FormatJson(const boost::json::value& value);

// The same on one line, with Python's default separators (", " and ": "): how the CLI writes
// a scalar in YAML output (awscli/formatter.py YAMLDumper).
std::string FormatJsonLine(const boost::json::value& value);

}  // namespace iotjobs::cli::output
