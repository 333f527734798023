// Things, thing groups and membership: the registry a job targets.
#include <string>
#include <utility>
#include <vector>

#include "store/json_columns.h"
#include "store/registry_filters.h"
#include "store/row_readers.h"
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {
namespace {

// Reads a page of one text column from a statement whose parameters are
// (account, key..., after, limit+1).
Result<Page<std::string>> NamePage(Statement& s, int limit) {
  std::vector<std::string> names;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.push_back(s.Text(0));
  }
  return LimitPlusOnePage(std::move(names), limit, [](const std::string& last) { return last; });
}

}  // namespace

Result<std::optional<jobs::Thing>> SqliteTransaction::GetThing(std::string_view thing_name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("SELECT " IOTJOBS_THING_COLUMNS
                                 " FROM things WHERE account_id = ? AND thing_name = ?"));
  s.BindAll(account_id_, thing_name);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<jobs::Thing>();
  return std::optional<jobs::Thing>(ReadThing(s));
}

Result<Page<jobs::Thing>> SqliteTransaction::ListThings(const ThingFilter& filter,
                                                        const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::Thing>> {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("SELECT " IOTJOBS_THING_COLUMNS
                      " FROM things WHERE account_id = ? AND thing_name > ? "
                      "ORDER BY thing_name LIMIT 256"));
    s.BindAll(account_id_, after);
    std::vector<jobs::Thing> rows;
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      rows.push_back(ReadThing(s));
    }
    return rows;
  };
  auto keep = [&](const jobs::Thing& t) { return MatchesThingFilter(filter, t); };
  return FilteredScan<jobs::Thing>(page, chunk, keep,
                                   [](const jobs::Thing& t) { return t.thing_name; });
}

Status SqliteTransaction::InsertThing(const jobs::Thing& t) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("INSERT INTO things (account_id, thing_name, thing_id, "
                                 "thing_type_name, billing_group_name, attributes, version) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.BindAll(account_id_, t.thing_name, t.thing_id, t.thing_type_name, t.billing_group_name,
            StringMapToJson(t.attributes), t.version);
  return s.Run();
}

Status SqliteTransaction::UpdateThing(const jobs::Thing& t) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("UPDATE things SET thing_type_name = ?, billing_group_name = ?, "
                                 "attributes = ?, version = ? "
                                 "WHERE account_id = ? AND thing_name = ?"));
  s.BindAll(t.thing_type_name, t.billing_group_name, StringMapToJson(t.attributes), t.version,
            account_id_, t.thing_name);
  return s.Run();
}

Status SqliteTransaction::DeleteThing(std::string_view thing_name) {
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("DELETE FROM thing_group_members WHERE account_id = ? AND thing_name = ?"));
    s.BindAll(account_id_, thing_name);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("DELETE FROM things WHERE account_id = ? AND thing_name = ?"));
  s.BindAll(account_id_, thing_name);
  return s.Run();
}

Result<std::optional<jobs::ThingGroup>> SqliteTransaction::GetThingGroup(std::string_view name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT " IOTJOBS_GROUP_COLUMNS
                    " FROM thing_groups WHERE account_id = ? AND thing_group_name = ?"));
  s.BindAll(account_id_, name);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<jobs::ThingGroup>();
  return std::optional<jobs::ThingGroup>(ReadGroup(s));
}

Result<std::optional<jobs::ThingGroup>> SqliteTransaction::GetThingGroupById(
    std::string_view id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT " IOTJOBS_GROUP_COLUMNS
                    " FROM thing_groups WHERE account_id = ? AND thing_group_id = ?"));
  s.BindAll(account_id_, id);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<jobs::ThingGroup>();
  return std::optional<jobs::ThingGroup>(ReadGroup(s));
}

Result<Page<jobs::ThingGroup>> SqliteTransaction::ListThingGroups(const ThingGroupFilter& filter,
                                                                  const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::ThingGroup>> {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("SELECT " IOTJOBS_GROUP_COLUMNS
                      " FROM thing_groups WHERE account_id = ? AND thing_group_name > ? "
                      "AND (? IS NULL OR parent_group_name = ?) "
                      "ORDER BY thing_group_name LIMIT 256"));
    s.BindAll(account_id_, after, filter.parent_group, filter.parent_group);
    std::vector<jobs::ThingGroup> rows;
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      rows.push_back(ReadGroup(s));
    }
    return rows;
  };
  auto keep = [&](const jobs::ThingGroup& g) { return MatchesThingGroupFilter(filter, g); };
  return FilteredScan<jobs::ThingGroup>(
      page, chunk, keep, [](const jobs::ThingGroup& g) { return g.thing_group_name; });
}

Result<std::vector<std::string>> SqliteTransaction::ListChildGroupNames(std::string_view parent) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("SELECT thing_group_name FROM thing_groups "
                                 "WHERE account_id = ? AND parent_group_name = ? "
                                 "ORDER BY thing_group_name"));
  s.BindAll(account_id_, parent);
  std::vector<std::string> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.Text(0));
  }
}

Result<bool> SqliteTransaction::IsThingInGroup(std::string_view group, std::string_view thing) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("SELECT 1 FROM thing_group_members WHERE account_id = ? "
                                 "AND thing_group_name = ? AND thing_name = ?"));
  s.BindAll(account_id_, group, thing);
  return s.Step();
}

Result<Page<std::string>> SqliteTransaction::ListThingsInGroup(std::string_view group,
                                                               const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT thing_name FROM thing_group_members WHERE account_id = ? "
                    "AND thing_group_name = ? AND thing_name > ? ORDER BY thing_name LIMIT ?"));
  s.BindAll(account_id_, group, page.after, page.limit + 1);
  return NamePage(s, page.limit);
}

Result<Page<std::string>> SqliteTransaction::ListGroupsOfThing(std::string_view thing,
                                                               const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("SELECT thing_group_name FROM thing_group_members "
                                 "WHERE account_id = ? AND thing_name = ? "
                                 "AND thing_group_name > ? ORDER BY thing_group_name LIMIT ?"));
  s.BindAll(account_id_, thing, page.after, page.limit + 1);
  return NamePage(s, page.limit);
}

Status SqliteTransaction::InsertThingGroup(const jobs::ThingGroup& g) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("INSERT INTO thing_groups (account_id, thing_group_name, thing_group_id, "
                    "parent_group_name, description, attributes, version, creation_date) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  s.BindAll(account_id_, g.thing_group_name, g.thing_group_id, g.parent_group_name,
            g.description, StringMapToJson(g.attributes), g.version, g.creation_date);
  return s.Run();
}

Status SqliteTransaction::UpdateThingGroup(const jobs::ThingGroup& g) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("UPDATE thing_groups SET description = ?, attributes = ?, "
                                 "version = ? WHERE account_id = ? AND thing_group_name = ?"));
  s.BindAll(g.description, StringMapToJson(g.attributes), g.version, account_id_,
            g.thing_group_name);
  return s.Run();
}

Status SqliteTransaction::DeleteThingGroup(std::string_view name) {
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s, conn_.Prepare("DELETE FROM thing_group_members WHERE account_id = ? "
                                   "AND thing_group_name = ?"));
    s.BindAll(account_id_, name);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("DELETE FROM thing_groups WHERE account_id = ? AND thing_group_name = ?"));
  s.BindAll(account_id_, name);
  return s.Run();
}

Status SqliteTransaction::AddThingToGroup(std::string_view group, std::string_view thing) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("INSERT INTO thing_group_members (account_id, thing_group_name, thing_name) "
                    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
  s.BindAll(account_id_, group, thing);
  return s.Run();
}

Status SqliteTransaction::RemoveThingFromGroup(std::string_view group, std::string_view thing) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("DELETE FROM thing_group_members WHERE account_id = ? "
                                 "AND thing_group_name = ? AND thing_name = ?"));
  s.BindAll(account_id_, group, thing);
  return s.Run();
}

}  // namespace iotjobs::store::sqlite
