#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace iotjobs::jobs {

// EventType of the iot model (UpdateEventConfigurations, DescribeEventConfigurations), in the
// model's order.
enum class EventType {
  kThing,
  kThingGroup,
  kThingType,
  kThingGroupMembership,
  kThingGroupHierarchy,
  kThingTypeAssociation,
  kJob,
  kJobExecution,
  kPolicy,
  kCertificate,
  kCaCertificate,
};

inline constexpr EventType kAllEventTypes[] = {
    EventType::kThing,          EventType::kThingGroup,           EventType::kThingType,
    EventType::kThingGroupMembership, EventType::kThingGroupHierarchy,
    EventType::kThingTypeAssociation, EventType::kJob,            EventType::kJobExecution,
    EventType::kPolicy,         EventType::kCertificate,          EventType::kCaCertificate,
};

// "THING", "JOB_EXECUTION", ... as on the wire.
std::string_view ToString(EventType type);
std::optional<EventType> ParseEventType(std::string_view text);

// Whether iotjobsd publishes events of this type: JOB ($aws/events/job/...) and JOB_EXECUTION
// ($aws/events/jobExecution/...). It has no policies or certificates, and does not publish the
// registry's events (things, thing groups, thing types and their associations), so enabling
// any other type would promise messages that never come (docs/aws-behaviour.md, D42).
bool IsPublished(EventType type);

// An account's event configuration (the $aws/events messages it wants). An account that
// never called UpdateEventConfigurations has none stored: it gets Starting() and no dates.
struct EventConfigurations {
  std::map<EventType, bool> enabled;  // every type; a type missing is off
  EpochMillis created_at = 0;        // 0: never stored
  EpochMillis last_modified_at = 0;

  bool IsEnabled(EventType type) const {
    auto it = enabled.find(type);
    return it != enabled.end() && it->second;
  }

  // Every type off, but JOB and JOB_EXECUTION as `job_events` says (iotjobsd --mqtt-events).
  static EventConfigurations Starting(bool job_events);
};

// The types of `changes` that would be switched on although iotjobsd does not publish them,
// in the model's order.
std::vector<EventType> UnpublishedTypesToEnable(const std::map<EventType, bool>& changes);

}  // namespace iotjobs::jobs
