#pragma once

#include <boost/json/fwd.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/status.h"

// JMESPath (https://jmespath.org/specification.html) for the CLI's --query. The reference is
// the Python jmespath package (1.1.0) that the AWS CLI runs: where the specification is silent
// or Python departs from it, this follows Python, so a query gives what `aws --query` gives.
// Notably: strings order with < and > as numbers do; `a[0][1:2]` does not project; `{a: b c: d}`
// and `f(a,)` parse; true equals 1 inside arrays and objects (not at the top of ==); integers
// stay integers and floats stay floats. Differences, all where Python crashes or cannot
// represent the value: a number ordered against a string gives null; contains() of a
// non-string in a string is false; merge() type-checks every argument; an expression reference
// (&x) anywhere but in an expref parameter is a type error; nesting deeper than 400 levels is
// a syntax error; integers past 64 bits become doubles; lone surrogates become U+FFFD.
//
//   IOTJOBS_ASSIGN_OR_RETURN(auto query, jmespath::Compile(text));
//   IOTJOBS_ASSIGN_OR_RETURN(boost::json::value out, query.Search(response));
//
// Callers include <boost/json/value.hpp> to use the results.
namespace iotjobs::cli::jmespath {

struct Node;

// A compiled expression. Immutable; copies share the tree. Thread-safe: Search may run
// concurrently on one Expression.
class Expression {
 public:
  // Evaluates the expression with `data` as the current value.
  // The result owns its memory (default memory resource) and outlives `data`.
  // Failure: kInvalidRequest with Python jmespath's message for a function error ("Unknown
  // function: foo()", "Expected 1 argument for function abs(), received 2", "In function
  // abs(), invalid type for value: ...", sort_by()/min_by()/max_by() key types), a slice step
  // of 0 ("slice step cannot be zero"), ceil()/floor() of NaN or infinity, or an expression
  // reference used outside a function's arguments. Like Python, these only arise when the
  // failing part is reached: `missing[*].abs(@)` on {} is null.
  // REQUIRES: `data` nests less deeply than the stack allows recursion (Boost.JSON's parser
  // limits it to 32 levels by default).
  Result<boost::json::value> Search(const boost::json::value& data) const;

  // The text the expression was compiled from.
  const std::string& text() const { return text_; }

 private:
  friend Result<Expression> Compile(std::string_view expression);
  Expression(std::string text, std::shared_ptr<const Node> root);

  std::string text_;
  std::shared_ptr<const Node> root_;
};

// Parses `expression` (UTF-8).
// Failure: kInvalidRequest whose message is Python jmespath's: "Invalid JMESPath expression:
// cannot be empty.", "Bad jmespath expression: Unknown token $:\n...", "Invalid jmespath
// expression: Incomplete expression:\n...", "<reason>: Parse error at column N, token ...".
// Also for expressions nested more than 400 levels deep, and for malformed UTF-8.
Result<Expression> Compile(std::string_view expression);

// Compile(expression), then Search(data).
Result<boost::json::value> Search(std::string_view expression, const boost::json::value& data);

// The kinds of error the JMESPath specification (and its compliance suite) distinguishes.
enum class ErrorKind {
  kSyntax,           // Compile's failures.
  kInvalidType,      // A function argument of the wrong type; &x outside a function.
  kInvalidValue,     // A slice step of 0; ceil() or floor() of NaN or infinity.
  kInvalidArity,     // A function called with the wrong number of arguments.
  kUnknownFunction,  // No function of that name.
};

// The kind of a failed Status from Compile or Search.
// REQUIRES: `status` came from Compile, Search or Expression::Search and is not ok().
ErrorKind ErrorKindOf(const Status& status);

}  // namespace iotjobs::cli::jmespath
