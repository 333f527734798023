// json.dumps(value, indent=4) as --generate-cli-skeleton and v2's JSON output write it.

#include <gtest/gtest.h>

#include "cli/args/py_json.h"

namespace iotjobs::cli::args {
namespace {

TEST(PyJsonDumps, IndentedLikePython) {
  PyValue d = PyValue::Dict();
  d.Set("a", PyValue::List({PyValue::Int(1), PyValue::Float(2.5), PyValue::None(),
                            PyValue::Bool(true), PyValue::Str("x")}));
  d.Set("e", PyValue::Dict());
  d.Set("l", PyValue::List());
  d.Set("u", PyValue::Str("\xc3\xa9\xf0\x9f\x98\x80\"\n"));
  d.Set("f", PyValue::Float(0.0));
  EXPECT_EQ(PyJsonDumpsIndented(d),
            "{\n"
            "    \"a\": [\n"
            "        1,\n"
            "        2.5,\n"
            "        null,\n"
            "        true,\n"
            "        \"x\"\n"
            "    ],\n"
            "    \"e\": {},\n"
            "    \"l\": [],\n"
            "    \"u\": \"\\u00e9\\ud83d\\ude00\\\"\\n\",\n"
            "    \"f\": 0.0\n"
            "}");
}

}  // namespace
}  // namespace iotjobs::cli::args
