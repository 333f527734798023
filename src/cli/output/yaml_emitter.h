#pragma once

#include <string>
#include <string_view>
#include <vector>

// The YAML writer behind AWS CLI v2's `--output yaml`: ruamel.yaml's CEmitter, which is
// libyaml 0.1.7's emitter (src/emitter.c) as bundled by Debian's ruamel.yaml.clib. This is a
// port of the parts that emitting JSON data reaches: block mappings and sequences, empty flow
// collections ("[]", "{}"), and plain, single-quoted and double-quoted scalars, with libyaml's
// defaults (indent 2, width 80, unicode on). Tags, anchors, block scalars and non-empty flow
// collections never occur (the representer asks for block style and no scalar style) and are
// left out. Each method is the libyaml state function it names; the caller (yaml_format.cc)
// supplies the events in order.
namespace iotjobs::cli::output {

class YamlEmitter {
 public:
  // Appends to *out, which must outlive the emitter.
  explicit YamlEmitter(std::string* out) : out_(out) {}

  YamlEmitter(const YamlEmitter&) = delete;
  YamlEmitter& operator=(const YamlEmitter&) = delete;

  // yaml_emitter_emit_node: the context of the node whose events come next.
  void BeginNode(bool root, bool sequence, bool mapping, bool simple_key);

  // SCALAR. `plain_implicit`: the resolver gives this text its own tag when read back plain
  // (false for a string such as "1" or "null", which then gets quoted).
  void Scalar(std::string_view text, bool plain_implicit);

  // SEQUENCE-START + SEQUENCE-END, MAPPING-START + MAPPING-END of an empty collection.
  void EmptySequence();
  void EmptyMapping();

  void BlockSequenceStart();
  void BlockSequenceItem();  // before each item's node
  void BlockSequenceEnd();

  void BlockMappingStart();
  // Before a key's node: returns whether the key is written as a simple key (`key: value`)
  // rather than the complex form (`? key` / `: value`, for multi-line or >128-byte keys).
  bool BlockMappingKey(std::string_view key);
  void BlockMappingValue(bool simple);  // before the value's node
  void BlockMappingEnd();

  void DocumentEnd();

 private:
  struct Analysis {
    bool multiline = false;
    bool block_plain_allowed = false;
    bool single_quoted_allowed = false;
  };
  enum class Style { kPlain, kSingleQuoted, kDoubleQuoted };

  static Analysis AnalyzeScalar(std::string_view value);

  void IncreaseIndent(bool flow, bool indentless);
  void PopIndent();
  void Put(char c);
  void PutBreak();
  void Write(std::string_view value, std::size_t* pos);       // one character
  void WriteBreak(std::string_view value, std::size_t* pos);  // one line break character
  void WriteIndent();
  void WriteIndicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                      bool is_indention);
  void WritePlain(std::string_view value, bool allow_breaks);
  void WriteSingleQuoted(std::string_view value, bool allow_breaks);
  void WriteDoubleQuoted(std::string_view value, bool allow_breaks);

  static constexpr int kBestIndent = 2;
  static constexpr int kBestWidth = 80;

  std::string* out_;
  int indent_ = -1;
  std::vector<int> indents_;
  int column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
  bool mapping_context_ = false;
  bool simple_key_context_ = false;
};

}  // namespace iotjobs::cli::output
