#include "cli/output/python_text.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(PythonTextTest, FloatReprIsShortestWithPythonsExponentRule) {
  EXPECT_EQ(PythonFloatRepr(0.1), "0.1");
  EXPECT_EQ(PythonFloatRepr(1e-5), "1e-05");
  EXPECT_EQ(PythonFloatRepr(1e-4), "0.0001");
  EXPECT_EQ(PythonFloatRepr(1e16), "1e+16");
  EXPECT_EQ(PythonFloatRepr(1e15), "1000000000000000.0");
  EXPECT_EQ(PythonFloatRepr(123456789.123), "123456789.123");
  EXPECT_EQ(PythonFloatRepr(-0.0), "-0.0");
  EXPECT_EQ(PythonFloatRepr(5e-324), "5e-324");
  EXPECT_EQ(PythonFloatRepr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(PythonFloatRepr(1.0 / 3), "0.3333333333333333");
}

TEST(PythonTextTest, StrAndRepr) {
  EXPECT_EQ(PythonStr(json::value(nullptr)), "None");
  EXPECT_EQ(PythonStr(json::value(true)), "True");
  EXPECT_EQ(PythonStr(json::value("it's")), "it's");
  EXPECT_EQ(PythonStr(json::value(18446744073709551615u)), "18446744073709551615");
  EXPECT_EQ(PythonRepr(json::parse(
                R"([1, "a", null, true, {"k": 1.5}, "it's", "x\ty\u0007\u00e9\u2028"])")),
            R"([1, 'a', None, True, {'k': 1.5}, "it's", 'x\ty\x07é\u2028'])");
}

TEST(PythonTextTest, TruthinessAndTypeNames) {
  for (const char* falsy : {"null", "false", "0", "0.0", "\"\"", "[]", "{}"}) {
    EXPECT_FALSE(PythonTruthy(json::parse(falsy))) << falsy;
  }
  for (const char* truthy : {"true", "-1", "0.5", "\" \"", "[0]", "{\"a\": null}"}) {
    EXPECT_TRUE(PythonTruthy(json::parse(truthy))) << truthy;
  }
  EXPECT_EQ(PythonTypeName(json::value(nullptr)), "NoneType");
  EXPECT_EQ(PythonTypeName(json::value(1.5)), "float");
  EXPECT_EQ(PythonTypeName(json::object()), "dict");
}

TEST(PythonTextTest, UpperUsesFullCaseMapping) {
  EXPECT_EQ(PythonUpper("jobs"), "JOBS");
  EXPECT_EQ(PythonUpper("ß"), "SS");
  EXPECT_EQ(PythonUpper("ﬁx"), "FIX");
  EXPECT_EQ(PythonUpper("ǆ"), "Ǆ");
}

}  // namespace
}  // namespace iotjobs::cli::output
