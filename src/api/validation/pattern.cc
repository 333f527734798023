#include "api/validation/pattern.h"

#include <unicode/uchar.h>

#include <functional>
#include <vector>

namespace iotjobs::api::validation {

// One node of the parsed expression. Alternatives hold sequences; a sequence holds atoms.
struct Pattern::Node {
  enum Kind { kAlternation, kSequence, kClass, kGroup, kStart, kEnd } kind;
  std::vector<std::unique_ptr<Node>> children;  // alternation: sequences; sequence: atoms
  std::function<bool(char32_t)> matches;        // kClass
  int min = 1, max = 1;                         // repetition of this atom (-1: unbounded)
};

namespace {
using Node = Pattern::Node;
constexpr char32_t kInvalid = 0xFFFFFFFF;

std::vector<char32_t> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(kInvalid);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = s[i + k];
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(ok ? cp : kInvalid);
    i += ok ? len : 1;
  }
  return out;
}

bool InCategories(char32_t c, std::initializer_list<UCharCategory> cats) {
  if (c == kInvalid) return false;
  auto cat = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  for (auto want : cats) {
    if (cat == want) return true;
  }
  return false;
}

// \p{Name}: Unicode categories and Java's ASCII POSIX classes.
std::function<bool(char32_t)> Property(std::string_view name) {
  if (name == "L") {
    return [](char32_t c) {
      return InCategories(c, {U_UPPERCASE_LETTER, U_LOWERCASE_LETTER, U_TITLECASE_LETTER,
                              U_MODIFIER_LETTER, U_OTHER_LETTER});
    };
  }
  if (name == "N") {
    return [](char32_t c) {
      return InCategories(c, {U_DECIMAL_DIGIT_NUMBER, U_LETTER_NUMBER, U_OTHER_NUMBER});
    };
  }
  if (name == "Z") {
    return [](char32_t c) {
      return InCategories(c, {U_SPACE_SEPARATOR, U_LINE_SEPARATOR, U_PARAGRAPH_SEPARATOR});
    };
  }
  if (name == "C") {
    return [](char32_t c) {
      return c == kInvalid || InCategories(c, {U_CONTROL_CHAR, U_FORMAT_CHAR, U_SURROGATE,
                                                U_PRIVATE_USE_CHAR, U_UNASSIGNED});
    };
  }
  if (name == "Upper") return [](char32_t c) { return c >= 'A' && c <= 'Z'; };
  if (name == "Lower") return [](char32_t c) { return c >= 'a' && c <= 'z'; };
  if (name == "Digit") return [](char32_t c) { return c >= '0' && c <= '9'; };
  if (name == "Alpha") {
    return [](char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  }
  if (name == "Alnum") {
    return [](char32_t c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
  }
  if (name == "Graph") return [](char32_t c) { return c >= 0x21 && c <= 0x7E; };
  if (name == "Print") return [](char32_t c) { return c >= 0x20 && c <= 0x7E; };
  if (name == "Punct") {
    return [](char32_t c) {
      return c >= 0x21 && c <= 0x7E && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                         (c >= '0' && c <= '9'));
    };
  }
  if (name == "Space") {
    return [](char32_t c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); };
  }
  return nullptr;
}

bool IsSpace(char32_t c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  std::unique_ptr<Node> Parse() {
    auto node = Alternation();
    if (!node || pos_ != p_.size()) return nullptr;
    return node;
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return p_[pos_]; }

  std::unique_ptr<Node> Alternation() {
    auto alt = std::make_unique<Node>();
    alt->kind = Node::kAlternation;
    for (;;) {
      auto seq = Sequence();
      if (!seq) return nullptr;
      alt->children.push_back(std::move(seq));
      if (AtEnd() || Peek() != '|') break;
      ++pos_;
    }
    return alt;
  }

  std::unique_ptr<Node> Sequence() {
    auto seq = std::make_unique<Node>();
    seq->kind = Node::kSequence;
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      auto atom = Atom();
      if (!atom) return nullptr;
      if (!Quantifier(*atom)) return nullptr;
      seq->children.push_back(std::move(atom));
    }
    return seq;
  }

  bool Quantifier(Node& atom) {
    if (AtEnd()) return true;
    char c = Peek();
    if (c == '*') {
      atom.min = 0, atom.max = -1;
    } else if (c == '+') {
      atom.min = 1, atom.max = -1;
    } else if (c == '?') {
      atom.min = 0, atom.max = 1;
    } else if (c == '{') {
      size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) return false;
      std::string body(p_.substr(pos_ + 1, close - pos_ - 1));
      size_t comma = body.find(',');
      try {
        atom.min = std::stoi(body.substr(0, comma));
        atom.max = comma == std::string::npos ? atom.min
                   : comma + 1 == body.size() ? -1
                                              : std::stoi(body.substr(comma + 1));
      } catch (...) {
        return false;
      }
      pos_ = close + 1;
      return atom.kind == Node::kClass || atom.kind == Node::kGroup;
    } else {
      return true;
    }
    ++pos_;
    return atom.kind == Node::kClass || atom.kind == Node::kGroup;
  }

  std::unique_ptr<Node> Atom() {
    char c = Peek();
    auto node = std::make_unique<Node>();
    if (c == '^' || c == '$') {
      ++pos_;
      node->kind = c == '^' ? Node::kStart : Node::kEnd;
      return node;
    }
    if (c == '(') {
      ++pos_;
      if (!AtEnd() && Peek() == '?') {  // (?:...) only
        if (p_.substr(pos_, 2) != "?:") return nullptr;
        pos_ += 2;
      }
      auto inner = Alternation();
      if (!inner || AtEnd() || Peek() != ')') return nullptr;
      ++pos_;
      node->kind = Node::kGroup;
      node->children.push_back(std::move(inner));
      return node;
    }
    node->kind = Node::kClass;
    if (c == '[') {
      node->matches = Class();
    } else if (c == '.') {
      ++pos_;
      node->matches = [](char32_t ch) { return ch != '\n' && ch != kInvalid; };
    } else if (c == '\\') {
      node->matches = Escape(/*in_class=*/false, nullptr);
    } else {
      char32_t lit = NextLiteral();
      node->matches = [lit](char32_t ch) { return ch == lit; };
    }
    if (!node->matches) return nullptr;
    return node;
  }

  // One UTF-8 literal character of the pattern.
  char32_t NextLiteral() {
    size_t start = pos_;
    ++pos_;
    while (pos_ < p_.size() && (static_cast<unsigned char>(p_[pos_]) >> 6) == 2) ++pos_;
    return DecodeUtf8(p_.substr(start, pos_ - start))[0];
  }

  // After a backslash. Sets *literal for single-character escapes (usable in ranges).
  std::function<bool(char32_t)> Escape(bool in_class, char32_t* literal) {
    (void)in_class;
    ++pos_;  // the backslash
    if (AtEnd()) return nullptr;
    char e = Peek();
    ++pos_;
    switch (e) {
      case 'p':
      case 'P': {
        if (AtEnd() || Peek() != '{') return nullptr;
        size_t close = p_.find('}', pos_);
        if (close == std::string_view::npos) return nullptr;
        auto prop = Property(p_.substr(pos_ + 1, close - pos_ - 1));
        pos_ = close + 1;
        if (!prop) return nullptr;
        if (e == 'P') return [prop](char32_t c) { return c != kInvalid && !prop(c); };
        return prop;
      }
      case 's': return IsSpace;
      case 'S': return [](char32_t c) { return c != kInvalid && !IsSpace(c); };
      case 'd': return [](char32_t c) { return c >= '0' && c <= '9'; };
      case 'D': return [](char32_t c) { return c != kInvalid && !(c >= '0' && c <= '9'); };
      case 'w':
        return [](char32_t c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '_';
        };
      case 'x': {
        if (pos_ + 2 > p_.size()) return nullptr;
        char32_t v = static_cast<char32_t>(std::stoul(std::string(p_.substr(pos_, 2)), nullptr, 16));
        pos_ += 2;
        if (literal) *literal = v;
        return [v](char32_t c) { return c == v; };
      }
      case 't': if (literal) *literal = '\t'; return [](char32_t c) { return c == '\t'; };
      case 'n': if (literal) *literal = '\n'; return [](char32_t c) { return c == '\n'; };
      case 'r': if (literal) *literal = '\r'; return [](char32_t c) { return c == '\r'; };
      default: {
        if (std::isalnum(static_cast<unsigned char>(e))) return nullptr;  // unknown class
        char32_t v = static_cast<unsigned char>(e);
        if (literal) *literal = v;
        return [v](char32_t c) { return c == v; };
      }
    }
  }

  std::function<bool(char32_t)> Class() {
    ++pos_;  // '['
    bool negate = false;
    if (!AtEnd() && Peek() == '^') {
      negate = true;
      ++pos_;
    }
    std::vector<std::function<bool(char32_t)>> parts;
    bool first = true;
    while (!AtEnd() && (Peek() != ']' || first)) {
      first = false;
      char32_t lo = kInvalid;
      std::function<bool(char32_t)> single;
      if (Peek() == '\\') {
        single = Escape(true, &lo);
        if (!single) return nullptr;
      } else {
        lo = NextLiteral();
      }
      // A range lo-hi, unless the '-' is last in the class (a literal '-').
      if (lo != kInvalid && pos_ + 1 < p_.size() && Peek() == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        char32_t hi = kInvalid;
        if (Peek() == '\\') {
          if (!Escape(true, &hi) || hi == kInvalid) return nullptr;
        } else {
          hi = NextLiteral();
        }
        if (hi < lo) return nullptr;
        parts.push_back([lo, hi](char32_t c) { return c >= lo && c <= hi; });
        continue;
      }
      if (single) {
        parts.push_back(std::move(single));
      } else {
        parts.push_back([lo](char32_t c) { return c == lo; });
      }
    }
    if (AtEnd()) return nullptr;
    ++pos_;  // ']'
    return [parts = std::move(parts), negate](char32_t c) {
      if (c == kInvalid) return false;
      bool in = false;
      for (const auto& p : parts) {
        if (p(c)) {
          in = true;
          break;
        }
      }
      return in != negate;
    };
  }

  std::string_view p_;
  size_t pos_ = 0;
};

using Text = std::vector<char32_t>;
using Cont = std::function<bool(size_t)>;

bool MatchNode(const Node& node, const Text& text, size_t pos, const Cont& k);

// Matches atoms[i..] of a sequence at pos, then the continuation.
bool MatchSeq(const Node& seq, size_t i, const Text& text, size_t pos, const Cont& k) {
  if (i == seq.children.size()) return k(pos);
  const Node& atom = *seq.children[i];
  auto rest = [&](size_t p) { return MatchSeq(seq, i + 1, text, p, k); };
  if (atom.kind == Node::kClass) {
    // Greedy run of single characters, tried longest first; iterative, so long values
    // (descriptions, documents) do not recurse once per character.
    size_t limit = atom.max < 0 ? text.size() - pos : std::min<size_t>(atom.max, text.size() - pos);
    size_t n = 0;
    while (n < limit && atom.matches(text[pos + n])) ++n;
    for (size_t take = n + 1; take-- > static_cast<size_t>(atom.min);) {
      if (rest(pos + take)) return true;
    }
    return false;
  }
  if (atom.kind == Node::kGroup) {
    // Repetitions of a group: recursive, but the models only use groups without repetition.
    std::function<bool(size_t, int)> rep = [&](size_t p, int count) -> bool {
      if ((atom.max < 0 || count < atom.max) &&
          MatchNode(*atom.children[0], text, p,
                    [&](size_t q) { return q != p && rep(q, count + 1); })) {
        return true;
      }
      return count >= atom.min && rest(p);
    };
    return rep(pos, 0);
  }
  return MatchNode(atom, text, pos, rest);
}

bool MatchNode(const Node& node, const Text& text, size_t pos, const Cont& k) {
  switch (node.kind) {
    case Node::kAlternation:
      for (const auto& seq : node.children) {
        if (MatchSeq(*seq, 0, text, pos, k)) return true;
      }
      return false;
    case Node::kSequence: return MatchSeq(node, 0, text, pos, k);
    case Node::kStart: return pos == 0 && k(pos);
    case Node::kEnd: return pos == text.size() && k(pos);
    case Node::kGroup: return MatchNode(*node.children[0], text, pos, k);
    case Node::kClass: return pos < text.size() && node.matches(text[pos]) && k(pos + 1);
  }
  return false;
}

}  // namespace

Pattern::~Pattern() = default;

std::unique_ptr<Pattern> Pattern::Compile(std::string_view pattern) {
  Parser parser(pattern);
  auto root = parser.Parse();
  if (!root) return nullptr;
  std::unique_ptr<Pattern> p(new Pattern());
  p->source_ = std::string(pattern);
  p->root_ = std::move(root);
  return p;
}

bool Pattern::FullMatch(std::string_view value) const {
  Text text = DecodeUtf8(value);
  return MatchNode(*root_, text, 0, [&](size_t pos) { return pos == text.size(); });
}

}  // namespace iotjobs::api::validation
