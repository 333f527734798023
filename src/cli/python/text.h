#pragma once

#include <optional>
#include <string>
#include <string_view>

// Python's view of text as the argument parser holds it (the str of a PyValue, value.h), which
// the AWS CLI's messages and parsers are written against: strings are sequences of code points
// (error carets and JSON positions count code points, not bytes), str.isspace() is
// Unicode-aware (char_class.h), and int()/float() accept their own spellings. The builtins and
// str methods on this text carry a Py prefix (PyStrip, PyIntParse), as PyValue's do.
//
// Text is UTF-8 throughout. A byte that is not valid UTF-8 decodes to U+DC80+byte, as Python's
// surrogateescape does for command-line arguments, and encodes back to that byte. Other lone
// surrogates (from JSON escapes) are held as their three-byte encoding (WTF-8). This is where
// argv's text differs from JSON text, which utf8.h decodes strictly.
namespace iotjobs::cli::python {

// The code points of `text` decoded as above, and back; lossless both ways.
std::u32string DecodeSurrogateEscape(std::string_view text);
std::string EncodeSurrogateEscape(std::u32string_view text);
void AppendSurrogateEscape(char32_t c, std::string& out);

// len(str): code points, as DecodeSurrogateEscape counts them.
size_t PyLen(std::string_view text);

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

// repr(str) of `text` decoded as above (repr.h StrRepr), so that an undecodable byte
// shows as '\udcff', as Python shows it.
std::string PyReprString(std::string_view text);

// The ValueError messages of int() and float():
// "invalid literal for int() with base 10: 'abc'", "could not convert string to float: 'x'".
std::string PyIntError(std::string_view text);
std::string PyFloatError(std::string_view text);

}  // namespace iotjobs::cli::python
