#pragma once

#include <boost/json/fwd.hpp>

#include "cli/jmespath/ast.h"
#include "cli/jmespath/value.h"
#include "common/result.h"

// The JMESPath evaluator, following the reference Python jmespath's TreeInterpreter
// (jmespath/visitor.py) node by node.
namespace iotjobs::cli::jmespath {

// Evaluates `node` with `current` as the current value (@).
// The result may borrow from `current` and from literals in `node`: keep both alive while
// using it. Failure: kInvalidRequest from a function (type, arity, unknown name), a slice
// step of 0, or an expression reference used outside a function's arguments.
// Thread-safe: evaluation reads the tree and `current` only.
// REQUIRES: node.depth <= kMaxExpressionDepth (parser.h), which bounds the recursion.
Result<Value> Evaluate(const Node& node, const boost::json::value& current);

}  // namespace iotjobs::cli::jmespath
