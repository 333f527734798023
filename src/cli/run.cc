// The flow of one command, in AWS CLI v2's order: global options, --query, service and
// operation words, the operation's options, skeletons, configuration, the call (with
// pagination), and the output.
#include "cli/run.h"

#include <boost/json.hpp>
#include <optional>

#include "cli/args/command_parser.h"
#include "cli/args/global_args.h"
#include "cli/help.h"
#include "cli/invoker.h"
#include "cli/jmespath/jmespath.h"
#include "cli/names.h"
#include "cli/output/format.h"
#include "cli/output/response.h"
#include "cli/paginator.h"

namespace iotjobs::cli {
namespace json = boost::json;
using api::wire::Operation;
using api::wire::ServiceModel;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 252;
constexpr int kExitConfiguration = 253;
constexpr int kExitService = 254;
constexpr int kExitOther = 255;

const ServiceModel* ServiceNamed(const std::string& name) {
  if (name == "iot") return &api::wire::ControlPlaneModel();
  if (name == "iot-jobs-data") return &api::wire::DevicePlaneModel();
  return nullptr;
}

const Operation* OperationNamed(const ServiceModel& service, const std::string& command) {
  for (const auto& op : service.operations) {
    if (CliName(op.name) == command) return &op;
  }
  return nullptr;
}

bool WantsHelp(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (w == "--help" || w == "-h") return true;
  }
  return false;
}

// The most specific help page the words name.
std::string HelpFor(const std::vector<std::string>& words) {
  const ServiceModel* service = nullptr;
  for (const auto& w : words) {
    if (!service) {
      service = ServiceNamed(w);
      continue;
    }
    if (const Operation* op = OperationNamed(*service, w)) return OperationHelp(*service, *op);
  }
  return service ? ServiceHelp(*service) : TopHelp();
}

// Prints a value as the chosen format does; false when the formatter "crashed" (255).
bool Print(const json::value& value, output::Format format, const output::RenderOptions& options,
           const Streams& streams) {
  if (!output::ShouldPrint(value, format)) return true;
  output::Rendered r = output::Render(value, format, options);
  streams.out(r.text);
  if (!r.status.ok()) {
    streams.err("\n" + r.status.message() + "\n");
    return false;
  }
  return true;
}

// What --query makes of a value (the value itself without one).
Result<json::value> Query(const std::optional<jmespath::Expression>& query, const json::value& v) {
  if (!query) return v;
  return query->Search(v);
}

int ReportFailure(const CallOutcome& outcome, const Operation& op, const Streams& streams) {
  if (outcome.error) {
    std::string retries = outcome.max_attempts_reached
                              ? " (reached max retries: " + std::to_string(outcome.retries) + ")"
                              : "";
    streams.err("\nAn error occurred (" + outcome.error->code + ") when calling the " + op.name +
                " operation" + retries + ": " + outcome.error->message + "\n");
    return kExitService;
  }
  const net::TransportFailure& f = *outcome.failure;
  switch (f.kind) {
    case net::TransportError::kConnectTimeout:
      streams.err("\nConnect timeout on endpoint URL: \"" + outcome.url + "\"\n");
      break;
    case net::TransportError::kReadTimeout:
      streams.err("\nRead timeout on endpoint URL: \"" + outcome.url + "\"\n");
      break;
    case net::TransportError::kConnect:
      streams.err("\nCould not connect to the endpoint URL: \"" + outcome.url + "\"\n");
      break;
    case net::TransportError::kTls:
      streams.err("\nSSL validation failed for " + outcome.url + " " + f.detail + "\n");
      break;
    default:
      streams.err("\n" + f.detail + "\n");
      break;
  }
  return kExitOther;
}

}  // namespace

int Run(const std::vector<std::string>& words, const Environment& env, const Streams& streams) {
  if (words.empty() || words.front() == "help" || WantsHelp(words)) {
    if (words.empty()) {
      streams.err(TopHelp());
      return kExitUsage;
    }
    streams.out(HelpFor(words));
    return kExitOk;
  }

  // Global options, anywhere on the line, and the service word.
  Result<args::GlobalArgs> globals = args::ParseGlobalArgs(words, {"iot", "iot-jobs-data"});
  if (!globals.ok()) {
    streams.err(globals.status().message());
    return args::ExitCodeFor(globals.status());
  }
  if (globals->version) {
    streams.out(VersionLine() + "\n");
    return kExitOk;
  }
  std::optional<jmespath::Expression> query;
  if (globals->query) {
    auto compiled = jmespath::Compile(*globals->query);
    if (!compiled.ok()) {
      streams.err("\nBad value for --query " + *globals->query + ": " +
                  compiled.status().message() + "\n");
      return kExitUsage;
    }
    query = std::move(*compiled);
  }
  if (Status checked = args::CheckGlobalArgs(*globals); !checked.ok()) {
    streams.err(checked.message());
    return args::ExitCodeFor(checked);
  }
  const ServiceModel* service = ServiceNamed(globals->command);
  std::vector<std::string> operation_names;
  for (const auto& op : service->operations) operation_names.push_back(CliName(op.name));
  Result<args::ServiceArgs> service_args = args::ParseServiceArgs(globals->remaining, operation_names);
  if (!service_args.ok()) {
    streams.err(service_args.status().message());
    return args::ExitCodeFor(service_args.status());
  }
  if (service_args->operation == "help") {
    streams.out(ServiceHelp(*service));
    return kExitOk;
  }
  const Operation& op = *OperationNamed(*service, service_args->operation);

  // The operation's own options.
  Result<args::ParsedCommand> parsed =
      args::ParseCommand(op, *service, service_args->remaining, {globals->paginate, "aws"});
  if (!parsed.ok()) {
    streams.err(parsed.status().message());
    return args::ExitCodeFor(parsed.status());
  }
  if (parsed->help) {
    streams.out(OperationHelp(*service, op));
    return kExitOk;
  }
  auto format = output::ParseFormat(globals->output.value_or(""));
  output::RenderOptions render;
  render.command_name = op.name;
  render.color = globals->color == "on" || (globals->color == "auto" && streams.stdout_is_terminal);
  render.terminal_width = streams.terminal_width;

  if (parsed->skeleton == args::SkeletonRequest::kInput ||
      parsed->skeleton == args::SkeletonRequest::kYamlInput) {
    streams.out(parsed->skeleton_text);
    return kExitOk;
  }

  // Configuration: profile, region, credentials, endpoint.
  Result<Settings> settings = ResolveSettings(*globals, *service, env);
  if (!settings.ok()) {
    streams.err("\n" + settings.status().message() + "\n");
    return kExitOther;
  }
  if (!format) format = output::ParseFormat(settings->output);
  if (!format) {
    streams.err("\nUnknown output type: " + settings->output + "\n");
    return kExitOther;
  }
  if (parsed->skeleton == args::SkeletonRequest::kOutput) {
    if (!parsed->output_skeleton) return kExitOk;
    auto result = Query(query, *parsed->output_skeleton);
    if (!result.ok()) {
      streams.err("\n" + result.status().message() + "\n");
      return kExitOther;
    }
    return Print(*result, *format, render, streams) ? kExitOk : kExitOther;
  }
  if (settings->region.empty()) {
    streams.err("\nYou must specify a region. You can also configure your region by running "
                "\"aws configure\".\n");
    return kExitConfiguration;
  }
  if (globals->sign_request && !settings->credentials) {
    streams.err("\nUnable to locate credentials. You can configure credentials by running "
                "\"aws configure\".\n");
    return kExitConfiguration;
  }

  std::function<void(const std::string&)> debug;
  if (globals->debug) debug = [&streams](const std::string& line) { streams.err(line); };
  Invoker invoker(*settings, *service, globals->sign_request, debug);
  auto shape = [&op](const json::value& raw) { return output::ShapeResponse(raw, op.output); };

  if (!parsed->auto_paginate) {
    CallOutcome outcome = invoker.Call(op, parsed->input);
    if (!outcome.output) return ReportFailure(outcome, op, streams);
    auto result = Query(query, shape(*outcome.output));
    if (!result.ok()) {
      streams.err("\n" + result.status().message() + "\n");
      return kExitOther;
    }
    return Print(*result, *format, render, streams) ? kExitOk : kExitOther;
  }

  PaginationConfig config{parsed->pagination.starting_token, parsed->pagination.page_size,
                          parsed->pagination.max_items};
  Result<PaginatedResult> pages = Paginate(invoker, op, parsed->input, config, shape);
  if (!pages.ok()) {
    streams.err("\n" + pages.status().message() + "\n");
    return kExitOther;
  }
  // A failed page is reported as v2 does: what was printed stays, the error follows.
  bool failed = !pages->last.output;
  const auto& paginator = *op.paginator;
  if (*format == output::Format::kText || *format == output::Format::kYamlStream) {
    // These two print page by page, as the pages arrive (awscli/formatter.py).
    for (const json::value& page : pages->pages) {
      json::value current = page;
      if (*format == output::Format::kText) {
        json::object only_results;
        for (const auto& key : paginator.result_keys) {
          if (const json::value* v = page.as_object().if_contains(key)) only_results[key] = *v;
        }
        current = std::move(only_results);
      }
      auto result = Query(query, current);
      if (!result.ok()) {
        streams.err("\n" + result.status().message() + "\n");
        return kExitOther;
      }
      if (!Print(*result, *format, render, streams)) return kExitOther;
    }
    if (pages->next_token && *format == output::Format::kText) {
      json::object token{{"NextToken", json::object{{"NextToken", *pages->next_token}}}};
      auto result = Query(query, token);
      if (result.ok() && !Print(*result, *format, render, streams)) return kExitOther;
    }
  } else if (!failed) {
    auto result = Query(query, FullResult(paginator, *pages));
    if (!result.ok()) {
      streams.err("\n" + result.status().message() + "\n");
      return kExitOther;
    }
    if (!Print(*result, *format, render, streams)) return kExitOther;
  }
  if (failed) return ReportFailure(pages->last, op, streams);
  return kExitOk;
}

}  // namespace iotjobs::cli
