// The public API on the queries the CLI runs: filters over AWS IoT Jobs responses, key order,
// deep documents, and results that outlive the searched document.

#include "cli/jmespath/jmespath.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <thread>

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

// What list-job-executions-for-thing answers, trimmed.
const char* const kExecutionsForThing = R"({
  "executionSummaries": [
    {"jobId": "job-1", "jobExecutionSummary":
      {"status": "QUEUED", "queuedAt": 1700000300.0, "executionNumber": 1}},
    {"jobId": "job-2", "jobExecutionSummary":
      {"status": "IN_PROGRESS", "queuedAt": 1700000100.5, "executionNumber": 2}},
    {"jobId": "job-3", "jobExecutionSummary":
      {"status": "QUEUED", "queuedAt": 1700000200.25, "executionNumber": 3}}
  ],
  "nextToken": null
})";

json::value Data() { return json::parse(kExecutionsForThing); }

std::string Query(const std::string& expression, const json::value& data) {
  Result<json::value> result = Search(expression, data);
  if (!result.ok()) return "error: " + result.status().message();
  return json::serialize(*result);
}

TEST(JmespathTest, CliQueriesOnJobExecutions) {
  const json::value data = Data();
  EXPECT_EQ(Query("executionSummaries[?jobExecutionSummary.status==`QUEUED`].jobId", data),
            R"(["job-1","job-3"])");
  EXPECT_EQ(
      Query("executionSummaries[?jobExecutionSummary.status=='IN_PROGRESS'] | [0].jobId", data),
      R"("job-2")");
  EXPECT_EQ(Query("length(executionSummaries)", data), "3");
  EXPECT_EQ(Query("sort_by(executionSummaries, &jobExecutionSummary.queuedAt)[].jobId", data),
            R"(["job-2","job-3","job-1"])");
  EXPECT_EQ(Query("max_by(executionSummaries, &jobExecutionSummary.executionNumber).jobId", data),
            R"("job-3")");
  EXPECT_EQ(
      Query("executionSummaries[0].jobExecutionSummary.{n: executionNumber, s: status}", data),
      R"({"n":1,"s":"QUEUED"})");
  EXPECT_EQ(Query("executionSummaries[*].jobExecutionSummary.status | sort(@)", data),
            R"(["IN_PROGRESS","QUEUED","QUEUED"])");
  EXPECT_EQ(Query("nextToken", data), "null");
  EXPECT_EQ(Query("executionSummaries[?jobExecutionSummary.queuedAt > `1700000150`].jobId", data),
            R"(["job-1","job-3"])");
}

// Like the AWS CLI (Python jmespath), strings order with < and >, which dates in ISO 8601
// rely on.
TEST(JmespathTest, StringsOrderLikeTheAwsCli) {
  const json::value data = json::parse(
      R"({"jobs": [{"id": "a", "at": "2024-01-05T00:00:00Z"}, {"id": "b", "at": "2023-12-31"}]})");
  EXPECT_EQ(Query("jobs[?at >= '2024-01-01'].id", data), R"(["a"])");
  EXPECT_EQ(Query("jobs[?at >= `5`].id", data), "[]");  // Number against string: null.
}

TEST(JmespathTest, KeepsObjectKeyOrder) {
  const json::value data = json::parse(R"({"z": 1, "a": 2, "m": 3})");
  EXPECT_EQ(Query("@", data), R"({"z":1,"a":2,"m":3})");
  EXPECT_EQ(Query("keys(@)", data), R"(["z","a","m"])");
  EXPECT_EQ(Query("{m: m, z: z, a: a}", data), R"({"m":3,"z":1,"a":2})");
  EXPECT_EQ(Query("merge(@, `{\"a\": 9, \"b\": 8}`)", data), R"({"z":1,"a":9,"m":3,"b":8})");
}

TEST(JmespathTest, DeepDocuments) {
  std::string text = "1";
  std::string path = "@";
  for (int i = 0; i < 30; ++i) {
    text = "{\"k\": [" + text + "]}";
    path += ".k[0]";
  }
  json::parse_options options;
  options.max_depth = 100;
  const json::value data = json::parse(text, {}, options);
  EXPECT_EQ(Query(path, data), "1");
  EXPECT_EQ(Query("k[0].k[0].k[0].k[0].k[0] | length(k)", data), "1");
  EXPECT_EQ(Query("to_string(k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0]."
                  "k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0])",
                  data),
            R"("{\"k\":[{\"k\":[1]}]}")");
  EXPECT_EQ(Query("@.*[][]", data).substr(0, 7), R"([{"k":[)");
}

// Runtime errors only happen where Python's would: on the path actually evaluated.
TEST(JmespathTest, ErrorsOnlyWhenReached) {
  const json::value data = Data();
  EXPECT_EQ(Query("missing[*].abs(@)", data), "null");
  EXPECT_EQ(Query("missing[*].unknown_function(@)", data), "null");
  EXPECT_EQ(Query("`[]`[*].unknown_function(@)", data), "[]");
  EXPECT_EQ(Query("missing.abs(@)", data).substr(0, 32), "error: In function abs(), invali");
  Result<json::value> failed = Search("unknown_function(@)", data);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().message(), "Unknown function: unknown_function()");
  EXPECT_EQ(ErrorKindOf(failed.status()), ErrorKind::kUnknownFunction);
  Result<json::value> step = Search("executionSummaries[::0]", data);
  ASSERT_FALSE(step.ok());
  EXPECT_EQ(step.status().message(), "slice step cannot be zero");
  EXPECT_EQ(ErrorKindOf(step.status()), ErrorKind::kInvalidValue);
  Result<json::value> expref = Search("&jobId", data);
  ASSERT_FALSE(expref.ok());
  EXPECT_EQ(ErrorKindOf(expref.status()), ErrorKind::kInvalidType);
}

TEST(JmespathTest, ResultOutlivesDocumentAndResource) {
  Result<Expression> query =
      Compile("executionSummaries[?jobExecutionSummary.executionNumber > `1`]");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->text(), "executionSummaries[?jobExecutionSummary.executionNumber > `1`]");
  json::value result;
  {
    json::monotonic_resource resource;
    const json::value data = json::parse(kExecutionsForThing, &resource);
    Result<json::value> found = query->Search(data);
    ASSERT_TRUE(found.ok());
    result = std::move(found).value();
  }
  EXPECT_EQ(result.as_array().size(), 2u);
  EXPECT_EQ(result.as_array()[1].at("jobId"), "job-3");
}

// A compiled expression is shared by copies and searched from several threads at once.
TEST(JmespathTest, ConcurrentSearches) {
  Result<Expression> query = Compile("sort_by(executionSummaries, &jobId)[*].jobId");
  ASSERT_TRUE(query.ok());
  const Expression copy = *query;
  const json::value data = Data();
  auto run = [&](const Expression& expression) {
    for (int i = 0; i < 200; ++i) {
      Result<json::value> r = expression.Search(data);
      ASSERT_TRUE(r.ok());
      ASSERT_EQ(json::serialize(*r), R"(["job-1","job-2","job-3"])");
    }
  };
  std::thread a(run, std::cref(*query));
  std::thread b(run, std::cref(copy));
  a.join();
  b.join();
}

}  // namespace
}  // namespace iotjobs::cli::jmespath
