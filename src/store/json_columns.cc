#include "store/json_columns.h"

#include <boost/json.hpp>

#include "codec/json_fields.h"
#include "common/log.h"

namespace iotjobs::store {

std::string StringMapToJson(const std::map<std::string, std::string>& m) {
  return boost::json::serialize(codec::ToJsonObject(m));
}

std::map<std::string, std::string> StringMapFromJson(std::string_view text) {
  std::map<std::string, std::string> out;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) {
    IOTJOBS_LOG(kError) << "store: a JSON column does not parse: " << text.substr(0, 80);
    return out;
  }
  for (const auto& kv : v.get_object()) {
    if (kv.value().is_string()) out.emplace(kv.key(), kv.value().get_string());
  }
  return out;
}

}  // namespace iotjobs::store
