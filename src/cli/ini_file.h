#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace iotjobs::cli {

// An AWS shared config or credentials file: [sections] of `key = value` lines, as botocore's
// config parser reads them — '#' and ';' start comments, keys are case-sensitive, indented
// lines under `key =` form a nested block ("s3 =\n  max_concurrent_requests = 20") that is
// kept as `key.subkey`.
class IniFile {
 public:
  // An absent file is an empty IniFile (AWS tools treat it so).
  static IniFile Load(const std::string& path);
  static IniFile Parse(std::string_view text);

  bool HasSection(std::string_view section) const;
  std::optional<std::string> Get(std::string_view section, std::string_view key) const;

 private:
  std::map<std::string, std::map<std::string, std::string>, std::less<>> sections_;
};

}  // namespace iotjobs::cli
