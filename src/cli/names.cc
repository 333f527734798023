#include "cli/names.h"

#include <cctype>

namespace iotjobs::cli {
namespace {

bool Upper(char c) { return std::isupper(static_cast<unsigned char>(c)); }
bool Lower(char c) { return std::islower(static_cast<unsigned char>(c)); }
bool LowerOrDigit(char c) {
  return Lower(c) || std::isdigit(static_cast<unsigned char>(c));
}

// re.sub('(.)([A-Z][a-z]+)', r'\1-\2', s): a separator before each capitalised word.
std::string FirstCap(const std::string& s, char sep) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    // Python's re.sub scans left to right; a match consumes (.)(X[a-z]+).
    if (i + 2 < s.size() && Upper(s[i + 1]) && Lower(s[i + 2])) {
      out += s[i];
      out += sep;
      size_t j = i + 1;
      out += s[j++];
      while (j < s.size() && Lower(s[j])) out += s[j++];
      i = j;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// re.sub('([a-z0-9])([A-Z])', r'\1-\2', s).
std::string EndCap(const std::string& s, char sep) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (i + 1 < s.size() && LowerOrDigit(s[i]) && Upper(s[i + 1])) {
      out += s[i];
      out += sep;
      out += s[i + 1];
      i += 2;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

std::string CliName(std::string_view model_name) {
  constexpr char kSep = '-';
  std::string name(model_name);
  if (name.find(kSep) != std::string::npos) return name;
  // '[A-Z]{2,}s$': "ListARNs" -> "List-arns" before the other rules.
  if (name.size() >= 3 && name.back() == 's') {
    size_t start = name.size() - 1;
    while (start > 0 && Upper(name[start - 1])) --start;
    size_t caps = name.size() - 1 - start;
    if (caps >= 2) {
      std::string tail = name.substr(start);
      for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      name = name.substr(0, start) + kSep + tail;
    }
  }
  std::string out = EndCap(FirstCap(name, kSep), kSep);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace iotjobs::cli
