#include "cli/output/format.h"

#include <boost/json/value.hpp>

#include "cli/output/json_format.h"
#include "cli/output/table_format.h"
#include "cli/output/text_format.h"
#include "cli/output/yaml_format.h"
#include "cli/python/json_value.h"

namespace iotjobs::cli::output {

namespace json = boost::json;

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "json") return Format::kJson;
  if (name == "yaml") return Format::kYaml;
  if (name == "yaml-stream") return Format::kYamlStream;
  if (name == "text") return Format::kText;
  if (name == "table") return Format::kTable;
  return std::nullopt;
}

bool ShouldPrint(const json::value& value, Format format) {
  switch (format) {
    case Format::kJson:
    case Format::kYaml:
    case Format::kYamlStream:
      // JSONFormatter: `if response != {}`; YAMLFormatter and StreamedYAMLFormatter:
      // `if response == {}: return`.
      return !(value.is_object() && value.get_object().empty());
    case Format::kText:
      return true;
    case Format::kTable:
      return python::Truthy(value);  // TableFormatter._build_table: `if not current`
  }
  return true;
}

Rendered Render(const json::value& value, Format format, const RenderOptions& options) {
  if (!ShouldPrint(value, format)) return {};
  switch (format) {
    case Format::kJson:
      return {FormatJson(value), Status::Ok()};
    case Format::kYaml:
      return {FormatYaml(value), Status::Ok()};
    case Format::kYamlStream:
      return {FormatYaml(json::array{value}), Status::Ok()};
    case Format::kText:
      return FormatText(value);
    case Format::kTable:
      return FormatTable(value, options);
  }
  return {};
}

}  // namespace iotjobs::cli::output
