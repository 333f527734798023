#include "cli/args/cli_input.h"

#include "cli/args/param_file.h"
#include "cli/args/unpack.h"
#include "cli/python/value_json.h"
#include "cli/python/yaml_load.h"

namespace iotjobs::cli::args {

using python::PyValue;

Result<PyValue> LoadCliInput(const PyValue& value, CliInputFormat format) {
  bool yaml = format == CliInputFormat::kYaml;
  const char* name = yaml ? "cli-input-yaml" : "cli-input-json";
  std::string text = value.text;
  // CliInputArgument._get_arg_value reads file:// and fileb:// values again; the load-cli-arg
  // step has already reported a missing file, so this read succeeds.
  if (value.is_str()) {
    auto loaded = LoadParamFile(value.text);
    if (!loaded.ok()) {
      return InvalidRequest(
          "\n" + ParamErrorText(std::string("--") + name, loaded.status().message()) + "\n");
    }
    if (loaded->has_value()) {
      const PyValue& v = **loaded;
      text = v.is_bytes() ? v.raw : v.text;  // json.loads and ruamel read bytes as UTF-8
    }
  }
  std::optional<PyValue> document;
  if (yaml) {
    document = python::PyYamlLoad(text);
    if (!document) {
      return InvalidRequest("\n" + ParamErrorText(name, "Invalid YAML received.") + "\n");
    }
  } else {
    python::PyJsonResult r = python::PyJsonLoads(text, /*ordered=*/false);
    if (!r.value) {
      return InvalidRequest("\n" + ParamErrorText(name, "Invalid JSON received.") + "\n");
    }
    document = std::move(r.value);
  }
  if (!document->is_dict()) {
    return InvalidRequest(
        "\n" +
        ParamErrorText(std::string("--") + name,
                       "Invalid type: expecting map, received " + python::PyTypeName(*document)) +
        "\n");
  }
  return std::move(*document);
}

void MergeCliInput(PyValue& params, const PyValue& document) {
  for (const auto& [key, value] : document.entries) {
    bool present = false;
    for (const auto& [k, v] : params.entries) present = present || k == key;
    if (!present) params.entries.emplace_back(key, value);
  }
}

}  // namespace iotjobs::cli::args
