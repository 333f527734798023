#pragma once

// Python's str predicates for one code point, which decide what the AWS CLI strips, splits on
// and escapes. Both follow CPython 3.11 (Unicode 14.0) without Unicode tables.
namespace iotjobs::cli::python {

// str.isspace(): the ASCII whitespace and separators \t..\r and \x1c..\x1f, U+0085, and the
// Unicode space, line and paragraph separators.
bool IsSpace(char32_t cp);

// str.isprintable(), approximated: the controls, the separators other than ' ', the format
// characters in common use, surrogates, private use and noncharacters are not printable;
// everything else (unassigned code points included) is.
bool IsPrintable(char32_t cp);

}  // namespace iotjobs::cli::python
