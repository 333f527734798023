// iotjobs-bench-commit: the durable-write ceiling. A SQLite group-commit loop on iotjobsd's
// own schema (created by the store library, so every migration applies) with WAL and
// synchronous=FULL: C client threads each hand one operation at a time to one writer thread
// (closed loop, like C keep-alive HTTP connections), and the writer runs everything queued
// in one transaction, a savepoint per operation, one COMMIT (one WAL fsync), then wakes the
// clients. Each operation runs the same statements as the server's store does for it, with
// prepared statements and no JSON, HTTP or service logic:
//   create: job exists? thing exists? latest execution? INSERT jobs, job_documents,
//           job_executions (CreateJob with one thing target)
//   update: SELECT execution, SELECT job, UPDATE execution, upsert of the writer's
//           job_counts row (the counter change; the job's own row is not written)
//           (UpdateJobExecution QUEUED -> IN_PROGRESS)
//   delete: SELECT execution, SELECT job, DELETE execution, upsert of the job_counts row
//           (DeleteJobExecution)
// on the same shape of data as bench/run's rows: jobs of 100 thing targets each (so a job's
// details column holds 100 ARNs, as iotjobsd stores them), one QUEUED execution per target,
// 1000 things, and the executions taken in a random order.
// With --outbox on, one outbox row per operation too (what iotjobsd writes with --mqtt; the
// benchmark runs it without).
// Checkpoints run on their own thread (wal_autocheckpoint off on the writer), as iotjobsd's
// SQLite store does (docs/architecture.md, "SQLite"; bench/analysis.md [W2]); --checkpoint
// inline leaves SQLite's automatic checkpoint on the writer instead.
//
// Usage: iotjobs-bench-commit --dir DIR --op create|update|delete --connections C
//        [--duration S] [--warmup S] [--rows N] [--checkpoint thread|inline] [--outbox on|off]
//        [--details-targets N]
// Prints one JSON object like iotjobs-bench-loadgen's.
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

#include "common/log.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kAccount = "123456789012";

struct Options {
  std::string dir;
  std::string op = "create";
  int connections = 1;
  double duration = 5;
  double warmup = 0.5;
  int64_t rows = 300000;  // executions prepared for update/delete
  bool checkpoint_thread = true;
  bool outbox = false;
  // ARNs in each prepared job's details column: 100 = what iotjobsd stores for those jobs;
  // 1 shows what the same operations cost when the job row is small.
  int64_t details_targets = 100;  // also append one outbox row per operation (iotjobsd does with --mqtt)
};

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "commit_ceiling: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::cerr << "commit_ceiling: " << (err ? err : "?") << " in " << sql << "\n";
    std::exit(1);
  }
}

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    Check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr), db, sql);
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& Text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Int(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // Steps through every row (reading the columns, as the store does), then resets.
  void Run() {
    int rc;
    while ((rc = sqlite3_step(s_)) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s_); ++c) (void)sqlite3_column_text(s_, c);
    }
    Check(rc, db_, sqlite3_sql(s_));
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

constexpr int64_t kThings = 1000;
constexpr int64_t kTargetsPerJob = 100;

std::string JobId(int64_t i) { return "ceiling-job-" + std::to_string(i); }
std::string ThingName(int64_t i) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "bench-thing-%04lld", static_cast<long long>(i % kThings));
  return buf;
}
std::string ThingArn(int64_t i) { return "arn:aws:iot:us-east-1:123456789012:thing/" + ThingName(i); }

// Job j of the prepared set targets things j*100 .. j*100+99 (mod 1000), as bench/run's are.
int64_t TargetThing(int64_t job, int64_t k) { return (job * kTargetsPerJob + k) % kThings; }

// A job's details column as the store writes it: {"targets":[...]} with its thing ARNs.
std::string Details(int64_t job, int64_t targets) {
  std::string d = R"({"targets":[)";
  for (int64_t k = 0; k < targets; ++k) {
    if (k) d += ",";
    d.append("\"").append(ThingArn(TargetThing(job, k))).append("\"");
  }
  return d + "]}";
}

struct Item {
  int64_t id = 0;
  std::binary_semaphore* done = nullptr;
};

class Ceiling {
 public:
  Ceiling(Options o) : o_(std::move(o)) {}

  void Prepare() {
    // The schema, exactly as iotjobsd creates it.
    iotjobs::store::sqlite::SqliteOptions so;
    so.data_dir = o_.dir;
    so.reader_threads = 0;
    auto store = iotjobs::store::sqlite::SqliteStore::Open(so);
    if (!store.ok()) {
      std::cerr << "commit_ceiling: cannot create the schema in " << o_.dir << "\n";
      std::exit(1);
    }
    (*store)->Shutdown();
    store->reset();
    path_ = o_.dir + "/iotjobs.db";
    Check(sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                          nullptr),
          db_, "open");
    Exec(db_, "PRAGMA journal_mode = WAL");
    Exec(db_, "PRAGMA synchronous = FULL");
    sqlite3_stmt* probe = nullptr;
    has_outbox_ = o_.outbox && sqlite3_prepare_v2(db_, "SELECT 1 FROM outbox LIMIT 1", -1, &probe,
                                                  nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    // Rows to work on: 1000 things; for update and delete, rows/100 jobs of 100 targets
    // with one QUEUED execution per target.
    Exec(db_, "PRAGMA synchronous = OFF");
    Exec(db_, "BEGIN");
    {
      Stmt thing(db_,
                 "INSERT INTO things (account_id, thing_name, thing_id, attributes, version) "
                 "VALUES (?, ?, 'id', '{}', 1)");
      for (int64_t i = 0; i < kThings; ++i) thing.Text(1, kAccount).Text(2, ThingName(i)).Run();
      Stmt job(db_,
               "INSERT INTO jobs (account_id, job_id, status, target_selection, created_at, "
               "last_updated_at, n_queued, details) VALUES (?, ?, 'IN_PROGRESS', 'SNAPSHOT', 1, "
               "1, ?, ?)");
      Stmt exec(db_,
                "INSERT INTO job_executions (account_id, job_id, thing_name, execution_number, "
                "status, force_canceled, status_details, queued_at, last_updated_at, "
                "version_number, retry_attempt) VALUES (?, ?, ?, 1, 'QUEUED', 0, '{}', 1, 1, 1, 0)");
      int64_t jobs = o_.op == "create" ? 0 : (o_.rows + kTargetsPerJob - 1) / kTargetsPerJob;
      for (int64_t j = 0; j < jobs; ++j) {
        job.Text(1, kAccount).Text(2, JobId(j)).Int(3, kTargetsPerJob)
            .Text(4, Details(j, o_.details_targets)).Run();
        for (int64_t k = 0; k < kTargetsPerJob; ++k) {
          exec.Text(1, kAccount).Text(2, JobId(j)).Text(3, ThingName(TargetThing(j, k))).Run();
        }
      }
      order_.resize(static_cast<size_t>(jobs * kTargetsPerJob));
      for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int64_t>(i);
      std::mt19937_64 rng(6);
      std::shuffle(order_.begin(), order_.end(), rng);
    }
    Exec(db_, "COMMIT");
    Exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    Exec(db_, "PRAGMA synchronous = FULL");
    if (o_.checkpoint_thread) Exec(db_, "PRAGMA wal_autocheckpoint = 0");
  }

  void RunOp(int64_t id) {
    const std::string account = kAccount;
    if (o_.op == "create") {
      // A new job with one thing target, as bench/run's CreateJob rows.
      std::string job = "create-" + std::to_string(id);
      std::string thing = ThingName(id);
      sel_job_->Text(1, account).Text(2, job).Run();
      sel_thing_->Text(1, account).Text(2, thing).Run();
      sel_exec_latest_->Text(1, account).Text(2, job).Text(3, thing).Run();
      ins_exec_->Text(1, account).Text(2, job).Text(3, thing).Run();
      std::string details = R"({"targets":[")";
      details.append(ThingArn(id)).append("\"]}");
      ins_job_->Text(1, account).Text(2, job).Text(3, details).Run();
      ins_doc_->Text(1, account).Text(2, job).Run();
    } else {
      int64_t pick = order_[static_cast<size_t>(id)];
      std::string job = JobId(pick / kTargetsPerJob);
      std::string thing = ThingName(TargetThing(pick / kTargetsPerJob, pick % kTargetsPerJob));
      sel_exec_->Text(1, account).Text(2, job).Text(3, thing).Run();
      sel_job_->Text(1, account).Text(2, job).Run();
      if (o_.op == "update") {
        upd_exec_->Text(1, account).Text(2, job).Text(3, thing).Run();
      } else {
        del_exec_->Text(1, account).Text(2, job).Text(3, thing).Run();
      }
      (o_.op == "update" ? upd_counts_ : del_counts_)->Text(1, account).Text(2, job).Run();
    }
    if (has_outbox_) {
      ins_outbox_->Text(1, account).Text(2, "$aws/things/" + ThingName(id) + "/jobs/notify")
          .Run();
    }
  }

  void Writer() {
    sel_job_ = std::make_unique<Stmt>(
        db_, "SELECT job_id, status, details, n_queued FROM jobs WHERE account_id = ? AND job_id = ?");
    sel_thing_ = std::make_unique<Stmt>(
        db_, "SELECT * FROM things WHERE account_id = ? AND thing_name = ?");
    sel_exec_latest_ = std::make_unique<Stmt>(
        db_, "SELECT * FROM job_executions WHERE account_id = ? AND job_id = ? AND thing_name = ? "
             "ORDER BY execution_number DESC LIMIT 1");
    sel_exec_ = std::make_unique<Stmt>(
        db_, "SELECT * FROM job_executions WHERE account_id = ? AND job_id = ? AND thing_name = ? "
             "AND execution_number = 1");
    ins_exec_ = std::make_unique<Stmt>(
        db_, "INSERT INTO job_executions (account_id, job_id, thing_name, execution_number, status, "
             "force_canceled, status_details, queued_at, last_updated_at, version_number, "
             "retry_attempt) VALUES (?, ?, ?, 1, 'QUEUED', 0, '{}', 1, 1, 1, 0)");
    ins_job_ = std::make_unique<Stmt>(
        db_, "INSERT INTO jobs (account_id, job_id, status, target_selection, created_at, "
             "last_updated_at, n_queued, details) VALUES (?, ?, 'IN_PROGRESS', 'SNAPSHOT', 1, 1, "
             "1, ?)");
    ins_doc_ = std::make_unique<Stmt>(
        db_, "INSERT INTO job_documents (account_id, job_id, document) VALUES (?, ?, "
             "'{\"operation\":\"install\",\"version\":\"2.0\"}')");
    upd_exec_ = std::make_unique<Stmt>(
        db_, "UPDATE job_executions SET status = 'IN_PROGRESS', status_details = '{}', "
             "started_at = 2, last_updated_at = 2, version_number = version_number + 1 "
             "WHERE account_id = ? AND job_id = ? AND thing_name = ? AND execution_number = 1");
    del_exec_ = std::make_unique<Stmt>(
        db_, "DELETE FROM job_executions WHERE account_id = ? AND job_id = ? AND thing_name = ? "
             "AND execution_number = 1");
    // The store's upsert (store/sql/sql_job_counts.cc, SQLite's form: shard 0, no seq).
    auto add_counts = [&](const char* queued, const char* in_progress) {
      const std::string sql =
          std::string("INSERT INTO job_counts (account_id, job_id, shard, n_canceled, "
                           "n_succeeded, n_failed, n_rejected, n_queued, n_in_progress, "
                           "n_removed, n_timed_out, seq) VALUES (?, ?, 0, 0, 0, 0, 0, ") +
                   queued + ", " + in_progress +
                   ", 0, 0, 0) ON CONFLICT (account_id, job_id, shard) DO UPDATE SET "
                   "n_canceled = job_counts.n_canceled + excluded.n_canceled, "
                   "n_succeeded = job_counts.n_succeeded + excluded.n_succeeded, "
                   "n_failed = job_counts.n_failed + excluded.n_failed, "
                   "n_rejected = job_counts.n_rejected + excluded.n_rejected, "
                   "n_queued = job_counts.n_queued + excluded.n_queued, "
                   "n_in_progress = job_counts.n_in_progress + excluded.n_in_progress, "
                   "n_removed = job_counts.n_removed + excluded.n_removed, "
                   "n_timed_out = job_counts.n_timed_out + excluded.n_timed_out";
      return std::make_unique<Stmt>(db_, sql.c_str());
    };
    upd_counts_ = add_counts("-1", "1");
    del_counts_ = add_counts("-1", "0");
    if (has_outbox_) {
      ins_outbox_ = std::make_unique<Stmt>(
          db_, "INSERT INTO outbox (account_id, topic, payload, created_at) VALUES (?, ?, "
               "'{\"timestamp\":1,\"jobs\":{}}', 1)");
    }
    Stmt begin(db_, "BEGIN IMMEDIATE"), commit(db_, "COMMIT"), savepoint(db_, "SAVEPOINT op"),
        release(db_, "RELEASE op");
    std::vector<Item> batch;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) break;
        batch.swap(queue_);
      }
      begin.Run();
      for (const Item& item : batch) {
        savepoint.Run();
        RunOp(item.id);
        release.Run();
      }
      commit.Run();
      batches_.fetch_add(1);
      for (const Item& item : batch) item.done->release();
      batch.clear();
    }
  }

  void Checkpointer() {
    sqlite3* db = nullptr;
    Check(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr),
          db, "open");
    sqlite3_busy_timeout(db, 1000);
    Exec(db, "PRAGMA synchronous = FULL");
    while (!stop_checkpoint_.load()) {
      int wal_frames = 0, done = 0;
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_frames, &done);
      std::this_thread::sleep_for(std::chrono::milliseconds(wal_frames > 1000 ? 1 : 50));
    }
    sqlite3_close(db);
  }

  void Go() {
    std::thread writer([this] { Writer(); });
    std::thread checkpointer;
    if (o_.checkpoint_thread) checkpointer = std::thread([this] { Checkpointer(); });
    auto start = Clock::now();
    auto warm = start + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(o_.warmup));
    auto end = warm + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(o_.duration));
    std::atomic<int64_t> next{0};
    std::vector<std::vector<uint64_t>> latencies(o_.connections);
    std::atomic<bool> exhausted{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < o_.connections; ++c) {
      clients.emplace_back([&, c] {
        std::binary_semaphore done(0);
        for (;;) {
          auto now = Clock::now();
          if (now >= end) return;
          int64_t id = next.fetch_add(1);
          if (o_.op != "create" && id >= static_cast<int64_t>(order_.size())) {
            exhausted = true;
            return;
          }
          {
            std::lock_guard lock(mu_);
            queue_.push_back({id, &done});
          }
          cv_.notify_one();
          done.acquire();
          auto finished = Clock::now();
          if (now >= warm && finished <= end) {
            latencies[c].push_back(static_cast<uint64_t>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(finished - now).count()));
          }
        }
      });
    }
    for (auto& t : clients) t.join();
    auto finished_at = std::min(Clock::now(), end);
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    writer.join();
    stop_checkpoint_ = true;
    if (checkpointer.joinable()) checkpointer.join();
    std::vector<uint64_t> all;
    for (auto& v : latencies) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end());
    double seconds = std::chrono::duration<double>(finished_at - warm).count();
    auto pct = [&](double p) -> double {
      if (all.empty()) return 0;
      size_t i = std::min(all.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(all.size())));
      return static_cast<double>(all[i]) / 1000.0;
    };
    std::printf(
        "{\"requests\":%zu,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
        "\"p999_us\":%.1f,\"max_us\":%.1f,\"errors\":0,\"exhausted\":%s,\"batches\":%lld,"
        "\"outbox\":%s,\"checkpoint\":\"%s\"}\n",
        all.size(), seconds, seconds > 0 ? static_cast<double>(all.size()) / seconds : 0.0, pct(50),
        pct(99), pct(99.9), all.empty() ? 0.0 : static_cast<double>(all.back()) / 1000.0,
        exhausted ? "true" : "false", static_cast<long long>(batches_.load()),
        has_outbox_ ? "true" : "false", o_.checkpoint_thread ? "thread" : "inline");
    sel_job_.reset();
    sel_thing_.reset();
    sel_exec_latest_.reset();
    sel_exec_.reset();
    ins_exec_.reset();
    ins_job_.reset();
    ins_doc_.reset();
    upd_exec_.reset();
    del_exec_.reset();
    upd_counts_.reset();
    del_counts_.reset();
    ins_outbox_.reset();
    sqlite3_close(db_);
  }

 private:
  Options o_;
  std::string path_;
  sqlite3* db_ = nullptr;
  bool has_outbox_ = false;
  std::vector<int64_t> order_;  // the prepared executions, in the order operations take them
  std::unique_ptr<Stmt> sel_job_, sel_thing_, sel_exec_latest_, sel_exec_, ins_exec_, ins_job_,
      ins_doc_, upd_exec_, del_exec_, upd_counts_, del_counts_, ins_outbox_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Item> queue_;
  bool stop_ = false;
  std::atomic<bool> stop_checkpoint_{false};
  std::atomic<long long> batches_{0};
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--dir") o.dir = v;
    else if (a == "--op") o.op = v;
    else if (a == "--connections") o.connections = std::stoi(v);
    else if (a == "--duration") o.duration = std::stod(v);
    else if (a == "--warmup") o.warmup = std::stod(v);
    else if (a == "--rows") o.rows = std::stoll(v);
    else if (a == "--checkpoint") o.checkpoint_thread = v != "inline";
    else if (a == "--outbox") o.outbox = v == "on";
    else if (a == "--details-targets") o.details_targets = std::stoll(v);
    else {
      std::cerr << "commit_ceiling: unknown option " << a << "\n";
      return 2;
    }
  }
  if (o.dir.empty() || (o.op != "create" && o.op != "update" && o.op != "delete")) {
    std::cerr << "usage: iotjobs-bench-commit --dir DIR --op create|update|delete --connections C "
                 "[--duration S] [--warmup S] [--rows N] [--checkpoint thread|inline] [--outbox on|off]\n"
                 "       [--details-targets N]\n";
    return 2;
  }
  iotjobs::log::SetLevel(iotjobs::log::Level::kWarn);
  Ceiling c(std::move(o));
  c.Prepare();
  c.Go();
  return 0;
}
