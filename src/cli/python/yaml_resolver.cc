#include "cli/python/yaml_resolver.h"

#include <string>

namespace iotjobs::cli::python {
namespace {

// A cursor over the candidate; each Match* function is one alternative of a resolver regex.
// None of them needs backtracking: every repetition stops at a character that cannot
// continue it and that the rest of the pattern requires.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Peek(std::string_view set) const {
    return !AtEnd() && set.find(text_[pos_]) != std::string_view::npos;
  }
  bool Take(std::string_view set) {
    if (!Peek(set)) return false;
    ++pos_;
    return true;
  }
  int TakeAll(std::string_view set) {
    int n = 0;
    while (Take(set)) ++n;
    return n;
  }
  bool TakeWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kDigitsUnderscore = "0123456789_";
constexpr std::string_view kSign = "-+";

bool OneOf(std::string_view value, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (value == word) return true;
  }
  return false;
}

// [eE][-+]?[0-9]+ (sign optional) or [eE][-+][0-9]+ (sign required).
bool TakeExponent(Cursor& c, bool sign_required) {
  if (!c.Take("eE")) return false;
  if (!c.Take(kSign) && sign_required) return false;
  return c.TakeAll(kDigits) > 0;
}

bool MatchFloat(std::string_view value) {
  {  // [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    Cursor c(value);
    c.Take(kSign);
    if (c.Take(kDigits)) {
      c.TakeAll(kDigitsUnderscore);
      if (c.Take(".")) {
        c.TakeAll(kDigitsUnderscore);
        if (c.AtEnd()) return true;
        if (TakeExponent(c, false) && c.AtEnd()) return true;
      }
    }
  }
  {  // [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
    Cursor c(value);
    c.Take(kSign);
    if (c.Take(kDigits)) {
      c.TakeAll(kDigitsUnderscore);
      if (TakeExponent(c, false) && c.AtEnd()) return true;
    }
  }
  {  // [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?  and  [-+]?\.(?:inf|Inf|INF)
    Cursor c(value);
    c.Take(kSign);
    if (c.Take(".")) {
      Cursor rest = c;
      if (c.TakeAll(kDigitsUnderscore) > 0 && (c.AtEnd() || (TakeExponent(c, true) && c.AtEnd()))) {
        return true;
      }
      if ((rest.TakeWord("inf") || rest.TakeWord("Inf") || rest.TakeWord("INF")) && rest.AtEnd()) {
        return true;
      }
    }
  }
  return OneOf(value, {".nan", ".NaN", ".NAN"});  // \.(?:nan|NaN|NAN)
}

bool MatchInt(std::string_view value) {
  const auto prefixed = [&](std::string_view prefix, std::string_view digits) {
    Cursor c(value);
    c.Take(kSign);
    return c.TakeWord(prefix) && c.TakeAll(digits) > 0 && c.AtEnd();
  };
  return prefixed("0b", "01_") ||                    // [-+]?0b[0-1_]+
         prefixed("0o", "01234567_") ||              // [-+]?0o?[0-7_]+
         prefixed("", kDigitsUnderscore) ||          // [-+]?[0-9_]+ (covers 0[0-7_]+)
         prefixed("0x", "0123456789abcdefABCDEF_");  // [-+]?0x[0-9a-fA-F_]+
}

bool MatchTimestamp(std::string_view value) {
  Cursor c(value);
  // [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]? (exactly two digits each when date only)
  for (int i = 0; i < 4; ++i) {
    if (!c.Take(kDigits)) return false;
  }
  if (!c.Take("-")) return false;
  const int month = c.TakeAll(kDigits);
  if (month < 1 || month > 2 || !c.Take("-")) return false;
  const int day = c.TakeAll(kDigits);
  if (day < 1 || day > 2) return false;
  if (c.AtEnd()) return month == 2 && day == 2;
  // (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
  if (!c.Take("Tt") && c.TakeAll(" \t") == 0) return false;
  const int hour = c.TakeAll(kDigits);
  if (hour < 1 || hour > 2 || !c.Take(":")) return false;
  if (c.TakeAll(kDigits) != 2 || !c.Take(":") || c.TakeAll(kDigits) != 2) return false;
  if (c.Take(".")) c.TakeAll(kDigits);
  // (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
  const bool blanks = c.TakeAll(" \t") > 0;
  if (c.AtEnd()) return !blanks;
  if (c.Take("Z")) return c.AtEnd();
  if (!c.Take(kSign)) return false;
  const int tz_hour = c.TakeAll(kDigits);
  if (tz_hour < 1 || tz_hour > 2) return false;
  if (c.AtEnd()) return true;
  return c.Take(":") && c.TakeAll(kDigits) == 2 && c.AtEnd();
}

}  // namespace

YamlPlainTag ResolveYamlPlain(std::string_view value) {
  if (value.empty()) return YamlPlainTag::kNull;
  const char first = value[0];
  switch (first) {
    case 't':
    case 'T':
    case 'f':
    case 'F':
      return OneOf(value, {"true", "True", "TRUE", "false", "False", "FALSE"})
                 ? YamlPlainTag::kBool
                 : YamlPlainTag::kStr;
    case '~':
    case 'n':
    case 'N':
      return OneOf(value, {"~", "null", "Null", "NULL"}) ? YamlPlainTag::kNull
                                                          : YamlPlainTag::kStr;
    case '<':
      return value == "<<" ? YamlPlainTag::kMerge : YamlPlainTag::kStr;
    case '=':
      return value == "=" ? YamlPlainTag::kValue : YamlPlainTag::kStr;
    case '!':
    case '&':
    case '*':
      return value.size() == 1 ? YamlPlainTag::kYaml : YamlPlainTag::kStr;
    case '.':
      return MatchFloat(value) ? YamlPlainTag::kFloat : YamlPlainTag::kStr;
    default:
      break;
  }
  const bool digit = first >= '0' && first <= '9';
  if (!digit && first != '-' && first != '+') return YamlPlainTag::kStr;
  if (MatchFloat(value)) return YamlPlainTag::kFloat;
  if (MatchInt(value)) return YamlPlainTag::kInt;
  if (digit && MatchTimestamp(value)) return YamlPlainTag::kTimestamp;
  return YamlPlainTag::kStr;
}

}  // namespace iotjobs::cli::python
