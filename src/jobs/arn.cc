#include "jobs/arn.h"

namespace iotjobs::jobs {

std::string_view ArnResourceType(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kThing: return "thing";
    case ResourceKind::kThingGroup: return "thinggroup";
    case ResourceKind::kThingType: return "thingtype";
    case ResourceKind::kJob: return "job";
    case ResourceKind::kJobTemplate: return "jobtemplate";
  }
  return "thing";
}

std::string MakeArn(const ArnContext& ctx, ResourceKind kind, std::string_view name) {
  std::string arn = "arn:aws:iot:";
  arn += ctx.region;
  arn += ':';
  arn += ctx.account_id;
  arn += ':';
  arn += ArnResourceType(kind);
  arn += '/';
  arn += name;
  return arn;
}

std::optional<ParsedArn> ParseArn(std::string_view arn) {
  // arn:PARTITION:iot:REGION:ACCOUNT:RESOURCE
  std::string_view parts[6];
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    parts[i] = arn.substr(0, colon);
    arn.remove_prefix(colon + 1);
  }
  parts[5] = arn;
  if (parts[0] != "arn" || parts[1].substr(0, 3) != "aws" || parts[2] != "iot") {
    return std::nullopt;
  }
  size_t slash = parts[5].find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view prefix = parts[5].substr(0, slash);
  std::string_view name = parts[5].substr(slash + 1);
  if (name.empty()) return std::nullopt;
  ParsedArn out{std::string(parts[3]), std::string(parts[4]), ResourceKind::kThing,
                std::string(name)};
  if (prefix == "thing") {
    out.kind = ResourceKind::kThing;
  } else if (prefix == "thinggroup") {
    out.kind = ResourceKind::kThingGroup;
  } else if (prefix == "thingtype") {
    out.kind = ResourceKind::kThingType;
  } else if (prefix == "job") {
    out.kind = ResourceKind::kJob;
  } else if (prefix == "jobtemplate") {
    out.kind = ResourceKind::kJobTemplate;
  } else {
    return std::nullopt;
  }
  return out;
}

}  // namespace iotjobs::jobs
