#pragma once

#include <string>
#include <string_view>

// The messages the service answers with, in one place, in AWS's wording where it is known.
namespace iotjobs::service::messages {

inline std::string ThingNotFound(std::string_view name) {
  return "Thing " + std::string(name) + " cannot be found.";
}
inline std::string ThingGroupNotFound(std::string_view name) {
  return "Thing group " + std::string(name) + " cannot be found.";
}
inline std::string ThingTypeNotFound(std::string_view name) {
  return "Thing type " + std::string(name) + " cannot be found.";
}
inline std::string ThingTypeExists(std::string_view name) {
  return "Thing type " + std::string(name) + " already exists in account with different properties";
}
// The members of a thing type iotjobsd keeps no value of, refused rather than dropped
// (docs/aws-behaviour.md, D54).
inline constexpr const char* kMqtt5ConfigurationNotServed =
    "thingTypeProperties.mqtt5Configuration is not supported by iotjobsd: its "
    "propagatingAttributes enrich the MQTT 5 messages of AWS IoT Core's broker, which iotjobsd "
    "does not run. Leave mqtt5Configuration out, or give it no propagatingAttributes.";
inline constexpr const char* kThingTypeTagsNotServed =
    "tags on thing types are not supported by iotjobsd yet: create the thing type without tags.";
// Fleet indexing (docs/aws-behaviour.md, D63).
// AWS's own words for AWS_Things while thing indexing is off (as its SDKs report them); the
// hint would mislead for other names, which cannot be turned on.
inline std::string IndexNotFound(std::string_view name) {
  std::string message = "Index " + std::string(name) + " does not exist";
  if (name == "AWS_Things") message += ". Please enable index by calling UpdateIndexingConfiguration";
  return message;
}
inline std::string DynamicGroupsNeedIndex(size_t groups) {
  return "Thing indexing cannot be turned off while " + std::to_string(groups) +
         " dynamic thing group(s) exist: delete them first (DeleteDynamicThingGroup).";
}
inline std::string NotDynamicGroup(std::string_view name) {
  return "Thing group " + std::string(name) +
         " is a static thing group: use CreateThingGroup, UpdateThingGroup and DeleteThingGroup "
         "for it.";
}
inline std::string DynamicGroupNeedsDynamicCall(std::string_view name, std::string_view call) {
  return "Thing group " + std::string(name) + " is a dynamic thing group: " + std::string(call) +
         " does not apply to it.";
}
inline std::string UnknownQueryVersion(std::string_view version) {
  return "queryVersion " + std::string(version) + " is not supported: the only query version is "
         "2017-09-30.";
}
inline std::string SearchMaxResultsTooLarge(int max_results) {
  return "maxResults " + std::to_string(max_results) + " is too large: at most 100 results are "
         "returned per page.";
}
inline std::string JobNotFound(std::string_view id) {
  return "Job " + std::string(id) + " cannot be found.";
}
inline std::string JobTemplateNotFound(std::string_view id_or_arn) {
  return "Job template " + std::string(id_or_arn) + " cannot be found.";
}
inline std::string ManagedJobTemplateNotFound(std::string_view name_or_version) {
  return "Managed job template " + std::string(name_or_version) + " cannot be found.";
}
inline std::string ExecutionNotFound(std::string_view job_id, std::string_view thing) {
  return "Job execution of job " + std::string(job_id) + " on thing " + std::string(thing) +
         " cannot be found.";
}
inline std::string ExecutionNumberNotFound(std::string_view job_id, std::string_view thing,
                                           long long number) {
  return "Job execution number " + std::to_string(number) + " of job " + std::string(job_id) +
         " on thing " + std::string(thing) + " cannot be found.";
}
inline std::string VersionMismatch(std::string_view what, long long expected, long long actual) {
  return "The version of " + std::string(what) + " is " + std::to_string(actual) +
         ", not the expected version " + std::to_string(expected) + ".";
}
// UpdateEventConfigurations switching on what iotjobsd cannot publish (docs/aws-behaviour.md,
// D42): `types` names them ("THING", "THING and CA_CERTIFICATE").
inline std::string EventTypesNotPublished(std::string_view types) {
  return "iotjobsd does not publish " + std::string(types) +
         " events (it publishes only JOB and JOB_EXECUTION events, under $aws/events/job/ and "
         "$aws/events/jobExecution/), so they cannot be enabled.";
}
inline std::string NoBrokerForEvents(std::string_view types) {
  return "This iotjobsd publishes no events: it was started without an MQTT broker (--mqtt), "
         "so " + std::string(types) + " cannot be enabled.";
}

}  // namespace iotjobs::service::messages
