#include "jobs/tags.h"

#include <gtest/gtest.h>

namespace iotjobs::jobs {
namespace {

const ArnContext kHere{"us-east-1", "123456789012"};

struct ArnCase {
  const char* arn;
  ErrorCode code;  // kOk: a target
  ResourceKind kind = ResourceKind::kJob;
  const char* name = "";
};

// Which resourceArn names what (docs/aws-behaviour.md, D45).
TEST(Tags, ParseTagTargetByArn) {
  const ArnCase cases[] = {
      {"arn:aws:iot:us-east-1:123456789012:job/j1", ErrorCode::kOk, ResourceKind::kJob, "j1"},
      {"arn:aws:iot:us-east-1:123456789012:jobtemplate/t-1", ErrorCode::kOk,
       ResourceKind::kJobTemplate, "t-1"},
      {"arn:aws:iot:us-east-1:123456789012:thinggroup/site:north", ErrorCode::kOk,
       ResourceKind::kThingGroup, "site:north"},
      // Malformed, or not AWS IoT: a bad request.
      {"", ErrorCode::kInvalidRequest},
      {"j1", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:123456789012", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:123456789012:job", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:123456789012:job/", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:123456789012:/j1", ErrorCode::kInvalidRequest},
      {"nra:aws:iot:us-east-1:123456789012:job/j1", ErrorCode::kInvalidRequest},
      {"arn:gcp:iot:us-east-1:123456789012:job/j1", ErrorCode::kInvalidRequest},
      {"arn:aws:s3:::bucket/key", ErrorCode::kInvalidRequest},
      // What AWS does not let an account tag.
      {"arn:aws:iot:us-east-1:123456789012:thing/t1", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:eu-west-1:999999999999:thing/t1", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0", ErrorCode::kInvalidRequest},
      // Well formed, but nothing of it exists here.
      {"arn:aws:iot:us-east-1:111111111111:job/j1", ErrorCode::kResourceNotFound},
      {"arn:aws:iot:eu-west-1:123456789012:job/j1", ErrorCode::kResourceNotFound},
      {"arn:aws:iot:us-east-1:123456789012:thingtype/sensor", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:123456789012:rule/r1", ErrorCode::kResourceNotFound},
  };
  for (const ArnCase& c : cases) {
    Result<TagTarget> got = ParseTagTarget(c.arn, kHere);
    EXPECT_EQ(got.status().code(), c.code) << c.arn << ": " << got.status().ToString();
    if (c.code == ErrorCode::kOk && got.ok()) {
      EXPECT_EQ(got->kind, c.kind) << c.arn;
      EXPECT_EQ(got->name, c.name) << c.arn;
    }
  }
}

TEST(Tags, ReservedPrefixIsRefusedInKeysAndValuesInAnyCase) {
  EXPECT_TRUE(CheckTags({{"team", "fleet"}, {"aws", "x"}, {"awsome", "aws"}, {"k", "aws-x"}}).ok());
  EXPECT_TRUE(CheckTags({{"k", std::nullopt}, {"e", ""}}).ok());
  for (const char* key : {"aws:x", "AWS:x", "Aws:", "aWs:cloudformation"}) {
    Status s = CheckTags({{key, "v"}});
    EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest) << key;
    EXPECT_NE(s.message().find("aws:"), std::string::npos) << s.message();
  }
  EXPECT_EQ(CheckTags({{"k", "AWS:x"}}).code(), ErrorCode::kInvalidRequest);
  EXPECT_TRUE(CheckTagKeysToRemove({"team", "aws"}).ok());
  EXPECT_EQ(CheckTagKeysToRemove({"team", "aws:x"}).code(), ErrorCode::kInvalidRequest);
}

TEST(Tags, ValuesHoldNoControlCharacters) {
  EXPECT_TRUE(CheckTags({{"k", "tab-free, caf\u00e9 \u2028"}}).ok());
  for (const char* value : {"a\nb", "\t", "x\x7f"}) {
    EXPECT_EQ(CheckTags({{"k", value}}).code(), ErrorCode::kInvalidRequest) << value;
  }
  EXPECT_EQ(CheckTags({{"k", std::string("a\0b", 3)}}).code(), ErrorCode::kInvalidRequest);
}

TEST(Tags, AKeyGivenTwiceIsRefused) {
  EXPECT_EQ(CheckTags({{"k", "1"}, {"k", "2"}}).code(), ErrorCode::kInvalidRequest);
  EXPECT_TRUE(CheckTags({{"k", "1"}, {"K", "2"}}).ok());  // keys are case sensitive
}

TEST(Tags, FiftyTagsAResource) {
  std::vector<Tag> fifty;
  for (size_t i = 0; i < kMaxTagsPerResource; ++i) fifty.push_back({"k" + std::to_string(i), "v"});
  EXPECT_TRUE(CheckTags(fifty).ok());
  std::vector<Tag> more = fifty;
  more.push_back({"one-more", "v"});
  EXPECT_EQ(CheckTags(more).code(), ErrorCode::kLimitExceeded);

  // TagResource counts the tags the resource has after the request: a key it has already is
  // replaced, not added.
  std::vector<std::string> existing;
  for (size_t i = 0; i < 49; ++i) existing.push_back("k" + std::to_string(i));
  EXPECT_TRUE(CheckTagCount(existing, {{"k0", "new"}, {"k49", "v"}}).ok());
  EXPECT_EQ(CheckTagCount(existing, {{"k49", "v"}, {"k50", "v"}}).code(),
            ErrorCode::kLimitExceeded);
}

TEST(Tags, AJobBeingDeletedKeepsItsTags) {
  Job job;
  job.job_id = "j1";
  for (JobStatus status : {JobStatus::kInProgress, JobStatus::kScheduled, JobStatus::kCompleted,
                           JobStatus::kCanceled}) {
    job.status = status;
    EXPECT_TRUE(CheckChangeJobTags(job).ok()) << ToString(status);
  }
  job.status = JobStatus::kDeletionInProgress;
  EXPECT_EQ(CheckChangeJobTags(job).code(), ErrorCode::kInvalidRequest);
}

}  // namespace
}  // namespace iotjobs::jobs
