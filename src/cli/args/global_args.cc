#include "cli/args/global_args.h"

#include <cctype>

#include "cli/args/argparse.h"
#include "cli/python/text.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

ArgSpec Option(const char* option, const char* dest) {
  ArgSpec spec;
  spec.option = option;
  spec.dest = dest;
  return spec;
}

ArgSpec Flag(const char* option, const char* dest, bool value) {
  ArgSpec spec = Option(option, dest);
  spec.nargs = Nargs::kZero;
  spec.constant = PyValue::Bool(value);
  spec.default_value = PyValue::Bool(!value);
  return spec;
}

std::optional<std::string> Text(const ParsedArgs& p, const std::string& dest) {
  const PyValue& v = p.Get(dest);
  if (v.kind == PyValue::Kind::kNone) return std::nullopt;
  return v.text;
}

// create_clidriver's first pass, which only looks for --profile and --debug but, being a plain
// argparse parser, also has -h/--help and rejects a --profile without a value.
Result<bool> FirstPass(const std::vector<std::string>& argv) {
  ArgParser parser("aws", "aws [-h] [--profile PROFILE] [--debug]");
  ArgSpec help = Flag("-h", "help", true);
  help.more_options = {"--help"};
  help.stops = true;
  parser.Add(help);
  parser.Add(Option("--profile", "profile"));
  parser.Add(Flag("--debug", "debug", true));
  auto parsed = parser.ParseKnownArgs(argv);
  if (!parsed.ok()) return parsed.status();
  return parsed->stopped_by == "help";
}

}  // namespace

const char kFirstPassHelp[] =
    "usage: aws [-h] [--profile PROFILE] [--debug]\n"
    "\n"
    "options:\n"
    "  -h, --help         show this help message and exit\n"
    "  --profile PROFILE\n"
    "  --debug\n";

Result<GlobalArgs> ParseGlobalArgs(const std::vector<std::string>& argv,
                                   const std::vector<std::string>& commands) {
  IOTJOBS_ASSIGN_OR_RETURN(bool help, FirstPass(argv));
  if (help) {
    GlobalArgs g;
    g.first_pass_help = true;
    return g;
  }
  // The argument table of data/cli.json in its order, then --version and the command.
  ArgParser parser("aws", kCliUsage);
  parser.Add(Flag("--debug", "debug", true));
  parser.Add(Option("--endpoint-url", "endpoint_url"));
  parser.Add(Flag("--no-verify-ssl", "verify_ssl", false));
  parser.Add(Flag("--no-paginate", "paginate", false));
  ArgSpec output = Option("--output", "output");
  output.choices = {"json", "text", "table", "yaml", "yaml-stream"};
  parser.Add(output);
  parser.Add(Option("--query", "query"));
  parser.Add(Option("--profile", "profile"));
  parser.Add(Option("--region", "region"));
  ArgSpec color = Option("--color", "color");
  color.choices = {"on", "off", "auto"};
  color.default_value = PyValue::Str("auto");
  parser.Add(color);
  parser.Add(Flag("--no-sign-request", "sign_request", false));
  parser.Add(Option("--ca-bundle", "ca_bundle"));
  parser.Add(Option("--cli-read-timeout", "read_timeout"));
  parser.Add(Option("--cli-connect-timeout", "connect_timeout"));
  ArgSpec binary = Option("--cli-binary-format", "cli_binary_format");
  binary.choices = {"base64", "raw-in-base64-out"};
  parser.Add(binary);
  parser.Add(Flag("--no-cli-pager", "no_cli_pager", true));
  parser.Add(Flag("--cli-auto-prompt", "cli_auto_prompt", true));
  parser.Add(Flag("--no-cli-auto-prompt", "no_cli_auto_prompt", true));
  ArgSpec version = Flag("--version", "version", true);
  version.stops = true;
  parser.Add(version);
  ArgSpec command;
  command.dest = "command";
  command.choices = commands;
  command.required = true;
  parser.Add(command);

  IOTJOBS_ASSIGN_OR_RETURN(ParsedArgs p, parser.ParseKnownArgs(argv));
  GlobalArgs g;
  if (p.stopped_by == "version") {
    g.version = true;
    return g;
  }
  g.command = p.Get("command").text;
  g.remaining = std::move(p.extras);
  g.debug = p.Get("debug").boolean;
  g.endpoint_url = Text(p, "endpoint_url");
  g.verify_ssl = p.Get("verify_ssl").boolean;
  g.paginate = p.Get("paginate").boolean;
  g.output = Text(p, "output");
  g.query = Text(p, "query");
  g.profile = Text(p, "profile");
  g.region = Text(p, "region");
  g.color = p.Get("color").text;
  g.sign_request = p.Get("sign_request").boolean;
  g.ca_bundle = Text(p, "ca_bundle");
  g.cli_read_timeout = Text(p, "read_timeout");
  g.cli_connect_timeout = Text(p, "connect_timeout");
  g.cli_binary_format = Text(p, "cli_binary_format");
  g.no_cli_pager = p.Get("no_cli_pager").boolean;
  g.cli_auto_prompt = p.Get("cli_auto_prompt").boolean;
  g.no_cli_auto_prompt = p.Get("no_cli_auto_prompt").boolean;
  return g;
}

Status CheckGlobalArgs(const GlobalArgs& args) {
  if (args.endpoint_url) {
    // urllib.parse.urlparse(url).scheme: leading controls and spaces and any tab or newline
    // dropped, then a letter, letters, digits or "+-." up to a ':'.
    std::string url;
    for (char c : *args.endpoint_url) {
      if (c != '\t' && c != '\r' && c != '\n') url += c;
    }
    url.erase(0, url.find_first_not_of(std::string("\0", 1) +
                                       "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                       "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                       "\x1c\x1d\x1e\x1f "));
    size_t colon = url.find(':');
    bool scheme =
        colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0]));
    for (size_t i = 0; scheme && i < colon; ++i) {
      unsigned char c = static_cast<unsigned char>(url[i]);
      scheme = std::isalnum(c) || c == '+' || c == '-' || c == '.';
    }
    if (!scheme) {
      return InvalidRequest("\nBad value for --endpoint-url \"" + *args.endpoint_url +
                            "\": scheme is missing.  Must be of the form http://<hostname>/ or "
                            "https://<hostname>/\n");
    }
  }
  for (const auto& timeout : {args.cli_read_timeout, args.cli_connect_timeout}) {
    if (timeout && !python::PyIntParse(*timeout))
      return Internal("\n" + python::PyIntError(*timeout) + "\n");
  }
  return Status::Ok();
}

Result<ServiceArgs> ParseServiceArgs(const std::vector<std::string>& words,
                                     const std::vector<std::string>& operations) {
  ArgParser parser("aws", kCliUsage);
  ArgSpec operation;
  operation.dest = "operation";
  operation.choices = operations;
  operation.choices.push_back("help");
  operation.required = true;
  parser.Add(operation);
  IOTJOBS_ASSIGN_OR_RETURN(ParsedArgs p, parser.ParseKnownArgs(words));
  return ServiceArgs{p.Get("operation").text, std::move(p.extras)};
}

}  // namespace iotjobs::cli::args
