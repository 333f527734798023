#pragma once

#include <cstddef>
#include <string_view>

#include "cli/jmespath/ast.h"
#include "common/result.h"

// The JMESPath parser: a port of the reference Python jmespath's Pratt parser
// (jmespath/parser.py), so that the same expressions are accepted, the same trees built and
// the same errors reported.
namespace iotjobs::cli::jmespath {

// The deepest nesting accepted, counted both as parser recursion and as tree height. Python
// has no such limit but runs into its recursion limit (about 300 chained projections, 400
// nested parentheses); with this one, hostile input such as a megabyte of '(' fails cleanly
// instead of exhausting the stack, in the parser, the evaluator or the tree's destructor.
inline constexpr std::size_t kMaxExpressionDepth = 400;

// Tokenizes and parses `expression` into a tree.
// Failure: kInvalidRequest with Python jmespath's message: EmptyExpressionError, LexerError,
// ParseError or IncompleteExpressionError (see error_messages.h); nesting deeper than
// kMaxExpressionDepth fails as a ParseError too.
Result<NodePtr> Parse(std::string_view expression);

}  // namespace iotjobs::cli::jmespath
