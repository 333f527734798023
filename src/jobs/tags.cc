#include "jobs/tags.h"

#include <set>

namespace iotjobs::jobs {
namespace {

// "aws:" in any case: AWS keeps the prefix for its own tags, in keys and in values
// ("Do not use the aws: prefix in your tag names or values", Developer Guide, tagging-iot).
bool ReservedForAws(std::string_view text) {
  if (text.size() < 4) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return lower(text[0]) == 'a' && lower(text[1]) == 'w' && lower(text[2]) == 's' && text[3] == ':';
}

// A control character (U+0000 to U+001F, U+007F): none is among the characters AWS's
// tagging guide allows, and PostgreSQL cannot store a NUL (D46).
bool HasControlCharacter(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

Status Reserved(std::string_view what, std::string_view text) {
  return InvalidRequest("Tag " + std::string(what) + " " + std::string(text) +
                        " is not allowed: the aws: prefix is reserved for AWS use.");
}

Status TooMany() {
  return LimitExceeded("A resource can have at most " + std::to_string(kMaxTagsPerResource) +
                       " tags.");
}

}  // namespace

Result<TagTarget> ParseTagTarget(std::string_view resource_arn, const ArnContext& here) {
  const std::string arn(resource_arn);
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE/NAME; a name may hold colons (thing group names).
  std::string_view parts[6];
  std::string_view rest = resource_arn;
  for (int i = 0; i < 5; ++i) {
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return InvalidRequest("resourceArn " + arn + " is not a valid ARN.");
    }
    parts[i] = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  parts[5] = rest;
  if (parts[0] != "arn" || parts[1].substr(0, 3) != "aws") {
    return InvalidRequest("resourceArn " + arn + " is not a valid ARN.");
  }
  if (parts[2] != "iot") {
    return InvalidRequest("resourceArn " + arn + " is not the ARN of an AWS IoT resource.");
  }
  const size_t slash = parts[5].find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == parts[5].size()) {
    return InvalidRequest("resourceArn " + arn + " is not a valid ARN.");
  }
  const std::string_view type = parts[5].substr(0, slash);
  TagTarget target;
  target.name = std::string(parts[5].substr(slash + 1));
  if (type == "thing") {
    return InvalidRequest("Resource " + arn +
                          " is a thing, and things cannot be tagged (AWS IoT tags thing "
                          "groups, jobs and job templates, among others).");
  }
  if (type == ArnResourceType(ResourceKind::kThingType)) {
    // AWS tags thing types; iotjobs keeps them but not their tags yet (D54): refused, not
    // answered as if the type did not exist.
    return InvalidRequest("Resource " + arn +
                          " is a thing type, and iotjobs does not serve tags on thing types.");
  }
  if (type == ArnResourceType(ResourceKind::kJob)) {
    target.kind = ResourceKind::kJob;
  } else if (type == ArnResourceType(ResourceKind::kJobTemplate)) {
    if (parts[4].empty()) {
      return InvalidRequest("Resource " + arn +
                            " is an AWS managed job template, which cannot be tagged.");
    }
    target.kind = ResourceKind::kJobTemplate;
  } else if (type == ArnResourceType(ResourceKind::kThingGroup)) {
    target.kind = ResourceKind::kThingGroup;
  } else {
    return NotFound("Resource " + arn + " cannot be found.");
  }
  if (parts[3] != here.region || parts[4] != here.account_id) {
    return NotFound("Resource " + arn + " cannot be found.");
  }
  return target;
}

Status CheckTags(const std::vector<Tag>& tags) {
  std::set<std::string_view> keys;
  for (const Tag& tag : tags) {
    if (ReservedForAws(tag.key)) return Reserved("key", tag.key);
    if (tag.value && ReservedForAws(*tag.value)) return Reserved("value", *tag.value);
    if (tag.value && HasControlCharacter(*tag.value)) {
      return InvalidRequest("The value of tag " + tag.key +
                            " holds a control character, which tag values cannot.");
    }
    if (!keys.insert(tag.key).second) {
      return InvalidRequest("Tag key " + tag.key + " is given more than once.");
    }
  }
  if (tags.size() > kMaxTagsPerResource) return TooMany();
  return Status::Ok();
}

Status CheckTagKeysToRemove(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    if (ReservedForAws(key)) return Reserved("key", key);
  }
  return Status::Ok();
}

Status CheckTagCount(const std::vector<std::string>& existing_keys, const std::vector<Tag>& tags) {
  std::set<std::string_view> after(existing_keys.begin(), existing_keys.end());
  for (const Tag& tag : tags) after.insert(tag.key);
  if (after.size() > kMaxTagsPerResource) return TooMany();
  return Status::Ok();
}

Status CheckChangeJobTags(const Job& job) {
  if (job.status == JobStatus::kDeletionInProgress) {
    return InvalidRequest("Job " + job.job_id +
                          " is being deleted and its tags cannot be changed.");
  }
  return Status::Ok();
}

}  // namespace iotjobs::jobs
