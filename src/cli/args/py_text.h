#pragma once

#include <optional>
#include <string>
#include <string_view>

// Python's view of text, which the AWS CLI's messages and parsers are written against: strings
// are sequences of code points (error carets and JSON positions count code points, not bytes),
// str.isspace() is Unicode-aware, and int()/float() accept their own spellings.
//
// Text is UTF-8 throughout. A byte that is not valid UTF-8 decodes to U+DC80+byte, as Python's
// surrogateescape does for command-line arguments, and encodes back to that byte. Other lone
// surrogates (from JSON escapes) are held as their three-byte encoding (WTF-8).
namespace iotjobs::cli::args {

std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string& out);

// len(str): code points.
size_t CodePointCount(std::string_view text);

// str.isspace() for one code point.
bool IsPySpace(char32_t c);

// The value of a Unicode decimal digit (category Nd, as Python's int() reads them), else -1.
int DecimalDigit(char32_t c);

// str.isprintable() for one code point, approximated without Unicode tables: controls, the
// separators other than ' ', the format characters in common use, surrogates and private use
// are not printable; everything else is.
bool IsPyPrintable(char32_t c);

// str.strip(), str.lstrip(), str.rstrip() with no argument.
std::string PyStrip(std::string_view text);
std::string PyLStrip(std::string_view text);
std::string PyRStrip(std::string_view text);

// int(text) in base 10: the canonical decimal spelling ("-12"), or nullopt where Python raises
// ValueError. Any Unicode decimal digit counts, as in Python.
std::optional<std::string> PyIntParse(std::string_view text);

// float(text), or nullopt where Python raises ValueError.
std::optional<double> PyFloatParse(std::string_view text);

// repr(str): quoted with ' (or " when the text holds ' but no "), backslash escapes for the
// quote, '\\', \t, \n, \r and non-printable code points (\xNN, \uNNNN, \UNNNNNNNN).
std::string PyReprString(std::string_view text);

// repr(float): the shortest digits that read back to the same double, fixed notation for
// 1e-4 <= |x| < 1e16 ("0.5", "3.0") and exponent notation otherwise ("1e-05", "1.5e+16");
// "inf", "-inf", "nan".
std::string PyFloatRepr(double value);

// The ValueError messages of int() and float():
// "invalid literal for int() with base 10: 'abc'", "could not convert string to float: 'x'".
std::string PyIntError(std::string_view text);
std::string PyFloatError(std::string_view text);

}  // namespace iotjobs::cli::args
