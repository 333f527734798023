#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "api/wire/model.h"
#include "common/result.h"

namespace iotjobs::api {

// The query string as decoded key/value pairs, in order; a key may repeat (list members).
using QueryParams = std::multimap<std::string, std::string>;

// Parses `a=1&b=two%20words`; kInvalidRequest on a malformed escape.
Result<QueryParams> ParseQuery(std::string_view raw_query);

// Gathers an operation's input from where the model binds each member — path labels, query
// parameters, headers, the JSON body — into one JSON object keyed by member name, with
// strings from the URI converted to the member's type. Body members the model does not know
// are ignored, as AWS does. kInvalidRequest for a body that is not a JSON object or a URI
// value that is not of its member's type ("abc" for a long, "yes" for a boolean).
Result<boost::json::object> DecodeInput(
    const wire::Operation& op, const std::map<std::string, std::string>& labels,
    const QueryParams& query,
    const std::function<std::optional<std::string>(std::string_view)>& header,
    std::string_view body);

}  // namespace iotjobs::api
