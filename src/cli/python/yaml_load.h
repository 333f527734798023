#pragma once

#include <optional>
#include <string_view>

#include "cli/python/value.h"

// ruamel.yaml's YAML(typ='safe').load() as --cli-input-yaml uses it, on top of yaml-cpp's
// event parser: YAML 1.2 core-schema typing of plain scalars (true/false, 12, 0x1F, 0o17, 1.5,
// .inf, null, ~ and empty are typed; quoted scalars are strings), the !!str, !!int, !!float,
// !!bool, !!null and !!binary tags, anchors and aliases, and ruamel's refusals: a repeated
// key, more than one document, an unknown tag. Plain dates become datetime objects, which
// the validator then refuses where the model wants a string, as the CLI does.
//
// Only args/ calls it. It is here because all it does is ruamel's, on the plain-scalar
// resolver that the YAML output shares (yaml_resolver.h), into Python's values (value.h).
namespace iotjobs::cli::python {

// The document's value (None for an empty stream), or nullopt where ruamel raises a
// YAMLError (the CLI then says "Invalid YAML received.").
std::optional<PyValue> PyYamlLoad(std::string_view text);

}  // namespace iotjobs::cli::python
