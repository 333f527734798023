#include "cli/args/option_table.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {
namespace {

namespace wire = api::wire;

std::vector<std::string> Names(const char* op, bool device = false) {
  const auto& model = device ? wire::DevicePlaneModel() : wire::ControlPlaneModel();
  std::vector<std::string> out;
  for (const auto& o : OperationOptions(*model.FindOperation(op))) {
    out.push_back(o.name + (o.required ? "!" : "") + (o.hidden ? "?" : ""));
  }
  return out;
}

TEST(OptionTable, ArgumentTableOrderOfV2) {
  // The order /usr/bin/aws builds for delete-job-execution: members, each boolean's
  // negation right after it, then the customizations.
  EXPECT_EQ(Names("DeleteJobExecution"),
            (std::vector<std::string>{"job-id!", "thing-name!", "execution-number!", "force",
                                      "no-force", "namespace-id", "cli-input-json",
                                      "cli-input-yaml", "generate-cli-skeleton"}));
}

TEST(OptionTable, PaginatedOperationsGetPagingOptions) {
  EXPECT_EQ(Names("ListJobs"),
            (std::vector<std::string>{"status", "target-selection", "max-results?", "next-token?",
                                      "thing-group-name", "thing-group-id", "namespace-id",
                                      "cli-input-json", "cli-input-yaml", "starting-token",
                                      "page-size", "max-items", "generate-cli-skeleton"}));
  for (const auto& o : OperationOptions(*wire::ControlPlaneModel().FindOperation("ListJobs"))) {
    if (o.name == "page-size" || o.name == "max-items") {
      EXPECT_EQ(o.type_name, "integer");
    }
    if (o.name == "starting-token") {
      EXPECT_EQ(o.type_name, "string");
    }
  }
}

TEST(OptionTable, TypesAndDests) {
  auto table = OperationOptions(*wire::DevicePlaneModel().FindOperation("UpdateJobExecution"));
  std::vector<std::string> got;
  for (const auto& o : table) got.push_back(o.dest() + ":" + o.type_name);
  EXPECT_EQ(got[0], "job_id:string");
  EXPECT_EQ(got[3], "status_details:map");
  EXPECT_EQ(got[4], "step_timeout_in_minutes:long");
  EXPECT_EQ(got[6], "include_job_execution_state:boolean");
  EXPECT_EQ(got[7], "include_job_execution_state:boolean");  // --no-include-job-execution-state
  EXPECT_EQ(std::string(ShapeTypeName(wire::ShapeType::kDouble)), "double");
}

}  // namespace
}  // namespace iotjobs::cli::args
