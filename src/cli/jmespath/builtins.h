#pragma once

#include <boost/json/fwd.hpp>
#include <vector>

#include "cli/jmespath/functions.h"
#include "common/result.h"

// The bodies of the built-in functions, one per JMESPath function. functions.cc has checked
// the arity and the argument types against each one's signature before calling it, so a body
// only handles what its signature lets through. Results follow Python: integers stay integers
// (length, sum of ints, abs, ceil and floor give ints), avg() gives a float.
namespace iotjobs::cli::jmespath::builtins {

using Args = std::vector<Argument>;

Result<boost::json::value> Abs(Args& args);
Result<boost::json::value> Avg(Args& args);
Result<boost::json::value> Ceil(Args& args);
Result<boost::json::value> Contains(Args& args);
Result<boost::json::value> EndsWith(Args& args);
Result<boost::json::value> Floor(Args& args);
Result<boost::json::value> Join(Args& args);
Result<boost::json::value> Keys(Args& args);
Result<boost::json::value> Length(Args& args);
Result<boost::json::value> Map(Args& args);
Result<boost::json::value> Max(Args& args);
Result<boost::json::value> MaxBy(Args& args);
Result<boost::json::value> Merge(Args& args);
Result<boost::json::value> Min(Args& args);
Result<boost::json::value> MinBy(Args& args);
Result<boost::json::value> NotNull(Args& args);
Result<boost::json::value> Reverse(Args& args);
Result<boost::json::value> Sort(Args& args);
Result<boost::json::value> SortBy(Args& args);
Result<boost::json::value> StartsWith(Args& args);
Result<boost::json::value> Sum(Args& args);
Result<boost::json::value> ToArray(Args& args);
Result<boost::json::value> ToNumber(Args& args);
Result<boost::json::value> ToString(Args& args);
Result<boost::json::value> Type(Args& args);
Result<boost::json::value> Values(Args& args);

}  // namespace iotjobs::cli::jmespath::builtins
