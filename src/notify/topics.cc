#include "notify/topics.h"

#include <vector>

namespace iotjobs::notify::topics {
namespace {

constexpr std::string_view kThings = "$aws/things/";
constexpr std::string_view kJobs = "/jobs/";
constexpr std::string_view kNamespacePrefix = "namespace-";

std::string Prefix(std::string_view thing) {
  return std::string(kThings) + std::string(thing) + std::string(kJobs);
}

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t slash = s.find('/', start);
    out.push_back(s.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string Notify(std::string_view thing, const std::optional<std::string>& ns) {
  return Prefix(thing) + (ns ? "notify-namespace-" + *ns : std::string("notify"));
}

std::string NotifyNext(std::string_view thing, const std::optional<std::string>& ns) {
  return Prefix(thing) + (ns ? "notify-next-namespace-" + *ns : std::string("notify-next"));
}

std::string NotifyForJob(std::string_view thing, std::string_view job, std::string_view ns) {
  return Prefix(thing) + std::string(job) + "/notify-namespace-" + std::string(ns) + "/";
}

std::string JobEvent(std::string_view job, std::string_view operation) {
  return "$aws/events/job/" + std::string(job) + "/" + std::string(operation);
}

std::string JobExecutionEvent(std::string_view job, std::string_view operation) {
  return "$aws/events/jobExecution/" + std::string(job) + "/" + std::string(operation);
}

std::string Accepted(std::string_view request_topic) {
  return std::string(request_topic) + "/accepted";
}

std::string Rejected(std::string_view request_topic) {
  return std::string(request_topic) + "/rejected";
}

std::string RequestSubscription(const std::optional<std::string>& share_group) {
  std::string filter = "$aws/things/+/jobs/#";
  return share_group ? "$share/" + *share_group + "/" + filter : filter;
}

TopicClass Classify(std::string_view topic, Request* request) {
  if (!StartsWith(topic, kThings)) return TopicClass::kElsewhere;
  std::vector<std::string_view> parts = Split(topic.substr(kThings.size()));
  // THING / jobs / rest...
  if (parts.size() < 3 || parts[0].empty() || parts[1] != "jobs") return TopicClass::kElsewhere;
  std::vector<std::string_view> rest(parts.begin() + 2, parts.end());
  const std::string_view last = rest.back();
  if (last == "accepted" || last == "rejected") return TopicClass::kOurs;
  if (rest.size() == 1 && (rest[0] == "notify" || rest[0] == "notify-next" ||
                           StartsWith(rest[0], "notify-namespace-") ||
                           StartsWith(rest[0], "notify-next-namespace-"))) {
    return TopicClass::kOurs;
  }
  // JOB/notify-namespace-NS/ (a trailing empty part).
  if (rest.size() == 3 && StartsWith(rest[1], "notify-namespace-") && rest[2].empty()) {
    return TopicClass::kOurs;
  }
  Request r;
  r.thing = std::string(parts[0]);
  // An optional namespace-NS segment before the verb.
  auto namespace_of = [](std::string_view seg) -> std::optional<std::string> {
    if (!StartsWith(seg, kNamespacePrefix) || seg.size() == kNamespacePrefix.size()) {
      return std::nullopt;
    }
    return std::string(seg.substr(kNamespacePrefix.size()));
  };
  if (rest.size() == 1 || (rest.size() == 2 && namespace_of(rest[0]))) {
    if (rest.size() == 2) r.ns = namespace_of(rest[0]);
    if (last == "get") {
      r.kind = RequestKind::kGetPending;
    } else if (last == "start-next") {
      r.kind = RequestKind::kStartNext;
    } else {
      return TopicClass::kInvalid;
    }
  } else if (rest.size() == 2 || (rest.size() == 3 && namespace_of(rest[1]))) {
    if (rest[0].empty()) return TopicClass::kInvalid;
    r.job_id = std::string(rest[0]);
    if (rest.size() == 3) r.ns = namespace_of(rest[1]);
    if (last == "get") {
      r.kind = RequestKind::kDescribe;
    } else if (last == "update") {
      r.kind = RequestKind::kUpdate;
    } else {
      return TopicClass::kInvalid;
    }
  } else {
    return TopicClass::kInvalid;
  }
  if (request) *request = std::move(r);
  return TopicClass::kRequest;
}

}  // namespace iotjobs::notify::topics
