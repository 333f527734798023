#pragma once

#include <string_view>

// The implicit typing of a plain YAML scalar by ruamel.yaml's Resolver (its YAML 1.2 implicit
// resolvers). AWS CLI v2 reads --cli-input-yaml with it, and its YAML output quotes every
// string that it would read back as something else.
namespace iotjobs::cli::python {

// The tag ruamel resolves a plain scalar to (tag:yaml.org,2002:<name>).
enum class YamlPlainTag {
  kStr,
  kBool,       // true True TRUE false False FALSE
  kInt,        // 12, -1_0, 0x1F, 0o17, 017, 0b1
  kFloat,      // 1.5, 1e5, .5, 7., .inf, -.Inf, .nan
  kNull,       // ~ null Null NULL and the empty string
  kTimestamp,  // 2019-06-17, 2019-06-17T15:57:03.5Z, 2019-6-7 1:02:03 +1
  kMerge,      // <<
  kValue,      // =
  kYaml,       // ! & *
};

// What `value` resolves to as a plain scalar. Only the resolvers registered for its first
// character are tried, as BaseResolver.resolve() does. "yes", "on" and "1:20" are strings
// under these 1.2 rules. (Python's `$` would also match before a final "\n"; such strings
// contain a line break and are never plain anyway, so the difference cannot show.)
YamlPlainTag ResolveYamlPlain(std::string_view value);

}  // namespace iotjobs::cli::python
