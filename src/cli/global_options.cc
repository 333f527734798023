#include "cli/global_options.h"

#include <algorithm>
#include <charconv>

namespace iotjobs::cli {
namespace {

// argparse's "Invalid choice" listing: two columns of 40, separated by " | ".
std::string ChoiceList(const std::vector<std::string>& choices) {
  std::string out = "Invalid choice, valid choices are:\n\n";
  for (size_t i = 0; i < choices.size(); i += 2) {
    std::string left = choices[i];
    left.resize(std::max<size_t>(left.size(), 40), ' ');
    if (i + 1 < choices.size()) {
      std::string right = choices[i + 1];
      right.resize(std::max<size_t>(right.size(), 40), ' ');
      out += left + " | " + right + "\n";
    } else {
      out += left + "\n";
    }
  }
  return out;
}

}  // namespace

std::string UsageText(const std::string& program) {
  return "\nusage: " + program +
         " [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
         "To see help text, you can run:\n\n  " +
         program + " help\n  " + program + " <command> help\n  " + program +
         " <command> <subcommand> help\n\n";
}

Result<GlobalOptions> ExtractGlobalOptions(std::vector<std::string>& words) {
  GlobalOptions g;
  std::vector<std::string> rest;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    std::optional<std::string> inline_value;
    if (word.rfind("--", 0) == 0) {
      if (size_t eq = word.find('='); eq != std::string::npos) {
        inline_value = word.substr(eq + 1);
        word = word.substr(0, eq);
      }
    }
    auto value = [&]() -> Result<std::string> {
      if (inline_value) return *inline_value;
      if (i + 1 >= words.size()) return InvalidRequest("argument " + word + ": expected one argument");
      return words[++i];
    };
    auto seconds = [&](std::optional<int>& out) -> Status {
      IOTJOBS_ASSIGN_OR_RETURN(std::string v, value());
      int n = 0;
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || ptr != v.data() + v.size() || n < 0) {
        return InvalidRequest("argument " + word + ": invalid int value: '" + v + "'");
      }
      out = n;
      return Status::Ok();
    };
    if (word == "--debug") {
      g.debug = true;
    } else if (word == "--endpoint-url") {
      IOTJOBS_ASSIGN_OR_RETURN(g.endpoint_url, value());
    } else if (word == "--no-verify-ssl") {
      g.verify_ssl = false;
    } else if (word == "--no-paginate") {
      g.paginate = false;
    } else if (word == "--output") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string v, value());
      static const std::vector<std::string> kChoices = {"json", "text", "table", "yaml",
                                                        "yaml-stream"};
      if (std::find(kChoices.begin(), kChoices.end(), v) == kChoices.end()) {
        return InvalidRequest("argument --output: " + ChoiceList(kChoices));
      }
      g.output = v;
    } else if (word == "--query") {
      IOTJOBS_ASSIGN_OR_RETURN(g.query, value());
    } else if (word == "--profile") {
      IOTJOBS_ASSIGN_OR_RETURN(g.profile, value());
    } else if (word == "--region") {
      IOTJOBS_ASSIGN_OR_RETURN(g.region, value());
    } else if (word == "--version") {
      g.version = true;
    } else if (word == "--color") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string v, value());
      if (v != "on" && v != "off" && v != "auto") {
        return InvalidRequest("argument --color: " + ChoiceList({"on", "off", "auto"}));
      }
      g.color = v;
    } else if (word == "--no-sign-request") {
      g.sign_request = false;
    } else if (word == "--ca-bundle") {
      IOTJOBS_ASSIGN_OR_RETURN(g.ca_bundle, value());
    } else if (word == "--cli-read-timeout") {
      IOTJOBS_RETURN_IF_ERROR(seconds(g.read_timeout));
    } else if (word == "--cli-connect-timeout") {
      IOTJOBS_RETURN_IF_ERROR(seconds(g.connect_timeout));
    } else if (word == "--cli-binary-format") {
      IOTJOBS_ASSIGN_OR_RETURN(std::string v, value());
      if (v != "base64" && v != "raw-in-base64-out") {
        return InvalidRequest("argument --cli-binary-format: " +
                              ChoiceList({"base64", "raw-in-base64-out"}));
      }
      g.cli_binary_format = v;
    } else if (word == "--no-cli-pager" || word == "--cli-auto-prompt" ||
               word == "--no-cli-auto-prompt") {
      // Accepted for compatibility: iotjobs never pages output and never prompts.
    } else {
      rest.push_back(words[i]);
    }
  }
  words = std::move(rest);
  return g;
}

}  // namespace iotjobs::cli
