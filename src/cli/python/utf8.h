#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 and code points. Python's str is a sequence of code points, and the AWS CLI and
// jmespath count, slice, escape and report columns by code point, so the CLI decodes its UTF-8
// text with these. Malformed input never fails: it decodes as U+FFFD one byte at a time.
// (text.h builds Python's surrogateescape decoding of argv on DecodeSequence and
// AppendWtf8.)
namespace iotjobs::cli::python {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the sequence that starts at text[pos] into *cp and returns its length, or returns 0
// when it is malformed: a stray or invalid lead byte, a missing continuation byte, an overlong
// form or a value past U+10FFFF. An encoded surrogate (ED A0 80 ...) is NOT rejected here,
// since argv decoding keeps it; the strict functions below treat it as malformed.
// REQUIRES: pos < text.size().
std::size_t DecodeSequence(std::string_view text, std::size_t pos, char32_t* cp);

// The byte offset of the first malformed sequence in `text` (surrogates included), or
// std::string_view::npos when it is all well-formed UTF-8.
std::size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point that starts at text[*pos] and advances *pos past it. A malformed
// sequence yields U+FFFD and advances one byte.
// REQUIRES: *pos < text.size().
char32_t NextCodePoint(std::string_view text, std::size_t* pos);

// The number of code points in `text` (malformed bytes count one each).
std::size_t CountCodePoints(std::string_view text);

// Appends the UTF-8 encoding of `cp`; surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(char32_t cp, std::string* out);

// Appends the encoding of `cp` unchecked, a surrogate as its three bytes (WTF-8).
// REQUIRES: cp <= 0x10FFFF.
void AppendWtf8(char32_t cp, std::string* out);

// Whole-string conversions with NextCodePoint and AppendUtf8.
std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);

}  // namespace iotjobs::cli::python
