#!/usr/bin/env python3
"""Where iotjobsd's CPU goes, from a perf profile: every sample is given to one cost category
by the frames on its stack (the first rule that matches wins), then totals are printed for the
whole process and per thread. This is how bench/analysis.md's breakdowns were made.

  bench/run --parts main --perf-dir /tmp/prof --perf-callgraph dwarf --out /tmp/r.md
  perf script -i /tmp/prof/iotjobsd-DescribeJobExecution-c16.data | bench/perf_breakdown.py

Use --call-graph dwarf: libsqlite3, libcrypto and libc have no frame pointers, so fp stacks
lose the caller of most samples in them.
"""
import collections
import re
import sys

# (category, substrings of frame names): the order matters, the first match wins.
RULES = [
    # The request's one info line: formatted, then one write(2) to the log file. First: its
    # stack runs through the answer's callbacks, which later rules would claim.
    ("request log line (format + write(2))", ["log::WriteRequest"]),
    ("TCP send of the answer (sendmsg; wakes the client)", ["sendmsg", "__libc_send", "writev"]),
    ("TCP receive (recvmsg)", ["recvmsg", "__libc_recv", "readv"]),
    ("store: fsync (fdatasync)", ["fdatasync", "fsync"]),
    ("cross-thread handoff (futex, condvar, eventfd, epoll, wake-ups, IPIs)",
     ["try_to_wake_up", "__schedule", "futex", "epoll_wait", "eventfd", "reschedule_ipi",
      "pthread_cond", "do_epoll_ctl"]),
    ("SigV4 verify (auth/)", ["Authenticator::Authenticate", "Verifier::Verify"]),
    ("route + decode + validate + authorize (api/)",
     ["Router::Match", "DecodeInput", "validation::Validate", "ParseQuery", "api::Authorize",
      "PlaneOf"]),
    ("store: JSON parse of columns read", ["StringMapFromJson", "JobDetailsFromJson"]),
    ("store: JSON of columns written, GroupTargets", ["JobDetailsToJson", "StringMapToJson",
                                                      "GroupTargets"]),
    ("store: Connection::Exec (BEGIN/COMMIT/SAVEPOINT text; COMMIT's WAL writes and checkpoint)",
     ["Connection::Exec"]),
    ("store: SQLite statements (incl. page reads)", ["sqlite3_step", "sqlite3_prepare",
                                                     "Statement::", "SqliteTransaction::",
                                                     "sqlite3"]),
    # The answer is written inline from the handler's callback (Reply<...> is on the stack of
    # every write), so Beast's writing must be told apart before the JSON rule.
    ("HTTP write of the answer (Beast serializer, asio send op)",
     ["http::serializer", "write_some_op", "write_op<", "write_msg_op",
      "reactive_socket_send_op"]),
    ("answer: build + serialize JSON", ["wire_out", "ToWire", "boost::json::serialize",
                                        "ToJson", "JsonResponse", "boost::json"]),
    ("request metrics (counters, latency histograms)", ["RequestMetrics::", "metrics::"]),
    ("service/ + jobs/ logic", ["iotjobs::service::", "iotjobs::jobs::"]),
    ("malloc/free", ["malloc", "free", "operator new", "operator delete"]),
    ("HTTP parse/serialize, session, asio", ["basic_parser", "http::serializer", "Session<",
                                             "http::detail", "boost::asio", "Api::Handle"]),
]


def samples(stream):
    """Yields (thread id, [frames, leaf first]) for each sample of `perf script` output."""
    tid, frames = None, []
    for line in stream:
        if not line.strip():
            if tid is not None:
                yield tid, frames
            tid, frames = None, []
        elif not line.startswith((" ", "\t")):
            m = re.match(r"\S+\s+(\d+)(?:/(\d+))?", line)
            tid = (m.group(2) or m.group(1)) if m else "?"
            frames = []
        else:
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else parts[0])
    if tid is not None:
        yield tid, frames


def main():
    cats = collections.Counter()
    threads = collections.Counter()
    per_thread = collections.defaultdict(collections.Counter)
    total = 0
    for tid, frames in samples(sys.stdin):
        stack = " | ".join(frames)
        name = next((n for n, keys in RULES if any(k in stack for k in keys)), "other")
        cats[name] += 1
        threads[tid] += 1
        per_thread[tid][name] += 1
        total += 1
    if not total:
        print("no samples")
        return 1
    print(f"{total} samples")
    for name, n in cats.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("by thread (share of all samples; its top categories):")
    for tid, n in threads.most_common():
        top = "; ".join(f"{k} {100 * v / n:.0f}%" for k, v in per_thread[tid].most_common(4))
        print(f"  {tid}: {100 * n / total:5.1f}%  ({top})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
