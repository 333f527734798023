#include "cli/args/argparse.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <unordered_map>
#include <set>

#include "cli/args/invalid_choice.h"
#include "cli/python/text.h"

namespace iotjobs::cli::args {

using python::PyValue;

const char kCliUsage[] =
    "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  aws help\n"
    "  aws <command> help\n"
    "  aws <command> <subcommand> help\n";

namespace {

const PyValue kNoneValue;

// argparse's _get_nargs_pattern; options may not take '--' ('-') as a value.
// argparse matches its nargs patterns with regular expressions; building a std::regex costs
// far more than matching one, and the same few patterns come back for every option, so each
// is compiled once per process.
const std::regex& CompiledPattern(const std::string& pattern) {
  static std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
  return it->second;
}

std::string NargsPattern(const ArgSpec& spec) {
  std::string p;
  switch (spec.nargs) {
    case Nargs::kOne:
      p = "(-*A-*)";
      break;
    case Nargs::kOptional:
      p = "(-*A?-*)";
      break;
    case Nargs::kZeroOrMore:
      p = "(-*[A-]*)";
      break;
    case Nargs::kOneOrMore:
      p = "(-*A[A-]*)";
      break;
    case Nargs::kZero:
      p = "(-*-*)";
      break;
  }
  if (!spec.option.empty()) {
    std::string q;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '-' && i + 1 < p.size() && p[i + 1] == '*') {
        ++i;
      } else if (p[i] != '-') {
        q += p[i];
      }
    }
    p = q;
  }
  return p;
}

// "-12", "-.5": argparse's _negative_number_matcher, '^-\d+$|^-\d*\.\d+$' with Python's
// Unicode \d.
bool LooksNegativeNumber(const std::string& s) {
  std::u32string u = python::DecodeSurrogateEscape(s);
  if (u.size() < 2 || u[0] != '-') return false;
  size_t i = 1;
  while (i < u.size() && python::DecimalDigit(u[i]) >= 0) ++i;
  if (i == u.size()) return true;
  if (u[i] != '.' || i + 1 == u.size()) return false;
  for (++i; i < u.size(); ++i) {
    if (python::DecimalDigit(u[i]) < 0) return false;
  }
  return true;
}

}  // namespace

const PyValue& ParsedArgs::Get(const std::string& dest) const {
  auto it = values.find(dest);
  return it == values.end() ? kNoneValue : it->second;
}

struct ArgParser::OptionMatch {
  int spec = -1;  // index into specs_, -1 for an option this parser does not know
  std::string option_string;
  std::optional<std::string> explicit_arg;
};

ArgParser::ArgParser(std::string prog, std::string usage)
    : prog_(std::move(prog)), usage_(std::move(usage)) {}

void ArgParser::Add(ArgSpec spec) { specs_.push_back(std::move(spec)); }

std::string ArgParser::ErrorText(std::string_view message) const {
  // format_usage() strips the usage to one trailing newline; CLIArgParser.error() joins it to
  // "prog: error: message\n" and the error handler frames that with newlines.
  std::string usage = usage_;
  while (!usage.empty() && usage.back() == '\n') usage.pop_back();
  return "\nusage: " + usage + "\n\n" + prog_ + ": error: " + std::string(message) + "\n\n";
}

Status ArgParser::ArgumentError(const ArgSpec& spec, const std::string& message) const {
  std::string name = spec.option.empty() ? spec.dest : spec.option;
  for (const auto& o : spec.more_options) name += "/" + o;
  return InvalidRequest(ErrorText("argument " + name + ": " + message));
}

Result<PyValue> ArgParser::Convert(const ArgSpec& spec, const std::string& text) const {
  if (spec.type == ArgType::kInt) {
    if (auto i = python::PyIntParse(text)) return PyValue::IntText(*i);
    return ArgumentError(spec, "invalid int value: " + python::PyReprString(text));
  }
  if (spec.type == ArgType::kFloat) {
    if (auto f = python::PyFloatParse(text)) return PyValue::Float(*f);
    return ArgumentError(spec, "invalid float value: " + python::PyReprString(text));
  }
  return PyValue::Str(text);
}

Status ArgParser::CheckChoice(const ArgSpec& spec, const PyValue& value) const {
  if (spec.choices.empty()) return Status::Ok();
  std::string text = python::PyStr(value);
  if (value.is_str() &&
      std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end()) {
    return Status::Ok();
  }
  return ArgumentError(spec, InvalidChoiceMessage(text, spec.choices));
}

Result<PyValue> ArgParser::Values(const ArgSpec& spec, std::vector<std::string> strings) const {
  if (auto it = std::find(strings.begin(), strings.end(), "--"); it != strings.end()) {
    strings.erase(it);
  }
  if (strings.empty() && spec.nargs == Nargs::kOptional) {
    PyValue value = spec.option.empty() ? spec.default_value : spec.constant;
    if (value.is_str()) {
      IOTJOBS_ASSIGN_OR_RETURN(value, Convert(spec, value.text));
      IOTJOBS_RETURN_IF_ERROR(CheckChoice(spec, value));
    }
    return value;
  }
  if (strings.empty() && spec.nargs == Nargs::kZeroOrMore && spec.option.empty()) {
    PyValue value =
        spec.default_value.kind != PyValue::Kind::kNone ? spec.default_value : PyValue::List();
    return value;
  }
  if (strings.size() == 1 && (spec.nargs == Nargs::kOne || spec.nargs == Nargs::kOptional)) {
    IOTJOBS_ASSIGN_OR_RETURN(PyValue value, Convert(spec, strings[0]));
    IOTJOBS_RETURN_IF_ERROR(CheckChoice(spec, value));
    return value;
  }
  PyValue list = PyValue::List();
  for (const auto& s : strings) {
    IOTJOBS_ASSIGN_OR_RETURN(PyValue value, Convert(spec, s));
    list.items.push_back(std::move(value));
  }
  for (const auto& v : list.items) IOTJOBS_RETURN_IF_ERROR(CheckChoice(spec, v));
  return list;
}

// The first pass of _parse_known_args: which words are options ('O'), values ('A') and
// '--' ('-'), with _parse_optional's prefix matching and its "ambiguous option" error.
Result<std::vector<std::pair<size_t, ArgParser::OptionMatch>>> ArgParser::Classify(
    const std::vector<std::string>& args, std::string& pattern) const {
  std::vector<std::pair<size_t, OptionMatch>> options;
  // Every option string with its argument, in the order they were added.
  std::vector<std::pair<std::string, int>> strings;
  for (size_t i = 0; i < specs_.size(); ++i) {
    if (specs_[i].option.empty()) continue;
    strings.emplace_back(specs_[i].option, static_cast<int>(i));
    for (const auto& o : specs_[i].more_options) strings.emplace_back(o, static_cast<int>(i));
  }
  auto find_exact = [&](const std::string& s) {
    for (const auto& [opt, i] : strings) {
      if (opt == s) return i;
    }
    return -1;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      pattern += '-';
      pattern.append(args.size() - i - 1, 'A');
      break;
    }
    if (arg.empty() || arg[0] != '-') {
      pattern += 'A';
      continue;
    }
    if (int s = find_exact(arg); s >= 0) {
      options.emplace_back(i, OptionMatch{s, arg, std::nullopt});
      pattern += 'O';
      continue;
    }
    if (arg.size() == 1) {
      pattern += 'A';
      continue;
    }
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      if (int s = find_exact(arg.substr(0, eq)); s >= 0) {
        options.emplace_back(i, OptionMatch{s, arg.substr(0, eq), arg.substr(eq + 1)});
        pattern += 'O';
        continue;
      }
    }
    // _get_option_tuples: every option the word (up to '=') is a prefix of.
    std::vector<OptionMatch> tuples;
    if (arg[1] == '-') {
      std::string prefix = arg;
      std::optional<std::string> explicit_arg;
      if (size_t eq = arg.find('='); eq != std::string::npos) {
        prefix = arg.substr(0, eq);
        explicit_arg = arg.substr(eq + 1);
      }
      for (const auto& [opt, s] : strings) {
        if (opt.rfind(prefix, 0) == 0) tuples.push_back({s, opt, explicit_arg});
      }
    } else {
      std::string short_prefix = arg.substr(0, 2);
      for (const auto& [opt, s] : strings) {
        if (opt == short_prefix) {
          tuples.push_back({s, opt, arg.substr(2)});
        } else if (opt.rfind(arg, 0) == 0) {
          tuples.push_back({s, opt, std::nullopt});
        }
      }
    }
    if (tuples.size() > 1) {
      std::string matches;
      for (const auto& t : tuples) matches += (matches.empty() ? "" : ", ") + t.option_string;
      return InvalidRequest(ErrorText("ambiguous option: " + arg + " could match " + matches));
    }
    if (tuples.size() == 1) {
      options.emplace_back(i, tuples[0]);
      pattern += 'O';
      continue;
    }
    if (LooksNegativeNumber(arg) || arg.find(' ') != std::string::npos) {
      pattern += 'A';
      continue;
    }
    options.emplace_back(i, OptionMatch{-1, arg, std::nullopt});
    pattern += 'O';
  }
  return options;
}

Result<ParsedArgs> ArgParser::ParseKnownArgs(const std::vector<std::string>& args) const {
  ParsedArgs parsed;
  for (const auto& spec : specs_) parsed.values.emplace(spec.dest, spec.default_value);

  std::string pattern;
  IOTJOBS_ASSIGN_OR_RETURN(auto option_list, Classify(args, pattern));
  std::map<size_t, OptionMatch> options(option_list.begin(), option_list.end());

  std::set<size_t> seen;  // indices of specs that took an action
  auto take_action = [&](size_t s, const std::vector<std::string>& strings) -> Status {
    const ArgSpec& spec = specs_[s];
    seen.insert(s);
    IOTJOBS_ASSIGN_OR_RETURN(PyValue value, Values(spec, strings));
    parsed.values[spec.dest] = spec.nargs == Nargs::kZero ? spec.constant : std::move(value);
    if (spec.stops) parsed.stopped_by = spec.dest;
    return Status::Ok();
  };

  auto match_count = [&](const ArgSpec& spec, const std::string& p) -> Result<size_t> {
    std::smatch m;
    const std::regex& re = CompiledPattern(NargsPattern(spec));
    if (!std::regex_search(p, m, re, std::regex_constants::match_continuous)) {
      const char* msg = spec.nargs == Nargs::kOptional    ? "expected at most one argument"
                        : spec.nargs == Nargs::kOneOrMore ? "expected at least one argument"
                                                          : "expected one argument";
      return ArgumentError(spec, msg);
    }
    return static_cast<size_t>(m[1].length());
  };

  auto consume_optional = [&](size_t start) -> Result<size_t> {
    const OptionMatch& om = options.at(start);
    if (om.spec < 0) {
      parsed.extras.push_back(args[start]);
      return start + 1;
    }
    const ArgSpec& spec = specs_[om.spec];
    if (om.explicit_arg) {
      IOTJOBS_ASSIGN_OR_RETURN(size_t count, match_count(spec, "A"));
      if (count != 1) {
        return ArgumentError(spec,
                             "ignored explicit argument " + python::PyReprString(*om.explicit_arg));
      }
      IOTJOBS_RETURN_IF_ERROR(take_action(om.spec, {*om.explicit_arg}));
      return start + 1;
    }
    IOTJOBS_ASSIGN_OR_RETURN(size_t count, match_count(spec, pattern.substr(start + 1)));
    std::vector<std::string> strings(args.begin() + start + 1, args.begin() + start + 1 + count);
    IOTJOBS_RETURN_IF_ERROR(take_action(om.spec, strings));
    return start + 1 + count;
  };

  std::vector<size_t> positionals;
  for (size_t s = 0; s < specs_.size(); ++s) {
    if (specs_[s].option.empty()) positionals.push_back(s);
  }
  auto consume_positionals = [&](size_t start) -> Result<size_t> {
    // _match_arguments_partial: as many positionals as match, greedily.
    std::string rest = pattern.substr(start);
    std::vector<size_t> counts;
    for (size_t n = positionals.size(); n > 0 && counts.empty(); --n) {
      std::string p;
      for (size_t k = 0; k < n; ++k) p += NargsPattern(specs_[positionals[k]]);
      std::smatch m;
      const std::regex& re = CompiledPattern(p);
      if (std::regex_search(rest, m, re, std::regex_constants::match_continuous)) {
        for (size_t g = 1; g < m.size(); ++g) counts.push_back(m[g].length());
      }
    }
    for (size_t k = 0; k < counts.size(); ++k) {
      std::vector<std::string> strings(args.begin() + start, args.begin() + start + counts[k]);
      start += counts[k];
      IOTJOBS_RETURN_IF_ERROR(take_action(positionals[k], strings));
    }
    positionals.erase(positionals.begin(), positionals.begin() + counts.size());
    return start;
  };

  size_t start = 0;
  size_t max_option = options.empty() ? 0 : options.rbegin()->first;
  while (!options.empty() && start <= max_option) {
    size_t next_option = options.lower_bound(start)->first;
    if (start != next_option) {
      IOTJOBS_ASSIGN_OR_RETURN(size_t end, consume_positionals(start));
      if (end > start) {
        start = end;
        continue;
      }
    }
    if (!options.count(start)) {
      parsed.extras.insert(parsed.extras.end(), args.begin() + start, args.begin() + next_option);
      start = next_option;
    }
    IOTJOBS_ASSIGN_OR_RETURN(start, consume_optional(start));
    if (!parsed.stopped_by.empty()) return parsed;
  }
  IOTJOBS_ASSIGN_OR_RETURN(size_t stop, consume_positionals(start));
  parsed.extras.insert(parsed.extras.end(), args.begin() + stop, args.end());

  std::string missing;
  for (size_t s = 0; s < specs_.size(); ++s) {
    if (!seen.count(s) && specs_[s].required) {
      missing += (missing.empty() ? "" : ", ") +
                 (specs_[s].option.empty() ? specs_[s].dest : specs_[s].option);
    }
  }
  if (!missing.empty()) {
    return InvalidRequest(ErrorText("the following arguments are required: " + missing));
  }
  return parsed;
}

}  // namespace iotjobs::cli::args
