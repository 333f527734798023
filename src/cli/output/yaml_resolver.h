#pragma once

#include <string_view>

// Which strings YAML output must quote because they would read back as something else.
namespace iotjobs::cli::output {

// Whether ruamel.yaml's Resolver (the YAML 1.2 implicit resolvers of ruamel/yaml/resolver.py,
// which AWS CLI v2's YAML dumper uses) resolves `value` as a plain scalar to the str tag, i.e.
// it is not a bool (true/True/TRUE/false/...), int (12, -1_0, 0x1F, 0o17, 0b1), float (1.5,
// 1e5, .5, .inf, .nan), null (~, null, Null, NULL, the empty string), timestamp (2019-06-17,
// 2019-06-17T15:57:03.5Z), merge (<<), value (=) or one of "!", "&", "*". "yes", "on" and
// "1:20" are strings under these 1.2 rules. A false result makes the emitter quote the string.
// (Python's `$` would also match before a final "\n"; such strings contain a line break and
// are never plain anyway, so the difference cannot show.)
bool ResolvesToString(std::string_view value);

}  // namespace iotjobs::cli::output
