#include "cli/output/yaml_emitter.h"

#include <cassert>
#include <utility>

namespace iotjobs::cli::output {
namespace {

// libyaml's character macros (yaml_private.h) over UTF-8 bytes. Reading past the end gives
// NUL, as libyaml reads the string's terminator: the end of a scalar counts as "blankz".
unsigned char At(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// WIDTH(): the length of the character from its lead byte (1 for a stray byte, where
// libyaml would read 0 and never advance).
std::size_t Width(std::string_view s, std::size_t i) {
  const unsigned char b = At(s, i);
  if ((b & 0x80) == 0x00) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

bool IsSpaceAt(std::string_view s, std::size_t i) { return At(s, i) == ' '; }
bool IsBlankAt(std::string_view s, std::size_t i) { return At(s, i) == ' ' || At(s, i) == '\t'; }

bool IsBreakAt(std::string_view s, std::size_t i) {
  const unsigned char b = At(s, i);
  return b == '\r' || b == '\n' || (b == 0xC2 && At(s, i + 1) == 0x85) ||  // NEL
         (b == 0xE2 && At(s, i + 1) == 0x80 && (At(s, i + 2) == 0xA8 || At(s, i + 2) == 0xA9));
}

bool IsBlankzAt(std::string_view s, std::size_t i) {
  return IsBlankAt(s, i) || IsBreakAt(s, i) || At(s, i) == 0;
}

// IS_PRINTABLE: note that TAB, CR, the C1 controls and every 4-byte character (U+10000 and
// up, emoji included) are not printable, so such scalars get double quotes and escapes.
bool IsPrintableAt(std::string_view s, std::size_t i) {
  const unsigned char b0 = At(s, i), b1 = At(s, i + 1), b2 = At(s, i + 2);
  return b0 == 0x0A || (b0 >= 0x20 && b0 <= 0x7E) || (b0 == 0xC2 && b1 >= 0xA0) ||
         (b0 > 0xC2 && b0 < 0xED) || (b0 == 0xED && b1 < 0xA0) || b0 == 0xEE ||
         (b0 == 0xEF && !(b1 == 0xBB && b2 == 0xBF) && !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)));
}

bool IsBomAt(std::string_view s, std::size_t i) {
  return At(s, i) == 0xEF && At(s, i + 1) == 0xBB && At(s, i + 2) == 0xBF;
}

bool In(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// The one-letter escapes of yaml_emitter_write_double_quoted_scalar (\t, \N, ...); 0 for
// the characters written as \xXX, \uXXXX or \UXXXXXXXX.
char ShortEscape(char32_t value) {
  static constexpr std::pair<char32_t, char> kEscapes[] = {
      {0x00, '0'},  {0x07, 'a'}, {0x08, 'b'}, {0x09, 't'},   {0x0A, 'n'},
      {0x0B, 'v'},  {0x0C, 'f'}, {0x0D, 'r'}, {0x1B, 'e'},   {0x22, '"'},
      {0x5C, '\\'}, {0x85, 'N'}, {0xA0, '_'}, {0x2028, 'L'}, {0x2029, 'P'}};
  for (const auto& [code, letter] : kEscapes) {
    if (code == value) return letter;
  }
  return 0;
}

}  // namespace

// yaml_emitter_analyze_scalar, keeping what block context needs (flow_level is always 0
// here: the only flow collections are empty).
YamlEmitter::Analysis YamlEmitter::AnalyzeScalar(std::string_view s) {
  Analysis analysis;
  if (s.empty()) {
    analysis.block_plain_allowed = true;
    analysis.single_quoted_allowed = true;
    return analysis;
  }
  bool block_indicators = s.starts_with("---") || s.starts_with("...");
  bool line_breaks = false, special_characters = false;
  bool leading_space = false, leading_break = false, trailing_space = false;
  bool trailing_break = false, break_space = false, space_break = false;
  bool previous_space = false, previous_break = false;
  bool preceded_by_whitespace = true;
  bool followed_by_whitespace = IsBlankzAt(s, Width(s, 0));
  for (std::size_t pos = 0; pos < s.size();) {
    const char c = s[pos];
    if (pos == 0) {
      if (In(c, "#,[]{}&*!|>'\"%@`")) block_indicators = true;
      if (In(c, "?:") && followed_by_whitespace) block_indicators = true;
      if (c == '-' && followed_by_whitespace) block_indicators = true;
    } else {
      if (c == ':' && followed_by_whitespace) block_indicators = true;
      if (c == '#' && preceded_by_whitespace) block_indicators = true;
    }
    if (!IsPrintableAt(s, pos)) special_characters = true;
    if (IsBreakAt(s, pos)) line_breaks = true;
    const std::size_t width = Width(s, pos);
    if (IsSpaceAt(s, pos)) {
      if (pos == 0) leading_space = true;
      if (pos + width == s.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (IsBreakAt(s, pos)) {
      if (pos == 0) leading_break = true;
      if (pos + width == s.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = false;
      previous_break = false;
    }
    preceded_by_whitespace = IsBlankzAt(s, pos);
    pos += width;
    if (pos < s.size()) followed_by_whitespace = IsBlankzAt(s, pos + Width(s, pos));
  }
  analysis.multiline = line_breaks;
  analysis.block_plain_allowed = true;
  analysis.single_quoted_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    analysis.block_plain_allowed = false;
  }
  if (break_space || space_break || special_characters) {
    analysis.block_plain_allowed = false;
    analysis.single_quoted_allowed = false;
  }
  if (line_breaks || block_indicators) analysis.block_plain_allowed = false;
  return analysis;
}

void YamlEmitter::BeginNode(bool /*root*/, bool /*sequence*/, bool mapping, bool simple_key) {
  mapping_context_ = mapping;
  simple_key_context_ = simple_key;
}

// yaml_emitter_emit_scalar with yaml_emitter_select_scalar_style.
void YamlEmitter::Scalar(std::string_view text, bool plain_implicit) {
  const Analysis analysis = AnalyzeScalar(text);
  Style style = Style::kPlain;
  if (simple_key_context_ && analysis.multiline) style = Style::kDoubleQuoted;
  if (style == Style::kPlain) {
    if (!analysis.block_plain_allowed || (text.empty() && simple_key_context_) || !plain_implicit) {
      style = Style::kSingleQuoted;
    }
  }
  if (style == Style::kSingleQuoted && !analysis.single_quoted_allowed) {
    style = Style::kDoubleQuoted;
  }
  IncreaseIndent(true, false);
  const bool allow_breaks = !simple_key_context_;
  switch (style) {
    case Style::kPlain:
      WritePlain(text, allow_breaks);
      break;
    case Style::kSingleQuoted:
      WriteSingleQuoted(text, allow_breaks);
      break;
    case Style::kDoubleQuoted:
      WriteDoubleQuoted(text, allow_breaks);
      break;
  }
  PopIndent();
}

void YamlEmitter::EmptySequence() {
  WriteIndicator("[", true, true, false);
  WriteIndicator("]", false, false, false);
}

void YamlEmitter::EmptyMapping() {
  WriteIndicator("{", true, true, false);
  WriteIndicator("}", false, false, false);
}

// A sequence that is a mapping's value starts at the key's column ("key:\n- item").
void YamlEmitter::BlockSequenceStart() { IncreaseIndent(false, mapping_context_ && !indention_); }

void YamlEmitter::BlockSequenceItem() {
  WriteIndent();
  WriteIndicator("-", true, false, true);
}

void YamlEmitter::BlockSequenceEnd() { PopIndent(); }

void YamlEmitter::BlockMappingStart() { IncreaseIndent(false, false); }

// yaml_emitter_check_simple_key: a single-line scalar of at most 128 bytes.
bool YamlEmitter::BlockMappingKey(std::string_view key) {
  WriteIndent();
  const bool simple = !AnalyzeScalar(key).multiline && key.size() <= 128;
  if (!simple) WriteIndicator("?", true, false, true);
  return simple;
}

void YamlEmitter::BlockMappingValue(bool simple) {
  if (simple) {
    WriteIndicator(":", false, false, false);
  } else {
    WriteIndent();
    WriteIndicator(":", true, false, true);
  }
}

void YamlEmitter::BlockMappingEnd() { PopIndent(); }

void YamlEmitter::DocumentEnd() { WriteIndent(); }

void YamlEmitter::IncreaseIndent(bool flow, bool indentless) {
  indents_.push_back(indent_);
  if (indent_ < 0) {
    indent_ = flow ? kBestIndent : 0;
  } else if (!indentless) {
    indent_ += kBestIndent;
  }
}

void YamlEmitter::PopIndent() {
  assert(!indents_.empty());
  indent_ = indents_.back();
  indents_.pop_back();
}

void YamlEmitter::Put(char c) {
  out_->push_back(c);
  ++column_;
}

void YamlEmitter::PutBreak() {
  out_->push_back('\n');
  column_ = 0;
}

void YamlEmitter::Write(std::string_view value, std::size_t* pos) {
  const std::size_t width = Width(value, *pos);
  out_->append(value.substr(*pos, width));
  *pos += width;
  ++column_;
}

void YamlEmitter::WriteBreak(std::string_view value, std::size_t* pos) {
  if (value[*pos] == '\n') {
    PutBreak();
    ++*pos;
    return;
  }
  const std::size_t width = Width(value, *pos);
  out_->append(value.substr(*pos, width));
  *pos += width;
  column_ = 0;
}

void YamlEmitter::WriteIndent() {
  const int indent = indent_ >= 0 ? indent_ : 0;
  if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) PutBreak();
  while (column_ < indent) Put(' ');
  whitespace_ = true;
  indention_ = true;
}

void YamlEmitter::WriteIndicator(std::string_view indicator, bool need_whitespace,
                                 bool is_whitespace, bool is_indention) {
  if (need_whitespace && !whitespace_) Put(' ');
  for (char c : indicator) Put(c);
  whitespace_ = is_whitespace;
  indention_ = indention_ && is_indention;
}

// yaml_emitter_write_plain_scalar: a long line folds at the first single space past column 80.
void YamlEmitter::WritePlain(std::string_view s, bool allow_breaks) {
  if (!whitespace_) Put(' ');
  bool spaces = false, breaks = false;
  for (std::size_t pos = 0; pos < s.size();) {
    if (IsSpaceAt(s, pos)) {
      if (allow_breaks && !spaces && column_ > kBestWidth && !IsSpaceAt(s, pos + 1)) {
        WriteIndent();
        ++pos;
      } else {
        Write(s, &pos);
      }
      spaces = true;
    } else if (IsBreakAt(s, pos)) {
      if (!breaks && s[pos] == '\n') PutBreak();
      WriteBreak(s, &pos);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks) WriteIndent();
      Write(s, &pos);
      indention_ = false;
      spaces = false;
      breaks = false;
    }
  }
  whitespace_ = false;
  indention_ = false;
}

// yaml_emitter_write_single_quoted_scalar: ' doubled, "\n" written as an empty line.
void YamlEmitter::WriteSingleQuoted(std::string_view s, bool allow_breaks) {
  WriteIndicator("'", true, false, false);
  bool spaces = false, breaks = false;
  for (std::size_t pos = 0; pos < s.size();) {
    if (IsSpaceAt(s, pos)) {
      if (allow_breaks && !spaces && column_ > kBestWidth && pos != 0 && pos != s.size() - 1 &&
          !IsSpaceAt(s, pos + 1)) {
        WriteIndent();
        ++pos;
      } else {
        Write(s, &pos);
      }
      spaces = true;
    } else if (IsBreakAt(s, pos)) {
      if (!breaks && s[pos] == '\n') PutBreak();
      WriteBreak(s, &pos);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks) WriteIndent();
      if (s[pos] == '\'') Put('\'');
      Write(s, &pos);
      indention_ = false;
      spaces = false;
      breaks = false;
    }
  }
  if (breaks) WriteIndent();
  WriteIndicator("'", false, false, false);
  whitespace_ = false;
  indention_ = false;
}

// yaml_emitter_write_double_quoted_scalar: escapes for what is not printable, line breaks,
// the BOM, '"' and '\'; a fold at a space past column 80 ends the line, and a following
// space is protected with a backslash.
void YamlEmitter::WriteDoubleQuoted(std::string_view s, bool allow_breaks) {
  WriteIndicator("\"", true, false, false);
  bool spaces = false;
  for (std::size_t pos = 0; pos < s.size();) {
    if (!IsPrintableAt(s, pos) || IsBomAt(s, pos) || IsBreakAt(s, pos) || s[pos] == '"' ||
        s[pos] == '\\') {
      const unsigned char lead = At(s, pos);
      const std::size_t width = Width(s, pos);
      char32_t value = width == 1   ? lead
                       : width == 2 ? (lead & 0x1F)
                       : width == 3 ? (lead & 0x0F)
                                    : (lead & 0x07);
      for (std::size_t k = 1; k < width; ++k) value = (value << 6) + (At(s, pos + k) & 0x3F);
      pos += width;
      Put('\\');
      if (const char letter = ShortEscape(value); letter != 0) {
        Put(letter);
      } else {
        int digits = 8;
        if (value <= 0xFF) {
          Put('x');
          digits = 2;
        } else if (value <= 0xFFFF) {
          Put('u');
          digits = 4;
        } else {
          Put('U');
        }
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
          const int digit = static_cast<int>((value >> shift) & 0x0F);
          Put(static_cast<char>(digit < 10 ? '0' + digit : 'A' + digit - 10));
        }
      }
      spaces = false;
    } else if (IsSpaceAt(s, pos)) {
      if (allow_breaks && !spaces && column_ > kBestWidth && pos != 0 && pos != s.size() - 1) {
        WriteIndent();
        if (IsSpaceAt(s, pos + 1)) Put('\\');
        ++pos;
      } else {
        Write(s, &pos);
      }
      spaces = true;
    } else {
      Write(s, &pos);
      spaces = false;
    }
  }
  WriteIndicator("\"", false, false, false);
  whitespace_ = false;
  indention_ = false;
}

}  // namespace iotjobs::cli::output
