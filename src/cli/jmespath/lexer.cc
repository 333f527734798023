#include "cli/jmespath/lexer.h"

#include <limits>
#include <utility>

#include "cli/jmespath/error_messages.h"
#include "cli/python/json_loads_boost.h"
#include "cli/python/json_value.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::jmespath {
namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsIdentifierStart(char32_t c) { return IsAsciiLetter(c) || c == '_'; }
bool IsIdentifierPart(char32_t c) { return IsIdentifierStart(c) || IsDigit(c); }

// Python's str.isspace(), used by str.lstrip() on a deprecated unquoted literal.
bool IsPythonSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

std::u32string ReplaceAll(std::u32string text, std::u32string_view from, std::u32string_view to) {
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::u32string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

// Python's str(int(text)) and the value saturated to int64.
void SetNumber(std::string_view text, Token* token) {
  const bool negative = text.front() == '-';
  std::string_view digits = text.substr(negative ? 1 : 0);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  token->text = (negative && digits != "0") ? "-" : "";
  token->text.append(digits);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  std::int64_t value = 0;
  for (char c : digits) {
    const int digit = c - '0';
    if (negative) {
      value = (value < (kMin + digit) / 10) ? kMin : value * 10 - digit;
    } else {
      value = (value > (kMax - digit) / 10) ? kMax : value * 10 + digit;
    }
  }
  token->number = value;
}

class Lexer {
 public:
  explicit Lexer(std::string_view expression)
      : expression_(expression), chars_(python::DecodeUtf8(expression)) {}

  Result<std::vector<Token>> Run() {
    while (Current() != kEnd) {
      IOTJOBS_RETURN_IF_ERROR(Step());
    }
    Token eof;
    eof.start = chars_.size();
    tokens_.push_back(std::move(eof));
    return std::move(tokens_);
  }

 private:
  char32_t Current() const { return pos_ < chars_.size() ? chars_[pos_] : kEnd; }
  char32_t Next() {
    if (pos_ < chars_.size()) ++pos_;
    return Current();
  }

  Status LexerError(std::size_t column, std::string_view reason) const {
    return InvalidRequest(msg::LexerErrorMessage(reason, column, expression_));
  }

  void Emit(TokenType type, std::size_t start, std::u32string_view text) {
    Token token;
    token.type = type;
    token.start = start;
    token.text = python::EncodeUtf8(text);
    tokens_.push_back(std::move(token));
  }

  Status Step() {
    const char32_t c = Current();
    const std::size_t start = pos_;
    switch (c) {
      case '.':
        return Simple(TokenType::kDot);
      case '*':
        return Simple(TokenType::kStar);
      case ']':
        return Simple(TokenType::kRbracket);
      case ',':
        return Simple(TokenType::kComma);
      case ':':
        return Simple(TokenType::kColon);
      case '@':
        return Simple(TokenType::kCurrent);
      case '(':
        return Simple(TokenType::kLparen);
      case ')':
        return Simple(TokenType::kRparen);
      case '{':
        return Simple(TokenType::kLbrace);
      case '}':
        return Simple(TokenType::kRbrace);
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        Next();
        return Status::Ok();
      case '[': {
        const char32_t next = Next();
        if (next == ']') {
          Next();
          Emit(TokenType::kFlatten, start, U"[]");
        } else if (next == '?') {
          Next();
          Emit(TokenType::kFilter, start, U"[?");
        } else {
          Emit(TokenType::kLbracket, start, U"[");
        }
        return Status::Ok();
      }
      case '\'':
        return RawStringLiteral();
      case '|':
        return MatchOrElse('|', TokenType::kOr, TokenType::kPipe);
      case '&':
        return MatchOrElse('&', TokenType::kAnd, TokenType::kExpref);
      case '`':
        return JsonLiteral();
      case '"':
        return QuotedIdentifier();
      case '<':
        return MatchOrElse('=', TokenType::kLte, TokenType::kLt);
      case '>':
        return MatchOrElse('=', TokenType::kGte, TokenType::kGt);
      case '!':
        return MatchOrElse('=', TokenType::kNe, TokenType::kNot);
      case '=':
        if (Next() == '=') {
          Next();
          Emit(TokenType::kEq, start, U"==");
          return Status::Ok();
        }
        return LexerError(start, std::string(msg::kUnknownTokenPrefix) + "'='");
      default:
        break;
    }
    if (IsIdentifierStart(c)) {
      while (IsIdentifierPart(Next())) {
      }
      Emit(TokenType::kUnquotedIdentifier, start,
           std::u32string_view(chars_).substr(start, pos_ - start));
      return Status::Ok();
    }
    if (IsDigit(c) || c == '-') {
      while (IsDigit(Next())) {
      }
      const std::string text =
          python::EncodeUtf8(std::u32string_view(chars_).substr(start, pos_ - start));
      if (text == "-") return LexerError(start, std::string(msg::kUnknownTokenPrefix) + "'-'");
      Token token;
      token.type = TokenType::kNumber;
      token.start = start;
      SetNumber(text, &token);
      tokens_.push_back(std::move(token));
      return Status::Ok();
    }
    std::string character;
    python::AppendUtf8(c, &character);
    return LexerError(start, std::string(msg::kUnknownTokenPrefix) + character);
  }

  Status Simple(TokenType type) {
    Emit(type, pos_, std::u32string_view(chars_).substr(pos_, 1));
    Next();
    return Status::Ok();
  }

  Status MatchOrElse(char32_t expected, TokenType match, TokenType otherwise) {
    const std::size_t start = pos_;
    const char32_t first = Current();
    if (Next() == expected) {
      Next();
      const char32_t both[] = {first, expected};
      Emit(match, start, std::u32string_view(both, 2));
    } else {
      Emit(otherwise, start, std::u32string_view(&first, 1));
    }
    return Status::Ok();
  }

  // Python's _consume_until: everything up to the closing delimiter, keeping each backslash
  // together with the character after it (so an escaped delimiter does not close).
  Result<std::u32string> ConsumeUntil(char32_t delimiter) {
    const std::size_t start = pos_;
    std::u32string buffer;
    Next();
    while (Current() != delimiter) {
      if (Current() == '\\') {
        buffer.push_back('\\');
        Next();
      }
      if (Current() == kEnd) {
        std::string reason(msg::kUnclosedDelimiterPrefix);
        python::AppendUtf8(delimiter, &reason);
        reason.append(" delimiter");
        return LexerError(start, reason);
      }
      buffer.push_back(Current());
      Next();
    }
    Next();
    return buffer;
  }

  Status RawStringLiteral() {
    const std::size_t start = pos_;
    IOTJOBS_ASSIGN_OR_RETURN(std::u32string lexeme, ConsumeUntil('\''));
    Token token;
    token.type = TokenType::kLiteral;
    token.start = start;
    token.literal =
        boost::json::string(python::EncodeUtf8(ReplaceAll(std::move(lexeme), U"\\'", U"'")));
    tokens_.push_back(std::move(token));
    return Status::Ok();
  }

  // A backtick literal is JSON; failing that, the deprecated (JEP-12) form whose text,
  // left-stripped, is the body of a JSON string: `foo` is "foo".
  Status JsonLiteral() {
    const std::size_t start = pos_;
    IOTJOBS_ASSIGN_OR_RETURN(std::u32string lexeme, ConsumeUntil('`'));
    const std::string text = python::EncodeUtf8(ReplaceAll(std::move(lexeme), U"\\`", U"`"));
    Token token;
    token.type = TokenType::kLiteral;
    token.start = start;
    Result<boost::json::value> parsed = python::JsonLoadsBoost(text);
    if (!parsed.ok() && parsed.status().code() == ErrorCode::kLimitExceeded) {
      return LexerError(start, parsed.status().message());
    }
    if (!parsed.ok()) {
      std::size_t skip = 0;
      const std::u32string decoded = python::DecodeUtf8(text);
      while (skip < decoded.size() && IsPythonSpace(decoded[skip])) ++skip;
      parsed = python::JsonLoadsBoost(
          "\"" + python::EncodeUtf8(std::u32string_view(decoded).substr(skip)) + "\"");
      if (!parsed.ok()) return LexerError(start, std::string(msg::kBadTokenPrefix) + text);
    }
    token.literal = std::move(parsed).value();
    tokens_.push_back(std::move(token));
    return Status::Ok();
  }

  Status QuotedIdentifier() {
    const std::size_t start = pos_;
    IOTJOBS_ASSIGN_OR_RETURN(std::u32string lexeme, ConsumeUntil('"'));
    Result<boost::json::value> parsed =
        python::JsonLoadsBoost("\"" + python::EncodeUtf8(lexeme) + "\"");
    if (!parsed.ok()) return LexerError(start, parsed.status().message());
    Token token;
    token.type = TokenType::kQuotedIdentifier;
    token.start = start;
    token.text = std::string(parsed->get_string());
    tokens_.push_back(std::move(token));
    return Status::Ok();
  }

  std::string_view expression_;
  std::u32string chars_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::string_view TokenTypeName(TokenType type) {
  switch (type) {
    case TokenType::kEof:
      return "eof";
    case TokenType::kUnquotedIdentifier:
      return "unquoted_identifier";
    case TokenType::kQuotedIdentifier:
      return "quoted_identifier";
    case TokenType::kLiteral:
      return "literal";
    case TokenType::kRbracket:
      return "rbracket";
    case TokenType::kRparen:
      return "rparen";
    case TokenType::kComma:
      return "comma";
    case TokenType::kRbrace:
      return "rbrace";
    case TokenType::kNumber:
      return "number";
    case TokenType::kCurrent:
      return "current";
    case TokenType::kExpref:
      return "expref";
    case TokenType::kColon:
      return "colon";
    case TokenType::kPipe:
      return "pipe";
    case TokenType::kOr:
      return "or";
    case TokenType::kAnd:
      return "and";
    case TokenType::kEq:
      return "eq";
    case TokenType::kGt:
      return "gt";
    case TokenType::kLt:
      return "lt";
    case TokenType::kGte:
      return "gte";
    case TokenType::kLte:
      return "lte";
    case TokenType::kNe:
      return "ne";
    case TokenType::kFlatten:
      return "flatten";
    case TokenType::kStar:
      return "star";
    case TokenType::kFilter:
      return "filter";
    case TokenType::kDot:
      return "dot";
    case TokenType::kNot:
      return "not";
    case TokenType::kLbrace:
      return "lbrace";
    case TokenType::kLbracket:
      return "lbracket";
    case TokenType::kLparen:
      return "lparen";
  }
  return "eof";
}

std::string TokenValueText(const Token& token) {
  if (token.type == TokenType::kLiteral) return python::Str(token.literal);
  return token.text;
}

Result<std::vector<Token>> Tokenize(std::string_view expression) {
  if (expression.empty()) return InvalidRequest(std::string(msg::kEmptyExpression));
  if (const std::size_t bad = python::FindInvalidUtf8(expression); bad != std::string_view::npos) {
    return InvalidRequest(msg::LexerErrorMessage(
        msg::kInvalidUtf8, python::CountCodePoints(expression.substr(0, bad)), expression));
  }
  return Lexer(expression).Run();
}

}  // namespace iotjobs::cli::jmespath
