#include "jobs/event_configurations.h"

namespace iotjobs::jobs {

std::string_view ToString(EventType type) {
  switch (type) {
    case EventType::kThing: return "THING";
    case EventType::kThingGroup: return "THING_GROUP";
    case EventType::kThingType: return "THING_TYPE";
    case EventType::kThingGroupMembership: return "THING_GROUP_MEMBERSHIP";
    case EventType::kThingGroupHierarchy: return "THING_GROUP_HIERARCHY";
    case EventType::kThingTypeAssociation: return "THING_TYPE_ASSOCIATION";
    case EventType::kJob: return "JOB";
    case EventType::kJobExecution: return "JOB_EXECUTION";
    case EventType::kPolicy: return "POLICY";
    case EventType::kCertificate: return "CERTIFICATE";
    case EventType::kCaCertificate: return "CA_CERTIFICATE";
  }
  return "";
}

std::optional<EventType> ParseEventType(std::string_view text) {
  for (EventType type : kAllEventTypes) {
    if (ToString(type) == text) return type;
  }
  return std::nullopt;
}

bool IsPublished(EventType type) {
  return type == EventType::kJob || type == EventType::kJobExecution;
}

EventConfigurations EventConfigurations::Starting(bool job_events) {
  EventConfigurations c;
  for (EventType type : kAllEventTypes) c.enabled[type] = job_events && IsPublished(type);
  return c;
}

std::vector<EventType> UnpublishedTypesToEnable(const std::map<EventType, bool>& changes) {
  std::vector<EventType> out;
  for (const auto& [type, on] : changes) {  // std::map: the enum's order, the model's
    if (on && !IsPublished(type)) out.push_back(type);
  }
  return out;
}

}  // namespace iotjobs::jobs
