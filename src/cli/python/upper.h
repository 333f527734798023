#pragma once

#include <string>
#include <string_view>

// Python's str.upper(), which the text output applies to the identifier it writes before a
// row (awscli/formatter.py TextFormatter). It needs ICU, which this library links for it alone
// (privately, so that its users do not see ICU's headers).
namespace iotjobs::cli::python {

// str.upper(): the full Unicode uppercase mapping ("ß" -> "SS"), from ICU's root locale
// (ICU's Unicode version may be newer than Python 3.11's 14.0).
std::string Upper(std::string_view text);

}  // namespace iotjobs::cli::python
