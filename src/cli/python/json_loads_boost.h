#pragma once

#include <boost/json/fwd.hpp>
#include <cstddef>
#include <string_view>

#include "common/result.h"

// Python's json.loads() (json_loads.h) into Boost.JSON, because the reference jmespath
// turns backtick literals and quoted identifiers into values with json.loads(): NaN, Infinity
// and -Infinity are numbers, a repeated object key keeps its first position and its last
// value, integers of any length are read (see numbers.h for those past 64 bits), and \uXXXX
// surrogate pairs combine. A lone surrogate, which Python keeps in its str but UTF-8 cannot
// carry, becomes U+FFFD.
//
// jmespath/'s lexer is its only caller in the CLI so far, but the model is the one jmespath/,
// output/ and the core share, and json.loads() is also how the AWS CLI reads a response body
// (output/response.h; the output tests read theirs with this), so it sits here beside
// json.dumps() of the same model (json_dumps.h) rather than inside jmespath/.
namespace iotjobs::cli::python {

// Deepest nesting of arrays and objects accepted. Python stops at its recursion limit
// (about 1000 frames); this bound keeps our recursive reader well inside any thread's stack.
inline constexpr std::size_t kJsonLoadsBoostMaxDepth = 400;

// Parses the whole of `text` (UTF-8, surrounding " \t\n\r" allowed) into a value whose memory
// comes from the default resource.
// Failure: kInvalidRequest whose message is the part of Python's JSONDecodeError before the
// first ':' ("Expecting value", "Invalid \escape", "Invalid \uXXXX escape", "Invalid control
// character at", "Unterminated string starting at", "Extra data", ...), which is what jmespath
// shows for a bad quoted identifier; kLimitExceeded when nesting passes
// kJsonLoadsBoostMaxDepth.
Result<boost::json::value> JsonLoadsBoost(std::string_view text);

}  // namespace iotjobs::cli::python
