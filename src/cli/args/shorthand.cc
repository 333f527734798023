#include "cli/args/shorthand.h"

#include <optional>
#include <string>
#include <vector>

#include "cli/python/char_class.h"
#include "cli/python/text.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

constexpr char32_t kEof = 0xFFFFFFFF;

// The character classes of ShorthandParser's regular expressions. They stop at U+FFFF, so a
// character outside the Basic Multilingual Plane cannot appear in an unquoted value.
bool StartWord(char32_t c) {
  return c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') || (c >= '-' && c <= '<') ||
         (c >= '>' && c <= 'Z') || (c >= '\\' && c <= 'z') || (c >= 0x7C && c <= 0xFFFF);
}
bool FirstFollow(char32_t c) {
  return python::IsSpace(c) || c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') ||
         (c >= '-' && c <= '\\') || (c >= '^' && c <= '|') || (c >= '~' && c <= 0xFFFF);
}
bool SecondFollow(char32_t c) {
  return python::IsSpace(c) || c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') ||
         (c >= '-' && c <= '<') || (c >= '>' && c <= 0xFFFF);
}
bool AsciiWhitespace(char32_t c) {  // string.whitespace
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
}
bool KeyChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '#' || c == '/' || c == ':';
}

std::u32string Replace(std::u32string s, std::u32string_view from, std::u32string_view to) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, from.size(), from) == 0) {
      out += to;
      i += from.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

PyValue Text(const std::u32string& s) { return PyValue::Str(python::EncodeSurrogateEscape(s)); }

class Parser {
 public:
  explicit Parser(std::u32string input) : s_(std::move(input)) {}

  // _parameter: keyval *("," keyval)
  std::optional<PyValue> Parameter() {
    PyValue params = PyValue::Dict();
    auto kv = KeyVal();
    if (!kv) return std::nullopt;
    params.Set(Text(kv->first), std::move(kv->second));
    size_t last_index = i_;
    while (i_ < s_.size()) {
      if (!Expect(',', true)) return std::nullopt;
      kv = KeyVal();
      if (!kv) return std::nullopt;
      if (params.Contains(python::EncodeSurrogateEscape(kv->first))) {
        error_ = "Second instance of key \"" + python::EncodeSurrogateEscape(kv->first) +
                 "\" encountered for input:\n" + Location(last_index + 1) +
                 "\nThis is often because there is a preceding \",\" instead of a space.";
        return std::nullopt;
      }
      params.Set(Text(kv->first), std::move(kv->second));
      last_index = i_;
    }
    return params;
  }

  const std::string& error() const { return error_; }

 private:
  char32_t Current() const { return i_ < s_.size() ? s_[i_] : kEof; }
  bool AtEof() const { return i_ >= s_.size(); }

  void ConsumeWhitespace() {
    while (!AtEof() && AsciiWhitespace(s_[i_])) ++i_;
  }

  // ShorthandParseError._error_location: the input, a caret under `index`, lines kept apart.
  std::string Location(size_t index) const {
    std::u32string_view v = s_;
    std::u32string consumed = s_, remaining;
    size_t spaces = index;
    size_t before = v.substr(0, index).rfind(U'\n');
    if (before != std::u32string_view::npos) spaces = index - before - 1;
    size_t after = index <= v.size() ? v.find(U'\n', index) : std::u32string_view::npos;
    if (after != std::u32string_view::npos) {
      consumed = s_.substr(0, after);
      remaining = s_.substr(after);
    }
    return python::EncodeSurrogateEscape(consumed) + "\n" + std::string(spaces, ' ') + "^" +
           python::EncodeSurrogateEscape(remaining);
  }

  bool SyntaxError(const std::string& expected, const std::string& actual) {
    error_ = "Expected: '" + expected + "', received: '" + actual + "' for input:\n" + Location(i_);
    syntax_error_ = true;
    return false;
  }

  bool Expect(char32_t c, bool consume_whitespace = false) {
    if (consume_whitespace) ConsumeWhitespace();
    std::string expected = python::EncodeSurrogateEscape(std::u32string(1, c));
    if (AtEof()) return SyntaxError(expected, "EOF");
    if (s_[i_] != c)
      return SyntaxError(expected, python::EncodeSurrogateEscape(std::u32string(1, s_[i_])));
    ++i_;
    if (consume_whitespace) ConsumeWhitespace();
    return true;
  }

  std::optional<std::pair<std::u32string, PyValue>> KeyVal() {
    std::u32string key = Key();
    if (!Expect('=', true)) return std::nullopt;
    auto values = Values();
    if (!values) return std::nullopt;
    return std::make_pair(std::move(key), std::move(*values));
  }

  std::u32string Key() {
    size_t start = i_;
    while (!AtEof() && KeyChar(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  std::optional<PyValue> Values() {
    if (AtEof()) return PyValue::Str("");
    if (Current() == '[') return ExplicitList();
    if (Current() == '{') return HashLiteral();
    return CsvValue();
  }

  std::optional<PyValue> CsvValue() {
    auto first = FirstValue();
    if (!first) return std::nullopt;
    ConsumeWhitespace();
    if (AtEof() || s_[i_] != ',') return first;
    if (!Expect(',', true)) return std::nullopt;
    PyValue list = PyValue::List({*first});
    while (true) {
      syntax_error_ = false;
      std::optional<PyValue> current = SecondValue();
      bool ok = current.has_value();
      if (ok) {
        ConsumeWhitespace();
        if (AtEof()) {
          list.items.push_back(std::move(*current));
          break;
        }
        ok = Expect(',', true);
        if (ok) list.items.push_back(std::move(*current));
      }
      if (!ok) {
        // a=b,c=d: "c" is the next key, not a list item; back up to the comma before it.
        if (!syntax_error_ || AtEof()) return std::nullopt;
        long j = static_cast<long>(i_);
        while (j >= 0 && s_[j] != ',') --j;
        i_ = static_cast<size_t>(j);
        error_.clear();
        break;
      }
    }
    if (list.items.size() == 1) return first;
    return list;
  }

  // _FIRST_VALUE: (\\,|[start])(\\,|[follow])*, with "\," read as "," and trailing space cut.
  PyValue Value() {
    size_t start = i_;
    bool first = true;
    while (i_ < s_.size()) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == ',') {
        i_ += 2;
      } else if (first ? StartWord(s_[i_]) : FirstFollow(s_[i_])) {
        ++i_;
      } else {
        break;
      }
      first = false;
    }
    std::u32string v = Replace(s_.substr(start, i_ - start), U"\\,", U",");
    return PyValue::Str(python::PyRStrip(python::EncodeSurrogateEscape(v)));
  }

  std::optional<PyValue> ExplicitList() {
    if (!Expect('[', true)) return std::nullopt;
    PyValue list = PyValue::List();
    while (Current() != ']') {
      auto v = ExplicitValues();
      if (!v) return std::nullopt;
      list.items.push_back(std::move(*v));
      ConsumeWhitespace();
      if (Current() != ']') {
        if (!Expect(',')) return std::nullopt;
        ConsumeWhitespace();
      }
    }
    if (!Expect(']')) return std::nullopt;
    return list;
  }

  std::optional<PyValue> ExplicitValues() {
    if (Current() == '[') return ExplicitList();
    if (Current() == '{') return HashLiteral();
    return FirstValue();
  }

  std::optional<PyValue> HashLiteral() {
    if (!Expect('{', true)) return std::nullopt;
    PyValue dict = PyValue::Dict();
    while (Current() != '}') {
      std::u32string key = Key();
      if (!Expect('=', true)) return std::nullopt;
      auto v = ExplicitValues();
      if (!v) return std::nullopt;
      ConsumeWhitespace();
      if (Current() != '}') {
        if (!Expect(',')) return std::nullopt;
        ConsumeWhitespace();
      }
      dict.Set(Text(key), std::move(*v));
    }
    if (!Expect('}')) return std::nullopt;
    return dict;
  }

  std::optional<PyValue> FirstValue() {
    if (Current() == '\'') return Quoted('\'', "singled quoted");
    if (Current() == '"') return Quoted('"', "double quoted");
    return Value();
  }

  std::optional<PyValue> SecondValue() {
    if (Current() == '\'') return Quoted('\'', "singled quoted");
    if (Current() == '"') return Quoted('"', "double quoted");
    size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == ',') {
      i_ += 2;
    } else if (i_ < s_.size() && StartWord(s_[i_])) {
      ++i_;
    } else {
      SyntaxError("<second>", "<none>");
      return std::nullopt;
    }
    while (i_ < s_.size()) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == ',') {
        i_ += 2;
      } else if (SecondFollow(s_[i_])) {
        ++i_;
      } else {
        break;
      }
    }
    std::u32string v = Replace(s_.substr(start, i_ - start), U"\\,", U",");
    return PyValue::Str(python::PyRStrip(python::EncodeSurrogateEscape(v)));
  }

  // '(?:\\\\|\\'|[^'])*' (or the same with "), matched with the regular expression engine's
  // backtracking: the first match in its search order, which ends at the last quote that can
  // close the value when the greedy run finds none.
  std::optional<size_t> MatchQuoted(char32_t q) const {
    size_t n = s_.size();
    if (i_ >= n || s_[i_] != q) return std::nullopt;
    std::vector<bool> failed(n + 2, false);
    std::vector<std::pair<size_t, int>> stack = {{i_ + 1, 0}};
    while (!stack.empty()) {
      auto& [p, alt] = stack.back();
      if (alt < 3) {
        int a = alt++;
        bool escape = p + 1 < n && s_[p] == '\\';
        // The alternatives in the regex's order: an escaped backslash, an escaped quote,
        // any character but the quote.
        bool match = a == 0   ? escape && s_[p + 1] == '\\'
                     : a == 1 ? escape && s_[p + 1] == q
                              : p < n && s_[p] != q;
        size_t next = p + (a == 2 ? 1 : 2);
        if (match && !failed[next]) stack.emplace_back(next, 0);
        continue;
      }
      if (p < n && s_[p] == q) return p + 1;
      failed[p] = true;
      stack.pop_back();
    }
    return std::nullopt;
  }

  std::optional<PyValue> Quoted(char32_t q, const char* name) {
    auto end = MatchQuoted(q);
    if (!end) {
      SyntaxError(std::string("<") + name + ">", "<none>");
      return std::nullopt;
    }
    std::u32string v = s_.substr(i_ + 1, *end - i_ - 2);
    i_ = *end;
    v = Replace(v, std::u32string(U"\\") + q, std::u32string(1, q));
    v = Replace(v, U"\\\\", U"\\");
    return Text(v);
  }

  std::u32string s_;
  size_t i_ = 0;
  std::string error_;
  bool syntax_error_ = false;
};

std::string Kind(const PyValue& v) { return v.is_list() ? "list" : "dict"; }

// BackCompatVisitor._visit: `slot` is the value (null when the key is absent); `discard`
// marks the throwaway parent of the top level, whose replacements Python drops.
Status Visit(PyValue* slot, const wire::Shape& shape, bool discard) {
  if (slot == nullptr || slot->kind == PyValue::Kind::kNone) return Status::Ok();
  PyValue& v = *slot;
  switch (shape.type) {
    case wire::ShapeType::kStructure:
      if (!v.is_dict()) return Status::Ok();
      for (const auto& m : shape.members)
        IOTJOBS_RETURN_IF_ERROR(Visit(v.Find(m.name), *m.shape, false));
      return Status::Ok();
    case wire::ShapeType::kList:
      if (!v.is_list()) {
        if (!discard) v = PyValue::List({v});  // "foo=bar" where a list is modelled
        return Status::Ok();
      }
      for (auto& item : v.items) IOTJOBS_RETURN_IF_ERROR(Visit(&item, *shape.member, false));
      return Status::Ok();
    case wire::ShapeType::kMap:
      if (!v.is_dict()) return Status::Ok();
      for (auto& [k, item] : v.entries) IOTJOBS_RETURN_IF_ERROR(Visit(&item, *shape.value, false));
      return Status::Ok();
    case wire::ShapeType::kInteger:
    case wire::ShapeType::kLong: {
      if (!v.is_str()) {
        return Internal(
            "int() argument must be a string, a bytes-like object or a real number, "
            "not '" +
            Kind(v) + "'");
      }
      auto i = python::PyIntParse(v.text);
      if (!i) return Internal(python::PyIntError(v.text));
      if (!discard) v = PyValue::IntText(*i);
      return Status::Ok();
    }
    case wire::ShapeType::kDouble:
    case wire::ShapeType::kFloat: {
      if (!v.is_str()) {
        return Internal("float() argument must be a string or a real number, not '" + Kind(v) +
                        "'");
      }
      auto f = python::PyFloatParse(v.text);
      if (!f) return Internal(python::PyFloatError(v.text));
      if (!discard) v = PyValue::Float(*f);
      return Status::Ok();
    }
    case wire::ShapeType::kBoolean: {
      if (!v.is_str()) return Internal("'" + Kind(v) + "' object has no attribute 'lower'");
      // Only "true"/"false" (any case) convert; anything else stays a string.
      std::string lower;
      for (char c : v.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!discard && (lower == "true" || lower == "false")) v = PyValue::Bool(lower == "true");
      return Status::Ok();
    }
    default:
      return Status::Ok();
  }
}

}  // namespace

Result<PyValue> ParseShorthand(std::string_view value) {
  Parser parser(python::DecodeSurrogateEscape(value));
  auto parsed = parser.Parameter();
  if (!parsed) return InvalidRequest(parser.error());
  return std::move(*parsed);
}

Status ApplyShorthandModel(PyValue& parsed, const wire::Shape& shape) {
  return Visit(&parsed, shape, true);
}

}  // namespace iotjobs::cli::args
