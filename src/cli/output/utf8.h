#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 helpers shared by the formatters. Boost.JSON validates UTF-8 when it parses, so the
// malformed-input rule below only matters for values built in code.
namespace iotjobs::cli::output {

// Decodes the code point starting at text[*pos] and advances *pos past it. A malformed or
// truncated sequence decodes as U+FFFD and consumes one byte.
// REQUIRES: *pos < text.size().
char32_t NextCodePoint(std::string_view text, std::size_t* pos);

// Appends `cp` encoded as UTF-8.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace iotjobs::cli::output
