#include "cli/output/json_format.h"

#include "cli/python/json_dumps.h"

namespace iotjobs::cli::output {
namespace {

// json.dumps(value, indent=4, ensure_ascii=False); with an indent the separators default to
// (',', ': ').
constexpr python::JsonDumpsOptions kIndented{
    .indent = 4, .item_separator = ",", .key_separator = ": ", .ensure_ascii = false};

// json.dumps(value, ensure_ascii=False): one line, separators (', ', ': ').
constexpr python::JsonDumpsOptions kOneLine{
    .indent = -1, .item_separator = ", ", .key_separator = ": ", .ensure_ascii = false};

}  // namespace

std::string FormatJson(const boost::json::value& value) {
  return python::JsonDumps(value, kIndented) + '\n';
}

std::string FormatJsonLine(const boost::json::value& value) {
  return python::JsonDumps(value, kOneLine) + '\n';
}

}  // namespace iotjobs::cli::output
