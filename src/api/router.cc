#include "api/router.h"

#include "common/encoding.h"

namespace iotjobs::api {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

Router::Router(const wire::ServiceModel& model) {
  for (const auto& op : model.operations) {
    Template t{&op, {}, 0};
    std::string_view uri = op.request_uri;
    if (size_t q = uri.find('?'); q != std::string_view::npos) uri = uri.substr(0, q);
    for (std::string_view seg : Split(uri)) {
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        t.segments.push_back({true, std::string(seg.substr(1, seg.size() - 2))});
      } else {
        t.segments.push_back({false, std::string(seg)});
        ++t.literals;
      }
    }
    templates_.push_back(std::move(t));
  }
}

Result<RouteMatch> Router::Match(std::string_view method, std::string_view raw_path) const {
  std::vector<std::string_view> raw = Split(raw_path);
  std::vector<std::string> segments;
  for (std::string_view s : raw) {
    auto decoded = PercentDecode(s, false);
    if (!decoded) return InvalidRequest("The request path is not validly percent-encoded.");
    segments.push_back(std::move(*decoded));
  }
  const Template* best = nullptr;
  bool path_known = false;
  std::vector<std::string> allowed;
  for (const auto& t : templates_) {
    if (t.segments.size() != segments.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < segments.size() && ok; ++i) {
      ok = t.segments[i].is_label ? !segments[i].empty() : t.segments[i].text == segments[i];
    }
    if (!ok) continue;
    path_known = true;
    if (t.operation->method != method) {
      allowed.push_back(t.operation->method);
      continue;
    }
    if (!best || t.literals > best->literals) best = &t;
  }
  if (!best) {
    if (path_known) {
      return Status(ErrorCode::kMethodNotAllowed,
                    "The method " + std::string(method) + " is not allowed on " +
                        std::string(raw_path) + ".");
    }
    return Status(ErrorCode::kUnknownOperation,
                  "No operation matches " + std::string(method) + " " + std::string(raw_path) +
                      ".");
  }
  RouteMatch match;
  match.operation = best->operation;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (best->segments[i].is_label) match.labels[best->segments[i].text] = std::move(segments[i]);
  }
  return match;
}

}  // namespace iotjobs::api
