// Thing types.
#include <boost/json.hpp>
#include <string>
#include <utility>

#include "codec/json_fields.h"
#include "common/log.h"
#include "store/row_readers.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace json = boost::json;
namespace {

// Every character a thing type name may hold ([a-zA-Z0-9:_-], the model's pattern, which
// the ListThingTypes filter shares) sorts below DEL in both backends' binary order, so the
// names that start with a prefix are exactly those in [prefix, prefix + DEL).
constexpr char kAboveEveryNameCharacter = '\x7f';

// The `properties` column: ThingTypeProperties as JSON, with the model's member names.
std::string PropertiesToJson(const jobs::ThingType& t) {
  json::object o;
  if (t.thing_type_description) o["thingTypeDescription"] = *t.thing_type_description;
  if (!t.searchable_attributes.empty()) {
    o["searchableAttributes"] = codec::ToJsonArray(t.searchable_attributes);
  }
  return json::serialize(o);
}

#define IOTJOBS_THING_TYPE_COLUMNS \
  "thing_type_name, thing_type_id, creation_date, deprecation_date, properties"

jobs::ThingType ReadThingType(const SqlRows& r) {
  jobs::ThingType t;
  t.thing_type_name = r.Text(0);
  t.thing_type_id = r.Text(1);
  t.creation_date = r.Int(2);
  t.deprecation_date = r.OptInt(3);
  boost::system::error_code ec;
  json::value v = json::parse(r.Text(4), ec);
  if (ec || !v.is_object()) {
    IOTJOBS_LOG(kError) << "store: thing type " << t.thing_type_name
                        << " has unreadable properties";
    return t;
  }
  const json::object& o = v.get_object();
  t.thing_type_description = codec::GetString(o, "thingTypeDescription");
  t.searchable_attributes = codec::GetStringList(o, "searchableAttributes");
  return t;
}

}  // namespace

Result<std::optional<jobs::ThingType>> SqlTransaction::GetThingType(std::string_view name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT " IOTJOBS_THING_TYPE_COLUMNS
                           " FROM thing_types WHERE account_id = $1 AND thing_type_name = $2",
                           account_id_, name));
  return ReadFirst<jobs::ThingType>(r, &ReadThingType);
}

Result<Page<jobs::ThingType>> SqlTransaction::ListThingTypes(
    const std::optional<std::string>& name_prefix, const PageRequest& page) {
  const std::string from = name_prefix.value_or("");
  const std::string below = from + kAboveEveryNameCharacter;
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query("SELECT " IOTJOBS_THING_TYPE_COLUMNS " FROM thing_types "
                "WHERE account_id = $1 AND thing_type_name > $2 AND thing_type_name >= $3 "
                "AND thing_type_name < $4 ORDER BY thing_type_name LIMIT $5",
                account_id_, page.after, from, below, page.limit + 1));
  IOTJOBS_ASSIGN_OR_RETURN(auto items, ReadAll<jobs::ThingType>(r, &ReadThingType));
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::ThingType& last) { return last.thing_type_name; });
}

Status SqlTransaction::InsertThingType(const jobs::ThingType& t) {
  return db_.Run("INSERT INTO thing_types (account_id, " IOTJOBS_THING_TYPE_COLUMNS
                 ") VALUES ($1, $2, $3, $4, $5, $6)",
                 account_id_, t.thing_type_name, t.thing_type_id, t.creation_date,
                 t.deprecation_date, PropertiesToJson(t));
}

Status SqlTransaction::UpdateThingType(const jobs::ThingType& t) {
  return db_.Run(
      "UPDATE thing_types SET deprecation_date = $1, properties = $2 "
      "WHERE account_id = $3 AND thing_type_name = $4",
      t.deprecation_date, PropertiesToJson(t), account_id_, t.thing_type_name);
}

Status SqlTransaction::DeleteThingType(std::string_view name) {
  return db_.Run("DELETE FROM thing_types WHERE account_id = $1 AND thing_type_name = $2",
                 account_id_, name);
}

}  // namespace iotjobs::store
