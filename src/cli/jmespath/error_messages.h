#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Every message of src/cli/jmespath/, worded as the reference Python jmespath words it
// (jmespath/exceptions.py), so `iotjobs --query` fails the way `aws --query` does. Columns
// count code points, as Python's str does.
namespace iotjobs::cli::jmespath::msg {

// EmptyExpressionError.
inline constexpr std::string_view kEmptyExpression =
    "Invalid JMESPath expression: cannot be empty.";

// The reasons the parser gives to ParseErrorMessage.
inline constexpr std::string_view kInvalidToken = "invalid token";
inline constexpr std::string_view kSyntaxError = "syntax error";
inline constexpr std::string_view kUnexpectedTokenPrefix = "Unexpected token: ";
inline constexpr std::string_view kQuotedFunctionName =
    "Quoted identifier not allowed for function names.";
// Not in Python, which fails with RecursionError instead: an expression nested deeper than
// the parser's limit (see parser.h).
inline constexpr std::string_view kTooDeep = "Expression is nested too deeply";

// The lexer's reasons for LexerErrorMessage.
inline constexpr std::string_view kUnknownTokenPrefix = "Unknown token ";
inline constexpr std::string_view kUnclosedDelimiterPrefix = "Unclosed ";
inline constexpr std::string_view kBadTokenPrefix = "Bad token ";
// Not in Python, whose str cannot hold malformed UTF-8.
inline constexpr std::string_view kInvalidUtf8 = "Invalid UTF-8";

// ValueError from a slice whose step is 0 (Python's own slice() message).
inline constexpr std::string_view kSliceStepZero = "slice step cannot be zero";
// ValueError/OverflowError of ceil() and floor() on NaN and infinity (math.ceil's messages).
inline constexpr std::string_view kFloatNanToInteger = "cannot convert float NaN to integer";
inline constexpr std::string_view kFloatInfinityToInteger =
    "cannot convert float infinity to integer";
// Not in Python, which would hand the expression object on to its JSON output and fail
// there: an expression reference (&expr) used anywhere but as a function argument.
inline constexpr std::string_view kExprefOutsideFunction =
    "Expression references (&expr) are only valid as function arguments";

// The start of each message kind, for ErrorKindOf() in jmespath.h.
inline constexpr std::string_view kTypeErrorPrefix = "In function ";
inline constexpr std::string_view kArityErrorPrefix = "Expected ";
inline constexpr std::string_view kUnknownFunctionPrefix = "Unknown function: ";

// ParseError: "<reason>: Parse error at column <c>, token "<value>" (<TYPE>), for
// expression:\n"<expression>"\n<caret under column c>".
std::string ParseErrorMessage(std::string_view reason, std::size_t column,
                              std::string_view token_value, std::string_view token_type,
                              std::string_view expression);

// IncompleteExpressionError, with the caret after the last character.
std::string IncompleteExpressionMessage(std::string_view expression);

// LexerError: "Bad jmespath expression: <reason>:\n<expression>\n<caret under column>".
std::string LexerErrorMessage(std::string_view reason, std::size_t column,
                              std::string_view expression);

// ArityError ("Expected 1 argument for function abs(), received 2") and, for variadic
// functions, VariadictArityError ("Expected at least 1 argument for ...").
std::string ArityMessage(std::size_t expected, std::size_t actual, std::string_view function,
                         bool variadic);

// JMESPathTypeError: "In function <f>(), invalid type for value: <value>, expected one of:
// ['number'], received: "<type>"". `value` is already rendered with Python's str().
std::string TypeErrorMessage(std::string_view function, std::string_view value,
                             const std::vector<std::string_view>& expected,
                             std::string_view received);

// UnknownFunctionError: "Unknown function: <name>()".
std::string UnknownFunctionMessage(std::string_view function);

}  // namespace iotjobs::cli::jmespath::msg
