#include "jobs/fleet_query.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "common/wildcard.h"

namespace iotjobs::jobs {

namespace {

constexpr size_t kMaxTerms = 12;
// Parentheses and negations nest at most this deep: the parser recurses, and a query of
// thousands of '(' must be refused, not overflow the stack.
constexpr int kMaxDepth = 32;
constexpr size_t kMaxLengthWithLeadingWildcard = 100;
constexpr std::string_view kSpecial = "`@#%/';,";  // AWS: not supported (',' only in geo)

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class Tok { kWord, kPhrase, kLParen, kRParen, kLBracket, kRBracket, kLBrace, kRBrace,
                 kColon, kMinus, kEnd };

struct Token {
  Tok type = Tok::kEnd;
  std::string text;  // kWord: unescaped; kPhrase: without the quotes
  bool escaped_wildcard = false;  // a kWord whose * or ? were escaped (kept literal)
  size_t at = 0;     // offset in the query, for messages
};

Status Invalid(std::string_view why, size_t at) {
  return InvalidQuery("Invalid query at character " + std::to_string(at + 1) + ": " +
                        std::string(why));
}

Result<std::vector<Token>> Tokenize(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  auto single = [&](char c) -> std::optional<Tok> {
    switch (c) {
      case '(': return Tok::kLParen;
      case ')': return Tok::kRParen;
      case '[': return Tok::kLBracket;
      case ']': return Tok::kRBracket;
      case '{': return Tok::kLBrace;
      case '}': return Tok::kRBrace;
      case ':': return Tok::kColon;
      default: return std::nullopt;
    }
  };
  while (i < q.size()) {
    const char c = q[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (auto t = single(c)) {
      out.push_back({*t, std::string(1, c), false, i});
      ++i;
      continue;
    }
    if (c == '"') {
      Token t{Tok::kPhrase, "", false, i};
      ++i;
      while (i < q.size() && q[i] != '"') {
        if (q[i] == '\\' && i + 1 < q.size()) ++i;
        t.text += q[i++];
      }
      if (i >= q.size()) return Invalid("a quoted phrase is not closed", t.at);
      ++i;
      out.push_back(std::move(t));
      continue;
    }
    // '-' at the start of a term excludes it (thingName:(tv* AND -plasma)).
    if (c == '-' && i + 1 < q.size() && !std::isspace(static_cast<unsigned char>(q[i + 1]))) {
      out.push_back({Tok::kMinus, "-", false, i});
      ++i;
      continue;
    }
    Token t{Tok::kWord, "", false, i};
    while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && !single(q[i]) &&
           q[i] != '"') {
      if (q[i] == '\\') {
        if (i + 1 >= q.size()) return Invalid("'\\' escapes nothing", i);
        if (q[i + 1] == '*' || q[i + 1] == '?') t.escaped_wildcard = true;
        t.text += q[i + 1];
        i += 2;
        continue;
      }
      if (kSpecial.find(q[i]) != std::string_view::npos) {
        return Invalid(std::string("the character '") + q[i] + "' is not supported", i);
      }
      t.text += q[i++];
    }
    out.push_back(std::move(t));
  }
  out.push_back({Tok::kEnd, "", false, q.size()});
  return out;
}

bool IsKeyword(const Token& t, std::string_view word) {
  return t.type == Tok::kWord && t.text == word;
}

bool IsIndexedField(std::string_view field) {
  if (field == "thingName" || field == "thingId" || field == "thingTypeName" ||
      field == "thingGroupNames") {
    return true;
  }
  constexpr std::string_view kAttributes = "attributes.";
  return field.size() > kAttributes.size() && field.substr(0, kAttributes.size()) == kAttributes;
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens)
      : query_(query), tokens_(std::move(tokens)) {}

  Result<QueryNode> ParseAll() {
    IOTJOBS_ASSIGN_OR_RETURN(QueryNode root, ParseOr(""));
    if (Peek().type != Tok::kEnd) return Invalid("unexpected '" + Peek().text + "'", Peek().at);
    if (terms_ > kMaxTerms) {
      return InvalidQuery("The query has " + std::to_string(terms_) + " terms; at most " +
                            std::to_string(kMaxTerms) + " are allowed.");
    }
    if (leading_wildcards_ > 1) {
      return InvalidQuery("Only one term of a query may begin with a wildcard.");
    }
    if (leading_wildcards_ == 1 && query_.size() > kMaxLengthWithLeadingWildcard) {
      return InvalidQuery("A query with a leading wildcard may be at most 100 characters.");
    }
    return root;
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

  static QueryNode Combine(QueryNode::Kind kind, std::vector<QueryNode> parts) {
    if (parts.size() == 1) return std::move(parts.front());
    QueryNode n;
    n.kind = kind;
    n.children = std::move(parts);
    return n;
  }

  // `field` is the field of an enclosing field group (thingName:( ... )), or "".
  Result<QueryNode> ParseOr(const std::string& field) {
    std::vector<QueryNode> parts;
    IOTJOBS_ASSIGN_OR_RETURN(QueryNode first, ParseAnd(field));
    parts.push_back(std::move(first));
    while (IsKeyword(Peek(), "OR")) {
      Next();
      IOTJOBS_ASSIGN_OR_RETURN(QueryNode more, ParseAnd(field));
      parts.push_back(std::move(more));
    }
    return Combine(QueryNode::Kind::kOr, std::move(parts));
  }

  Result<QueryNode> ParseAnd(const std::string& field) {
    std::vector<QueryNode> parts;
    IOTJOBS_ASSIGN_OR_RETURN(QueryNode first, ParseUnary(field));
    parts.push_back(std::move(first));
    while (true) {
      const Token& t = Peek();
      if (t.type == Tok::kEnd || t.type == Tok::kRParen || IsKeyword(t, "OR")) break;
      if (IsKeyword(t, "AND")) Next();  // AND is also the default between terms
      IOTJOBS_ASSIGN_OR_RETURN(QueryNode more, ParseUnary(field));
      parts.push_back(std::move(more));
    }
    return Combine(QueryNode::Kind::kAnd, std::move(parts));
  }

  Result<QueryNode> ParseUnary(const std::string& field) {
    if (++depth_ > kMaxDepth) {
      return Invalid("the query nests deeper than " + std::to_string(kMaxDepth) + " levels",
                     Peek().at);
    }
    Result<QueryNode> out = ParseUnaryBelowLimit(field);
    --depth_;
    return out;
  }

  Result<QueryNode> ParseUnaryBelowLimit(const std::string& field) {
    if (IsKeyword(Peek(), "NOT") || Peek().type == Tok::kMinus) {
      Next();
      IOTJOBS_ASSIGN_OR_RETURN(QueryNode inner, ParseUnary(field));
      QueryNode n;
      n.kind = QueryNode::Kind::kNot;
      n.children.push_back(std::move(inner));
      return n;
    }
    return ParsePrimary(field);
  }

  Result<QueryNode> ParsePrimary(const std::string& field) {
    const Token t = Next();
    switch (t.type) {
      case Tok::kLParen: {
        IOTJOBS_ASSIGN_OR_RETURN(QueryNode inner, ParseOr(field));
        if (Next().type != Tok::kRParen) return Invalid("'(' is not closed", t.at);
        return inner;
      }
      case Tok::kPhrase:
        return Term(field, t);
      case Tok::kWord:
        if (t.text == "AND" || t.text == "OR" || t.text == "TO") {
          return Invalid("'" + t.text + "' needs a term before it", t.at);
        }
        if (Peek().type == Tok::kColon) {
          if (!field.empty()) return Invalid("a field inside the group of field " + field, t.at);
          Next();
          if (!IsIndexedField(t.text)) {
            return Invalid("the field '" + t.text + "' is not indexed: iotjobsd indexes the "
                           "registry fields thingName, thingId, thingTypeName, thingGroupNames "
                           "and attributes.NAME", t.at);
          }
          return ParseValue(t.text);
        }
        return Term(field, t);
      case Tok::kEnd:
        return Invalid("a term is missing", t.at);
      default:
        return Invalid("unexpected '" + t.text + "'", t.at);
    }
  }

  // What follows "field:": a term, a phrase, a range, a comparison or a field group.
  Result<QueryNode> ParseValue(const std::string& field) {
    const Token& t = Peek();
    if (t.type == Tok::kLParen) {
      Next();
      IOTJOBS_ASSIGN_OR_RETURN(QueryNode inner, ParseOr(field));
      if (Next().type != Tok::kRParen) return Invalid("'(' is not closed", t.at);
      return inner;
    }
    if (t.type == Tok::kLBracket || t.type == Tok::kLBrace) return ParseRange(field);
    if (t.type == Tok::kWord && !t.text.empty() && (t.text[0] == '>' || t.text[0] == '<')) {
      Token cmp = Next();
      return Comparison(field, cmp);
    }
    if (t.type == Tok::kWord || t.type == Tok::kPhrase) return Term(field, Next());
    return Invalid("field " + field + " needs a value", t.at);
  }

  Result<std::optional<std::string>> Bound() {
    bool negative = false;
    if (Peek().type == Tok::kMinus) {
      Next();
      negative = true;
    }
    const Token t = Next();
    if (t.type != Tok::kWord && t.type != Tok::kPhrase) return Invalid("a range bound is missing", t.at);
    if (t.type == Tok::kWord && t.text == "*" && !negative) return std::optional<std::string>();
    return std::optional<std::string>((negative ? "-" : "") + Lower(t.text));
  }

  Result<QueryNode> ParseRange(const std::string& field) {
    const Token open = Next();
    QueryNode n;
    n.kind = QueryNode::Kind::kRange;
    n.field = field;
    n.lower_inclusive = open.type == Tok::kLBracket;
    IOTJOBS_ASSIGN_OR_RETURN(n.lower, Bound());
    if (!IsKeyword(Next(), "TO")) return Invalid("a range needs 'TO' between its bounds", open.at);
    IOTJOBS_ASSIGN_OR_RETURN(n.upper, Bound());
    const Token close = Next();
    if (close.type != Tok::kRBracket && close.type != Tok::kRBrace) {
      return Invalid("a range must end with ']' or '}'", open.at);
    }
    n.upper_inclusive = close.type == Tok::kRBracket;
    ++terms_;
    return n;
  }

  Result<QueryNode> Comparison(const std::string& field, const Token& t) {
    const bool greater = t.text[0] == '>';
    const bool equal = t.text.size() > 1 && t.text[1] == '=';
    std::string value = Lower(t.text.substr(equal ? 2 : 1));
    if (value.empty()) return Invalid("'" + t.text + "' needs a value", t.at);
    QueryNode n;
    n.kind = QueryNode::Kind::kRange;
    n.field = field;
    (greater ? n.lower : n.upper) = value;
    (greater ? n.lower_inclusive : n.upper_inclusive) = equal;
    ++terms_;
    return n;
  }

  Result<QueryNode> Term(const std::string& field, const Token& t) {
    QueryNode n;
    n.field = field;
    if (t.type == Tok::kWord && t.text == "*" && !t.escaped_wildcard) {
      n.kind = field.empty() ? QueryNode::Kind::kAll : QueryNode::Kind::kTerm;
      n.pattern = "*";
      ++terms_;
      return n;
    }
    n.kind = QueryNode::Kind::kTerm;
    n.pattern = Lower(t.text);
    n.literal = t.type == Tok::kPhrase || t.escaped_wildcard;
    if (!n.literal && (n.pattern[0] == '*' || n.pattern[0] == '?')) ++leading_wildcards_;
    ++terms_;
    return n;
  }

  std::string_view query_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t terms_ = 0;
  size_t leading_wildcards_ = 0;
  int depth_ = 0;
};

bool InRange(const QueryNode& n, const std::string& raw) {
  const std::string value = Lower(raw);
  const auto v = FleetQueryNumber(value);
  const auto lo = n.lower ? FleetQueryNumber(*n.lower) : std::optional<double>();
  const auto hi = n.upper ? FleetQueryNumber(*n.upper) : std::optional<double>();
  const bool numeric = v && (!n.lower || lo) && (!n.upper || hi);
  auto compare = [&](const std::string& bound, std::optional<double> number) {
    if (numeric) return *v < *number ? -1 : (*v > *number ? 1 : 0);
    return value.compare(bound) < 0 ? -1 : (value.compare(bound) > 0 ? 1 : 0);
  };
  if (n.lower) {
    int c = compare(*n.lower, lo);
    if (c < 0 || (c == 0 && !n.lower_inclusive)) return false;
  }
  if (n.upper) {
    int c = compare(*n.upper, hi);
    if (c > 0 || (c == 0 && !n.upper_inclusive)) return false;
  }
  return true;
}

// The values of `field` for this thing (several for thingGroupNames, every value for "").
std::vector<std::string> Values(const std::string& field, const Thing& thing,
                                const std::vector<std::string>& groups) {
  std::vector<std::string> out;
  const bool any = field.empty();
  if (any || field == "thingName") out.push_back(thing.thing_name);
  if (any || field == "thingId") out.push_back(thing.thing_id);
  if ((any || field == "thingTypeName") && thing.thing_type_name) {
    out.push_back(*thing.thing_type_name);
  }
  if (any || field == "thingGroupNames") out.insert(out.end(), groups.begin(), groups.end());
  if (any) {
    for (const auto& [name, value] : thing.attributes) out.push_back(value);
  } else if (field.rfind("attributes.", 0) == 0) {
    auto it = thing.attributes.find(field.substr(std::string_view("attributes.").size()));
    if (it != thing.attributes.end()) out.push_back(it->second);
  }
  return out;
}

bool Evaluate(const QueryNode& n, const Thing& thing, const std::vector<std::string>& groups) {
  switch (n.kind) {
    case QueryNode::Kind::kAll:
      return true;
    case QueryNode::Kind::kAnd:
      for (const auto& c : n.children) {
        if (!Evaluate(c, thing, groups)) return false;
      }
      return true;
    case QueryNode::Kind::kOr:
      for (const auto& c : n.children) {
        if (Evaluate(c, thing, groups)) return true;
      }
      return false;
    case QueryNode::Kind::kNot:
      return !Evaluate(n.children.front(), thing, groups);
    case QueryNode::Kind::kTerm:
      for (const auto& v : Values(n.field, thing, groups)) {
        const std::string value = Lower(v);
        // Both sides are lower-cased already.
        if (n.literal ? value == n.pattern : WildcardMatch(n.pattern, value, false)) return true;
      }
      return false;
    case QueryNode::Kind::kRange:
      for (const auto& v : Values(n.field, thing, groups)) {
        if (InRange(n, v)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace

std::optional<double> FleetQueryNumber(std::string_view s) {
  // -?[0-9]+(\.[0-9]+)?: what the store's SQL can recognise the same way (store/sql).
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  size_t digits = 0, dot = std::string_view::npos;
  for (size_t j = i; j < s.size(); ++j) {
    if (std::isdigit(static_cast<unsigned char>(s[j]))) {
      ++digits;
    } else if (s[j] == '.' && dot == std::string_view::npos && j > i && j + 1 < s.size()) {
      dot = j;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  std::string text(s);
  return std::strtod(text.c_str(), nullptr);
}

FleetQuery::FleetQuery(std::unique_ptr<QueryNode> root) : root_(std::move(root)) {}
FleetQuery::FleetQuery(FleetQuery&&) noexcept = default;
FleetQuery& FleetQuery::operator=(FleetQuery&&) noexcept = default;
FleetQuery::~FleetQuery() = default;

Result<FleetQuery> FleetQuery::Parse(std::string_view text) {
  IOTJOBS_ASSIGN_OR_RETURN(auto tokens, Tokenize(text));
  if (tokens.size() == 1) return InvalidQuery("The query is empty.");
  Parser parser(text, std::move(tokens));
  IOTJOBS_ASSIGN_OR_RETURN(QueryNode root, parser.ParseAll());
  return FleetQuery(std::make_unique<QueryNode>(std::move(root)));
}

const QueryNode& FleetQuery::root() const { return *root_; }

bool FleetQuery::Matches(const Thing& thing, const std::vector<std::string>& group_names) const {
  return Evaluate(*root_, thing, group_names);
}

}  // namespace iotjobs::jobs
