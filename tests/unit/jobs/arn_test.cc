#include "jobs/arn.h"

#include <gtest/gtest.h>

namespace iotjobs::jobs {
namespace {

TEST(Arn, MakeAndParseRoundTrip) {
  ArnContext ctx{"eu-west-1", "111111111111"};
  for (auto kind : {ResourceKind::kThing, ResourceKind::kThingGroup, ResourceKind::kThingType,
                    ResourceKind::kJob, ResourceKind::kJobTemplate}) {
    std::string arn = MakeArn(ctx, kind, "name-1");
    auto parsed = ParseArn(arn);
    ASSERT_TRUE(parsed) << arn;
    EXPECT_EQ(parsed->kind, kind);
    EXPECT_EQ(parsed->name, "name-1");
    EXPECT_EQ(parsed->region, "eu-west-1");
    EXPECT_EQ(parsed->account_id, "111111111111");
  }
  EXPECT_EQ(MakeArn(ctx, ResourceKind::kThingGroup, "g"),
            "arn:aws:iot:eu-west-1:111111111111:thinggroup/g");
  EXPECT_EQ(MakeArn(ctx, ResourceKind::kThingType, "LightBulb"),
            "arn:aws:iot:eu-west-1:111111111111:thingtype/LightBulb");
}

TEST(Arn, RefusesWhatIsNotAnIotResource) {
  for (const char* bad : {"", "arn", "arn:aws:iot:r:a", "arn:aws:s3:r:a:thing/x",
                          "arn:aws:iot:r:a:widget/x", "arn:aws:iot:r:a:thing/", "nope:aws:iot:r:a:thing/x"}) {
    EXPECT_FALSE(ParseArn(bad)) << bad;
  }
}

}  // namespace
}  // namespace iotjobs::jobs
