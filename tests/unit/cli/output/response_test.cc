#include "cli/output/response.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdlib>
#include <ctime>

#include "api/wire/model.h"
#include "cli/python/json_loads_boost.h"
#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;
namespace wire = api::wire;

// The body as the CLI should read it: like Python's json.loads (see golden.cc).
json::value ParseBody(std::string_view text) {
  Result<json::value> body = python::JsonLoadsBoost(text);
  EXPECT_TRUE(body.ok()) << body.status().ToString();
  return body.ok() ? std::move(body).value() : json::value();
}

class ResponseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);  // the golden file was made with TZ=UTC
    tzset();
  }
};

// Raw bodies through botocore's RestJSONParser with the CLI's timestamp parser, against the
// trimmed models iotjobs embeds.
TEST_F(ResponseTest, MatchesBotocoreGolden) {
  const json::value golden = golden::Load("response.json");
  ASSERT_TRUE(golden.is_array());
  int passed = 0;
  for (const json::value& item : golden.get_array()) {
    const json::object& c = item.get_object();
    const wire::ServiceModel& model =
        c.at("service").as_string() == "iot" ? wire::ControlPlaneModel() : wire::DevicePlaneModel();
    const wire::Operation* operation = model.FindOperation(c.at("operation").as_string());
    ASSERT_NE(operation, nullptr) << c.at("operation").as_string();
    const json::value shaped = ShapeResponse(ParseBody(c.at("raw").as_string()), operation->output);
    // Compare the serializations: key order matters and json::value's == ignores it.
    const std::string got = json::serialize(shaped);
    const std::string expected = json::serialize(c.at("expected"));
    if (got == expected) {
      ++passed;
    } else {
      ADD_FAILURE() << c.at("name").as_string() << "\nexpected " << expected << "\ngot      "
                    << got;
    }
  }
  std::cout << "[ golden   ] response.json: " << passed << "/" << golden.get_array().size()
            << " cases pass\n";
}

TEST_F(ResponseTest, OperationWithoutOutputIsEmpty) {
  EXPECT_EQ(ShapeResponse(json::parse(R"({"a": 1})"), nullptr), json::object());
}

TEST_F(ResponseTest, ModelOrderNotWireOrder) {
  const wire::Operation* op = wire::ControlPlaneModel().FindOperation("CreateThing");
  ASSERT_NE(op, nullptr);
  const json::value shaped = ShapeResponse(
      json::parse(R"({"thingId": "i", "extra": 1, "thingArn": "a", "thingName": "n"})"),
      op->output);
  EXPECT_EQ(json::serialize(shaped), R"({"thingName":"n","thingArn":"a","thingId":"i"})");
}

TEST_F(ResponseTest, EpochTimestampsUseTheLocalZone) {
  setenv("TZ", "Europe/Paris", 1);
  tzset();
  const wire::Operation* op = wire::ControlPlaneModel().FindOperation("DescribeJobExecution");
  ASSERT_NE(op, nullptr);
  const json::value shaped =
      ShapeResponse(json::parse(R"({"execution": {"queuedAt": 1560787023.636}})"), op->output);
  EXPECT_EQ(json::serialize(shaped),
            R"({"execution":{"queuedAt":"2019-06-17T17:57:03.636000+02:00"}})");
}

}  // namespace
}  // namespace iotjobs::cli::output
