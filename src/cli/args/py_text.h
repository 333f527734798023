#pragma once

#include <optional>
#include <string>
#include <string_view>

// Python's view of text, which the AWS CLI's messages and parsers are written against: strings
// are sequences of code points (error carets and JSON positions count code points, not bytes),
// str.isspace() is Unicode-aware (python/char_class.h), and int()/float() accept their own
// spellings.
//
// Text is UTF-8 throughout. A byte that is not valid UTF-8 decodes to U+DC80+byte, as Python's
// surrogateescape does for command-line arguments, and encodes back to that byte. Other lone
// surrogates (from JSON escapes) are held as their three-byte encoding (WTF-8). This is where
// argv's text differs from JSON text, which python/utf8.h decodes strictly.
namespace iotjobs::cli::args {

std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string& out);

// len(str): code points.
size_t CodePointCount(std::string_view text);

// The value of a Unicode decimal digit (category Nd, as Python's int() reads them), else -1.
int DecimalDigit(char32_t c);

// str.strip(), str.lstrip(), str.rstrip() with no argument.
std::string PyStrip(std::string_view text);
std::string PyLStrip(std::string_view text);
std::string PyRStrip(std::string_view text);

// int(text) in base 10: the canonical decimal spelling ("-12"), or nullopt where Python raises
// ValueError. Any Unicode decimal digit counts, as in Python.
std::optional<std::string> PyIntParse(std::string_view text);

// float(text), or nullopt where Python raises ValueError.
std::optional<double> PyFloatParse(std::string_view text);

// repr(str) of `text` decoded as above (python/repr.h StrRepr), so that an undecodable byte
// shows as '\udcff', as Python shows it.
std::string PyReprString(std::string_view text);

// The ValueError messages of int() and float():
// "invalid literal for int() with base 10: 'abc'", "could not convert string to float: 'x'".
std::string PyIntError(std::string_view text);
std::string PyFloatError(std::string_view text);

}  // namespace iotjobs::cli::args
