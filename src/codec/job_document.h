#pragma once

#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>
#include <cstddef>
#include <string_view>

namespace iotjobs::codec {

// How deeply a job document may nest. AWS bounds a document by size (32 KB), not by depth;
// iotjobs accepts any valid JSON of that size up to this depth. The guard protects the
// server (a parsed document is destroyed recursively) and the devices: 512 levels stay
// below the recursion limits of common JSON parsers on devices (Python's is about 1000), as
// the document is embedded as a JSON object in the MQTT jobs messages.
inline constexpr size_t kMaxJobDocumentDepth = 512;

// Parses a job document with that guard; `ec` is boost::json::error::too_deep past it.
boost::json::value ParseJobDocument(std::string_view text, boost::system::error_code& ec);

// The document as the MQTT messages embed it: the parsed JSON, or the text itself as a
// string where it is not JSON (documents are checked when a job is created, so only a
// document stored by an older iotjobsd could be).
boost::json::value JobDocumentForMqtt(std::string_view text);

}  // namespace iotjobs::codec
