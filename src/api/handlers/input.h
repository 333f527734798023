#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "codec/json_fields.h"
#include "service/requests.h"

// Reading validated input members into service request fields.
namespace iotjobs::api {

using codec::GetBool;
using codec::GetInt;
using codec::GetString;
using codec::GetStringList;
using codec::GetStringMap;

// A required member (validation guaranteed it is present).
inline std::string Required(const boost::json::object& in, std::string_view key) {
  return GetString(in, key).value_or("");
}

inline service::PageInput PageOf(const boost::json::object& in) {
  service::PageInput page;
  page.next_token = GetString(in, "nextToken");
  if (auto m = GetInt(in, "maxResults")) page.max_results = static_cast<int>(*m);
  return page;
}

inline std::optional<service::AttributePayload> AttributePayloadOf(const boost::json::object& in,
                                                                   std::string_view key) {
  const boost::json::object* p = codec::GetObject(in, key);
  if (!p) return std::nullopt;
  return service::AttributePayload{GetStringMap(*p, "attributes"),
                                   GetBool(*p, "merge").value_or(false)};
}

}  // namespace iotjobs::api
