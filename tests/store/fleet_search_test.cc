// SearchIndex's SQL (store/sql/fleet_query_sql.h) against the evaluator it must agree with
// (jobs/fleet_query.h): the same things, a table of queries, each run both ways on every
// backend (SQLite, and PostgreSQL when IOTJOBS_TEST_PG_DSN names a server), the found names
// compared. Pages are small so that every search also crosses page keys.
#include <gtest/gtest.h>

#include <set>

#include "jobs/fleet_query.h"
#include "pg_test_database.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

namespace iotjobs::store {
namespace {

using jobs::FleetQuery;

constexpr char kAccount[] = "111111111111";

std::vector<std::string> Backends() {
  std::vector<std::string> backends = {"sqlite-memory"};
  if (pg_test::PostgresTestDsn()) backends.push_back("postgres");
  return backends;
}

struct Fixture {
  jobs::Thing thing;
  std::vector<std::string> groups;
};

std::vector<Fixture> Things() {
  auto thing = [](std::string name, std::optional<std::string> type,
                  std::map<std::string, std::string> attributes, std::vector<std::string> groups) {
    jobs::Thing t;
    t.thing_name = name;
    t.thing_id = "id-" + name;
    t.thing_type_name = std::move(type);
    t.attributes = std::move(attributes);
    return Fixture{std::move(t), std::move(groups)};
  };
  return {
      thing("sensor-1", "TempSensor", {{"site", "plant-7"}, {"fw", "1.2"}, {"n", "75"}},
            {"plant7", "all"}),
      thing("sensor-2", "TempSensor", {{"site", "plant-7"}, {"fw", "2.0"}, {"n", "100"}},
            {"plant7"}),
      thing("Sensor-3", "TempSensor", {{"site", "Plant-8"}, {"fw", "1.10"}, {"n", "-5"}}, {"all"}),
      thing("camera_a", "Camera", {{"site", "plant-7"}, {"n", "abc"}, {"serial", "abce"}}, {}),
      thing("camera%b", std::nullopt, {{"n", "7.5"}, {"serial", "abcd"}}, {"all"}),
      thing("lamp", std::nullopt, {}, {}),
      thing("lamp2", "Lamp", {{"n", "1.2.3"}, {"note", "x_y"}}, {"plant7"}),
      thing("tv-plasma", "TV", {{"n", "075"}, {"fw", "1.*"}}, {}),
      thing("tv-oled", "TV", {{"n", "-"}, {"fw", "10"}}, {"all"}),
  };
}

class FleetSearchTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      pg_ = std::make_unique<pg_test::PgTestDatabase>();
      ASSERT_EQ(pg_->error(), "");
      auto s = postgres::PostgresStore::Open({pg_->conninfo(), 2});
      ASSERT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(*s);
    } else {
      sqlite::SqliteOptions options;
      options.data_dir = ":memory:";
      auto s = sqlite::SqliteStore::Open(options);
      ASSERT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(*s);
    }
    ASSERT_TRUE(WriteAndWait(*store_, kAccount, [](WriteTransaction& tx) {
                  std::set<std::string> groups;
                  for (const auto& f : Things()) groups.insert(f.groups.begin(), f.groups.end());
                  for (const auto& g : groups) {
                    jobs::ThingGroup group;
                    group.thing_group_name = g;
                    group.thing_group_id = "gid-" + g;
                    IOTJOBS_RETURN_IF_ERROR(tx.InsertThingGroup(group));
                  }
                  for (const auto& f : Things()) {
                    IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(f.thing));
                    for (const auto& g : f.groups) {
                      IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup(g, f.thing.thing_name));
                    }
                  }
                  return Status::Ok();
                }).ok());
    // Another account's thing, which no search here may find.
    ASSERT_TRUE(WriteAndWait(*store_, "222222222222", [](WriteTransaction& tx) {
                  return tx.InsertThing(Things().front().thing);
                }).ok());
  }
  void TearDown() override {
    store_.reset();
    pg_.reset();
  }

  // The names the evaluator finds, in name order.
  static std::vector<std::string> Evaluated(const FleetQuery& q) {
    std::set<std::string> out;
    for (const auto& f : Things()) {
      if (q.Matches(f.thing, f.groups)) out.insert(f.thing.thing_name);
    }
    return {out.begin(), out.end()};
  }

  // The names the store finds, page after page of `limit`.
  std::vector<std::string> Searched(const FleetQuery& q, int limit) {
    std::vector<std::string> out;
    PageRequest page{"", limit};
    for (int pages = 0; pages < 100; ++pages) {
      Page<jobs::Thing> got;
      Status s = ReadAndWait(*store_, kAccount, [&](ReadTransaction& tx) {
        auto r = tx.SearchThings(q, page);
        if (!r.ok()) return r.status();
        got = std::move(*r);
        return Status::Ok();
      });
      EXPECT_TRUE(s.ok()) << s.ToString();
      if (!s.ok()) break;
      EXPECT_LE(static_cast<int>(got.items.size()), limit);
      for (const auto& t : got.items) out.push_back(t.thing_name);
      if (got.next.empty()) break;
      page.after = got.next;
    }
    return out;
  }

  std::unique_ptr<pg_test::PgTestDatabase> pg_;
  std::unique_ptr<Store> store_;
};

// Each query, and the names it must find (checked against the evaluator as well, so the
// table also pins the evaluator's meaning).
TEST_P(FleetSearchTest, SqlAndEvaluatorFindTheSameThings) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
      {"*",
       {"Sensor-3", "camera%b", "camera_a", "lamp", "lamp2", "sensor-1", "sensor-2", "tv-oled",
        "tv-plasma"}},
      {"thingName:sensor-1", {"sensor-1"}},
      {"thingName:SENSOR*", {"Sensor-3", "sensor-1", "sensor-2"}},
      {"thingName:sensor-?", {"Sensor-3", "sensor-1", "sensor-2"}},
      {"thingName:camera\\%b", {"camera%b"}},  // LIKE's own characters are escaped
      {"thingName:camera_a", {"camera_a"}},
      {"thingName:camera?b", {"camera%b"}},
      {"thingName:*a*", {"camera%b", "camera_a", "lamp", "lamp2", "tv-plasma"}},
      {"thingId:id-lamp", {"lamp"}},
      {"thingTypeName:tempsensor", {"Sensor-3", "sensor-1", "sensor-2"}},
      {"thingTypeName:*",
       {"Sensor-3", "camera_a", "lamp2", "sensor-1", "sensor-2", "tv-oled", "tv-plasma"}},
      {"NOT thingTypeName:*", {"camera%b", "lamp"}},
      {"-thingTypeName:TV",
       {"Sensor-3", "camera%b", "camera_a", "lamp", "lamp2", "sensor-1", "sensor-2"}},
      {"thingGroupNames:plant7", {"lamp2", "sensor-1", "sensor-2"}},
      {"thingGroupNames:all AND thingGroupNames:plant7", {"sensor-1"}},
      {"NOT thingGroupNames:*", {"camera_a", "lamp", "tv-plasma"}},
      {"attributes.site:plant-7 AND attributes.fw:1.*", {"sensor-1"}},
      {"attributes.site:plant-7", {"camera_a", "sensor-1", "sensor-2"}},
      {"attributes.site:PLANT-8", {"Sensor-3"}},
      {"attributes.fw:\"1.*\"", {"tv-plasma"}},
      {"attributes.fw:1.\\*", {"tv-plasma"}},
      {"attributes.note:x_y", {"lamp2"}},
      {"attributes.note:x?y", {"lamp2"}},
      {"attributes.n:>70", {"camera_a", "sensor-1", "sensor-2", "tv-plasma"}},  // "abc" > "70"
      {"attributes.n:>=75", {"camera_a", "sensor-1", "sensor-2", "tv-plasma"}},
      {"attributes.n:<100", {"Sensor-3", "camera%b", "lamp2", "sensor-1", "tv-oled", "tv-plasma"}},
      {"attributes.n:[* TO 75]",
       {"Sensor-3", "camera%b", "lamp2", "sensor-1", "tv-oled", "tv-plasma"}},
      {"attributes.n:[* TO 75}", {"Sensor-3", "camera%b", "lamp2", "tv-oled"}},
      {"attributes.n:[-5 TO 7.5]", {"Sensor-3", "camera%b", "lamp2"}},
      {"attributes.n:{-5 TO 7.5}", {"lamp2"}},  // "1.2.3" is text
      {"attributes.n:[* TO *]",
       {"Sensor-3", "camera%b", "camera_a", "lamp2", "sensor-1", "sensor-2", "tv-oled",
        "tv-plasma"}},
      // Text ranges: a bound that is no number compares every value as text.
      {"attributes.serial:{abcd TO abcf}", {"camera_a"}},
      {"attributes.n:[a TO b]", {"camera_a"}},
      {"attributes.n:[1 TO 2]", {"lamp2"}},
      {"attributes.n:>1", {"camera%b", "camera_a", "lamp2", "sensor-1", "sensor-2", "tv-plasma"}},
      {"attributes.fw:[1 TO 1.5]", {"Sensor-3", "sensor-1", "tv-plasma"}},  // 1.10, 1.2, "1.*"
      {"attributes.missing:*", {}},
      {"NOT attributes.missing:*",
       {"Sensor-3", "camera%b", "camera_a", "lamp", "lamp2", "sensor-1", "sensor-2", "tv-oled",
        "tv-plasma"}},
      // Terms in any field: names, ids, types, groups and attribute values.
      {"plant7", {"lamp2", "sensor-1", "sensor-2"}},
      {"plant-*", {"Sensor-3", "camera_a", "sensor-1", "sensor-2"}},
      {"camera", {"camera_a"}},
      {"abc*", {"camera%b", "camera_a"}},
      {"tv", {"tv-oled", "tv-plasma"}},
      {"thingName:(tv* AND -tv-oled)", {"tv-plasma"}},
      {"(thingTypeName:TV OR thingTypeName:Lamp) AND NOT attributes.n:-", {"lamp2", "tv-plasma"}},
      {"thingTypeName:TV OR attributes.site:plant-8 OR thingName:lamp",
       {"Sensor-3", "lamp", "tv-oled", "tv-plasma"}},
  };
  for (const auto& [text, expected] : table) {
    auto q = FleetQuery::Parse(text);
    EXPECT_TRUE(q.ok()) << text << ": " << q.status().ToString();
    if (!q.ok()) continue;
    std::vector<std::string> want = expected;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(Evaluated(*q), want) << "evaluator, " << text;
    EXPECT_EQ(Searched(*q, 2), Evaluated(*q)) << "SQL, " << text;
    EXPECT_EQ(Searched(*q, 100), Evaluated(*q)) << "SQL in one page, " << text;
  }
}

TEST_P(FleetSearchTest, IndexingConfigurationIsKeptPerAccount) {
  jobs::IndexingConfiguration on;
  on.thing_indexing_mode = "REGISTRY";
  on.custom_fields = {{"attributes.n", "Number"}};
  ASSERT_TRUE(WriteAndWait(*store_, kAccount, [&](WriteTransaction& tx) {
                return tx.PutIndexingConfiguration(on);
              }).ok());
  auto read = [&](const std::string& account) {
    jobs::IndexingConfiguration got;
    EXPECT_TRUE(ReadAndWait(*store_, account, [&](ReadTransaction& tx) {
                  auto r = tx.GetIndexingConfiguration();
                  if (!r.ok()) return r.status();
                  got = *r;
                  return Status::Ok();
                }).ok());
    return got;
  };
  EXPECT_EQ(read(kAccount), on);
  EXPECT_EQ(read("222222222222"), jobs::IndexingConfiguration());  // OFF, never set
  jobs::IndexingConfiguration off;
  ASSERT_TRUE(WriteAndWait(*store_, kAccount, [&](WriteTransaction& tx) {
                return tx.PutIndexingConfiguration(off);
              }).ok());
  EXPECT_EQ(read(kAccount), off);
}

// A dynamic group's fill (GroupReads::NextFillBatch) adds, window after window, exactly the
// things the search finds, less those at the group limit; the group's query and fill state
// are kept, and the worker's list of fills reads every account.
TEST_P(FleetSearchTest, FillBatchesAddWhatTheSearchFinds) {
  auto fill = [&](const FleetQuery& q, const std::string& group, int max_groups) {
    std::vector<std::string> joined;
    std::string after;
    for (int windows = 0; windows < 100; ++windows) {
      FillBatch batch;
      Status s = WriteAndWait(*store_, kAccount, [&](WriteTransaction& tx) {
        auto r = tx.NextFillBatch(q, group, after, 2, max_groups);
        if (!r.ok()) return r.status();
        batch = std::move(*r);
        for (const auto& t : batch.joiners) IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup(group, t));
        return Status::Ok();
      });
      EXPECT_TRUE(s.ok()) << s.ToString();
      if (!s.ok()) break;
      joined.insert(joined.end(), batch.joiners.begin(), batch.joiners.end());
      if (batch.done) break;
      after = batch.window_end;
    }
    return joined;
  };
  // At the limit (here 1 group), a thing joins nothing: only the things in no group join.
  auto all = FleetQuery::Parse("*");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(fill(*all, "limited", 1),
            (std::vector<std::string>{"camera_a", "lamp", "tv-plasma"}));
  int n = 0;
  for (const char* text : {"*", "attributes.site:plant-7 AND attributes.fw:1.*",
                           "thingName:SENSOR*", "NOT thingTypeName:*", "attributes.n:<100"}) {
    auto q = FleetQuery::Parse(text);
    ASSERT_TRUE(q.ok()) << text;
    const std::string group = "dyn-" + std::to_string(n++);
    EXPECT_EQ(fill(*q, group, 10), Evaluated(*q)) << text;
    EXPECT_TRUE(fill(*q, group, 10).empty()) << "members are not added again, " << text;
  }

  jobs::ThingGroup g;
  g.thing_group_name = "dyn-kept";
  g.thing_group_id = "gid-dyn-kept";
  g.dynamic = jobs::DynamicGroupQuery{"attributes.fw:1.*", "2017-09-30", "AWS_Things",
                                      "BUILDING", "add", "sensor-1"};
  ASSERT_TRUE(WriteAndWait(*store_, kAccount, [&](WriteTransaction& tx) {
                return tx.InsertThingGroup(g);
              }).ok());
  std::vector<jobs::ThingGroup> dynamic;
  std::vector<DueFill> filling;
  ASSERT_TRUE(ReadAndWait(*store_, kAccount, [&](ReadTransaction& tx) {
                IOTJOBS_ASSIGN_OR_RETURN(dynamic, tx.ListDynamicGroups());
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(ReadAndWait(*store_, "", [&](ReadTransaction& tx) {
                IOTJOBS_ASSIGN_OR_RETURN(filling, tx.ListFillingGroups(10));
                return Status::Ok();
              }).ok());
  ASSERT_EQ(dynamic.size(), 1u);
  ASSERT_TRUE(dynamic[0].dynamic);
  EXPECT_EQ(dynamic[0].dynamic->query_string, "attributes.fw:1.*");
  EXPECT_EQ(dynamic[0].dynamic->status, "BUILDING");
  EXPECT_EQ(dynamic[0].dynamic->fill_phase, "add");
  EXPECT_EQ(dynamic[0].dynamic->fill_after, "sensor-1");
  ASSERT_EQ(filling.size(), 1u);
  EXPECT_EQ(filling[0].account_id, kAccount);
  EXPECT_EQ(filling[0].thing_group_name, "dyn-kept");
  // ACTIVE: the fill state is cleared, and the worker has nothing left.
  g.dynamic->status = "ACTIVE";
  g.dynamic->fill_phase.reset();
  ASSERT_TRUE(WriteAndWait(*store_, kAccount, [&](WriteTransaction& tx) {
                return tx.UpdateThingGroup(g);
              }).ok());
  ASSERT_TRUE(ReadAndWait(*store_, "", [&](ReadTransaction& tx) {
                IOTJOBS_ASSIGN_OR_RETURN(filling, tx.ListFillingGroups(10));
                return Status::Ok();
              }).ok());
  EXPECT_TRUE(filling.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, FleetSearchTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return pg_test::BackendTestName(info.param); });

}  // namespace
}  // namespace iotjobs::store
