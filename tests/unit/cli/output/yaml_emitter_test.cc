#include "cli/output/yaml_emitter.h"

#include <gtest/gtest.h>

#include <string>

namespace iotjobs::cli::output {
namespace {

// Drives the emitter as yaml_format.cc does for {key: value} with a string value.
std::string MappingOfOne(std::string_view key, std::string_view value) {
  std::string out;
  YamlEmitter emitter(&out);
  emitter.BeginNode(true, false, false, false);
  emitter.BlockMappingStart();
  const bool simple = emitter.BlockMappingKey(key);
  emitter.BeginNode(false, false, true, simple);
  emitter.Scalar(key, true);
  emitter.BlockMappingValue(simple);
  emitter.BeginNode(false, false, true, false);
  emitter.Scalar(value, true);
  emitter.BlockMappingEnd();
  emitter.DocumentEnd();
  return out;
}

// Expectations are ruamel.yaml + libyaml 0.1.7 (awscli's YAMLDumper) output.
TEST(YamlEmitterTest, PlainScalarsFoldPastColumnEighty) {
  std::string words;
  for (int i = 0; i < 20; ++i) words += i == 0 ? "word" : " word";
  EXPECT_EQ(MappingOfOne("k", words),
            "k: word word word word word word word word word word word word word word word word\n"
            "  word word word word\n");
}

TEST(YamlEmitterTest, LongKeysUseTheComplexForm) {
  const std::string key(129, 'k');
  EXPECT_EQ(MappingOfOne(key, "1"), "? " + key + "\n: 1\n");
}

TEST(YamlEmitterTest, DoubleQuotesEscapeWhatIsNotPrintable) {
  EXPECT_EQ(MappingOfOne("k", "a\tb\U0001F600\u0085\uFEFF\"\\"),
            "k: \"a\\tb\\U0001F600\\N\\uFEFF\\\"\\\\\"\n");
}

TEST(YamlEmitterTest, SingleQuotesWriteLineBreaksAsEmptyLines) {
  EXPECT_EQ(MappingOfOne("k", "line1\nline2 it's"), "k: 'line1\n\n  line2 it''s'\n");
  EXPECT_EQ(MappingOfOne("a\nb", "x"), "? 'a\n\n  b'\n: x\n");
}

TEST(YamlEmitterTest, NotPlainImplicitMeansQuoted) {
  std::string out;
  YamlEmitter emitter(&out);
  emitter.BeginNode(true, false, false, false);
  emitter.BlockSequenceStart();
  emitter.BlockSequenceItem();
  emitter.BeginNode(false, true, false, false);
  emitter.Scalar("1", false);
  emitter.BlockSequenceItem();
  emitter.BeginNode(false, true, false, false);
  emitter.EmptySequence();
  emitter.BlockSequenceItem();
  emitter.BeginNode(false, true, false, false);
  emitter.EmptyMapping();
  emitter.BlockSequenceEnd();
  emitter.DocumentEnd();
  EXPECT_EQ(out, "- '1'\n- []\n- {}\n");
}

}  // namespace
}  // namespace iotjobs::cli::output
