#include "cli/python/value.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

PyValue Sample(bool ordered) {
  PyValue d = PyValue::Dict(ordered);
  d.Set("a", PyValue::List({PyValue::Int(1), PyValue::Float(2.5), PyValue::None(),
                            PyValue::Bool(true), PyValue::Str("x")}));
  return d;
}

TEST(PyValue, ReprAndStrLikePython) {
  EXPECT_EQ(PyRepr(Sample(false)), "{'a': [1, 2.5, None, True, 'x']}");
  EXPECT_EQ(PyRepr(Sample(true)), "OrderedDict([('a', [1, 2.5, None, True, 'x'])])");
  EXPECT_EQ(PyRepr(PyValue::Dict(true)), "OrderedDict()");
  EXPECT_EQ(PyStr(PyValue::Str("it's")), "it's");
  EXPECT_EQ(PyRepr(PyValue::Str("it's")), "\"it's\"");
  EXPECT_EQ(PyStr(PyValue::Bytes("a'\x01")), "b\"a'\\x01\"");
}

TEST(PyValue, TypeNames) {
  EXPECT_EQ(PyTypeName(PyValue::None()), "<class 'NoneType'>");
  EXPECT_EQ(PyTypeName(PyValue::Bool(false)), "<class 'bool'>");
  EXPECT_EQ(PyTypeName(Sample(true)), "<class 'collections.OrderedDict'>");
  EXPECT_EQ(PyTypeName(PyValue::Bytes("")), "<class 'bytes'>");
  EXPECT_EQ(PyTypeName(PyValue::Epoch()), "<class 'datetime.datetime'>");
}

TEST(PyValue, DictAssignmentKeepsFirstPosition) {
  PyValue d = PyValue::Dict();
  d.Set("a", PyValue::Int(1));
  d.Set("b", PyValue::Int(2));
  d.Set("a", PyValue::Int(3));
  EXPECT_EQ(PyRepr(d), "{'a': 3, 'b': 2}");
  // Python equality: True == 1 == 1.0, so they are one key.
  d.Set(PyValue::Bool(true), PyValue::Str("t"));
  d.Set(PyValue::Int(1), PyValue::Str("one"));
  EXPECT_EQ(PyRepr(d), "{'a': 3, 'b': 2, True: 'one'}");
  EXPECT_TRUE(PyValue::Bool(true).is_int_like());
  EXPECT_FALSE(PyValue::Str("").Truthy());
  EXPECT_FALSE(PyValue::Int(0).Truthy());
}

TEST(PyValue, JsonBothWays) {
  json::value v = ToJson(Sample(true));
  EXPECT_EQ(json::serialize(v), R"({"a":[1,2.5E0,null,true,"x"]})");
  EXPECT_EQ(PyRepr(FromJson(v)), "{'a': [1, 2.5, None, True, 'x']}");
  EXPECT_EQ(ToJson(PyValue::IntText("18446744073709551615")).kind(), json::kind::uint64);
  EXPECT_EQ(ToJson(PyValue::IntText("99999999999999999999")).kind(), json::kind::double_);
  EXPECT_EQ(ToJson(PyValue::Epoch()), json::value("1970-01-01T00:00:00"));
}

}  // namespace
}  // namespace iotjobs::cli::python
