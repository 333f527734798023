// The published JMESPath compliance suite (tests/testdata/jmespath-compliance, see its
// README.md), every file and every case: a `result` must come out equal, with integers and
// floats kept apart and object keys in the same order, as Python jmespath gives them; an
// `error` must be raised with its kind, syntax errors by Compile and the others by Compile or
// Search. benchmarks.json has no expected results, so the ones Python jmespath 1.1.0 gives are
// listed here.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/jmespath/jmespath.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

const std::filesystem::path kSuiteDir =
    std::filesystem::path(IOTJOBS_TESTDATA_DIR) / "jmespath-compliance";

// The cases in the suite at commit 53abcc3, benchmarks included.
constexpr int kSuiteCaseCount = 908;

// What `jmespath.search` returns for each case of benchmarks.json, in file order.
const std::vector<std::string> kBenchmarkResults = {
    "true",
    "true",
    "null",
    "true",
    "true",
    "25",
    "25",
    "325",
    "325",
    "[25,24,23,22,21,20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1,0]",
    "null",
    "null",
    "null",
    "\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi"
    "jklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu"
    "vwxyzabcdefghijklmnopqrstuvwxyz\"",
    "null",
    "null"};

json::value ParseJson(const std::string& text) {
  json::parse_options options;
  options.max_depth = 1000;
  boost::system::error_code ec;
  json::value value = json::parse(text, ec, {}, options);
  EXPECT_FALSE(ec) << ec.message() << " in " << text.substr(0, 200);
  return value;
}

json::value LoadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseJson(text.str());
}

bool IsInteger(const json::value& v) { return v.is_int64() || v.is_uint64(); }

__int128 IntegerOf(const json::value& v) {
  return v.is_int64() ? v.get_int64() : static_cast<__int128>(v.get_uint64());
}

// Equal as Python values of the same types: int vs float matters, key order matters.
bool SameJson(const json::value& a, const json::value& b) {
  if (IsInteger(a) && IsInteger(b)) return IntegerOf(a) == IntegerOf(b);
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case json::kind::array: {
      const json::array& x = a.get_array();
      const json::array& y = b.get_array();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!SameJson(x[i], y[i])) return false;
      }
      return true;
    }
    case json::kind::object: {
      const json::object& x = a.get_object();
      const json::object& y = b.get_object();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->key() != j->key() || !SameJson(i->value(), j->value())) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}

std::string_view KindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kSyntax:
      return "syntax";
    case ErrorKind::kInvalidType:
      return "invalid-type";
    case ErrorKind::kInvalidValue:
      return "invalid-value";
    case ErrorKind::kInvalidArity:
      return "invalid-arity";
    case ErrorKind::kUnknownFunction:
      return "unknown-function";
  }
  return "?";
}

// Runs one case; returns what went wrong, or "" when it passes.
std::string RunCase(const json::value& given, const json::object& test_case,
                    const std::string* expected_bench) {
  const std::string expression(test_case.at("expression").get_string());
  Result<Expression> compiled = Compile(expression);
  if (const json::value* error = test_case.if_contains("error")) {
    const std::string_view want = error->get_string();
    if (!compiled.ok()) {
      const std::string_view got = KindName(ErrorKindOf(compiled.status()));
      if (got == want) return "";
      return "compile failed as " + std::string(got) + ", want " + std::string(want) + ": " +
             compiled.status().message();
    }
    if (want == "syntax") return "compiled, want a syntax error";
    Result<json::value> searched = compiled->Search(given);
    if (searched.ok())
      return "no error, got " + json::serialize(*searched) + ", want " + std::string(want);
    const std::string_view got = KindName(ErrorKindOf(searched.status()));
    if (got == want) return "";
    return "search failed as " + std::string(got) + ", want " + std::string(want) + ": " +
           searched.status().message();
  }
  if (!compiled.ok()) return "compile failed: " + compiled.status().message();
  Result<json::value> searched = compiled->Search(given);
  if (!searched.ok()) return "search failed: " + searched.status().message();
  const json::value expected =
      expected_bench != nullptr ? ParseJson(*expected_bench) : test_case.at("result");
  if (SameJson(*searched, expected)) return "";
  return "got " + json::serialize(*searched) + ", want " + json::serialize(expected);
}

// Runs every case of one file; returns the number of cases and of failures.
std::pair<int, int> RunFile(const std::string& name) {
  const json::value suites = LoadFile(kSuiteDir / name);
  int cases = 0;
  int failures = 0;
  std::size_t bench_index = 0;
  for (const json::value& suite : suites.get_array()) {
    const json::value& given = suite.at("given");
    for (const json::value& test_case : suite.at("cases").get_array()) {
      ++cases;
      const std::string* bench = nullptr;
      if (test_case.get_object().contains("bench")) {
        EXPECT_LT(bench_index, kBenchmarkResults.size());
        if (bench_index >= kBenchmarkResults.size()) continue;
        bench = &kBenchmarkResults[bench_index++];
      }
      const std::string problem = RunCase(given, test_case.get_object(), bench);
      if (!problem.empty()) {
        ++failures;
        ADD_FAILURE() << name << ": " << test_case.at("expression").get_string() << "\n  "
                      << problem;
      }
    }
  }
  return {cases, failures};
}

std::vector<std::string> SuiteFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kSuiteDir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name != "schema.json") files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

class JmespathComplianceTest : public testing::TestWithParam<std::string> {};

TEST_P(JmespathComplianceTest, EveryCasePasses) {
  const auto [cases, failures] = RunFile(GetParam());
  EXPECT_GT(cases, 0);
  EXPECT_EQ(failures, 0) << failures << " of " << cases << " cases failed";
  std::cout << GetParam() << ": " << (cases - failures) << "/" << cases << " cases pass\n";
}

INSTANTIATE_TEST_SUITE_P(Suite, JmespathComplianceTest,
                         testing::Values("basic.json", "benchmarks.json", "boolean.json",
                                         "current.json", "escape.json", "filters.json",
                                         "functions.json", "identifiers.json", "indices.json",
                                         "literal.json", "multiselect.json", "pipe.json",
                                         "slice.json", "syntax.json", "unicode.json",
                                         "wildcard.json"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param.substr(0, info.param.find('.'));
                         });

// Every file is listed above and none lost a case: the whole suite runs.
TEST(JmespathCompliance, AllFilesAndCasesRun) {
  const std::vector<std::string> files = SuiteFiles();
  EXPECT_EQ(files.size(), 16u);
  int total = 0;
  int failed = 0;
  for (const std::string& file : files) {
    const auto [cases, failures] = RunFile(file);
    total += cases;
    failed += failures;
  }
  EXPECT_EQ(total, kSuiteCaseCount);
  EXPECT_EQ(failed, 0);
  std::cout << "JMESPath compliance: " << (total - failed) << "/" << total << " cases pass\n";
}

}  // namespace
}  // namespace iotjobs::cli::jmespath
