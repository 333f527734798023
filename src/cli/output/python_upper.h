#pragma once

#include <string>
#include <string_view>

// Python's str.upper(), which the text output applies to the identifier it writes before a
// row (awscli/formatter.py TextFormatter). It lives here rather than in python/ because it
// needs ICU, which only the output library links.
namespace iotjobs::cli::output {

// str.upper(): the full Unicode uppercase mapping ("ß" -> "SS"), from ICU's root locale
// (ICU's Unicode version may be newer than Python 3.11's 14.0).
std::string PythonUpper(std::string_view text);

}  // namespace iotjobs::cli::output
