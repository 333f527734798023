#pragma once

#include <optional>
#include <string>

#include "api/wire/model.h"
#include "cli/python/value.h"

// What --generate-cli-skeleton prints (customizations/generatecliskeleton.py with botocore's
// ArgumentGenerator): every member of the shape with a placeholder value — "" for strings
// (the first enum value where there is one), 0 for integers and longs, 0.0 for doubles, true
// for booleans, nested structures expanded (a structure met again inside itself is {}), lists
// with one element and maps with one "KeyName" entry.
namespace iotjobs::cli::args {

// `input`: json.dumps(skeleton, indent=4) and a newline, exactly as v2 writes it to stdout.
std::string InputSkeletonJson(const api::wire::Operation& op);

// `yaml-input`: the same skeleton as ruamel.yaml dumps it, each structure member followed by
// a comment: "[REQUIRED]" for required members, the first sentence of the member's
// documentation, and "Valid values are: A, B." for enums. The documentation is our model's
// (src/api/wire/model), which is newer than the one AWS CLI 2.9.19 ships, so some sentences
// differ from that CLI's output; the layout is the same.
std::string InputSkeletonYaml(const api::wire::Operation& op);

// `output`: the sample response v2 stubs the call with (strings hold their member name, list
// strings the list member's shape name, timestamps datetime(1970, 1, 1)); nullopt for an
// operation without an output shape, for which v2 prints nothing.
std::optional<python::PyValue> OutputSkeleton(const api::wire::Operation& op);

// get_shape_doc_overview: the first sentence (up to '.' or ':') of `documentation`, markup
// removed, line breaks as spaces, with a final '.'; "" for no documentation.
std::string DocOverview(const std::string& documentation);

}  // namespace iotjobs::cli::args
