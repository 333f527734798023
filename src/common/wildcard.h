#pragma once

#include <string_view>

namespace iotjobs {

// The glob of IAM policies and of fleet indexing queries: `*` any run of characters, `?`
// exactly one. Iterative, backtracking to the last `*`: linear for these patterns.
bool WildcardMatch(std::string_view pattern, std::string_view text, bool ignore_case);

}  // namespace iotjobs
