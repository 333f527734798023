#pragma once

#include <string>
#include <string_view>

// repr() of Python's scalar types, which the AWS CLI and jmespath print in their output and
// messages: floats, str and bytes. (json_value.h applies it to whole JSON values.)
namespace iotjobs::cli::python {

// repr(float): the shortest digits that round-trip, fixed notation when the decimal exponent
// is in [-4, 16) ("0.0001", "1000000000000000.0"), else exponent notation ("1e-05",
// "1.5e+16"); "inf", "-inf", "nan".
std::string FloatRepr(double value);

// repr(str) of a sequence of code points: quoted with ' (or " when it holds ' but no "),
// backslash escapes for the quote, '\\', \t, \n, \r, and \xNN, \uNNNN or \UNNNNNNNN for the
// code points that are not printable (char_class.h). How the text was decoded is the
// caller's business (utf8.h for JSON text, text.h's surrogateescape for argv).
std::string StrRepr(std::u32string_view text);
void AppendStrRepr(std::u32string_view text, std::string* out);

// repr(bytes): b'...', quoted as str is, with \xNN for every byte outside printable ASCII.
std::string BytesRepr(std::string_view bytes);

}  // namespace iotjobs::cli::python
