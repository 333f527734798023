#include "cli/args/cli_input.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

std::string Loaded(const char* text, CliInputFormat format) {
  auto r = LoadCliInput(PyValue::Str(text), format);
  return r.ok() ? python::PyRepr(*r) : r.status().message();
}

TEST(CliInput, JsonDocument) {
  EXPECT_EQ(Loaded("{\"jobId\": \"a\", \"n\": 1.0}", CliInputFormat::kJson),
            "{'jobId': 'a', 'n': 1.0}");
  EXPECT_EQ(Loaded("{bad", CliInputFormat::kJson),
            "\nError parsing parameter 'cli-input-json': Invalid JSON received.\n");
  EXPECT_EQ(Loaded("[1]", CliInputFormat::kJson),
            "\nError parsing parameter '--cli-input-json': Invalid type: expecting map, received "
            "<class 'list'>\n");
}

TEST(CliInput, YamlDocument) {
  EXPECT_EQ(Loaded("jobId: a\nn: 0x10", CliInputFormat::kYaml), "{'jobId': 'a', 'n': 16}");
  EXPECT_EQ(Loaded("{", CliInputFormat::kYaml),
            "\nError parsing parameter 'cli-input-yaml': Invalid YAML received.\n");
  EXPECT_EQ(Loaded("", CliInputFormat::kYaml),
            "\nError parsing parameter '--cli-input-yaml': Invalid type: expecting map, received "
            "<class 'NoneType'>\n");
}

TEST(CliInput, MergeIsShallowAndUnderTheCommandLine) {
  PyValue params = PyValue::Dict();
  params.Set("jobId", PyValue::Str("cli"));
  PyValue doc = *LoadCliInput(PyValue::Str("{\"thingName\": \"t\", \"jobId\": \"doc\", "
                                           "\"x\": {\"a\": 1}}"),
                              CliInputFormat::kJson);
  MergeCliInput(params, doc);
  EXPECT_EQ(python::PyRepr(params), "{'jobId': 'cli', 'thingName': 't', 'x': {'a': 1}}");
}

}  // namespace
}  // namespace iotjobs::cli::args
