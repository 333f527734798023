#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// The JMESPath lexer, a port of the reference Python jmespath's (jmespath/lexer.py), whose
// token names, positions and error messages the parser reports.
namespace iotjobs::cli::jmespath {

enum class TokenType {
  kEof,
  kUnquotedIdentifier,
  kQuotedIdentifier,
  kLiteral,  // `json` or 'raw string'
  kRbracket,
  kRparen,
  kComma,
  kRbrace,
  kNumber,
  kCurrent,  // @
  kExpref,   // &
  kColon,
  kPipe,
  kOr,
  kAnd,
  kEq,
  kGt,
  kLt,
  kGte,
  kLte,
  kNe,
  kFlatten,  // []
  kStar,
  kFilter,  // [?
  kDot,
  kNot,
  kLbrace,
  kLbracket,
  kLparen,
};

// Python's name of a token type ("unquoted_identifier", "lbracket", ...), as error messages
// show it.
std::string_view TokenTypeName(TokenType type);

struct Token {
  TokenType type = TokenType::kEof;
  // Column of the first character, in code points.
  std::size_t start = 0;
  // Identifiers: the name (quoted ones decoded). Numbers: the value in decimal. Other tokens:
  // their characters. Empty for kLiteral and kEof.
  std::string text;
  // kLiteral: the value; a raw string literal is a string.
  boost::json::value literal;
  // kNumber: the value, saturated to the int64 range (indexes and slice bounds past it behave
  // the same as at it).
  std::int64_t number = 0;
};

// The token's value as Python's ParseError prints it (str() of the value).
std::string TokenValueText(const Token& token);

// Splits `expression` into tokens; the last one is kEof at column CountCodePoints(expression).
// Failure: kInvalidRequest, with msg::kEmptyExpression for "" and a LexerError message (see
// error_messages.h) for an unknown character, an unclosed quote or backtick, a bad literal
// or quoted identifier, or malformed UTF-8.
Result<std::vector<Token>> Tokenize(std::string_view expression);

}  // namespace iotjobs::cli::jmespath
