#include "cli/jmespath/error_messages.h"

#include <boost/json/array.hpp>

#include "cli/python/json_value.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::jmespath::msg {

std::string ParseErrorMessage(std::string_view reason, std::size_t column,
                              std::string_view token_value, std::string_view token_type,
                              std::string_view expression) {
  std::string out(reason);
  out.append(": Parse error at column ").append(std::to_string(column));
  out.append(", token \"").append(token_value).append("\" (");
  for (char c : token_type) out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
  out.append("), for expression:\n\"").append(expression).append("\"\n");
  out.append(column + 1, ' ').push_back('^');
  return out;
}

std::string IncompleteExpressionMessage(std::string_view expression) {
  std::string out = "Invalid jmespath expression: Incomplete expression:\n\"";
  out.append(expression).append("\"\n");
  out.append(python::CountCodePoints(expression) + 1, ' ').push_back('^');
  return out;
}

std::string LexerErrorMessage(std::string_view reason, std::size_t column,
                              std::string_view expression) {
  std::string out = "Bad jmespath expression: ";
  out.append(reason).append(":\n").append(expression).push_back('\n');
  out.append(column, ' ').push_back('^');
  return out;
}

std::string ArityMessage(std::size_t expected, std::size_t actual, std::string_view function,
                         bool variadic) {
  std::string out(kArityErrorPrefix);
  if (variadic) out.append("at least ");
  out.append(std::to_string(expected)).append(expected == 1 ? " argument" : " arguments");
  out.append(" for function ").append(function).append("(), received ");
  out.append(std::to_string(actual));
  return out;
}

std::string TypeErrorMessage(std::string_view function, std::string_view value,
                             const std::vector<std::string_view>& expected,
                             std::string_view received) {
  std::string out(kTypeErrorPrefix);
  out.append(function).append("(), invalid type for value: ").append(value);
  out.append(", expected one of: ")
      .append(python::Repr(boost::json::array(expected.begin(), expected.end())));
  out.append(", received: \"").append(received).append("\"");
  return out;
}

std::string UnknownFunctionMessage(std::string_view function) {
  std::string out(kUnknownFunctionPrefix);
  out.append(function).append("()");
  return out;
}

}  // namespace iotjobs::cli::jmespath::msg
