// ParseCommand against AWS CLI v2 itself: tests/testdata/cli-args/cases.json holds what
// /usr/bin/aws 2.9.19 did with our models for every case of make_golden.py (exit code, stderr
// byte for byte, the parameters and pagination it built, skeletons it printed, help it
// showed), and skeletons.json each operation's input and yaml-input skeleton.

#include "cli/args/command_parser.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "api/wire/model.h"
#include "cli/args/global_args.h"
#include "cli/names.h"
#include "cli/python/repr.h"
#include "cli/python/text.h"
#include "cli/python/value.h"
#include "cli/python/value_json.h"
#include "common/encoding.h"

namespace iotjobs::cli::args {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace wire = api::wire;

const fs::path kDataDir = fs::path(IOTJOBS_TESTDATA_DIR) / "cli-args";

// Cases in cases.json (make_golden.py's count); a regenerated file must be looked at.
constexpr size_t kCaseCount = 4027;

json::value LoadJson(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

const wire::Operation* FindOperation(const wire::ServiceModel& model, const std::string& cli) {
  for (const auto& op : model.operations) {
    if (CliName(op.name) == cli) return &op;
  }
  return nullptr;
}

const wire::ServiceModel& ModelNamed(const std::string& service) {
  return service == "iot" ? wire::ControlPlaneModel() : wire::DevicePlaneModel();
}

// The files the cases read, in a fresh directory made the working directory, with HOME and
// ARGS_SUB as the generator had them.
class GoldenDir {
 public:
  explicit GoldenDir(const json::object& golden) {
    dir_ = fs::temp_directory_path() / ("cli-args-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& f : golden.at("files").as_object()) {
      fs::path p = dir_ / std::string(f.key());
      fs::create_directories(p.parent_path());
      if (f.value().is_null()) {
        fs::create_directories(p);
        continue;
      }
      std::ofstream out(p, std::ios::binary);
      out << *Base64Decode(f.value().as_string());
    }
    old_cwd_ = fs::current_path();
    fs::current_path(dir_);
    if (const char* h = ::getenv("HOME")) old_home_ = h;
    ::setenv("HOME", dir_.c_str(), 1);
    ::setenv("ARGS_SUB", "sub", 1);
    ::unsetenv("NOPE_VAR");
  }
  ~GoldenDir() {
    fs::current_path(old_cwd_);
    ::setenv("HOME", old_home_.c_str(), 1);
    fs::remove_all(dir_);
  }

 private:
  fs::path dir_, old_cwd_;
  std::string old_home_;
};

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  }
  return out;
}

// v2's PaginationConfig as ParseCommand reports it.
json::object Pagination(const ParsedCommand& r) {
  json::object config;
  if (r.pagination.starting_token) config["StartingToken"] = *r.pagination.starting_token;
  if (r.pagination.page_size) config["PageSize"] = *r.pagination.page_size;
  if (r.pagination.max_items) config["MaxItems"] = *r.pagination.max_items;
  return config;
}

// The one deliberate difference in the parameters: Python keeps integers of any size, the
// JSON input holds those past 64 bits as doubles (command_parser.h).
std::string WithWideIntegersAsDoubles(const std::string& text) {
  static const std::regex wide(R"(([:\[ ])(-?\d{20,})([,\n]))");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), wide);
  size_t pos = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    std::string digits = m[2].str();
    errno = 0;
    if (digits[0] == '-') {
      (void)std::strtoll(digits.c_str(), nullptr, 10);
    } else {
      (void)std::strtoull(digits.c_str(), nullptr, 10);
    }
    std::string shown =
        errno == ERANGE ? python::FloatRepr(std::strtod(digits.c_str(), nullptr)) : digits;
    out += text.substr(pos, m.position() - pos) + m[1].str() + shown + m[3].str();
    pos = m.position() + m.length();
  }
  return out + text.substr(pos);
}

std::string Describe(const json::object& c) {
  std::string s =
      std::string(c.at("service").as_string()) + " " + std::string(c.at("operation").as_string());
  for (const auto& w : c.at("args").as_array()) s += " " + json::serialize(w);
  if (c.contains("globals")) s += " " + json::serialize(c.at("globals"));
  return s;
}

// v2 prints nothing for an empty response ({}), real or sample (JSONFormatter).
bool PrintsNothing(const std::optional<json::value>& v) {
  return !v || (v->is_object() && v->as_object().empty());
}

// The one mismatch of a case, or "". The words go through the main and service parsers
// first, as in v2, so a case may fail there.
std::string Check(const json::object& c) {
  std::string service(c.at("service").as_string());
  const wire::ServiceModel& model = ModelNamed(service);
  const wire::Operation* op = FindOperation(model, std::string(c.at("operation").as_string()));
  if (op == nullptr) return "no such operation";
  std::vector<std::string> words = {service, std::string(c.at("operation").as_string())};
  for (const auto& w : Strings(c.at("args"))) words.push_back(w);
  for (const auto& w : Strings(c.contains("globals") ? c.at("globals") : json::value())) {
    words.push_back(w);
  }
  std::vector<std::string> operations;
  for (const auto& o : model.operations) operations.push_back(CliName(o.name));
  Result<ParsedCommand> r = Status(ErrorCode::kInternalFailure, "not run");
  auto g = ParseGlobalArgs(words, {"iot", "iot-jobs-data"});
  if (g.ok() && g->first_pass_help) {
    return c.at("rc").as_int64() == 0 && c.at("stdout").as_string() == kFirstPassHelp
               ? ""
               : "unexpected -h";
  }
  if (g.ok() && g->version) {
    // v2 prints its version line and exits 0.
    bool ok = c.at("rc").as_int64() == 0 && c.at("stdout").as_string().starts_with("aws-cli/");
    return ok ? "" : "unexpected --version";
  }
  if (std::string(c.at("stderr").as_string()).find("The config profile (") != std::string::npos) {
    return "";  // --profile names a profile the configuration lacks: the caller's config
  }
  Status checked = g.ok() ? CheckGlobalArgs(*g) : Status::Ok();
  if (!g.ok()) {
    r = g.status();
  } else if (!checked.ok()) {
    r = checked;
  } else {
    auto s = ParseServiceArgs(g->remaining, operations);
    if (!s.ok()) {
      r = s.status();
    } else {
      ParseOptions options;
      options.paginate = g->paginate;
      r = ParseCommand(*op, model, s->remaining, options);
    }
  }
  int64_t rc = c.at("rc").as_int64();
  std::string stdout_text(c.at("stdout").as_string());
  if (c.contains("help")) {
    return r.ok() && r->help
               ? ""
               : "expected help, got " + (r.ok() ? "a command" : r.status().message());
  }
  if (rc != 0) {
    std::string want(c.at("stderr").as_string());
    if (r.ok()) return "expected exit " + std::to_string(rc) + " with:\n" + want;
    if (ExitCodeFor(r.status()) != rc || r.status().message() != want) {
      return "exit " + std::to_string(ExitCodeFor(r.status())) + " want " + std::to_string(rc) +
             "\n--- got ---\n" + r.status().message() + "\n--- want ---\n" + want;
    }
    return "";
  }
  if (!r.ok()) return "unexpected error:\n" + r.status().message();
  if (r->help) return "unexpected help";
  if (c.contains("params")) {
    // The input as json.dumps(indent=4) writes v2's, so integers, floats and order all count.
    std::string want = WithWideIntegersAsDoubles(std::string(c.at("params").as_string()));
    std::string got = python::PyJsonDumpsIndented(python::FromJson(json::value(r->input)));
    if (got != want) return "params\n--- got ---\n" + got + "\n--- want ---\n" + want;
    json::object paging =
        c.contains("pagination") ? c.at("pagination").as_object() : json::object();
    if (Pagination(*r) != paging) return "pagination " + json::serialize(Pagination(*r));
    if (op->paginator && r->skeleton == SkeletonRequest::kNone &&
        r->auto_paginate != c.at("paginate").as_bool()) {
      return "auto_paginate differs";
    }
    if (r->skeleton == SkeletonRequest::kOutput && !PrintsNothing(r->output_skeleton)) {
      return "unexpected output";
    }
    return "";
  }
  std::string got;
  if (r->skeleton == SkeletonRequest::kOutput) {
    if (!PrintsNothing(r->output_skeleton)) {
      got = python::PyJsonDumpsIndented(python::FromJson(*r->output_skeleton)) + "\n";
    }
  } else {
    got = r->skeleton_text;
  }
  if (r->skeleton == SkeletonRequest::kNone) return "expected a skeleton";
  return got == stdout_text ? "" : "stdout\n--- got ---\n" + got + "\n--- want ---\n" + stdout_text;
}

TEST(CommandParserGolden, EveryCaseMatchesAwsCliV2) {
  json::object golden = LoadJson(kDataDir / "cases.json").as_object();
  const json::array& cases = golden.at("cases").as_array();
  EXPECT_EQ(cases.size(), kCaseCount);
  GoldenDir dir(golden);
  size_t failures = 0;
  for (const auto& c : cases) {
    std::string problem = Check(c.as_object());
    if (problem.empty()) continue;
    if (++failures <= 400) ADD_FAILURE() << Describe(c.as_object()) << "\n" << problem;
  }
  EXPECT_EQ(failures, 0u) << "of " << cases.size() << " cases";
}

TEST(CommandParserGolden, SkeletonsMatchAwsCliV2) {
  json::object skeletons = LoadJson(kDataDir / "skeletons.json").as_object();
  size_t count = 0;
  for (const auto& [service, ops] : skeletons) {
    const wire::ServiceModel& model = ModelNamed(std::string(service));
    for (const auto& [name, kinds] : ops.as_object()) {
      const wire::Operation* op = FindOperation(model, std::string(name));
      ASSERT_NE(op, nullptr) << name;
      for (const char* kind : {"input", "yaml-input"}) {
        auto r = ParseCommand(*op, model, {"--generate-cli-skeleton", kind});
        ASSERT_TRUE(r.ok()) << r.status().message();
        EXPECT_EQ(r->skeleton_text, kinds.at(kind).as_string())
            << service << " " << name << " " << kind;
        ++count;
      }
    }
  }
  EXPECT_EQ(count, 62u);  // 27 control-plane and 4 device-plane operations, two kinds each
}

// The API itself, beside the golden cases.

const wire::Operation& Op(const char* name) {
  return *wire::ControlPlaneModel().FindOperation(name);
}

TEST(CommandParser, InputAndPagination) {
  auto r = ParseCommand(Op("ListJobExecutionsForJob"), wire::ControlPlaneModel(),
                        {"--job-id", "j", "--page-size", "5", "--max-items", "7",
                         "--starting-token", "tok", "--status", "QUEUED"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(json::serialize(r->input), R"({"jobId":"j","status":"QUEUED"})");
  EXPECT_TRUE(r->auto_paginate);
  EXPECT_EQ(r->pagination.page_size, 5);
  EXPECT_EQ(r->pagination.max_items, 7);
  EXPECT_EQ(r->pagination.starting_token, "tok");
  EXPECT_EQ(r->skeleton, SkeletonRequest::kNone);
}

TEST(CommandParser, ManualPaginationTurnsAutoOff) {
  auto r = ParseCommand(Op("ListJobs"), wire::ControlPlaneModel(), {"--max-results", "3"});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->auto_paginate);
  EXPECT_EQ(json::serialize(r->input), R"({"maxResults":3})");
  ParseOptions no_paginate;
  no_paginate.paginate = false;
  auto conflict =
      ParseCommand(Op("ListJobs"), wire::ControlPlaneModel(), {"--page-size", "3"}, no_paginate);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.status().message(),
            "\nCannot specify --no-paginate along with pagination arguments: --page-size\n");
  EXPECT_EQ(ExitCodeFor(conflict.status()), 252);
}

TEST(CommandParser, HelpAndExitCodes) {
  auto help = ParseCommand(Op("DeleteJob"), wire::ControlPlaneModel(), {"help"});
  ASSERT_TRUE(help.ok());
  EXPECT_TRUE(help->help);
  auto crash = ParseCommand(Op("ListJobs"), wire::ControlPlaneModel(), {"--max-results", "x"});
  ASSERT_FALSE(crash.ok());
  EXPECT_EQ(crash.status().message(), "\ninvalid literal for int() with base 10: 'x'\n");
  EXPECT_EQ(ExitCodeFor(crash.status()), 255);
}

TEST(CommandParser, ProgNamesTheProgram) {
  ParseOptions options;
  options.prog = "iotjobs";
  auto r = ParseCommand(Op("DeleteJob"), wire::ControlPlaneModel(), {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("\niotjobs: error: the following arguments are required: "
                                      "--job-id\n"),
            std::string::npos);
}

}  // namespace
}  // namespace iotjobs::cli::args
