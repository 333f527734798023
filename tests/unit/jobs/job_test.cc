#include "jobs/job.h"

#include <gtest/gtest.h>

#include "jobs/job_rules.h"

namespace iotjobs::jobs {
namespace {

TEST(JobProcessDetails, CountChangeMovesOneExecution) {
  JobProcessDetails d;
  CountChange(d, std::nullopt, ExecutionStatus::kQueued);
  CountChange(d, std::nullopt, ExecutionStatus::kQueued);
  CountChange(d, ExecutionStatus::kQueued, ExecutionStatus::kInProgress);
  EXPECT_EQ(d.queued, 1);
  EXPECT_EQ(d.in_progress, 1);
  CountChange(d, ExecutionStatus::kInProgress, ExecutionStatus::kTimedOut);
  CountChange(d, ExecutionStatus::kQueued, std::nullopt);
  EXPECT_EQ(d.queued, 0);
  EXPECT_EQ(d.in_progress, 0);
  EXPECT_EQ(d.timed_out, 1);
  EXPECT_EQ(d.Total(), 1);
}

// A job's change is kept twice: in its counters when they are known, and as the difference
// still to be written (which may be negative) in any case.
TEST(JobProcessDetails, JobCountChangeKeepsTheUnsavedDifference) {
  Job job;
  job.process_details.queued = 2;
  CountChange(job, ExecutionStatus::kQueued, ExecutionStatus::kSucceeded);
  EXPECT_EQ(job.process_details.queued, 1);
  EXPECT_EQ(job.process_details.succeeded, 1);
  EXPECT_EQ(job.unsaved_counts.queued, -1);
  EXPECT_EQ(job.unsaved_counts.succeeded, 1);

  Job bare;  // read without its counters: only the difference is kept
  bare.counts_known = false;
  CountChange(bare, ExecutionStatus::kInProgress, std::nullopt);
  EXPECT_EQ(bare.process_details, JobProcessDetails{});
  EXPECT_EQ(bare.unsaved_counts.in_progress, -1);
  JobProcessDetails sum = job.unsaved_counts;
  sum += bare.unsaved_counts;
  EXPECT_EQ(sum.Total(), -1);
}

TEST(Job, SnapshotCompletesWhenNothingIsPending) {
  Job job;
  job.status = JobStatus::kInProgress;
  job.target_selection = TargetSelection::kSnapshot;
  EXPECT_TRUE(ShouldComplete(job));
  job.process_details.queued = 1;
  EXPECT_FALSE(ShouldComplete(job));
  job.process_details.queued = 0;
  job.process_details.in_progress = 1;
  EXPECT_FALSE(ShouldComplete(job));
  job.process_details.in_progress = 0;
  job.process_details.succeeded = 3;
  EXPECT_TRUE(ShouldComplete(job));
  job.target_selection = TargetSelection::kContinuous;
  EXPECT_FALSE(ShouldComplete(job));
  job.target_selection = TargetSelection::kSnapshot;
  job.status = JobStatus::kCanceled;
  EXPECT_FALSE(ShouldComplete(job));
}

struct JobStateCase {
  JobStatus status;
  bool force;
  ErrorCode cancel;  // CheckCancelJob
  ErrorCode del;     // CheckDeleteJob
};

TEST(JobRules, CancelAndDeleteByStatus) {
  const JobStateCase cases[] = {
      {JobStatus::kInProgress, false, ErrorCode::kOk, ErrorCode::kInvalidStateTransition},
      {JobStatus::kInProgress, true, ErrorCode::kOk, ErrorCode::kOk},
      {JobStatus::kScheduled, false, ErrorCode::kOk, ErrorCode::kInvalidStateTransition},
      {JobStatus::kScheduled, true, ErrorCode::kOk, ErrorCode::kOk},
      {JobStatus::kCompleted, false, ErrorCode::kInvalidRequest, ErrorCode::kOk},
      {JobStatus::kCompleted, true, ErrorCode::kInvalidRequest, ErrorCode::kOk},
      {JobStatus::kCanceled, false, ErrorCode::kInvalidRequest, ErrorCode::kOk},
      {JobStatus::kCanceled, true, ErrorCode::kOk, ErrorCode::kOk},
      {JobStatus::kDeletionInProgress, false, ErrorCode::kInvalidRequest,
       ErrorCode::kInvalidStateTransition},
      {JobStatus::kDeletionInProgress, true, ErrorCode::kInvalidRequest,
       ErrorCode::kInvalidStateTransition},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.status)) + (c.force ? " force" : ""));
    Job job;
    job.job_id = "j";
    job.status = c.status;
    EXPECT_EQ(CheckCancelJob(job, c.force).code(), c.cancel);
    EXPECT_EQ(CheckDeleteJob(job, c.force).code(), c.del);
  }
}

TEST(JobRules, NamespaceActsAsFilter) {
  Job job;
  EXPECT_TRUE(NamespaceMatches(job, std::nullopt));
  EXPECT_FALSE(NamespaceMatches(job, std::string("ns")));
  job.namespace_id = "ns";
  EXPECT_TRUE(NamespaceMatches(job, std::nullopt));
  EXPECT_TRUE(NamespaceMatches(job, std::string("ns")));
  EXPECT_FALSE(NamespaceMatches(job, std::string("other")));
}

TEST(JobRules, AttributePayloadMergeAndReplace) {
  std::map<std::string, std::string> attrs{{"a", "1"}, {"b", "2"}};
  ApplyAttributePayload(attrs, {{"b", ""}, {"c", "3"}}, true);
  EXPECT_EQ(attrs, (std::map<std::string, std::string>{{"a", "1"}, {"c", "3"}}));
  ApplyAttributePayload(attrs, {{"z", "9"}}, false);
  EXPECT_EQ(attrs, (std::map<std::string, std::string>{{"z", "9"}}));
}

}  // namespace
}  // namespace iotjobs::jobs
