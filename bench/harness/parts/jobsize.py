"""Part jobsize (issue 19): does an execution change cost more when its job is big?
UpdateJobExecution (QUEUED -> IN_PROGRESS, each execution updated once, as the main table's
update row) on the executions of ONE job whose target is a thing group of jobsize_things
things, beside the same number of updates spread over as many jobs of ONE thing target each,
at each of jobsize_conns connections, in jobsize_rounds rounds.

Every job is set up before any row runs, on one data directory and one iotjobsd (SQLite on
disk, the default store): every row then runs on the same table, and the two rows of a pair
(same connections, same round) run back to back, because this disk's fsync latency drifts
over minutes and only neighbouring rows compare. That is fairer than fresh directories per
row, which would compare rows minutes apart, each on a different table. A row of 10^4 updates
lasts 2-3 s at 16 connections, so the second row of a pair may gain from the first (a WAL
checkpoint finished, pages cached): round 2 runs the pair in the other order, and the ratio
pools the rounds (all requests over all seconds of each kind).

The things and the group are bulk-loaded (bench/bulk_load.cc); the jobs are made through the
API, the big ones filled by the fan-out. The 1-target job of thing i and the big job's
execution on thing i are on the same thing, so both rows update the same things'
executions, in the same shuffled order."""
import shutil
import time

from .. import request_lines as req
from ..log import log
from ..servers import start_iotjobsd
from .bulk_load import bulk_load
from .contention import wait_all_queued

GROUP = "jobsize-group"
OP = "UpdateJobExecution"


def run(s):
    n = s.cfg["jobsize_things"]
    # --conns narrows this part too (to the counts it has).
    conns = [c for c in s.cfg["jobsize_conns"] if c in s.cfg["conns"]]
    rounds = range(s.cfg["jobsize_rounds"])
    d = s.work / "data-jobsize"
    t0 = time.time()
    loaded = bulk_load(s, d, "fanout", "--things", str(n), "--group", GROUP)
    things = [f"fan-thing-{i:08d}" for i in range(loaded["things"])]
    p, port = start_iotjobsd(s, d, "iotjobsd-jobsize")
    try:
        updates = {(c, k): create_jobs(s, port, things, f"c{c}-r{k}")
                   for c in conns for k in rounds}
        log(f"jobsize: {n} things in {GROUP}; per connection count and round one job on the "
            f"group and {n} jobs of one thing ({time.time() - t0:.1f}s)")
        for c in conns:
            for k in rounds:
                small, big = updates[(c, k)]
                pair = [(small, 1, n), (big, n, 1)]
                for lines, targets, jobs in (pair if k % 2 == 0 else pair[::-1]):
                    measure(s, p, port, c, k, lines, targets, jobs)
    finally:
        p.stop()
        shutil.rmtree(d, ignore_errors=True)


def create_jobs(s, port, things, name):
    """The jobs one pair of rows consumes: a job of one thing on each thing, and one job on
    the group (waited for until all its executions are QUEUED). Returns both rows' update
    lines, the things in one shuffled order for both."""
    small_job = [f"jobsize-one-{name}-{i:05d}" for i in range(len(things))]
    s.loadgen.setup(port, [req.create_job(j, [t]) for j, t in zip(small_job, things)])
    big_job = f"jobsize-group-{name}"
    s.loadgen.setup(port, [req.create_group_job(big_job, GROUP)], conns=1)
    wait_all_queued(s, port, big_job, len(things))
    order = list(range(len(things)))
    s.rng.shuffle(order)
    return ([req.update(small_job[i], things[i]) for i in order],
            [req.update(big_job, things[i]) for i in order])


def measure(s, p, port, c, k, lines, targets, jobs):
    """One row of round k, every update sent once (ends when the list is used up or after
    the run's duration, as the main table's write rows)."""
    r = s.loadgen.run(port, lines, c, once=True, warmup=s.cfg["write_warmup"],
                      profile=(p, f"jobsize-{targets}-targets-c{c}-r{k}"))
    label = f"{jobs} jobs of 1" if targets == 1 else f"1 job of {targets}"
    row = s.results.record(label, OP, c, r, into=s.results.jobsize)
    row.update(job_targets=targets, jobs=jobs, round=k + 1)
    return row
