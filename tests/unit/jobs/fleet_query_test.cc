#include "jobs/fleet_query.h"

#include <gtest/gtest.h>

namespace iotjobs::jobs {
namespace {

struct Fleet {
  Thing thing;
  std::vector<std::string> groups;
};

Fleet Sensor() {
  Fleet f;
  f.thing.thing_name = "myThingName";
  f.thing.thing_id = "0f4f1c8e-6b2a-4c1e-9d2a-1a2b3c4d5e6f";
  f.thing.thing_type_name = "aa";
  f.thing.attributes = {{"myAttribute", "75"}, {"serialNumber", "abce"}, {"site", "plant-7"},
                        {"fw", "1.4.2"}, {"room", "Boiler Room"}};
  f.groups = {"a", "sensors"};
  return f;
}

bool Matches(std::string_view query, const Fleet& f = Sensor()) {
  auto q = FleetQuery::Parse(query);
  EXPECT_TRUE(q.ok()) << query << ": " << q.status().message();
  return q.ok() && q->Matches(f.thing, f.groups);
}

// AWS's "Example thing queries", each against a thing it should and one it should not match.
TEST(FleetQueryTest, AwsDocumentedExamples) {
  EXPECT_TRUE(Matches("abc*"));  // any field: serialNumber abce
  EXPECT_TRUE(Matches("thingName:myThingName"));
  EXPECT_TRUE(Matches("thingName:my*"));
  EXPECT_FALSE(Matches("thingName:ab?"));
  EXPECT_TRUE(Matches("thingTypeName:aa"));
  EXPECT_TRUE(Matches("thingGroupNames:a"));
  EXPECT_TRUE(Matches("thingGroupNames:a*"));
  EXPECT_TRUE(Matches("attributes.myAttribute:75"));
  EXPECT_TRUE(Matches("attributes.myAttribute:[75 TO 80]"));
  EXPECT_FALSE(Matches("attributes.myAttribute:{75 TO 80]"));
  EXPECT_TRUE(Matches("attributes.serialNumber:[\"abcd\" TO \"abcf\"]"));
  EXPECT_TRUE(Matches("attributes.serialNumber:ab*"));
  EXPECT_FALSE(Matches("thingName:(tv* AND -plasma)"));
  EXPECT_TRUE(Matches("thingName:(my* AND -plasma)"));
}

TEST(FleetQueryTest, TheIssuesStory) {
  EXPECT_TRUE(Matches("attributes.site:plant-7 AND attributes.fw:1.*"));
  Fleet updated = Sensor();
  updated.thing.attributes["fw"] = "2.0.0";
  EXPECT_FALSE(Matches("attributes.site:plant-7 AND attributes.fw:1.*", updated));
}

TEST(FleetQueryTest, BooleanOperatorsAndGrouping) {
  EXPECT_TRUE(Matches("thingName:nope OR thingTypeName:aa"));
  EXPECT_FALSE(Matches("thingName:nope thingTypeName:aa"));  // AND by default
  EXPECT_TRUE(Matches("NOT thingName:nope"));
  EXPECT_TRUE(Matches("-thingName:nope"));
  EXPECT_FALSE(Matches("NOT (thingName:my* OR thingName:x)"));
  EXPECT_TRUE(Matches("(thingName:x OR thingName:my*) AND thingGroupNames:sensors"));
  EXPECT_TRUE(Matches("thingName:x OR thingName:y OR attributes.site:plant-7"));
}

TEST(FleetQueryTest, ValuesMatchCaseInsensitivelyAsWholeValues) {
  EXPECT_TRUE(Matches("thingName:MYTHINGNAME"));
  EXPECT_TRUE(Matches("attributes.room:\"boiler room\""));
  EXPECT_FALSE(Matches("attributes.room:boiler"));
  EXPECT_TRUE(Matches("attributes.room:boiler*"));
  EXPECT_FALSE(Matches("thingName:myThing"));
}

TEST(FleetQueryTest, RangesAndComparisons) {
  EXPECT_TRUE(Matches("attributes.myAttribute:>70"));
  EXPECT_FALSE(Matches("attributes.myAttribute:>75"));
  EXPECT_TRUE(Matches("attributes.myAttribute:>=75"));
  EXPECT_TRUE(Matches("attributes.myAttribute:<100"));  // numbers, not text ("75" > "100")
  EXPECT_FALSE(Matches("attributes.myAttribute:<=74"));
  EXPECT_TRUE(Matches("attributes.myAttribute:[* TO 75]"));
  EXPECT_FALSE(Matches("attributes.myAttribute:[* TO 75}"));
  EXPECT_TRUE(Matches("attributes.myAttribute:[-5 TO *]"));
  EXPECT_TRUE(Matches("attributes.serialNumber:{abcd TO abcf}"));
  EXPECT_FALSE(Matches("attributes.missing:[* TO *]"));
}

TEST(FleetQueryTest, WildcardsAndPresence) {
  EXPECT_TRUE(Matches("*"));
  EXPECT_TRUE(Matches("attributes.fw:*"));
  EXPECT_FALSE(Matches("attributes.nope:*"));
  EXPECT_TRUE(Matches("thingName:*Name"));  // one leading wildcard is allowed
  EXPECT_TRUE(Matches("thingName:my?hing*"));
  EXPECT_FALSE(Matches("thingName:my\\*"));  // escaped: a literal '*'
}

TEST(FleetQueryTest, RefusesWhatItCannotParseOrDoesNotIndex) {
  for (std::string_view bad : {
           "",
           "   ",
           "thingName:",
           "thingName:(a OR b",
           "(thingName:a",
           "thingName:a)",
           "AND thingName:a",
           "thingName:a AND",
           "thingName:a OR",
           "attributes.n:[1 2]",
           "attributes.n:[1 TO 2",
           "attributes.n:>",
           "thingName:\"open phrase",
           "shadow.reported.temp:5",
           "connectivity.connected:true",
           "thingType:xyz",
           "attributes.:x",
           "thingName:a@b",
           "thingName:a,b",
           "thingName:(attributes.x:1)",
           "thingName:*a OR thingGroupNames:*b",
           "a b c d e f g h i j k l m",
           "thingName:a\\",
       }) {
    auto q = FleetQuery::Parse(bad);
    EXPECT_FALSE(q.ok()) << "'" << bad << "'";
    if (!q.ok()) {
      EXPECT_EQ(q.status().code(), ErrorCode::kInvalidQuery);
      EXPECT_FALSE(q.status().message().empty());
    }
  }
  // Deep nesting is refused, not a stack overflow.
  EXPECT_FALSE(FleetQuery::Parse(std::string(100000, '(') + "a").ok());
  EXPECT_FALSE(FleetQuery::Parse(std::string(100000, '-') + "a").ok());
  EXPECT_FALSE(FleetQuery::Parse("thingName:" + std::string(50000, '(')).ok());
  auto q = FleetQuery::Parse("shadow.reported.temp:5");
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("registry"), std::string::npos) << q.status().message();
  EXPECT_TRUE(FleetQuery::Parse("a b c d e f g h i j k l").ok());  // twelve terms
}

}  // namespace
}  // namespace iotjobs::jobs
