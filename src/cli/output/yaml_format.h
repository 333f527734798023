#pragma once

#include <boost/json/fwd.hpp>
#include <string>

// `--output yaml` and `yaml-stream`: what AWS CLI v2's YAMLDumper writes (awscli/formatter.py):
// ruamel.yaml's safe dumper with default_flow_style=False over the C emitter (yaml_emitter.h).
namespace iotjobs::cli::output {

// YAMLDumper.dump(value). A scalar (null, bool, number, string) is written as one line of
// JSON ("\"text\"\n", "null\n") rather than as a YAML document. A list or dict becomes a
// block-style document: mapping keys SORTED (ruamel sorts plain dicts), nested lists not
// indented under their key, empty collections as "[]" and "{}", strings quoted only where the
// 1.2 resolver or libyaml's scalar analysis requires (single quotes unless the text has
// characters only double quotes can escape: tabs, CR, C1 controls, characters past U+FFFF,
// a space next to a line break...), long scalars folded past column 80, keys over 128 bytes
// or with line breaks in the "? key" form. Floats print as Python's repr().
// For `yaml-stream` the CLI dumps each response (each page when paginating) wrapped in a
// one-element list: FormatYaml(boost::json::array{page}).
// Differences from the CLI: Python objects reached twice (the same dict in two places of a
// --query result such as `[@, @]`) get anchors and aliases (&id001 / *id001) there; JSON values
// carry no identity, so they are written out twice here.
std::string FormatYaml(const boost::json::value& value);

}  // namespace iotjobs::cli::output
