#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

// Everything between a response and the bytes the CLI prints, as AWS CLI v2 does it
// (awscli/formatter.py and friends):
//
//   json::value shaped = ShapeResponse(raw_body, operation.output);     // response.h
//   json::value result = query ? query->Search(shaped) : shaped;        // cli/jmespath
//   Rendered out = Render(result, Format::kTable, {.command_name = "DescribeJob"});
//   stdout << out.text;
//   if (!out.status.ok()) { stderr << "\n" << out.status.message() << "\n"; exit 255; }
//
// One file per format does the work (json_format.h, yaml_format.h, text_format.h,
// table_format.h); this is the dispatch and the CLI's rules around them.
namespace iotjobs::cli::output {

enum class Format { kJson, kYaml, kYamlStream, kText, kTable };

// The --output value ("json", "yaml", "yaml-stream", "text", "table"); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

struct RenderOptions {
  // The table's title: the operation's name as the CLI passes it ("DescribeJobExecution").
  std::string command_name;
  // Table colours: --color on, or --color auto when stdout is a terminal. The other formats
  // have none.
  bool color = false;
  // With colour, whether the bytes go straight to stdout rather than to a pager: colorama
  // then wraps stdout with autoreset and appends "\x1b[0m" to every write(), which shows in
  // the bytes (the CLI pipes a terminal's output through `less` unless its pager is set to "").
  bool colorama_autoreset = true;
  // Columns of the terminal (TIOCGWINSZ on stdout, 80 when that fails); a table wider than
  // this has its one-row sections turned vertical.
  int terminal_width = 80;
};

// What the CLI prints for one value.
struct Rendered {
  std::string text;  // stdout
  // Not ok where AWS CLI v2 crashes on this value (the table and text formatters do on some
  // --query results, e.g. a list of lists of different lengths as a table): the message is
  // Python's str(exception), which the CLI prints to stderr after a newline, exiting 255.
  // `text` then holds what the CLI had written to stdout before the crash.
  Status status;
};

// The bytes AWS CLI v2 prints for `value` (a shaped response or a --query result, any JSON).
// Empty when ShouldPrint is false. Thread-safe.
Rendered Render(const boost::json::value& value, Format format, const RenderOptions& options);

// Whether the CLI writes anything at all for `value` in `format`: json, yaml and yaml-stream
// skip an empty object (the response of an operation without output, or a query giving {}),
// but print [], null, "" and 0; table prints nothing for a falsy value (null, false, 0, 0.0,
// "", [], {}); text has no such rule (format_text itself prints nothing for {} or []).
bool ShouldPrint(const boost::json::value& value, Format format);

}  // namespace iotjobs::cli::output
