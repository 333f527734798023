#include "cli/jmespath/python_json.h"

#include <boost/json/value.hpp>
#include <limits>
#include <string>
#include <utility>

#include "cli/jmespath/numbers.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

// The prefixes of Python's json error messages (Lib/json/decoder.py, Modules/_json.c).
constexpr std::string_view kExpectingValue = "Expecting value";
constexpr std::string_view kExtraData = "Extra data";
constexpr std::string_view kInvalidEscape = "Invalid \\escape";
constexpr std::string_view kInvalidUnicodeEscape = "Invalid \\uXXXX escape";
constexpr std::string_view kInvalidControl = "Invalid control character at";
constexpr std::string_view kUnterminated = "Unterminated string starting at";
constexpr std::string_view kExpectingName = "Expecting property name enclosed in double quotes";
constexpr std::string_view kExpectingColon = "Expecting ':' delimiter";
constexpr std::string_view kExpectingComma = "Expecting ',' delimiter";
constexpr std::string_view kTooDeep = "JSON nested too deeply";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class PythonJsonReader {
 public:
  explicit PythonJsonReader(std::string_view text) : text_(text) {}

  Result<json::value> ReadDocument() {
    SkipWhitespace();
    IOTJOBS_ASSIGN_OR_RETURN(json::value value, ReadValue(0));
    SkipWhitespace();
    if (pos_ != text_.size()) return Fail(kExtraData);
    return value;
  }

 private:
  static Status Fail(std::string_view message) { return InvalidRequest(std::string(message)); }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  bool Consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  void SkipWhitespace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) {
      ++pos_;
    }
  }

  Result<json::value> ReadValue(std::size_t depth) {
    if (AtEnd()) return Fail(kExpectingValue);
    switch (Peek()) {
      case '"': {
        ++pos_;
        IOTJOBS_ASSIGN_OR_RETURN(std::string s, ReadString());
        return json::value(json::string(s));
      }
      case '{':
        return ReadObject(depth + 1);
      case '[':
        return ReadArray(depth + 1);
      default:
        break;
    }
    if (Consume("null")) return json::value(nullptr);
    if (Consume("true")) return json::value(true);
    if (Consume("false")) return json::value(false);
    if (Consume("NaN")) return json::value(std::numeric_limits<double>::quiet_NaN());
    if (Consume("Infinity")) return json::value(std::numeric_limits<double>::infinity());
    if (Consume("-Infinity")) return json::value(-std::numeric_limits<double>::infinity());
    return ReadNumber();
  }

  // Python's NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?; an int without fraction or
  // exponent, a float otherwise.
  Result<json::value> ReadNumber() {
    const std::size_t start = pos_;
    std::size_t i = pos_;
    if (i < text_.size() && text_[i] == '-') ++i;
    if (i >= text_.size() || !IsDigit(text_[i])) return Fail(kExpectingValue);
    if (text_[i] == '0') {
      ++i;
    } else {
      while (i < text_.size() && IsDigit(text_[i])) ++i;
    }
    bool is_float = false;
    if (i + 1 < text_.size() && text_[i] == '.' && IsDigit(text_[i + 1])) {
      is_float = true;
      i += 2;
      while (i < text_.size() && IsDigit(text_[i])) ++i;
    }
    if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
      std::size_t j = i + 1;
      if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (j < text_.size() && IsDigit(text_[j])) {
        is_float = true;
        i = j;
        while (i < text_.size() && IsDigit(text_[i])) ++i;
      }
    }
    pos_ = i;
    const std::string_view number = text_.substr(start, i - start);
    if (is_float) return json::value(ParseDecimalDouble(number));
    return MakeInteger(number);
  }

  // Reads a string body; pos_ is just past the opening quote.
  Result<std::string> ReadString() {
    std::string out;
    while (true) {
      if (AtEnd()) return Fail(kUnterminated);
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c != '\\') {
        if (static_cast<unsigned char>(c) < 0x20) return Fail(kInvalidControl);
        out.push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (AtEnd()) return Fail(kUnterminated);
      const char escape = text_[pos_++];
      switch (escape) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          IOTJOBS_ASSIGN_OR_RETURN(char32_t cp, ReadHex4());
          if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            const std::size_t saved = pos_;
            pos_ += 2;
            IOTJOBS_ASSIGN_OR_RETURN(char32_t low, ReadHex4());
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = saved;  // The second escape is read again on its own.
            }
          }
          python::AppendUtf8(cp, &out);  // A lone surrogate becomes U+FFFD.
          break;
        }
        default:
          return Fail(kInvalidEscape);
      }
    }
  }

  Result<char32_t> ReadHex4() {
    if (pos_ + 4 > text_.size()) return Fail(kInvalidUnicodeEscape);
    char32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexValue(text_[pos_ + i]);
      if (digit < 0) return Fail(kInvalidUnicodeEscape);
      cp = cp * 16 + static_cast<char32_t>(digit);
    }
    pos_ += 4;
    return cp;
  }

  Result<json::value> ReadArray(std::size_t depth) {
    if (depth > kMaxJsonDepth) return Status(ErrorCode::kLimitExceeded, std::string(kTooDeep));
    ++pos_;
    json::array array;
    SkipWhitespace();
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      return json::value(std::move(array));
    }
    while (true) {
      IOTJOBS_ASSIGN_OR_RETURN(json::value element, ReadValue(depth));
      array.push_back(std::move(element));
      SkipWhitespace();
      if (!AtEnd() && Peek() == ']') {
        ++pos_;
        return json::value(std::move(array));
      }
      if (AtEnd() || Peek() != ',') return Fail(kExpectingComma);
      ++pos_;
      SkipWhitespace();
    }
  }

  Result<json::value> ReadObject(std::size_t depth) {
    if (depth > kMaxJsonDepth) return Status(ErrorCode::kLimitExceeded, std::string(kTooDeep));
    ++pos_;
    json::object object;
    SkipWhitespace();
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      return json::value(std::move(object));
    }
    while (true) {
      if (AtEnd() || Peek() != '"') return Fail(kExpectingName);
      ++pos_;
      IOTJOBS_ASSIGN_OR_RETURN(std::string key, ReadString());
      SkipWhitespace();
      if (AtEnd() || Peek() != ':') return Fail(kExpectingColon);
      ++pos_;
      SkipWhitespace();
      IOTJOBS_ASSIGN_OR_RETURN(json::value member, ReadValue(depth));
      object[key] = std::move(member);  // Like a dict: first position, last value.
      SkipWhitespace();
      if (!AtEnd() && Peek() == '}') {
        ++pos_;
        return json::value(std::move(object));
      }
      if (AtEnd() || Peek() != ',') return Fail(kExpectingComma);
      ++pos_;
      SkipWhitespace();
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<json::value> ParsePythonJson(std::string_view text) {
  return PythonJsonReader(text).ReadDocument();
}

}  // namespace iotjobs::cli::jmespath
