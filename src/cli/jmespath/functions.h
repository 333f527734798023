#pragma once

#include <boost/json/fwd.hpp>
#include <string_view>
#include <vector>

#include "cli/jmespath/ast.h"
#include "cli/jmespath/value.h"
#include "common/result.h"

// The built-in functions of JMESPath and the checks the reference Python jmespath makes
// before calling one (jmespath/functions.py): arity, then each argument's type, then, for
// typed arrays, each element's type.
namespace iotjobs::cli::jmespath {

// One evaluated argument: an expression reference (&expr) keeps its tree, anything else its
// value.
struct Argument {
  Value value;
  const Node* expref = nullptr;
};

// Calls the built-in `name` with `args`.
// Failure: kInvalidRequest with Python jmespath's message for an unknown function, a wrong
// number of arguments or an argument of the wrong type, and the type errors sort_by(),
// min_by() and max_by() raise for their keys.
// The result is owned (it borrows from nothing).
Result<boost::json::value> CallFunction(std::string_view name, std::vector<Argument>& args);

}  // namespace iotjobs::cli::jmespath
