#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// UTF-8 helpers. JMESPath (through Python's str) counts, slices and reverses strings by code
// point, and reports error columns in code points, so these work on code points too.
namespace iotjobs::cli::jmespath {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// The byte offset of the first malformed sequence in `text` (overlongs, surrogates and values
// past U+10FFFF are malformed), or std::string_view::npos when it is all well-formed UTF-8.
std::size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point that starts at text[*pos] and advances *pos past it. A malformed
// sequence yields U+FFFD and advances one byte, so any input is safe.
// REQUIRES: *pos < text.size().
char32_t NextCodePoint(std::string_view text, std::size_t* pos);

// The number of code points in `text` (malformed bytes count one each).
std::size_t CountCodePoints(std::string_view text);

// Appends the UTF-8 encoding of `cp`; surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

// Whole-string conversions; Decode never fails (see NextCodePoint).
std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);

}  // namespace iotjobs::cli::jmespath
