#include "cli/args/command_parser.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cassert>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "cli/args/argparse.h"
#include "cli/args/cli_input.h"
#include "cli/args/error_messages.h"
#include "cli/args/option_table.h"
#include "cli/args/skeleton.h"
#include "cli/args/unpack.h"
#include "cli/args/validate.h"
#include "cli/names.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

const std::vector<std::string> kSkeletonChoices = {"input", "output", "yaml-input"};

bool Contains(const std::vector<std::string>& args, const std::string& word) {
  return std::find(args.begin(), args.end(), word) != args.end();
}

// The argparse argument each option adds (arguments.py add_to_parser, PageArgument,
// GenerateCliSkeletonArgument). `relaxed`: OverrideRequiredArgsArgument dropped the requirements.
ArgSpec SpecFor(const CliOption& opt, bool relaxed) {
  ArgSpec spec;
  spec.option = "--" + opt.name;
  spec.dest = opt.dest();
  switch (opt.role) {
    case OptionRole::kMember:
      switch (opt.member->shape->type) {
        case wire::ShapeType::kBoolean:
          spec.nargs = Nargs::kZero;
          spec.constant = PyValue::Bool(true);
          return spec;  // BooleanArgument never passes `required` to argparse
        case wire::ShapeType::kList:
          spec.nargs = Nargs::kZeroOrMore;
          break;
        case wire::ShapeType::kLong:
          spec.type = ArgType::kInt;
          break;  // integer stays str
        case wire::ShapeType::kFloat:
        case wire::ShapeType::kDouble:
          spec.type = ArgType::kFloat;
          break;
        default:
          break;
      }
      spec.required = opt.required && !relaxed;
      return spec;
    case OptionRole::kNegation:
      spec.nargs = Nargs::kZero;
      spec.constant = PyValue::Bool(false);
      return spec;
    case OptionRole::kPageSize:
    case OptionRole::kMaxItems:
      if (opt.type_name != "string") spec.type = ArgType::kInt;
      return spec;
    case OptionRole::kGenerateCliSkeleton:
      spec.nargs = Nargs::kOptional;
      spec.constant = PyValue::Str("input");
      spec.choices = kSkeletonChoices;
      return spec;
    default:
      return spec;
  }
}

int64_t Saturate(const PyValue& v) {
  errno = 0;
  long long i = std::strtoll(v.text.c_str(), nullptr, 10);
  return errno == ERANGE ? (v.text[0] == '-' ? LLONG_MIN : LLONG_MAX) : i;
}

// The request the client validates: the paginator's first page when paging (PaginationConfig
// taken out, the page size as the limit key), else the parameters as they are.
PyValue FirstRequest(const wire::Operation& op, const PyValue& params, bool paging) {
  if (!paging) return params;
  PyValue request = PyValue::Dict();
  const PyValue* config = nullptr;
  for (const auto& [k, v] : params.entries) {
    if (k.is_str() && k.text == "PaginationConfig") {
      config = &v;
    } else {
      request.entries.emplace_back(k, v);
    }
  }
  const PyValue* page_size = config && config->is_dict() ? config->Find("PageSize") : nullptr;
  if (page_size && page_size->kind != PyValue::Kind::kNone && !op.paginator->limit_key.empty()) {
    request.Set(op.paginator->limit_key, *page_size);
  }
  return request;
}

// CLIOperationCaller with PaginationConfig left out; the caller does not need it.
boost::json::object InputJson(const PyValue& params) {
  boost::json::object out;
  for (const auto& [k, v] : params.entries) {
    if (k.is_str() && k.text == "PaginationConfig") continue;
    out[python::PyStr(k)] = python::ToJson(v);
  }
  return out;
}

// The error handlers' framing of an exception's text: "\n%s\n".
Status Framed(const Status& status) {
  return Status(status.code(), "\n" + status.message() + "\n");
}

}  // namespace

int ExitCodeFor(const Status& status) {
  return status.code() == ErrorCode::kInvalidRequest ? 252 : 255;
}

Result<ParsedCommand> ParseCommand(const wire::Operation& op, const wire::ServiceModel& model,
                                   const std::vector<std::string>& args,
                                   const ParseOptions& options) {
  assert(model.FindOperation(op.name) != nullptr);
  (void)model;
  ParsedCommand out;
  // ArgTableArgParser.parse_known_args: a lone "help" is help whatever is required.
  if (args.size() == 1 && args[0] == "help") {
    out.help = true;
    return out;
  }

  // OverrideRequiredArgsArgument: the exact words, before parsing, decide.
  bool relaxed = Contains(args, "--cli-input-json") || Contains(args, "--cli-input-yaml");
  if (auto it = std::find(args.begin(), args.end(), "--generate-cli-skeleton"); it != args.end()) {
    relaxed = relaxed || !(it + 1 != args.end() && *(it + 1) == "output");
  }
  std::vector<CliOption> table = OperationOptions(op);
  ArgParser parser(options.prog, kCliUsage);
  for (const auto& opt : table) parser.Add(SpecFor(opt, relaxed));
  ArgSpec help_spec;
  help_spec.dest = "help";
  help_spec.nargs = Nargs::kOptional;
  parser.Add(help_spec);
  IOTJOBS_ASSIGN_OR_RETURN(ParsedArgs parsed, parser.ParseKnownArgs(args));

  const PyValue& help = parsed.Get("help");
  if (help.is_str() && help.text == "help") {
    out.help = true;
    return out;
  }
  if (help.Truthy()) parsed.extras.push_back(python::PyStr(help));
  if (!parsed.extras.empty()) {
    std::string words;
    for (const auto& w : parsed.extras) words += (words.empty() ? "" : ", ") + w;
    return InvalidRequest(std::string("\nusage: ") + kCliUsage + "\n" + kUnknownOptions + words +
                          "\n\n");
  }

  // customizations/paginate.py check_should_enable_pagination.
  bool paginate = options.paginate;
  if (op.paginator) {
    for (const std::string& token : {op.paginator->input_token, op.paginator->limit_key}) {
      if (token.empty()) continue;
      std::string dest = CliName(token);
      std::replace(dest.begin(), dest.end(), '-', '_');
      if (parsed.Get(dest).kind != PyValue::Kind::kNone) paginate = false;
    }
    if (!paginate) {
      std::string used;
      for (const char* p : {"starting-token", "page-size", "max-items"}) {
        std::string dest = p;
        std::replace(dest.begin(), dest.end(), '-', '_');
        if (parsed.Get(dest).Truthy()) used += (used.empty() ? "--" : ", --") + std::string(p);
      }
      if (!used.empty()) {
        return InvalidRequest(std::string("\n") + kNoPaginateWithPagingArgs + used + "\n");
      }
    }
  }

  // ServiceOperation._build_call_parameters: every option in table order.
  PyValue params = PyValue::Dict();
  PyValue paging = PyValue::Dict();
  for (const auto& opt : table) {
    if (opt.role == OptionRole::kNegation) continue;  // shares the positive option's dest
    std::string cli_name = "--" + opt.name;
    auto loaded = LoadOptionFile(cli_name, parsed.Get(opt.dest()));
    if (!loaded.ok()) return Framed(loaded.status());
    PyValue value = std::move(loaded).value();
    if (value.kind == PyValue::Kind::kNone) continue;
    switch (opt.role) {
      case OptionRole::kMember: {
        auto unpacked = UnpackMemberValue(opt, std::move(value));
        if (!unpacked.ok()) return Framed(unpacked.status());
        params.Set(opt.member->name, std::move(unpacked).value());
        break;
      }
      case OptionRole::kStartingToken:
      case OptionRole::kPageSize:
      case OptionRole::kMaxItems: {
        const char* key = opt.role == OptionRole::kStartingToken ? "StartingToken"
                          : opt.role == OptionRole::kPageSize    ? "PageSize"
                                                                 : "MaxItems";
        paging.Set(key, std::move(value));
        params.Set("PaginationConfig", paging);
        break;
      }
      default:
        break;
    }
  }

  // calling-command handlers, in v2's order: --cli-input-json, --cli-input-yaml, the
  // pagination check on the merged parameters, --generate-cli-skeleton.
  const PyValue& json_input = parsed.Get("cli_input_json");
  const PyValue& yaml_input = parsed.Get("cli_input_yaml");
  for (const auto& [value, format] : {std::pair{&json_input, CliInputFormat::kJson},
                                      std::pair{&yaml_input, CliInputFormat::kYaml}}) {
    if (value->kind == PyValue::Kind::kNone) continue;
    if (json_input.kind != PyValue::Kind::kNone && yaml_input.kind != PyValue::Kind::kNone) {
      return InvalidRequest(std::string("\n") + kOnlyOneCliInput + "\n");
    }
    IOTJOBS_ASSIGN_OR_RETURN(PyValue document, LoadCliInput(*value, format));
    MergeCliInput(params, document);
  }
  if (op.paginator) {
    for (const auto& [k, v] : params.entries) {
      if (k.is_str() && (k.text == op.paginator->input_token ||
                         (!op.paginator->limit_key.empty() && k.text == op.paginator->limit_key))) {
        paginate = false;
      }
    }
  }
  bool paging_through = op.paginator.has_value() && paginate;

  const PyValue& skeleton = parsed.Get("generate_cli_skeleton");
  if (skeleton.Truthy()) {
    if (skeleton.text == "input") {
      out.skeleton = SkeletonRequest::kInput;
      out.skeleton_text = InputSkeletonJson(op);
      return out;
    }
    if (skeleton.text == "yaml-input") {
      out.skeleton = SkeletonRequest::kYamlInput;
      out.skeleton_text = InputSkeletonYaml(op);
      return out;
    }
    // output: the Stubber checks its sample response first, then the client call (direct,
    // never through the paginator) validates the parameters.
    out.skeleton = SkeletonRequest::kOutput;
    std::optional<PyValue> sample = OutputSkeleton(op);
    if (sample) {
      IOTJOBS_RETURN_IF_ERROR(ValidationStatus(ValidateParameters(*sample, *op.output)));
      out.output_skeleton = python::ToJson(*sample);
    }
    paging_through = false;
  }

  // The client method is called with **parameters: a key from --cli-input-yaml that is not a
  // string (1: x) makes Python raise before any validation.
  for (const auto& [k, v] : params.entries) {
    if (!k.is_str()) return Internal("\nkeywords must be strings\n");
  }

  IOTJOBS_RETURN_IF_ERROR(
      ValidationStatus(ValidateParameters(FirstRequest(op, params, paging_through), *op.input)));

  out.input = InputJson(params);
  out.auto_paginate = paging_through;
  if (const PyValue* token = paging.Find("StartingToken"))
    out.pagination.starting_token = python::PyStr(*token);
  if (const PyValue* size = paging.Find("PageSize")) out.pagination.page_size = Saturate(*size);
  if (const PyValue* items = paging.Find("MaxItems")) out.pagination.max_items = Saturate(*items);
  return out;
}

}  // namespace iotjobs::cli::args
