#include "cli/python/utf8.h"

namespace iotjobs::cli::python {
namespace {

bool IsSurrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// Decodes strictly: 0 for a malformed sequence or an encoded surrogate.
std::size_t DecodeStrict(std::string_view text, std::size_t pos, char32_t* cp) {
  const std::size_t length = DecodeSequence(text, pos, cp);
  return length != 0 && IsSurrogate(*cp) ? 0 : length;
}

}  // namespace

std::size_t DecodeSequence(std::string_view text, std::size_t pos, char32_t* cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3F);
  }
  if (value < min || value > 0x10FFFF) return 0;
  *cp = value;
  return length;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    const std::size_t length = DecodeStrict(text, pos, &cp);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

char32_t NextCodePoint(std::string_view text, std::size_t* pos) {
  char32_t cp = 0;
  const std::size_t length = DecodeStrict(text, *pos, &cp);
  if (length == 0) {
    ++*pos;
    return kReplacementCharacter;
  }
  *pos += length;
  return cp;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) NextCodePoint(text, &pos);
  return count;
}

void AppendUtf8(char32_t cp, std::string* out) {
  AppendWtf8(cp > 0x10FFFF || IsSurrogate(cp) ? kReplacementCharacter : cp, out);
}

void AppendWtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) out.push_back(NextCodePoint(text, &pos));
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) AppendUtf8(cp, &out);
  return out;
}

}  // namespace iotjobs::cli::python
