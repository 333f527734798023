#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// The request as SigV4 sees it, free of any HTTP library, so the CLI (signing) and the server
// (verifying) share one definition.
namespace iotjobs::auth {

// A borrowed view of one HTTP request. Nothing is owned: every string_view must outlive the
// calls the view is passed to.
struct HttpRequestView {
  std::string_view method;  // "GET"; used as given (SigV4 does not change its case)
  // The request target exactly as on the wire: "/things/t1/jobs/%24next?force=true",
  // still percent-encoded.
  std::string_view target;
  // Header names and values as received, in order; repeated names appear repeatedly.
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
};

// ASCII case-insensitive equality, for header names.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The value of the first header called `name` (any case), or nullopt.
std::optional<std::string_view> FindHeader(const HttpRequestView& request, std::string_view name);

// The path part of a target: everything before the first '?'.
std::string_view TargetPath(std::string_view target);

// The raw query of a target: everything after the first '?' ("" when there is none).
std::string_view TargetQuery(std::string_view target);

}  // namespace iotjobs::auth
