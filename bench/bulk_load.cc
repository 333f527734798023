// iotjobs-bench-load: fills an iotjobsd data directory straight through the store library
// (SqliteStore::Write, the same row formats the server writes), in big transactions, so the
// scale and fan-out benchmarks do not need millions of HTTP calls. Run it while no iotjobsd
// has the directory open.
//
//   iotjobs-bench-load --dir DIR scale --executions N [--jobs J]
//     J jobs (default 100) "scale-job-NNN", COMPLETED, each with one SUCCEEDED execution on
//     every thing "scale-thing-NNNNNNNN" of N/J things, so every thing has J executions
//     whatever N is; rows are written thing by thing, which keeps both execution indexes
//     appending (the load stays fast at 10^7).
//   iotjobs-bench-load --dir DIR fanout --things N [--group G]
//     N things "fan-thing-NNNNNNNN", all members of thing group G (default "fanout-group"),
//     with the attributes of FanoutAttributes for SearchIndex to query (part fanout's
//     SEARCH_SHAPES counts on their values).
//
// Account 123456789012 (iotjobsd's default). Prints what it wrote and how long it took.
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <map>
#include <string>

#include "common/ids.h"
#include "common/log.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using iotjobs::Status;
using iotjobs::store::WriteTransaction;
constexpr const char* kAccount = "123456789012";
constexpr const char* kArnPrefix = "arn:aws:iot:us-east-1:123456789012:";
constexpr int64_t kRowsPerTransaction = 200000;

std::string Numbered(const char* prefix, int64_t i, int width) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%0*lld", prefix, width, static_cast<long long>(i));
  return buf;
}

// Runs one write transaction and waits for its commit.
void Write(iotjobs::store::Store& store, iotjobs::store::Store::WriteFn fn) {
  std::promise<Status> done;
  store.Write(kAccount, std::move(fn), [&done](Status s) { done.set_value(std::move(s)); });
  Status s = done.get_future().get();
  if (!s.ok()) {
    std::cerr << "bulk_load: write failed: " << s.ToString() << "\n";
    std::exit(1);
  }
}

#define CHECK_OK(expr)                           \
  do {                                           \
    Status s_ = (expr);                          \
    if (!s_.ok()) return s_;                     \
  } while (0)

void LoadScale(iotjobs::store::Store& store, int64_t executions, int64_t jobs_count) {
  const int64_t things = std::max<int64_t>(1, executions / jobs_count);
  const iotjobs::EpochMillis t0 = 1'700'000'000'000;
  Write(store, [&](WriteTransaction& tx) -> Status {
    iotjobs::jobs::ThingGroup g;
    g.thing_group_name = "scale-fleet";
    g.thing_group_id = iotjobs::NewUuid();
    g.creation_date = t0;
    CHECK_OK(tx.InsertThingGroup(g));
    for (int64_t j = 0; j < jobs_count; ++j) {
      iotjobs::jobs::Job job;
      job.job_id = Numbered("scale-job-", j, 3);
      job.targets = {std::string(kArnPrefix) + "thinggroup/scale-fleet"};
      job.document = R"({"operation":"install","version":"2.0"})";
      job.status = iotjobs::jobs::JobStatus::kCompleted;
      job.created_at = t0;
      job.last_updated_at = t0;
      job.completed_at = t0;
      job.thing_group_id = g.thing_group_id;
      job.process_details.succeeded = things;
      CHECK_OK(tx.InsertJob(job));
    }
    return Status::Ok();
  });
  int64_t t = 0;
  while (t < things) {
    int64_t end = std::min(things, t + std::max<int64_t>(1, kRowsPerTransaction / jobs_count));
    Write(store, [&, begin = t, end](WriteTransaction& tx) -> Status {
      for (int64_t i = begin; i < end; ++i) {
        iotjobs::jobs::Thing thing;
        thing.thing_name = Numbered("scale-thing-", i, 8);
        thing.thing_id = iotjobs::NewUuid();
        CHECK_OK(tx.InsertThing(thing));
        for (int64_t j = 0; j < jobs_count; ++j) {
          iotjobs::jobs::JobExecution e;
          e.job_id = Numbered("scale-job-", j, 3);
          e.thing_name = thing.thing_name;
          e.execution_number = 1;
          e.status = iotjobs::jobs::ExecutionStatus::kSucceeded;
          e.queued_at = t0;
          e.started_at = t0 + 1000;
          e.last_updated_at = t0 + 2000;
          e.version_number = 3;
          CHECK_OK(tx.InsertExecution(e));
        }
      }
      return Status::Ok();
    });
    t = end;
  }
  std::printf("{\"things\":%lld,\"jobs\":%lld,\"executions\":%lld",
              static_cast<long long>(things), static_cast<long long>(jobs_count),
              static_cast<long long>(things * jobs_count));
}

// Thing i's attributes: a unique serial (exact and prefix terms), a model of four (a term
// matching a quarter of the things) and a battery level 0-99 (numeric ranges); what a fleet
// would search by. Deterministic, so the harness knows how many things each query matches.
std::map<std::string, std::string> FanoutAttributes(int64_t i) {
  return {{"serial", Numbered("sn-", i, 8)},
          {"model", "m" + std::to_string(i % 4)},
          {"battery", std::to_string(i % 100)}};
}

void LoadFanout(iotjobs::store::Store& store, int64_t things, const std::string& group) {
  Write(store, [&](WriteTransaction& tx) -> Status {
    iotjobs::jobs::ThingGroup g;
    g.thing_group_name = group;
    g.thing_group_id = iotjobs::NewUuid();
    g.creation_date = 1'700'000'000'000;
    return tx.InsertThingGroup(g);
  });
  int64_t t = 0;
  while (t < things) {
    int64_t end = std::min(things, t + kRowsPerTransaction / 2);
    Write(store, [&, begin = t, end](WriteTransaction& tx) -> Status {
      for (int64_t i = begin; i < end; ++i) {
        iotjobs::jobs::Thing thing;
        thing.thing_name = Numbered("fan-thing-", i, 8);
        thing.thing_id = iotjobs::NewUuid();
        thing.attributes = FanoutAttributes(i);
        CHECK_OK(tx.InsertThing(thing));
        CHECK_OK(tx.AddThingToGroup(group, thing.thing_name));
      }
      return Status::Ok();
    });
    t = end;
  }
  std::printf("{\"things\":%lld,\"group\":\"%s\"", static_cast<long long>(things), group.c_str());
}

[[noreturn]] void Usage() {
  std::cerr << "usage: iotjobs-bench-load --dir DIR scale --executions N [--jobs J]\n"
               "       iotjobs-bench-load --dir DIR fanout --things N [--group G]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, mode, group = "fanout-group";
  int64_t executions = 0, things = 0, jobs_count = 100;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Usage();
      return argv[++i];
    };
    if (a == "--dir") dir = next();
    else if (a == "scale" || a == "fanout") mode = a;
    else if (a == "--executions") executions = std::stoll(next());
    else if (a == "--things") things = std::stoll(next());
    else if (a == "--jobs") jobs_count = std::stoll(next());
    else if (a == "--group") group = next();
    else Usage();
  }
  if (dir.empty() || mode.empty() || jobs_count < 1) Usage();
  iotjobs::log::SetLevel(iotjobs::log::Level::kWarn);
  auto started = std::chrono::steady_clock::now();
  iotjobs::store::sqlite::SqliteOptions options;
  options.data_dir = dir;
  options.reader_threads = 0;
  auto store = iotjobs::store::sqlite::SqliteStore::Open(options);
  if (!store.ok()) {
    std::cerr << "bulk_load: cannot open " << dir << ": " << store.status().message() << "\n";
    return 1;
  }
  if (mode == "scale") {
    LoadScale(**store, executions, jobs_count);
  } else {
    LoadFanout(**store, things, group);
  }
  (*store)->Shutdown();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(",\"seconds\":%.1f}\n", seconds);
  return 0;
}
