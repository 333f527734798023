#include "codec/json_fields.h"

namespace iotjobs::codec {

const boost::json::value* Member(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

std::optional<std::string> GetString(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = Member(o, key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::optional<int64_t> GetInt(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = Member(o, key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= INT64_MAX) return static_cast<int64_t>(v->get_uint64());
  return std::nullopt;
}

std::optional<double> GetDouble(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = Member(o, key);
  if (!v) return std::nullopt;
  if (v->is_double()) return v->get_double();
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  return std::nullopt;
}

std::optional<bool> GetBool(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = Member(o, key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

std::vector<std::string> GetStringList(const boost::json::object& o, std::string_view key) {
  std::vector<std::string> out;
  const boost::json::value* v = Member(o, key);
  if (!v || !v->is_array()) return out;
  for (const auto& item : v->get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

std::map<std::string, std::string> GetStringMap(const boost::json::object& o,
                                                std::string_view key) {
  std::map<std::string, std::string> out;
  const boost::json::value* v = Member(o, key);
  if (!v || !v->is_object()) return out;
  for (const auto& kv : v->get_object()) {
    if (kv.value().is_string()) out.emplace(kv.key(), kv.value().get_string());
  }
  return out;
}

const boost::json::object* GetObject(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = Member(o, key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

boost::json::array ToJsonArray(const std::vector<std::string>& items) {
  boost::json::array out;
  out.reserve(items.size());
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

boost::json::object ToJsonObject(const std::map<std::string, std::string>& items) {
  boost::json::object out;
  for (const auto& [k, v] : items) out[k] = v;
  return out;
}

}  // namespace iotjobs::codec
