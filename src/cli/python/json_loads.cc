#include "cli/python/json_loads.h"

#include <limits>
#include <utility>

#include "cli/python/float_parse.h"

namespace iotjobs::cli::python {
namespace {

// The messages of CPython's JSONDecodeError.
constexpr std::string_view kExpectingValue = "Expecting value";
constexpr std::string_view kExtraData = "Extra data";
constexpr std::string_view kInvalidEscape = "Invalid \\escape";
constexpr std::string_view kInvalidUnicodeEscape = "Invalid \\uXXXX escape";
constexpr std::string_view kInvalidControl = "Invalid control character at";
constexpr std::string_view kUnterminated = "Unterminated string starting at";
constexpr std::string_view kExpectingName = "Expecting property name enclosed in double quotes";
constexpr std::string_view kExpectingColon = "Expecting ':' delimiter";
constexpr std::string_view kExpectingComma = "Expecting ',' delimiter";

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CPython 3.11's scan_once, _parse_object, _parse_array, scanstring and _match_number, step by
// step, with their error positions. CPython indexes code points and this reads bytes; every
// position it compares or reports falls on an ASCII character, so the two agree (a caller
// turns a reported offset into a character index). A failure is kept in failure_ and every
// function returns false from then on up.
class Scanner {
 public:
  Scanner(std::string_view text, const JsonLoadsOptions& options, JsonLoadsHandler& handler)
      : s_(text), options_(options), handler_(handler) {}

  std::optional<JsonLoadsError> Document() {
    std::size_t idx = SkipWhitespace(0);
    std::size_t end = 0;
    if (!ScanOnce(idx, &end, 0)) return failure_;
    end = SkipWhitespace(end);
    if (end != s_.size()) return JsonLoadsError{kExtraData, end};
    return std::nullopt;
  }

 private:
  bool Fail(std::string_view message, std::size_t pos, bool too_deep = false) {
    failure_ = JsonLoadsError{message, pos, too_deep};
    return false;
  }

  bool Match(std::size_t idx, std::string_view word) const {
    return s_.substr(idx, word.size()) == word;
  }

  std::size_t SkipWhitespace(std::size_t idx) const {
    while (idx < s_.size() && IsWhitespace(s_[idx])) ++idx;
    return idx;
  }

  // One value at s_[idx], inside `depth` open arrays and objects; *next is set past it.
  bool ScanOnce(std::size_t idx, std::size_t* next, std::size_t depth) {
    if (idx >= s_.size()) return Fail(kExpectingValue, idx);
    switch (s_[idx]) {
      case '"': {
        std::string value;
        if (!ScanString(idx + 1, next, &value)) return false;
        handler_.String(std::move(value));
        return true;
      }
      case '{':
      case '[':
        if (depth >= options_.max_depth) return Fail(kExpectingValue, idx, /*too_deep=*/true);
        return s_[idx] == '{' ? ParseObject(idx + 1, next, depth + 1)
                              : ParseArray(idx + 1, next, depth + 1);
      default:
        break;
    }
    if (Match(idx, "null")) return handler_.Null(), *next = idx + 4, true;
    if (Match(idx, "true")) return handler_.Bool(true), *next = idx + 4, true;
    if (Match(idx, "false")) return handler_.Bool(false), *next = idx + 5, true;
    if (Match(idx, "NaN")) {
      handler_.Float(std::numeric_limits<double>::quiet_NaN());
      return *next = idx + 3, true;
    }
    if (Match(idx, "Infinity")) {
      handler_.Float(std::numeric_limits<double>::infinity());
      return *next = idx + 8, true;
    }
    if (Match(idx, "-Infinity")) {
      handler_.Float(-std::numeric_limits<double>::infinity());
      return *next = idx + 9, true;
    }
    return MatchNumber(idx, next);
  }

  // The four hex digits at s_[pos], or -1.
  long Hex4(std::size_t pos) const {
    long value = 0;
    for (std::size_t i = pos; i < pos + 4; ++i) {
      const int digit = HexValue(s_[i]);
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  // The string whose body starts at s_[end] (just past the quote) into *out.
  bool ScanString(std::size_t end, std::size_t* next_out, std::string* out) {
    const std::size_t begin = end - 1, len = s_.size();
    while (true) {
      std::size_t next = end;
      char c = 0;
      for (; next < len; ++next) {
        c = s_[next];
        if (c == '"' || c == '\\') break;
        if (static_cast<unsigned char>(c) <= 0x1F) return Fail(kInvalidControl, next);
      }
      if (next >= len) return Fail(kUnterminated, begin);
      out->append(s_, end, next - end);
      ++next;
      if (c == '"') {
        *next_out = next;
        return true;
      }
      if (next == len) return Fail(kUnterminated, begin);
      c = s_[next];
      if (c != 'u') {
        end = next + 1;
        static constexpr std::string_view kFrom = "\"\\/bfnrt";
        static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
        const std::size_t which = kFrom.find(c);
        if (which == std::string_view::npos) return Fail(kInvalidEscape, end - 2);
        out->push_back(kTo[which]);
        continue;
      }
      ++next;
      end = next + 4;
      if (end >= len) return Fail(kInvalidUnicodeEscape, next - 1);
      long cp = Hex4(next);
      if (cp < 0) return Fail(kInvalidUnicodeEscape, end - 5);
      // A high surrogate followed by \u and a low one makes one code point.
      if (cp >= 0xD800 && cp <= 0xDBFF && end + 6 < len && s_[end] == '\\' &&
          s_[end + 1] == 'u') {
        const long low = Hex4(end + 2);
        if (low < 0) return Fail(kInvalidUnicodeEscape, end + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
          end += 6;
        }
      }
      options_.append_escape(static_cast<char32_t>(cp), out);
    }
  }

  bool ParseObject(std::size_t idx, std::size_t* next_out, std::size_t depth) {
    handler_.BeginObject();
    const auto member = [&](std::size_t at, std::size_t* next) {
      if (at >= s_.size() || s_[at] != '"') return Fail(kExpectingName, at);
      std::string key;
      if (!ScanString(at + 1, next, &key)) return false;
      handler_.Key(std::move(key));
      at = SkipWhitespace(*next);
      if (at >= s_.size() || s_[at] != ':') return Fail(kExpectingColon, at);
      return ScanOnce(SkipWhitespace(at + 1), next, depth);
    };
    if (!ScanItems(idx, '}', next_out, member)) return false;
    handler_.EndObject();
    return true;
  }

  bool ParseArray(std::size_t idx, std::size_t* next_out, std::size_t depth) {
    handler_.BeginArray();
    const auto element = [&](std::size_t at, std::size_t* next) {
      return ScanOnce(at, next, depth);
    };
    if (!ScanItems(idx, ']', next_out, element)) return false;
    handler_.EndArray();
    return true;
  }

  // What _parse_object and _parse_array share: the items from s_[idx] (just past the opening
  // bracket) to `close`, separated by commas, each read by scan_item(at, &next).
  template <typename ScanItem>
  bool ScanItems(std::size_t idx, char close, std::size_t* next_out, ScanItem scan_item) {
    const std::size_t len = s_.size();
    idx = SkipWhitespace(idx);
    if (idx >= len || s_[idx] != close) {
      while (true) {
        std::size_t next = 0;
        if (!scan_item(idx, &next)) return false;
        idx = SkipWhitespace(next);
        if (idx < len && s_[idx] == close) break;
        if (idx >= len || s_[idx] != ',') return Fail(kExpectingComma, idx);
        idx = SkipWhitespace(idx + 1);
      }
    }
    *next_out = idx + 1;
    return true;
  }

  // NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?; an int without fraction or exponent.
  bool MatchNumber(std::size_t start, std::size_t* next_out) {
    std::size_t idx = start;
    const std::size_t len = s_.size();
    if (idx < len && s_[idx] == '-') ++idx;
    if (idx >= len || !IsDigit(s_[idx])) return Fail(kExpectingValue, start);
    if (s_[idx] == '0') {
      ++idx;
    } else {
      while (idx < len && IsDigit(s_[idx])) ++idx;
    }
    bool is_float = false;
    if (idx + 1 < len && s_[idx] == '.' && IsDigit(s_[idx + 1])) {
      is_float = true;
      idx += 2;
      while (idx < len && IsDigit(s_[idx])) ++idx;
    }
    if (idx < len && (s_[idx] == 'e' || s_[idx] == 'E')) {
      std::size_t exponent = idx + 1;
      if (exponent < len && (s_[exponent] == '-' || s_[exponent] == '+')) ++exponent;
      if (exponent < len && IsDigit(s_[exponent])) {
        is_float = true;
        idx = exponent;
        while (idx < len && IsDigit(s_[idx])) ++idx;
      }
    }
    const std::string_view literal = s_.substr(start, idx - start);
    if (is_float) {
      handler_.Float(ParseFloatLiteral(literal));
    } else {
      handler_.Int(literal);
    }
    *next_out = idx;
    return true;
  }

  std::string_view s_;
  const JsonLoadsOptions& options_;
  JsonLoadsHandler& handler_;
  std::optional<JsonLoadsError> failure_;
};

}  // namespace

std::optional<JsonLoadsError> JsonLoads(std::string_view text, const JsonLoadsOptions& options,
                                        JsonLoadsHandler& handler) {
  return Scanner(text, options, handler).Document();
}

}  // namespace iotjobs::cli::python
