#pragma once

#include <boost/json/object.hpp>

#include "api/wire/model.h"
#include "net/http_client.h"

namespace iotjobs::cli {

// Serializes an operation's input the way botocore's rest-json serializer does: path labels
// percent-encoded (everything but A-Z a-z 0-9 - . _ ~), query members in the model's order
// (booleans as true/false, list members repeated), header members, and the other members as
// a JSON body — "{}" when the input shape has body members but none is set, nothing when it
// has none. `base_path` (from the endpoint URL) prefixes the path. REQUIRES: `input` passed
// parameter validation (required path members present).
net::HttpRequest SerializeRequest(const api::wire::Operation& op, const boost::json::object& input,
                             const std::string& base_path);

}  // namespace iotjobs::cli
