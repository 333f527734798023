// Fleet indexing: the configuration, and SearchIndex over the things.
#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/log.h"
#include "store/row_readers.h"
#include "store/sql/fleet_query_sql.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace json = boost::json;
namespace {

std::string FieldsToJson(const std::vector<jobs::IndexingField>& fields) {
  json::array a;
  for (const auto& f : fields) a.push_back(json::object{{"name", f.name}, {"type", f.type}});
  return json::serialize(a);
}

std::vector<jobs::IndexingField> FieldsFromJson(const std::string& text) {
  std::vector<jobs::IndexingField> out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) {
    IOTJOBS_LOG(kError) << "store: unreadable indexing custom fields";
    return out;
  }
  for (const json::value& f : v.get_array()) {
    const json::object* o = f.if_object();
    if (!o || !o->contains("name") || !o->contains("type")) continue;
    const json::string* name = o->at("name").if_string();
    const json::string* type = o->at("type").if_string();
    if (name && type) out.push_back({std::string(*name), std::string(*type)});
  }
  return out;
}

}  // namespace

Result<jobs::IndexingConfiguration> SqlTransaction::GetIndexingConfiguration() {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.Query("SELECT thing_indexing_mode, custom_fields FROM "
                                                "indexing_configurations WHERE account_id = $1",
                                                account_id_));
  IOTJOBS_ASSIGN_OR_RETURN(auto config,
                           ReadFirst<jobs::IndexingConfiguration>(r, [](const SqlRows& row) {
                             jobs::IndexingConfiguration c;
                             c.thing_indexing_mode = row.Text(0);
                             c.custom_fields = FieldsFromJson(row.Text(1));
                             return c;
                           }));
  return config.value_or(jobs::IndexingConfiguration());
}

Status SqlTransaction::PutIndexingConfiguration(const jobs::IndexingConfiguration& config) {
  return db_.Run(
      "INSERT INTO indexing_configurations (account_id, thing_indexing_mode, custom_fields) "
      "VALUES ($1, $2, $3) ON CONFLICT (account_id) DO UPDATE SET "
      "thing_indexing_mode = excluded.thing_indexing_mode, custom_fields = excluded.custom_fields",
      account_id_, config.thing_indexing_mode, FieldsToJson(config.custom_fields));
}

Result<Page<jobs::Thing>> SqlTransaction::SearchThings(const jobs::FleetQuery& query,
                                                       const PageRequest& page) {
  // The text depends on the query's shape, so it is prepared for this one use
  // (SqlDb::QueryOnce).
  SqlCondition search = SearchThingsSql(query.root(), db_.is_sqlite(), page.limit + 1);
  if (!search.probe.empty()) {
    // Many candidates: walking the things fills a page sooner than reading them all.
    std::vector<std::string> args{account_id_, page.after};
    args.insert(args.end(), search.args.begin(), search.args.begin() + search.probe_args);
    IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.QueryOnce(search.probe, args));
    IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
    if (row && r.Int(0) >= kCandidateProbeLimit) {
      search = SearchThingsSql(query.root(), db_.is_sqlite(), page.limit + 1, false);
    }
  }
  std::vector<std::string> args{account_id_, page.after};
  for (auto& a : search.args) args.push_back(std::move(a));
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.QueryOnce(search.sql, args));
  IOTJOBS_ASSIGN_OR_RETURN(auto items, ReadAll<jobs::Thing>(r, &ReadThing<SqlRows>));
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::Thing& last) { return last.thing_name; });
}

}  // namespace iotjobs::store
