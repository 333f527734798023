"""What limits each figure, from the profiles in bench/analysis.md (section in brackets): the
"limited by" column of the main table."""
from ..config import WRITE_OPS

LIMITS = {
    # The ceiling answers a body of the size of the row it precedes: its server cost grows
    # with it (~13 µs at 300 bytes, ~41 µs at the list page's 8 KB).
    "beast-ceiling": "2 shared cores: bare Beast's server CPU for this body size + ~18 µs load "
                     "generator per request",
    "commit-ceiling": "the one writer: page reads/writes of each op (6 KB job row read, counter "
                      "row upserted) + WAL fsync",
    ("moto", "ListJobExecutionsForThing"): "moto scans every execution per call (Python, one GIL)",
    "moto": "Python (one GIL), a new connection per request",
    ("iotjobsd", "DescribeJobExecution"): "server CPU/request 3.5x Beast: bigger answer, SigV4, SQLite read txn, JSON [R1]",
    ("iotjobsd", "GetPendingJobExecutions"): "as Describe, + 10 index rows and their JSON [R1]",
    ("iotjobsd", "ListJobExecutionsForThing"): "as Describe, + 50 covering-index rows and their JSON [R1, R2]",
    ("iotjobsd", "CreateJob"): "the writer thread's CPU: the job row's JSON, per-op work [W1, W3]",
    ("iotjobsd", "UpdateJobExecution"): "the writer: job row (100-target JSON) read and parsed per op [W1]",
    ("iotjobsd", "DeleteJobExecution"): "the writer: job row (100-target JSON) read and parsed per op [W1]",
    "iotjobsd-mem": "one thread serves every read and write in :memory: [M1]",
    "iotjobsd-pg": "a round trip to PostgreSQL per read statement (BEGIN rides with the first, "
                   "the ROLLBACK with the next read's BEGIN), a handoff to a reader thread, "
                   "PostgreSQL on the same 2 cores (its CPU shows as other processes) [P1]",
    ("iotjobsd-pg", "CreateJob"): "the one writer per instance, one round trip per operation "
                                  "(its reads in one, its writes riding with the next "
                                  "operation's or the COMMIT) [P1]",
    ("iotjobsd-pg", "UpdateJobExecution"): "as CreateJob: execution and job read in one round "
                                           "trip, the writes riding with the next [P1]",
    ("iotjobsd-pg", "DeleteJobExecution"): "as CreateJob: execution and job read in one round "
                                           "trip, the writes riding with the next [P1]",
}


def limit_of(row):
    """At 1 connection a closed loop waits for each answer: the round trip (reads) or the
    commit's fsync (durable writes) is the limit, whatever the server does."""
    if row["conns"] == 1 and row["system"] in ("iotjobsd", "iotjobsd-mem", "beast-ceiling") and \
            row["op"] not in WRITE_OPS:
        return "round trip (1 connection, closed loop)"
    if row["conns"] == 1 and row["system"] == "iotjobsd" and row["op"] in WRITE_OPS:
        return "one fsync per request (1 connection)"
    return LIMITS.get((row["system"], row["op"]), LIMITS.get(row["system"], ""))

