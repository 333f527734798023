#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/wire/model.h"
#include "cli/invoker.h"

namespace iotjobs::cli {

// --starting-token, --page-size, --max-items.
struct PaginationConfig {
  std::optional<std::string> starting_token;
  std::optional<int64_t> page_size;
  std::optional<int64_t> max_items;
};

// What AWS CLI v2 does for a paginated list command: it calls the operation page after page
// (nextToken in, nextToken out), keeps at most --max-items items of the result key, and gives
// the pages, shaped for output, to the caller; `NextToken` (the CLI's own resumable token, as
// botocore encodes it) is set when --max-items stopped it early.
struct PaginatedResult {
  std::vector<boost::json::value> pages;  // shaped, truncated as --max-items asks
  std::optional<std::string> next_token;  // resume token for --starting-token
  CallOutcome last;                       // the last call (carries an error, if any)
};

// `shape` turns a raw page into the shaped response (model order, timestamps as text).
// kInvalidRequest when --starting-token is not a token this CLI (or the AWS CLI) made.
Result<PaginatedResult> Paginate(Invoker& invoker, const api::wire::Operation& op,
                                 boost::json::object input, const PaginationConfig& config,
                                 const std::function<boost::json::value(const boost::json::value&)>& shape);

// botocore's build_full_result: the result key's items of every page in one list, plus
// `NextToken` when the listing was cut short.
boost::json::value FullResult(const api::wire::Paginator& paginator,
                              const PaginatedResult& result);

}  // namespace iotjobs::cli
