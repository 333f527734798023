#include "cli/output/yaml_format.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <cctype>
#include <cmath>
#include <vector>

#include "cli/output/json_format.h"
#include "cli/output/yaml_emitter.h"
#include "cli/python/yaml_resolver.h"
#include "cli/python/json_value.h"
#include "cli/python/repr.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

// SafeRepresenter.represent_float: repr(data).lower(), or .nan / .inf / -.inf.
std::string FloatScalar(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  std::string text = python::FloatRepr(value);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void EmitScalarText(YamlEmitter& emitter, std::string_view text) {
  // A string that would read back as another type is quoted.
  emitter.Scalar(text, python::ResolveYamlPlain(text) == python::YamlPlainTag::kStr);
}

void EmitNode(YamlEmitter& emitter, const json::value& value, bool root, bool sequence,
              bool mapping, bool simple_key) {
  emitter.BeginNode(root, sequence, mapping, simple_key);
  switch (value.kind()) {
    // Non-string scalars always read back as their own tag, so they are plain-implicit.
    case json::kind::null:
      emitter.Scalar("null", true);
      return;
    case json::kind::bool_:
      emitter.Scalar(value.get_bool() ? "true" : "false", true);
      return;
    case json::kind::int64:
    case json::kind::uint64:
      emitter.Scalar(python::Str(value), true);
      return;
    case json::kind::double_:
      emitter.Scalar(FloatScalar(value.get_double()), true);
      return;
    case json::kind::string:
      EmitScalarText(emitter, value.get_string());
      return;
    case json::kind::array: {
      const json::array& array = value.get_array();
      if (array.empty()) {
        emitter.EmptySequence();
        return;
      }
      emitter.BlockSequenceStart();
      for (const json::value& item : array) {
        emitter.BlockSequenceItem();
        EmitNode(emitter, item, false, true, false, false);
      }
      emitter.BlockSequenceEnd();
      return;
    }
    case json::kind::object: {
      const json::object& object = value.get_object();
      if (object.empty()) {
        emitter.EmptyMapping();
        return;
      }
      // BaseRepresenter.represent_mapping sorts a dict's items (sort_base_mapping_type_on_output).
      std::vector<const json::key_value_pair*> members;
      for (const json::key_value_pair& member : object) members.push_back(&member);
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
      emitter.BlockMappingStart();
      for (const json::key_value_pair* member : members) {
        const bool simple = emitter.BlockMappingKey(member->key());
        emitter.BeginNode(false, false, true, simple);
        EmitScalarText(emitter, member->key());
        emitter.BlockMappingValue(simple);
        EmitNode(emitter, member->value(), false, false, true, false);
      }
      emitter.BlockMappingEnd();
      return;
    }
  }
}

}  // namespace

std::string FormatYaml(const json::value& value) {
  if (!value.is_array() && !value.is_object()) return FormatJsonLine(value);
  std::string out;
  YamlEmitter emitter(&out);
  EmitNode(emitter, value, true, false, false, false);
  emitter.DocumentEnd();
  return out;
}

}  // namespace iotjobs::cli::output
