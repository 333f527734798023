// Event configurations: one row per account, the switches as a JSON object of EventType to
// boolean (every type the configuration holds).
#include <boost/json.hpp>

#include "common/log.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace json = boost::json;
namespace {

std::string EnabledToJson(const jobs::EventConfigurations& c) {
  json::object o;
  for (const auto& [type, on] : c.enabled) o[jobs::ToString(type)] = on;
  return json::serialize(o);
}

// Columns: enabled, created_at, last_modified_at. A type this build does not know (a newer
// iotjobsd wrote it) is left out; a value that does not parse reads as every type off.
jobs::EventConfigurations ReadEventConfigurations(const SqlRows& r) {
  jobs::EventConfigurations c;
  c.created_at = r.Int(1);
  c.last_modified_at = r.Int(2);
  boost::system::error_code ec;
  json::value v = json::parse(r.Text(0), ec);
  if (ec || !v.is_object()) {
    IOTJOBS_LOG(kError) << "store: an event configuration does not parse: " << r.Text(0);
    return c;
  }
  for (const auto& kv : v.get_object()) {
    auto type = jobs::ParseEventType(kv.key());
    if (type && kv.value().is_bool()) c.enabled[*type] = kv.value().get_bool();
  }
  return c;
}

}  // namespace

Result<std::optional<jobs::EventConfigurations>> SqlTransaction::GetEventConfigurations() {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT enabled, created_at, last_modified_at "
                           "FROM event_configurations WHERE account_id = $1",
                           account_id_));
  return ReadFirst<jobs::EventConfigurations>(r, &ReadEventConfigurations);
}

Status SqlTransaction::PutEventConfigurations(const jobs::EventConfigurations& c) {
  return db_.Run(
      "INSERT INTO event_configurations (account_id, enabled, created_at, last_modified_at) "
      "VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, "
      "created_at = excluded.created_at, last_modified_at = excluded.last_modified_at",
      account_id_, EnabledToJson(c), c.created_at, c.last_modified_at);
}

}  // namespace iotjobs::store
