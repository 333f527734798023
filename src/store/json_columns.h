#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

// JSON text columns holding string maps and lists. Rows are written by this store only, so
// a column that does not parse means a damaged database: it reads as empty and is logged.
namespace iotjobs::store {

std::string StringMapToJson(const std::map<std::string, std::string>& m);
std::map<std::string, std::string> StringMapFromJson(std::string_view text);

}  // namespace iotjobs::store
