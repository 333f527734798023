#pragma once

// How wide awscli/table.py thinks a character is.
namespace iotjobs::cli::output {

// unicodedata.east_asian_width(chr(cp)) in 'WFA' (Python 3.11, Unicode 14.0.0): the table
// formatter counts such a character as two columns (ambiguous ones included, so "½" and "°"
// count two), every other code point as one.
bool IsWideOrAmbiguous(char32_t cp);

}  // namespace iotjobs::cli::output
