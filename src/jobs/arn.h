#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iotjobs::jobs {

// Where ARNs are made: arn:aws:iot:REGION:ACCOUNT:KIND/NAME.
struct ArnContext {
  std::string region;
  std::string account_id;
};

enum class ResourceKind { kThing, kThingGroup, kThingType, kJob, kJobTemplate };

std::string MakeArn(const ArnContext& ctx, ResourceKind kind, std::string_view name);

// The resource type an ARN names `kind` by: "thing", "thinggroup", "job", "jobtemplate".
std::string_view ArnResourceType(ResourceKind kind);

struct ParsedArn {
  std::string region;
  std::string account_id;
  ResourceKind kind;
  std::string name;
};

// Parses an iot resource ARN; nullopt when it is not one of the kinds above.
std::optional<ParsedArn> ParseArn(std::string_view arn);

}  // namespace iotjobs::jobs
