#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/python/value.h"
#include "common/result.h"

// Python's argparse.ArgumentParser.parse_known_args() as the AWS CLI's parsers (CLIArgParser,
// Python 3.11) use it: options matched by unique prefix ("--job" for "--job-id"), "--opt=value",
// values that look like options ("-x") refused unless they hold a space or look like negative
// numbers, '--' ending the options, positionals filled greedily between options, and every
// error worded and laid out as the CLI prints it. The operation parser (command_parser.h) is
// built on it; the caller can build the CLI's main parser (global options and the service
// word) on it the same way.
namespace iotjobs::cli::args {

enum class Nargs {
  kOne,         // nargs=None: exactly one value
  kOptional,    // '?': zero or one; bare option gives `constant`
  kZeroOrMore,  // '*': a list
  kOneOrMore,   // '+': a list
  kZero,        // store_true / store_false / store_const: stores `constant`
};

enum class ArgType { kStr, kInt, kFloat };

// One add_argument() call.
struct ArgSpec {
  std::string option;                     // "--job-id"; empty for a positional
  std::vector<std::string> more_options;  // further spellings: "-h" has "--help"
  std::string dest;  // namespace key: "job_id"; a positional's name ("help", "command")
  Nargs nargs = Nargs::kOne;
  ArgType type = ArgType::kStr;
  python::PyValue constant;          // for kZero, and for kOptional given without a value
  python::PyValue default_value;     // None unless set
  std::vector<std::string> choices;  // refused values get the CLI's "Invalid choice" message
  bool required = false;
  bool stops = false;  // action='version': parsing ends where it is met (argparse exits)
};

struct ParsedArgs {
  std::map<std::string, python::PyValue> values;  // every dest, its default when not given
  std::vector<std::string> extras;                // unrecognised words, in argparse's order
  std::string stopped_by;                         // the dest of a `stops` argument that was met

  // The value at `dest` (None when absent).
  const python::PyValue& Get(const std::string& dest) const;
};

// "usage: ..." block of the CLI's parsers (awscli/argparser.py USAGE), shared by all of them.
extern const char kCliUsage[];

class ArgParser {
 public:
  // `prog` is the program name argparse prints before "error:" (the CLI uses "aws"), `usage`
  // the text after "usage: ".
  ArgParser(std::string prog, std::string usage);

  // Adds an argument; order matters as it does in argparse (matching, defaults, messages).
  void Add(ArgSpec spec);

  // Failure: kInvalidRequest whose message is the whole text the CLI writes to stderr for a
  // parser error (leading blank line, usage block, "aws: error: ...", trailing blank line).
  Result<ParsedArgs> ParseKnownArgs(const std::vector<std::string>& args) const;

  // That stderr text for parser.error(message).
  std::string ErrorText(std::string_view message) const;

 private:
  struct OptionMatch;
  Result<std::vector<std::pair<size_t, OptionMatch>>> Classify(const std::vector<std::string>& args,
                                                               std::string& pattern) const;
  Result<python::PyValue> Values(const ArgSpec& spec, std::vector<std::string> strings) const;
  Result<python::PyValue> Convert(const ArgSpec& spec, const std::string& text) const;
  Status CheckChoice(const ArgSpec& spec, const python::PyValue& value) const;
  Status ArgumentError(const ArgSpec& spec, const std::string& message) const;

  std::string prog_;
  std::string usage_;
  std::vector<ArgSpec> specs_;
};

}  // namespace iotjobs::cli::args
