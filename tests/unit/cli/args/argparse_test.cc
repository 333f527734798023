// Python 3.11 argparse's parse_known_args as the CLI's parsers use it.

#include "cli/args/argparse.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

ArgSpec Opt(const char* option, const char* dest, Nargs nargs = Nargs::kOne) {
  ArgSpec s;
  s.option = option;
  s.dest = dest;
  s.nargs = nargs;
  return s;
}

// A parser shaped like an operation's: --job-id, --job-name, --count (int), --force/--no-force,
// --items (list), --mode (? with choices), and the trailing `help` positional.
ArgParser MakeParser() {
  ArgParser p("aws", kCliUsage);
  ArgSpec job = Opt("--job-id", "job_id");
  job.required = true;
  p.Add(job);
  p.Add(Opt("--job-name", "job_name"));
  ArgSpec count = Opt("--count", "count");
  count.type = ArgType::kInt;
  p.Add(count);
  ArgSpec force = Opt("--force", "force", Nargs::kZero);
  force.constant = PyValue::Bool(true);
  p.Add(force);
  ArgSpec no_force = Opt("--no-force", "force", Nargs::kZero);
  no_force.constant = PyValue::Bool(false);
  p.Add(no_force);
  p.Add(Opt("--items", "items", Nargs::kZeroOrMore));
  ArgSpec mode = Opt("--mode", "mode", Nargs::kOptional);
  mode.constant = PyValue::Str("input");
  mode.choices = {"input", "output", "yaml-input"};
  p.Add(mode);
  ArgSpec help;
  help.dest = "help";
  help.nargs = Nargs::kOptional;
  p.Add(help);
  return p;
}

std::string Error(const std::vector<std::string>& args) {
  auto r = MakeParser().ParseKnownArgs(args);
  return r.ok() ? "" : r.status().message();
}

std::string Usage(const std::string& message) {
  return "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
         "To see help text, you can run:\n\n  aws help\n  aws <command> help\n"
         "  aws <command> <subcommand> help\n\naws: error: " +
         message + "\n\n";
}

TEST(ArgParse, PrefixesEqualsAndLastWins) {
  auto r = MakeParser().ParseKnownArgs(
      {"--job-i=j", "--co", "-5", "--force", "--no-f", "--items", "a", "b"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->Get("job_id").text, "j");
  EXPECT_EQ(r->Get("count").text, "-5");  // a negative number is a value
  EXPECT_FALSE(r->Get("force").boolean);
  EXPECT_EQ(python::PyRepr(r->Get("items")), "['a', 'b']");
  EXPECT_EQ(r->Get("job_name").kind, PyValue::Kind::kNone);
  EXPECT_EQ(r->Get("mode").kind, PyValue::Kind::kNone);
}

TEST(ArgParse, ErrorsWordedLikeArgparse) {
  EXPECT_EQ(Error({}), Usage("the following arguments are required: --job-id"));
  EXPECT_EQ(Error({"--job", "x"}),
            Usage("ambiguous option: --job could match --job-id, --job-name"));
  EXPECT_EQ(Error({"--job-id", "-x"}), Usage("argument --job-id: expected one argument"));
  EXPECT_EQ(Error({"--job-id", "j", "--count", "abc"}),
            Usage("argument --count: invalid int value: 'abc'"));
  EXPECT_EQ(Error({"--job-id", "j", "--force=yes"}),
            Usage("argument --force: ignored explicit argument 'yes'"));
  EXPECT_EQ(Error({"--job-id", "j", "--mode", "bogus"}),
            Usage("argument --mode: Invalid choice, valid choices are:\n\n"
                  "input                                    | output                          "
                  "        \nyaml-input                              "));
}

TEST(ArgParse, ValuesWithSpacesAndOptionalNargs) {
  auto r = MakeParser().ParseKnownArgs({"--job-id", "-x y", "--mode"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->Get("job_id").text, "-x y");  // holds a space: a value, not an option
  EXPECT_EQ(r->Get("mode").text, "input");   // the constant
}

TEST(ArgParse, ExtrasInArgparseOrder) {
  // The first stray word fills the `help` positional; the caller appends it last.
  auto r = MakeParser().ParseKnownArgs({"--job-id", "j", "--bogus", "y", "z"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->extras, (std::vector<std::string>{"--bogus", "z"}));
  EXPECT_EQ(r->Get("help").text, "y");
  auto dashdash = MakeParser().ParseKnownArgs({"--job-id", "j", "--", "--x"});
  ASSERT_TRUE(dashdash.ok());
  EXPECT_EQ(dashdash->Get("help").text, "--x");
  EXPECT_TRUE(dashdash->extras.empty());
}

TEST(ArgParse, StopsAtVersion) {
  ArgParser p("aws", kCliUsage);
  ArgSpec v = Opt("--version", "version", Nargs::kZero);
  v.constant = PyValue::Bool(true);
  v.stops = true;
  p.Add(v);
  ArgSpec c = Opt("--color", "color");
  c.choices = {"on", "off"};
  p.Add(c);
  auto r = p.ParseKnownArgs({"--version", "--color", "bad"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stopped_by, "version");
}

}  // namespace
}  // namespace iotjobs::cli::args
