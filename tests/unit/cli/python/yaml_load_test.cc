// ruamel.yaml safe-load typing (YAML 1.2), as --cli-input-yaml sees documents.

#include "cli/python/yaml_load.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
namespace {

std::string Loaded(const char* text) {
  auto v = PyYamlLoad(text);
  return v ? PyRepr(*v) + " " + PyTypeName(*v) : "YAMLError";
}

TEST(PyYaml, PlainScalarsAreTyped) {
  EXPECT_EQ(Loaded("a: 5\nb: '5'\nc: 0x10\nd: 0o17\ne: 017\nf: 1_000\ng: +5\nh: 0b101"),
            "{'a': 5, 'b': '5', 'c': 16, 'd': 15, 'e': 17, 'f': 1000, 'g': 5, 'h': 5} "
            "<class 'dict'>");
  EXPECT_EQ(Loaded("a: 1.0\nb: 1e3\nc: .inf\nd: -.5"),
            "{'a': 1.0, 'b': 1000.0, 'c': inf, 'd': -0.5} <class 'dict'>");
  EXPECT_EQ(Loaded("a: true\nb: True\nc: yes\nd: off\ne: \"true\""),
            "{'a': True, 'b': True, 'c': 'yes', 'd': 'off', 'e': 'true'} <class 'dict'>");
  EXPECT_EQ(Loaded("a: ~\nb:\nc: null\nd: 'null'"),
            "{'a': None, 'b': None, 'c': None, 'd': 'null'} <class 'dict'>");
}

TEST(PyYaml, Timestamps) {
  EXPECT_EQ(Loaded("2001-12-14"), "2001-12-14 <class 'datetime.date'>");
  EXPECT_EQ(Loaded("2001-12-14 21:59:43.10"),
            "2001-12-14 21:59:43.100000 <class 'datetime.datetime'>");
  EXPECT_EQ(Loaded("2001-12-14t21:59:43.10-05:00"),
            "2001-12-15 02:59:43.100000 <class 'datetime.datetime'>");
}

TEST(PyYaml, TagsAnchorsAndRefusals) {
  EXPECT_EQ(Loaded("a: &x foo\nb: *x\nc: !!str 5\nd: !!int \"7\"\ne: !!binary aGk="),
            "{'a': 'foo', 'b': 'foo', 'c': '5', 'd': 7, 'e': b'hi'} <class 'dict'>");
  EXPECT_EQ(Loaded("1: x"), "{1: 'x'} <class 'dict'>");
  EXPECT_EQ(Loaded(""), "None <class 'NoneType'>");
  for (const char* bad :
       {"a: 1\na: 2", "---\na: 1\n---\nb: 2", "a: !custom x", "{", "a: [1", "? {a: 1}\n: b"}) {
    EXPECT_EQ(Loaded(bad), "YAMLError") << bad;
  }
}

}  // namespace
}  // namespace iotjobs::cli::python
