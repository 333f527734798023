// botocore's ParamValidator messages.

#include "cli/args/validate.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/wire/model.h"
#include "cli/python/value_json.h"

namespace iotjobs::cli::args {
namespace {

namespace wire = api::wire;

std::string Report(const char* op, const char* json, bool device = false) {
  const auto& model = device ? wire::DevicePlaneModel() : wire::ControlPlaneModel();
  auto params = python::PyJsonLoads(json, false);
  EXPECT_TRUE(params.value) << params.error;
  Status s = ValidationStatus(ValidateParameters(*params.value, *model.FindOperation(op)->input));
  return s.ok() ? "OK" : s.message();
}

TEST(Validate, ReportsInBotocoreOrder) {
  EXPECT_EQ(Report("DeleteJobExecution", R"({"jobId": 1, "bogus": true})"),
            "\nParameter validation failed:\n"
            "Missing required parameter in input: \"thingName\"\n"
            "Missing required parameter in input: \"executionNumber\"\n"
            "Unknown parameter in input: \"bogus\", must be one of: jobId, thingName, "
            "executionNumber, force, namespaceId\n"
            "Invalid type for parameter jobId, value: 1, type: <class 'int'>, valid types: "
            "<class 'str'>\n");
}

TEST(Validate, MinimumsOnlyNoMaximumsOrPatterns) {
  EXPECT_EQ(Report("CreateJob", R"({"jobId": "", "targets": []})"),
            "\nParameter validation failed:\n"
            "Invalid length for parameter jobId, value: 0, valid min length: 1\n"
            "Invalid length for parameter targets, value: 0, valid min length: 1\n");
  std::string long_id(200, 'x');  // over the max of 64, and not the pattern: not botocore's job
  EXPECT_EQ(
      Report("CreateJob", ("{\"jobId\": \"" + long_id + " !\", \"targets\": [\"t\"]}").c_str()),
      "OK");
  EXPECT_EQ(Report("ListJobs", R"({"maxResults": false})"),
            "\nParameter validation failed:\nInvalid value for parameter maxResults, value: False, "
            "valid min value: 1\n");
}

TEST(Validate, PythonTypesCount) {
  // A bool is an int; an int is a valid double; a float is not an int.
  EXPECT_EQ(
      Report("DeleteJobExecution", R"({"jobId": "j", "thingName": "t", "executionNumber": true})"),
      "OK");
  EXPECT_EQ(Report("CreateJob", R"({"jobId": "j", "targets": ["t"], "abortConfig":
      {"criteriaList": [{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 5,
                         "minNumberOfExecutedThings": 1.5}]}})"),
            "\nParameter validation failed:\nInvalid type for parameter "
            "abortConfig.criteriaList[0].minNumberOfExecutedThings, value: 1.5, type: <class "
            "'float'>, valid types: <class 'int'>\n");
  EXPECT_EQ(Report("UpdateJobExecution",
                   R"({"jobId": "j", "thingName": "t", "status": "QUEUED",
                       "statusDetails": {"": 1}})",
                   true),
            "\nParameter validation failed:\n"
            "Invalid length for parameter statusDetails (key: ), value: 0, valid min length: 1\n"
            "Invalid type for parameter statusDetails., value: 1, type: <class 'int'>, valid "
            "types: <class 'str'>\n");
}

TEST(Validate, JsonEntryPoint) {
  boost::json::object params = {{"thingName", "t"}, {"maxResults", 0}};
  EXPECT_EQ(ValidateParameters(
                params, *wire::ControlPlaneModel().FindOperation("ListThingGroupsForThing")->input),
            std::vector<std::string>{
                "Invalid value for parameter maxResults, value: 0, valid min value: 1"});
}

}  // namespace
}  // namespace iotjobs::cli::args
