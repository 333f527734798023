#include "cli/help.h"

#include <sstream>

#include "cli/args/option_table.h"
#include "cli/names.h"

namespace iotjobs::cli {
namespace {
using api::wire::Member;
using api::wire::Operation;
using api::wire::ServiceModel;
using api::wire::Shape;
using api::wire::ShapeType;

constexpr int kWidth = 80;

// Word-wraps `text` (paragraphs separated by blank lines) at kWidth with `indent` spaces.
std::string Wrap(const std::string& text, int indent) {
  std::ostringstream out;
  std::string pad(indent, ' ');
  std::istringstream paragraphs(text);
  std::string line;
  std::string current = pad;
  auto flush = [&] {
    if (current.size() > pad.size()) out << current << "\n";
    current = pad;
  };
  while (std::getline(paragraphs, line)) {
    if (line.empty()) {
      flush();
      out << "\n";
      continue;
    }
    std::istringstream words(line);
    std::string word;
    bool bullet = line.rfind("- ", 0) == 0;
    if (bullet) flush();
    while (words >> word) {
      if (current.size() > pad.size() && current.size() + 1 + word.size() > kWidth) flush();
      if (current.size() > pad.size()) current += ' ';
      current += word;
    }
    if (bullet) flush();
  }
  flush();
  std::string s = out.str();
  while (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
  return s;
}

std::string FirstParagraph(const std::string& doc) {
  size_t end = doc.find("\n\n");
  return doc.substr(0, end);
}

// The shorthand an AWS CLI user would type for a structure, e.g.
// "inProgressTimeoutInMinutes=long" or "Key=string,Value=string".
std::string ShorthandHint(const Shape& shape) {
  std::string out;
  for (const Member& m : shape.members) {
    if (!out.empty()) out += ',';
    out += m.name + "=" + args::ShapeTypeName(m.shape->type);
  }
  return out;
}

void DescribeMembers(std::ostringstream& out, const Shape& shape, int indent, int depth) {
  for (const Member& m : shape.members) {
    out << std::string(indent, ' ') << m.name << " -> (" << args::ShapeTypeName(m.shape->type)
        << ")\n";
    if (!m.documentation.empty()) out << Wrap(FirstParagraph(m.documentation), indent + 4) << "\n";
    const Shape* nested = m.shape->type == ShapeType::kList ? m.shape->member : m.shape;
    if (depth < 3 && nested->type == ShapeType::kStructure) {
      DescribeMembers(out, *nested, indent + 4, depth + 1);
    }
  }
}

}  // namespace

std::string VersionLine() {
  return "iotjobs/0.1.0 (AWS CLI v2 compatible; iot " + api::wire::ControlPlaneModel().api_version +
         ", iot-jobs-data " + api::wire::DevicePlaneModel().api_version + ")";
}

std::string TopHelp() {
  std::ostringstream out;
  out << "iotjobs: the AWS IoT Jobs command line, a drop-in for `aws iot` and\n"
         "`aws iot-jobs-data` that starts in milliseconds. It talks to iotjobsd or to any\n"
         "endpoint that speaks the same API, signing requests with SigV4.\n\n"
         "Usage:\n"
         "  iotjobs [global options] <service> <command> [options]\n"
         "  iotjobs <service> help\n"
         "  iotjobs <service> <command> help\n\n"
         "Services:\n"
         "  iot             the control plane: things, thing groups, jobs, job executions ("
      << api::wire::ControlPlaneModel().operations.size()
      << " commands)\n"
         "  iot-jobs-data   the device plane: what a device calls to run its jobs ("
      << api::wire::DevicePlaneModel().operations.size()
      << " commands)\n\n"
         "Global options (anywhere on the command line):\n"
         "  --endpoint-url URL        the server, e.g. http://127.0.0.1:4580\n"
         "  --region REGION           the region to sign for and address\n"
         "  --profile NAME            a profile of ~/.aws/config and ~/.aws/credentials\n"
         "  --output FORMAT           json (default), yaml, yaml-stream, text or table\n"
         "  --query JMESPATH          keep only what the JMESPath expression selects\n"
         "  --no-paginate             one page of a list command instead of all of them\n"
         "  --no-sign-request         send requests unsigned\n"
         "  --color on|off|auto       colour in table output\n"
         "  --cli-connect-timeout S   seconds to connect (0: no limit; default 60)\n"
         "  --cli-read-timeout S      seconds to wait for an answer (0: no limit; default 60)\n"
         "  --ca-bundle FILE          CA certificates for https endpoints\n"
         "  --no-verify-ssl           do not check the server's certificate\n"
         "  --debug                   log every request and answer to stderr\n"
         "  --version                 print the version\n\n"
         "Configuration, as the AWS CLI reads it: ~/.aws/config and ~/.aws/credentials\n"
         "(profiles, region, endpoint_url), and AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,\n"
         "AWS_SESSION_TOKEN, AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL,\n"
         "AWS_ENDPOINT_URL_IOT, AWS_ENDPOINT_URL_IOT_JOBS_DATA(_PLANE), AWS_CONFIG_FILE,\n"
         "AWS_SHARED_CREDENTIALS_FILE, AWS_MAX_ATTEMPTS, AWS_DEFAULT_OUTPUT.\n\n"
         "Exit codes: 0 success; 252 a command-line or parameter error; 253 a configuration\n"
         "error (no region, no credentials); 254 the service answered with an error; 255\n"
         "anything else (the endpoint cannot be reached); 130 interrupted.\n";
  return out.str();
}

std::string ServiceHelp(const ServiceModel& service) {
  std::ostringstream out;
  out << service.service_name << "\n\n" << Wrap(FirstParagraph(service.documentation), 2) << "\n\n"
      << "Usage: iotjobs " << service.service_name << " <command> [options]\n\n"
      << "Commands:\n";
  for (const Operation& op : service.operations) {
    std::string name = CliName(op.name);
    out << "  " << name << std::string(name.size() < 32 ? 32 - name.size() : 1, ' ');
    std::string summary = FirstParagraph(op.documentation);
    size_t stop = summary.find(". ");
    if (stop != std::string::npos) summary = summary.substr(0, stop + 1);
    if (summary.size() > 46) summary = summary.substr(0, 43) + "...";
    out << summary << "\n";
  }
  out << "\nSee `iotjobs " << service.service_name << " <command> help` for a command's options.\n";
  return out.str();
}

std::string OperationHelp(const ServiceModel& service, const Operation& op) {
  std::ostringstream out;
  std::string command = CliName(op.name);
  out << "NAME\n  " << command << "\n\nDESCRIPTION\n" << Wrap(op.documentation, 2) << "\n\n";
  std::vector<args::CliOption> options = args::OperationOptions(op);
  out << "SYNOPSIS\n  " << command << "\n";
  for (const auto& o : options) {
    if (o.hidden || o.role == args::OptionRole::kNegation) continue;
    std::string text = "--" + o.name;
    if (o.role == args::OptionRole::kMember && o.member->shape->type == ShapeType::kBoolean) {
      text += " | --no-" + o.name;
    } else {
      text += " <value>";
    }
    out << "    " << (o.required ? text : "[" + text + "]") << "\n";
  }
  out << "\nOPTIONS\n";
  for (const auto& o : options) {
    if (o.hidden || o.role == args::OptionRole::kNegation) continue;
    out << "  --" << o.name;
    if (o.role == args::OptionRole::kMember && o.member->shape->type == ShapeType::kBoolean) {
      out << " | --no-" << o.name;
    }
    out << " (" << o.type_name << ")" << (o.required ? " [required]" : "") << "\n";
    std::string doc;
    switch (o.role) {
      case args::OptionRole::kMember: doc = o.member->documentation; break;
      case args::OptionRole::kCliInputJson:
        doc = "Reads arguments from the JSON string provided, or from a file with file://path. "
              "Arguments given on the command line override the document's.";
        break;
      case args::OptionRole::kCliInputYaml:
        doc = "Reads arguments from the YAML string provided, or from a file with file://path.";
        break;
      case args::OptionRole::kGenerateCliSkeleton:
        doc = "Prints a skeleton of the input (input, the default, or yaml-input) or of the "
              "output (output) and sends nothing.";
        break;
      case args::OptionRole::kStartingToken:
        doc = "A token to start paginating from: the NextToken of a previously truncated output.";
        break;
      case args::OptionRole::kPageSize:
        doc = "The number of items of each service call; it does not change the output.";
        break;
      case args::OptionRole::kMaxItems:
        doc = "The total number of items to output. When more exist, NextToken is printed.";
        break;
      case args::OptionRole::kNegation: break;
    }
    if (!doc.empty()) out << Wrap(doc, 6) << "\n";
    if (o.role == args::OptionRole::kMember && o.member->shape->type == ShapeType::kStructure) {
      out << "      Shorthand syntax:\n        " << ShorthandHint(*o.member->shape)
          << "\n      JSON syntax: {...} as in the API reference.\n";
    }
    out << "\n";
  }
  out << "GLOBAL OPTIONS\n  See `iotjobs help`.\n\nOUTPUT\n";
  if (!op.output || op.output->members.empty()) {
    out << "  None\n";
  } else {
    DescribeMembers(out, *op.output, 2, 0);
  }
  (void)service;
  return out.str();
}

}  // namespace iotjobs::cli
