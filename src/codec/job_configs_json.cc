#include "codec/job_configs_json.h"

#include "codec/json_fields.h"

namespace iotjobs::codec {
namespace json = boost::json;

namespace {
const json::object& AsObject(const json::value& v) {
  static const json::object kEmpty;
  return v.is_object() ? v.get_object() : kEmpty;
}
}  // namespace

json::value ToJson(const jobs::TimeoutConfig& c) {
  json::object o;
  if (c.in_progress_timeout_in_minutes) {
    o["inProgressTimeoutInMinutes"] = *c.in_progress_timeout_in_minutes;
  }
  return o;
}

jobs::TimeoutConfig ParseTimeoutConfig(const json::value& v) {
  return {GetInt(AsObject(v), "inProgressTimeoutInMinutes")};
}

json::value ToJson(const jobs::JobExecutionsRetryConfig& c) {
  json::array list;
  for (const auto& r : c.criteria_list) {
    list.push_back(json::object{{"failureType", r.failure_type},
                                {"numberOfRetries", r.number_of_retries}});
  }
  return json::object{{"criteriaList", std::move(list)}};
}

jobs::JobExecutionsRetryConfig ParseRetryConfig(const json::value& v) {
  jobs::JobExecutionsRetryConfig out;
  const json::value* list = Member(AsObject(v), "criteriaList");
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->get_array()) {
    const json::object& o = AsObject(item);
    out.criteria_list.push_back({GetString(o, "failureType").value_or(""),
                                 static_cast<int32_t>(GetInt(o, "numberOfRetries").value_or(0))});
  }
  return out;
}

json::value ToJson(const jobs::AbortConfig& c) {
  json::array list;
  for (const auto& a : c.criteria_list) {
    list.push_back(json::object{{"failureType", a.failure_type},
                                {"action", a.action},
                                {"thresholdPercentage", a.threshold_percentage},
                                {"minNumberOfExecutedThings", a.min_number_of_executed_things}});
  }
  return json::object{{"criteriaList", std::move(list)}};
}

jobs::AbortConfig ParseAbortConfig(const json::value& v) {
  jobs::AbortConfig out;
  const json::value* list = Member(AsObject(v), "criteriaList");
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->get_array()) {
    const json::object& o = AsObject(item);
    out.criteria_list.push_back(
        {GetString(o, "failureType").value_or(""), GetString(o, "action").value_or(""),
         GetDouble(o, "thresholdPercentage").value_or(0),
         static_cast<int32_t>(GetInt(o, "minNumberOfExecutedThings").value_or(1))});
  }
  return out;
}

json::value ToJson(const jobs::JobExecutionsRolloutConfig& c) {
  json::object o;
  if (c.maximum_per_minute) o["maximumPerMinute"] = *c.maximum_per_minute;
  if (c.exponential_rate) {
    const auto& e = *c.exponential_rate;
    json::object criteria;
    if (e.rate_increase_criteria.number_of_notified_things) {
      criteria["numberOfNotifiedThings"] = *e.rate_increase_criteria.number_of_notified_things;
    }
    if (e.rate_increase_criteria.number_of_succeeded_things) {
      criteria["numberOfSucceededThings"] = *e.rate_increase_criteria.number_of_succeeded_things;
    }
    o["exponentialRate"] = json::object{{"baseRatePerMinute", e.base_rate_per_minute},
                                        {"incrementFactor", e.increment_factor},
                                        {"rateIncreaseCriteria", std::move(criteria)}};
  }
  return o;
}

jobs::JobExecutionsRolloutConfig ParseRolloutConfig(const json::value& v) {
  jobs::JobExecutionsRolloutConfig out;
  const json::object& o = AsObject(v);
  if (auto m = GetInt(o, "maximumPerMinute")) out.maximum_per_minute = static_cast<int32_t>(*m);
  if (const json::object* e = GetObject(o, "exponentialRate")) {
    jobs::ExponentialRolloutRate rate;
    rate.base_rate_per_minute = static_cast<int32_t>(GetInt(*e, "baseRatePerMinute").value_or(1));
    rate.increment_factor = GetDouble(*e, "incrementFactor").value_or(2);
    if (const json::object* c = GetObject(*e, "rateIncreaseCriteria")) {
      if (auto n = GetInt(*c, "numberOfNotifiedThings")) {
        rate.rate_increase_criteria.number_of_notified_things = static_cast<int32_t>(*n);
      }
      if (auto n = GetInt(*c, "numberOfSucceededThings")) {
        rate.rate_increase_criteria.number_of_succeeded_things = static_cast<int32_t>(*n);
      }
    }
    out.exponential_rate = rate;
  }
  return out;
}

json::value ToJson(const jobs::SchedulingConfig& c) {
  json::object o;
  if (c.start_time) o["startTime"] = *c.start_time;
  if (c.end_time) o["endTime"] = *c.end_time;
  if (c.end_behavior) o["endBehavior"] = *c.end_behavior;
  if (!c.maintenance_windows.empty()) o["maintenanceWindows"] = ToJson(c.maintenance_windows);
  return o;
}

jobs::SchedulingConfig ParseSchedulingConfig(const json::value& v) {
  jobs::SchedulingConfig out;
  const json::object& o = AsObject(v);
  out.start_time = GetString(o, "startTime");
  out.end_time = GetString(o, "endTime");
  out.end_behavior = GetString(o, "endBehavior");
  if (const json::value* list = Member(o, "maintenanceWindows")) {
    out.maintenance_windows = ParseMaintenanceWindows(*list);
  }
  return out;
}

json::value ToJson(const std::vector<jobs::MaintenanceWindow>& windows) {
  json::array list;
  for (const auto& w : windows) {
    list.push_back(json::object{{"startTime", w.start_time},
                                {"durationInMinutes", w.duration_in_minutes}});
  }
  return list;
}

std::vector<jobs::MaintenanceWindow> ParseMaintenanceWindows(const json::value& v) {
  std::vector<jobs::MaintenanceWindow> out;
  if (!v.is_array()) return out;
  for (const auto& item : v.get_array()) {
    const json::object& w = AsObject(item);
    out.push_back({GetString(w, "startTime").value_or(""),
                   static_cast<int32_t>(GetInt(w, "durationInMinutes").value_or(0))});
  }
  return out;
}

json::value ToJson(const std::vector<jobs::Tag>& tags) {
  json::array list;
  for (const auto& t : tags) {
    json::object tag{{"Key", t.key}};
    if (t.value) tag["Value"] = *t.value;
    list.push_back(std::move(tag));
  }
  return list;
}

std::vector<jobs::Tag> ParseTags(const json::value& v) {
  std::vector<jobs::Tag> out;
  if (!v.is_array()) return out;
  for (const auto& item : v.get_array()) {
    if (!item.is_object()) continue;
    out.push_back({GetString(item.get_object(), "Key").value_or(""),
                   GetString(item.get_object(), "Value")});
  }
  return out;
}

json::value ToJson(const jobs::PresignedUrlConfig& c) {
  json::object o;
  if (c.role_arn) o["roleArn"] = *c.role_arn;
  if (c.expires_in_sec) o["expiresInSec"] = *c.expires_in_sec;
  return o;
}

jobs::PresignedUrlConfig ParsePresignedUrlConfig(const json::value& v) {
  const json::object& o = AsObject(v);
  return {GetString(o, "roleArn"), GetInt(o, "expiresInSec")};
}

}  // namespace iotjobs::codec
