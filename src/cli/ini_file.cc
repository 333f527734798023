#include "cli/ini_file.h"

#include <fstream>
#include <sstream>

namespace iotjobs::cli {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

IniFile IniFile::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return IniFile();
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str());
}

IniFile IniFile::Parse(std::string_view text) {
  IniFile ini;
  std::string section;
  std::string nested_parent;  // the key whose indented block we are in
  bool have_section = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      ini.sections_[section];
      have_section = true;
      nested_parent.clear();
      continue;
    }
    if (!have_section) continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(Trim(line.substr(0, eq)));
    std::string value(Trim(line.substr(eq + 1)));
    if (indented && !nested_parent.empty()) {
      ini.sections_[section][nested_parent + "." + key] = value;
      continue;
    }
    nested_parent = value.empty() ? key : std::string();
    ini.sections_[section][key] = value;
  }
  return ini;
}

bool IniFile::HasSection(std::string_view section) const {
  return sections_.find(section) != sections_.end();
}

std::optional<std::string> IniFile::Get(std::string_view section, std::string_view key) const {
  auto s = sections_.find(section);
  if (s == sections_.end()) return std::nullopt;
  auto k = s->second.find(std::string(key));
  if (k == s->second.end()) return std::nullopt;
  return k->second;
}

}  // namespace iotjobs::cli
