// The shared json.loads() scanner: what it tells a handler, and where it fails. The messages
// and positions as Python words them are pinned through the adapters (value_json_test.cc,
// json_loads_boost_test.cc).

#include "cli/python/json_loads.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "cli/python/float_parse.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::python {
namespace {

// Writes each event as a word, so that a test reads the stream as one string.
class Recorder : public JsonLoadsHandler {
 public:
  std::string events;

  void Null() override { events += "null "; }
  void Bool(bool value) override { events += value ? "true " : "false "; }
  void Int(std::string_view decimal) override { events += "int:" + std::string(decimal) + " "; }
  void Float(double value) override { events += "float:" + std::to_string(value) + " "; }
  void String(std::string value) override { events += "str:" + value + " "; }
  void BeginArray() override { events += "[ "; }
  void EndArray() override { events += "] "; }
  void BeginObject() override { events += "{ "; }
  void Key(std::string key) override { events += "key:" + key + " "; }
  void EndObject() override { events += "} "; }
};

constexpr JsonLoadsOptions kOptions{.max_depth = 3, .append_escape = AppendUtf8};

TEST(JsonLoadsTest, TellsTheHandlerInDocumentOrder) {
  Recorder recorder;
  EXPECT_FALSE(JsonLoads(R"( {"a": [1, -0, 2.5, NaN], "a": null, "b": "x\u00e9"} )", kOptions,
                         recorder));
  EXPECT_EQ(recorder.events,
            "{ key:a [ int:1 int:-0 float:2.500000 float:nan ] key:a null key:b str:x\xc3\xa9 } ");
}

TEST(JsonLoadsTest, FailsAtAByteOffset) {
  Recorder recorder;
  const std::optional<JsonLoadsError> error = JsonLoads("[\"\xc3\xa9\" x]", kOptions, recorder);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "Expecting ',' delimiter");
  EXPECT_EQ(error->pos, 6u);
  EXPECT_FALSE(error->too_deep);
}

TEST(JsonLoadsTest, NestingPastTheBoundIsTooDeep) {
  Recorder recorder;
  EXPECT_FALSE(JsonLoads("[[[1]]]", kOptions, recorder));
  const std::optional<JsonLoadsError> error = JsonLoads("[[[{}]]]", kOptions, recorder);
  ASSERT_TRUE(error);
  EXPECT_TRUE(error->too_deep);
  EXPECT_EQ(error->pos, 3u);
}

TEST(JsonLoadsTest, LoneSurrogatesGoThroughTheCallersAppend) {
  Recorder recorder;
  EXPECT_FALSE(JsonLoads(R"(["\ud83d\ude00", "\ud83d"])", kOptions, recorder));
  EXPECT_EQ(recorder.events, "[ str:\xf0\x9f\x98\x80 str:\xef\xbf\xbd ] ");
}

TEST(FloatParseTest, RoundsLikePythonFloat) {
  EXPECT_EQ(ParseFloatLiteral("0.1"), 0.1);
  EXPECT_EQ(ParseFloatLiteral("1e400"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(ParseFloatLiteral("-1e-400"), 0.0);
  EXPECT_TRUE(std::signbit(ParseFloatLiteral("-1e-400")));
}

}  // namespace
}  // namespace iotjobs::cli::python
