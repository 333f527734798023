#include "cli/jmespath/jmespath.h"

#include <boost/json/value.hpp>
#include <utility>

#include "cli/jmespath/ast.h"
#include "cli/jmespath/error_messages.h"
#include "cli/jmespath/interpreter.h"
#include "cli/jmespath/parser.h"

namespace iotjobs::cli::jmespath {

Expression::Expression(std::string text, std::shared_ptr<const Node> root)
    : text_(std::move(text)), root_(std::move(root)) {}

Result<boost::json::value> Expression::Search(const boost::json::value& data) const {
  IOTJOBS_ASSIGN_OR_RETURN(Value result, Evaluate(*root_, data));
  return std::move(result).Take();
}

Result<Expression> Compile(std::string_view expression) {
  IOTJOBS_ASSIGN_OR_RETURN(NodePtr root, Parse(expression));
  return Expression(std::string(expression), std::shared_ptr<const Node>(std::move(root)));
}

Result<boost::json::value> Search(std::string_view expression, const boost::json::value& data) {
  IOTJOBS_ASSIGN_OR_RETURN(Expression compiled, Compile(expression));
  return compiled.Search(data);
}

ErrorKind ErrorKindOf(const Status& status) {
  // Each kind has its own message form (error_messages.h); Compile only fails with syntax.
  const std::string_view message = status.message();
  if (message.starts_with(msg::kTypeErrorPrefix) || message == msg::kExprefOutsideFunction) {
    return ErrorKind::kInvalidType;
  }
  if (message.starts_with(msg::kArityErrorPrefix)) return ErrorKind::kInvalidArity;
  if (message.starts_with(msg::kUnknownFunctionPrefix)) return ErrorKind::kUnknownFunction;
  if (message == msg::kSliceStepZero || message == msg::kFloatNanToInteger ||
      message == msg::kFloatInfinityToInteger) {
    return ErrorKind::kInvalidValue;
  }
  return ErrorKind::kSyntax;
}

}  // namespace iotjobs::cli::jmespath
