#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Typed reads of optional members from a Boost.JSON object, for codecs and handlers.
// Each returns nullopt (or an empty container) when the member is absent, null or of another
// type; callers that must refuse wrong types validate first (api/validator).
namespace iotjobs::codec {

const boost::json::value* Member(const boost::json::object& o, std::string_view key);
std::optional<std::string> GetString(const boost::json::object& o, std::string_view key);
std::optional<int64_t> GetInt(const boost::json::object& o, std::string_view key);
std::optional<double> GetDouble(const boost::json::object& o, std::string_view key);
std::optional<bool> GetBool(const boost::json::object& o, std::string_view key);
std::vector<std::string> GetStringList(const boost::json::object& o, std::string_view key);
std::map<std::string, std::string> GetStringMap(const boost::json::object& o,
                                                std::string_view key);
const boost::json::object* GetObject(const boost::json::object& o, std::string_view key);

boost::json::array ToJsonArray(const std::vector<std::string>& items);
boost::json::object ToJsonObject(const std::map<std::string, std::string>& items);

}  // namespace iotjobs::codec
