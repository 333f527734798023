#include "cli/args/py_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "cli/args/py_text.h"

namespace iotjobs::cli::args {
namespace {

// Deepest nesting read; Python's own limit is its recursion limit (about 1000).
constexpr int kMaxDepth = 900;

struct Failure {
  std::string message;
  size_t pos;
};

bool IsWs(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

int HexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// The C scanner of Modules/_json.c (Python 3.11): scan_once, _parse_object, _parse_array,
// scanstring and _match_number, with their error positions. "Expecting value" is the
// StopIteration the top level turns into JSONDecodeError.
class Scanner {
 public:
  Scanner(std::u32string s, bool ordered) : s_(std::move(s)), ordered_(ordered) {}

  std::optional<PyValue> ScanOnce(size_t idx, size_t& next, int depth) {
    if (idx >= s_.size()) return Fail("Expecting value", idx);
    if (depth > kMaxDepth) return Fail("Expecting value", idx);
    size_t len = s_.size();
    switch (s_[idx]) {
      case '"':
        return ScanString(idx + 1, next);
      case '{':
        return ParseObject(idx + 1, next, depth + 1);
      case '[':
        return ParseArray(idx + 1, next, depth + 1);
      case 'n':
        if (idx + 3 < len && Match(idx, U"null")) return next = idx + 4, PyValue::None();
        break;
      case 't':
        if (idx + 3 < len && Match(idx, U"true")) return next = idx + 4, PyValue::Bool(true);
        break;
      case 'f':
        if (idx + 4 < len && Match(idx, U"false")) return next = idx + 5, PyValue::Bool(false);
        break;
      case 'N':
        if (idx + 2 < len && Match(idx, U"NaN")) return next = idx + 3, PyValue::Float(NAN);
        break;
      case 'I':
        if (idx + 7 < len && Match(idx, U"Infinity")) {
          return next = idx + 8, PyValue::Float(HUGE_VAL);
        }
        break;
      case '-':
        if (idx + 8 < len && Match(idx, U"-Infinity")) {
          return next = idx + 9, PyValue::Float(-HUGE_VAL);
        }
        break;
      default:
        break;
    }
    return MatchNumber(idx, next);
  }

  const std::optional<Failure>& failure() const { return failure_; }
  const std::u32string& text() const { return s_; }

 private:
  std::nullopt_t Fail(const char* message, size_t pos) {
    failure_ = Failure{message, pos};
    return std::nullopt;
  }

  bool Match(size_t idx, std::u32string_view word) const {
    return s_.compare(idx, word.size(), word) == 0;
  }

  void SkipWs(size_t& idx) const {
    while (idx < s_.size() && IsWs(s_[idx])) ++idx;
  }

  std::optional<PyValue> ScanString(size_t end, size_t& next_out) {
    size_t begin = end - 1, len = s_.size();
    std::u32string chunk;
    while (true) {
      size_t next = end;
      char32_t c = 0;
      for (; next < len; ++next) {
        c = s_[next];
        if (c == '"' || c == '\\') break;
        if (c <= 0x1F) return Fail("Invalid control character at", next);
      }
      if (next >= len || !(c == '"' || c == '\\')) {
        return Fail("Unterminated string starting at", begin);
      }
      chunk.append(s_, end, next - end);
      ++next;
      if (c == '"') {
        end = next;
        break;
      }
      if (next == len) return Fail("Unterminated string starting at", begin);
      c = s_[next];
      if (c != 'u') {
        end = next + 1;
        switch (c) {
          case '"':
          case '\\':
          case '/':
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          case 'n':
            c = '\n';
            break;
          case 'r':
            c = '\r';
            break;
          case 't':
            c = '\t';
            break;
          default:
            return Fail("Invalid \\escape", end - 2);
        }
      } else {
        ++next;
        end = next + 4;
        if (end >= len) return Fail("Invalid \\uXXXX escape", next - 1);
        c = 0;
        for (; next < end; ++next) {
          int h = HexValue(s_[next]);
          if (h < 0) return Fail("Invalid \\uXXXX escape", end - 5);
          c = (c << 4) | static_cast<char32_t>(h);
        }
        // A high surrogate followed by \u and a low one makes one code point.
        if (c >= 0xD800 && c <= 0xDBFF && end + 6 < len && s_[next] == '\\' &&
            s_[next + 1] == 'u') {
          next += 2;
          char32_t c2 = 0;
          end += 6;
          for (; next < end; ++next) {
            int h = HexValue(s_[next]);
            if (h < 0) return Fail("Invalid \\uXXXX escape", end - 5);
            c2 = (c2 << 4) | static_cast<char32_t>(h);
          }
          if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
            c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
          } else {
            end -= 6;
          }
        }
      }
      chunk += c;
    }
    next_out = end;
    return PyValue::Str(EncodeUtf8(chunk));
  }

  std::optional<PyValue> ParseObject(size_t idx, size_t& next_out, int depth) {
    PyValue obj = PyValue::Dict(ordered_);
    size_t len = s_.size();
    SkipWs(idx);
    if (idx >= len || s_[idx] != '}') {
      while (true) {
        if (idx >= len || s_[idx] != '"') {
          return Fail("Expecting property name enclosed in double quotes", idx);
        }
        size_t next = 0;
        auto key = ScanString(idx + 1, next);
        if (!key) return std::nullopt;
        idx = next;
        SkipWs(idx);
        if (idx >= len || s_[idx] != ':') return Fail("Expecting ':' delimiter", idx);
        ++idx;
        SkipWs(idx);
        auto val = ScanOnce(idx, next, depth);
        if (!val) return std::nullopt;
        obj.Set(std::move(*key), std::move(*val));
        idx = next;
        SkipWs(idx);
        if (idx < len && s_[idx] == '}') break;
        if (idx >= len || s_[idx] != ',') return Fail("Expecting ',' delimiter", idx);
        ++idx;
        SkipWs(idx);
      }
    }
    next_out = idx + 1;
    return obj;
  }

  std::optional<PyValue> ParseArray(size_t idx, size_t& next_out, int depth) {
    PyValue arr = PyValue::List();
    size_t len = s_.size();
    SkipWs(idx);
    if (idx >= len || s_[idx] != ']') {
      while (true) {
        size_t next = 0;
        auto val = ScanOnce(idx, next, depth);
        if (!val) return std::nullopt;
        arr.items.push_back(std::move(*val));
        idx = next;
        SkipWs(idx);
        if (idx < len && s_[idx] == ']') break;
        if (idx >= len || s_[idx] != ',') return Fail("Expecting ',' delimiter", idx);
        ++idx;
        SkipWs(idx);
      }
    }
    next_out = idx + 1;
    return arr;
  }

  std::optional<PyValue> MatchNumber(size_t start, size_t& next_out) {
    size_t idx = start, end_idx = s_.size() - 1;
    if (s_[idx] == '-') {
      ++idx;
      if (idx > end_idx) return Fail("Expecting value", start);
    }
    if (s_[idx] >= '1' && s_[idx] <= '9') {
      ++idx;
      while (idx <= end_idx && IsDigit(s_[idx])) ++idx;
    } else if (s_[idx] == '0') {
      ++idx;
    } else {
      return Fail("Expecting value", start);
    }
    bool is_float = false;
    if (idx < end_idx && s_[idx] == '.' && IsDigit(s_[idx + 1])) {
      is_float = true;
      idx += 2;
      while (idx <= end_idx && IsDigit(s_[idx])) ++idx;
    }
    if (idx < end_idx && (s_[idx] == 'e' || s_[idx] == 'E')) {
      size_t e_start = idx;
      ++idx;
      if (idx < end_idx && (s_[idx] == '-' || s_[idx] == '+')) ++idx;
      while (idx <= end_idx && IsDigit(s_[idx])) ++idx;
      if (IsDigit(s_[idx - 1])) {
        is_float = true;
      } else {
        idx = e_start;
      }
    }
    std::string num = EncodeUtf8(std::u32string_view(s_).substr(start, idx - start));
    next_out = idx;
    if (is_float) return PyValue::Float(std::strtod(num.c_str(), nullptr));
    auto canonical = PyIntParse(num);
    return PyValue::IntText(canonical ? *canonical : num);
  }

  std::u32string s_;
  bool ordered_;
  std::optional<Failure> failure_;
};

std::string DecodeError(const std::u32string& doc, const std::string& message, size_t pos) {
  size_t lineno = 1, last_newline = std::u32string::npos;
  for (size_t i = 0; i < pos && i < doc.size(); ++i) {
    if (doc[i] == '\n') {
      ++lineno;
      last_newline = i;
    }
  }
  // colno = pos - doc.rfind('\n', 0, pos), where rfind gives -1 when there is none.
  size_t colno = last_newline == std::u32string::npos ? pos + 1 : pos - last_newline;
  return message + ": line " + std::to_string(lineno) + " column " + std::to_string(colno) +
         " (char " + std::to_string(pos) + ")";
}

}  // namespace

PyJsonResult PyJsonLoads(std::string_view text, bool ordered) {
  Scanner scanner(DecodeUtf8(text), ordered);
  const std::u32string& s = scanner.text();
  if (!s.empty() && s[0] == 0xFEFF) {
    return {std::nullopt, DecodeError(s, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)};
  }
  size_t idx = 0;
  while (idx < s.size() && IsWs(s[idx])) ++idx;
  size_t end = 0;
  auto value = scanner.ScanOnce(idx, end, 0);
  if (!value) {
    const Failure& f = *scanner.failure();
    return {std::nullopt, DecodeError(s, f.message, f.pos)};
  }
  while (end < s.size() && IsWs(s[end])) ++end;
  if (end != s.size()) return {std::nullopt, DecodeError(s, "Extra data", end)};
  return {std::move(value), ""};
}

}  // namespace iotjobs::cli::args
