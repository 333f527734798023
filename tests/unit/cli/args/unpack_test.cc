// The load-cli-arg and process-cli-arg steps of one member option.

#include "cli/args/unpack.h"

#include <gtest/gtest.h>

#include "api/wire/model.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

CliOption Option(const char* op, const char* name) {
  for (const auto& o : OperationOptions(*wire::ControlPlaneModel().FindOperation(op))) {
    if (o.name == name) return o;
  }
  ADD_FAILURE() << name;
  return {};
}

std::string Unpacked(const char* op, const char* name, PyValue value) {
  auto r = UnpackMemberValue(Option(op, name), std::move(value));
  if (!r.ok()) {
    return (r.status().code() == ErrorCode::kInternalFailure ? "CRASH " : "ERR ") +
           r.status().message();
  }
  return python::PyRepr(*r);
}

PyValue Words(std::vector<std::string> words) {
  PyValue list = PyValue::List();
  for (auto& w : words) list.items.push_back(PyValue::Str(std::move(w)));
  return list;
}

TEST(Unpack, ScalarsAndLists) {
  EXPECT_EQ(Unpacked("ListJobs", "max-results", PyValue::Str(" 7 ")), "7");
  EXPECT_EQ(Unpacked("ListJobs", "max-results", PyValue::Str("abc")),
            "CRASH invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(Unpacked("CreateJob", "targets", Words({"a", "b"})), "['a', 'b']");
  EXPECT_EQ(Unpacked("CreateJob", "targets", Words({" [\"a\"] "})), "['a']");
  // A file's text where a list is modelled: one element per character.
  EXPECT_EQ(Unpacked("CreateJob", "targets", PyValue::Str("ab")), "['a', 'b']");
  EXPECT_EQ(Unpacked("CreateJob", "targets", PyValue::Str("  ")),
            "CRASH string index out of range");
  EXPECT_EQ(Unpacked("CreateJob", "targets", PyValue::Bytes("ab")), "[97, 98]");
}

TEST(Unpack, StructuresTakeShorthandOrJson) {
  EXPECT_EQ(Unpacked("CreateJob", "presigned-url-config", PyValue::Str("roleArn=r")),
            "{'roleArn': 'r'}");
  EXPECT_EQ(Unpacked("CreateJob", "presigned-url-config", PyValue::Str(" {\"roleArn\": \"r\"}")),
            "OrderedDict([('roleArn', 'r')])");
  EXPECT_EQ(Unpacked("CreateJob", "presigned-url-config", PyValue::Str("[1]")),
            "ERR Error parsing parameter '--presigned-url-config': Invalid JSON:\n[1]");
  EXPECT_EQ(Unpacked("CreateJob", "presigned-url-config", PyValue::Str("{\"roleArn\": 1")),
            "ERR Error parsing parameter '--presigned-url-config': Invalid JSON: Expecting ',' "
            "delimiter: line 1 column 14 (char 13)\nJSON received: {\"roleArn\": 1");
  EXPECT_EQ(Unpacked("CreateJob", "presigned-url-config", PyValue::Str("roleArn")),
            "ERR Error parsing parameter '--presigned-url-config': Expected: '=', received: "
            "'EOF' for input:\nroleArn\n       ^");
}

TEST(Unpack, ListsOfStructures) {
  EXPECT_EQ(Unpacked("CreateJob", "tags", Words({"Key=a,Value=b", "Key=c"})),
            "[{'Key': 'a', 'Value': 'b'}, {'Key': 'c'}]");
  EXPECT_EQ(Unpacked("CreateJob", "tags", Words({"{\"Key\": \"a\"}", "{\"Key\": \"b\"}"})),
            "[OrderedDict([('Key', 'a')]), OrderedDict([('Key', 'b')])]");
  EXPECT_EQ(Unpacked("CreateJob", "tags", Words({"{\"Key\": \"a\"}", "Key=b"})),
            "ERR Error parsing parameter '--tags': Invalid JSON:\nKey=b");
  EXPECT_EQ(Unpacked("CreateJob", "tags", PyValue::Str("Key=a")), "{'Key': 'a'}");
}

TEST(Unpack, FilesForAnyOption) {
  EXPECT_EQ(python::PyRepr(*LoadOptionFile("--x", PyValue::Str("plain"))), "'plain'");
  EXPECT_EQ(python::PyRepr(*LoadOptionFile("--x", Words({"a", "b"}))), "['a', 'b']");
  auto missing = LoadOptionFile("--x", Words({"file:///nonexistent/x"}));
  EXPECT_EQ(missing.status().message(),
            "Error parsing parameter '--x': Unable to load paramfile file:///nonexistent/x: "
            "[Errno 2] No such file or directory: '/nonexistent/x'");
}

}  // namespace
}  // namespace iotjobs::cli::args
