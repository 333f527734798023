#pragma once

#include "common/clock.h"
#include "jobs/arn.h"

namespace iotjobs::s3 {
class ObjectStore;
}

namespace iotjobs::service {

// What an operation's transaction body knows besides its request and its transaction: the
// account and region its ARNs are made in, and the time the request arrived. Every rule that
// depends on time reads `now` from here, never from a clock, so a unit test chooses it and a
// body re-run after a conflict (PostgreSQL) sees the same time.
struct OperationContext {
  jobs::ArnContext arns;
  EpochMillis now = 0;
  // The S3-compatible store (--s3-endpoint) that presigns the URLs devices get; null: none.
  const s3::ObjectStore* object_store = nullptr;
};

}  // namespace iotjobs::service
