// --generate-cli-skeleton output; the full texts for every operation are checked against
// AWS CLI v2 in command_parser_test.cc (skeletons.json).

#include "cli/args/skeleton.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/wire/model.h"

namespace iotjobs::cli::args {
namespace {

namespace wire = api::wire;

const wire::Operation& Op(const char* name) {
  return *wire::ControlPlaneModel().FindOperation(name);
}

TEST(Skeleton, InputJson) {
  EXPECT_EQ(InputSkeletonJson(Op("DeleteJobExecution")),
            "{\n    \"jobId\": \"\",\n    \"thingName\": \"\",\n    \"executionNumber\": 0,\n"
            "    \"force\": true,\n    \"namespaceId\": \"\"\n}\n");
  // The first enum value stands in for an enum string.
  EXPECT_NE(InputSkeletonJson(Op("ListJobs")).find("\"status\": \"IN_PROGRESS\""),
            std::string::npos);
}

TEST(Skeleton, YamlCommentsAlignLikeRuamel) {
  std::string yaml = InputSkeletonYaml(Op("DeleteJobExecution"));
  // The first key of a mapping has no comment to align with: two spaces before '#'.
  EXPECT_EQ(yaml.substr(0, yaml.find('\n')),
            "jobId: ''  # [REQUIRED] The ID of the job whose execution on a particular device "
            "will be deleted.");
  EXPECT_NE(yaml.find("\nexecutionNumber: 0 # [REQUIRED] "), std::string::npos);
  std::string create = InputSkeletonYaml(Op("CreateJob"));
  EXPECT_NE(create.find("\ntargets: # [REQUIRED] A list of things and thing groups to which the "
                        "job should be sent.\n- ''\n"),
            std::string::npos);
  EXPECT_NE(create.find("\n  criteriaList:  # [REQUIRED] "), std::string::npos);
  EXPECT_NE(create.find("\n  - failureType: FAILED  # [REQUIRED] "), std::string::npos);
  EXPECT_NE(create.find("\ndocumentParameters: # "), std::string::npos);
  EXPECT_NE(create.find("\n  KeyName: ''\n"), std::string::npos);
}

TEST(Skeleton, DocOverviewIsTheFirstSentence) {
  EXPECT_EQ(DocOverview("(Optional) When true, you can delete. More."),
            "(Optional) When true, you can delete.");
  EXPECT_EQ(DocOverview("See https://example.com/x for more"), "See https.");
  EXPECT_EQ(DocOverview("Line one\nline two"), "Line one line two.");
  EXPECT_EQ(DocOverview(""), "");
  EXPECT_EQ(DocOverview("<p>The <b>ID</b> &amp; name.</p>"), "The ID & name.");
  EXPECT_EQ(DocOverview("a < b. c"), "a < b.");  // not XML: taken as it is
}

TEST(Skeleton, OutputUsesMemberNames) {
  auto out = OutputSkeleton(Op("CreateJob"));
  ASSERT_TRUE(out);
  EXPECT_EQ(boost::json::serialize(python::ToJson(*out)),
            R"({"jobArn":"jobArn","jobId":"jobId","description":"description"})");
  EXPECT_FALSE(OutputSkeleton(Op("DeleteJobExecution")));  // no output shape
  auto jobs = OutputSkeleton(Op("ListJobs"));
  ASSERT_TRUE(jobs);
  EXPECT_EQ(python::PyRepr(*jobs->Find("jobs")->items[0].Find("createdAt")), "1970-01-01 00:00:00");
}

}  // namespace
}  // namespace iotjobs::cli::args
