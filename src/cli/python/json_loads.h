#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// json.loads() as CPython's C scanner reads text: the AWS CLI reads every JSON value it takes
// from the command line with it, and jmespath reads backtick literals and quoted identifiers
// with it. It accepts NaN, Infinity and -Infinity, integers of any length and \uXXXX
// surrogate pairs, and fails with CPython's message at CPython's position.
//
// The scanner builds nothing itself: it tells a JsonLoadsHandler what it reads, in document
// order, so that each caller builds its own value model. The argument parser needs Python's
// own types (an OrderedDict, an int of any size, a str holding a lone surrogate: they show in
// its messages), while jmespath and the output formats work on Boost.JSON values; neither
// model can hold the other's values without loss, so they share the reading and differ only
// in the few lines that build.
namespace iotjobs::cli::python {

class JsonLoadsHandler {
 public:
  virtual ~JsonLoadsHandler() = default;

  virtual void Null() = 0;
  virtual void Bool(bool value) = 0;
  // An integer as written ("-12", "0", "123456789012345678901234"): an optional '-', then "0"
  // or digits without a leading zero.
  virtual void Int(std::string_view decimal) = 0;
  // A float literal as float() rounds it, NaN, Infinity or -Infinity.
  virtual void Float(double value) = 0;
  // A string's value: its bytes as written, escapes by JsonLoadsOptions::append_escape.
  virtual void String(std::string value) = 0;
  virtual void BeginArray() = 0;
  virtual void EndArray() = 0;
  // Members come as Key then the value. A repeated key is passed on as it is; Python's dict
  // keeps its first position and its last value.
  virtual void BeginObject() = 0;
  virtual void Key(std::string key) = 0;
  virtual void EndObject() = 0;
};

struct JsonLoadsOptions {
  // The most arrays and objects that may be open at once. Python stops at its recursion limit
  // (about 1000 frames) instead; each caller's bound keeps the recursive reader well inside
  // a thread's stack.
  std::size_t max_depth;
  // Appends the code point of a \uXXXX escape (or of a surrogate pair) to a string's UTF-8.
  // Only a lone surrogate tells the callers apart: Python's str keeps it, which the argument
  // parser mirrors (text.h), while Boost.JSON needs valid UTF-8 (U+FFFD there).
  void (*append_escape)(char32_t cp, std::string* out);
};

struct JsonLoadsError {
  // The message of Python's JSONDecodeError ("Expecting value", "Extra data", ...). Where the
  // nesting passes max_depth it is "Expecting value" and `too_deep` is set.
  std::string_view message;
  // Where CPython reports it, as a byte offset into the text (callers count code points).
  std::size_t pos;
  bool too_deep = false;
};

// Reads the whole of `text` (UTF-8; " \t\n\r" around the value allowed) and tells `handler`
// what it holds. Bytes that are not valid UTF-8 are passed on inside strings unchanged.
// On failure the handler has seen a prefix of the document; what it built is to be dropped.
std::optional<JsonLoadsError> JsonLoads(std::string_view text, const JsonLoadsOptions& options,
                                        JsonLoadsHandler& handler);

}  // namespace iotjobs::cli::python
