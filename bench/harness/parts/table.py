"""The main table on one server (iotjobsd, iotjobsd on :memory:, or moto): stores the read
data set, runs the three reads at every concurrency, then the three writes on distinct,
pre-created executions. iotjobsd's rows each come right after their ceiling."""
import time

from .. import request_lines as req
from ..config import MOTO_OPS, READ_OPS, WRITE_OPS
from ..log import log
from ..machine import fsync_probe
from .ceilings import answer_bytes, beast_row, commit_row

# moto numbers every execution 123 (iotjobsd starts at 1): the delete path must name it.
MOTO_EXECUTION_NUMBER = 123


def hundred_things(things, j):
    """The targets of the j-th job of 100: consecutive things, wrapping around."""
    start = (j * 100) % len(things)
    return [things[(start + k) % len(things)] for k in range(min(100, len(things)))]


class Table:
    def __init__(self, s, system, port, moto=False, memory=False, server=None, beast_port=None,
                 rerun_noisy=True):
        self.s = s
        self.system = system
        self.port = port
        self.moto = moto
        self.memory = memory
        self.server = server  # the Proc perf profiles (--perf-dir); None for moto
        self.beast_port = beast_port  # the read ceiling, for iotjobsd only
        # False where "other processes" are the server's own (PostgreSQL's backends): a
        # rerun would find them again.
        self.rerun_noisy = rerun_noisy
        self.durable = system == "iotjobsd"  # compared with the group-commit ceiling
        self.things = [f"bench-thing-{i:04d}" for i in range(s.cfg["things"])]
        self.duration = s.cfg["moto_duration"] if moto else s.cfg["duration"]

    def run(self):
        executions = self.store_read_set()
        self.run_reads(executions)
        if not self.ops(WRITE_OPS):
            return  # --ops named reads only: no write sets to create
        caps = self.write_capacity()
        consumables = self.create_write_sets(caps)
        self.run_writes(caps, consumables)

    def ops(self, ops):
        """The operations of `ops` this table runs: those moto serves, those --ops names."""
        return [op for op in ops if (not self.moto or op in MOTO_OPS) and
                (self.s.ops is None or op in self.s.ops)]

    def profile(self, op, c):
        return (self.server, f"{self.system}-{op}-c{c}") if self.server else None

    def store_read_set(self):
        """The things and the read data set: read_jobs jobs of 100 things each (50 executions
        per thing at full size), the same on every system."""
        s, t0 = self.s, time.time()
        s.loadgen.setup(self.port, [req.create_thing(t) for t in self.things])
        read_jobs = []
        lines = []
        for j in range(s.cfg["read_jobs"]):
            job = f"read-job-{j:04d}"
            targets = hundred_things(self.things, j)
            read_jobs.append((job, targets))
            lines.append(req.create_job(job, targets))
        s.loadgen.setup(self.port, lines)
        executions = [(job, t) for job, ts in read_jobs for t in ts]
        log(f"{self.system}: {len(self.things)} things, {len(executions)} executions stored "
            f"(setup {time.time() - t0:.1f}s)")
        return executions

    def run_reads(self, executions):
        s = self.s
        sample = s.rng.sample(executions, min(20000, len(executions)))
        reads = {
            "DescribeJobExecution": [req.describe(j, t) for j, t in sample],
            "GetPendingJobExecutions": [req.pending(t) for t in self.things],
            "ListJobExecutionsForThing": [req.list_page(t) for t in self.things],
        }
        for op in self.ops(READ_OPS):
            # The ceiling sends answers as long as ours (like with like: the bytes sent are a
            # good part of a read's cost).
            size = answer_bytes(s, self.port, reads[op]) if self.beast_port else None
            for c in s.cfg["conns"]:
                ceiling, r = self.quietest_pair(op, c, reads[op], size)
                if ceiling:
                    ceiling = s.results.record(
                        "beast-ceiling", f"JSON GET, {size}-byte body (before {op})", c,
                        ceiling["raw"])
                row = s.results.record(self.system, op, c, r)
                if ceiling:
                    row["ceiling_rps"] = ceiling["rps"]

    def quietest_pair(self, op, c, lines, body_bytes):
        """Reads can be replayed: when other work on the machine took a share of the CPU
        during the pair (ceiling, ours), runs the pair again (at most twice) and keeps the
        quietest."""
        s = self.s
        best = None
        for _ in range(3):
            ceiling = beast_row(s, self.beast_port, c, body_bytes) if self.beast_port else None
            r = s.loadgen.run(self.port, lines, c, duration=self.duration, shuffle=True,
                              profile=self.profile(op, c))
            noise = max(r["others_pct"], ceiling["others_pct"] if ceiling else 0)
            if best is None or noise < best[0]:
                best = (noise, ceiling, r)
            if noise < 5 or s.smoke or not self.rerun_noisy:
                break
            log(f"  (other processes took {noise:.0f}% of the CPU; running the pair again)")
        return best[1], best[2]

    def write_capacity(self):
        """Distinct requests per write run, by connections: a run ends when they are used up."""
        cfg = self.s.cfg
        if self.moto:
            return {c: cfg["moto_capacity"] for c in cfg["conns"]}
        cap = cfg["mem_write_capacity"] if self.memory else cfg["write_capacity"]
        return {c: cap[c] for c in cfg["conns"]}

    def create_write_sets(self, caps):
        """The QUEUED executions the update and delete runs consume, created through CreateJob
        (100 targets a job) before the runs, in random order."""
        s, t0 = self.s, time.time()
        consumables = {}
        for op in self.ops(["UpdateJobExecution", "DeleteJobExecution"]):
            for c in s.cfg["conns"]:
                pairs, lines = [], []
                n_jobs = (caps[c] + 99) // 100
                for j in range(n_jobs):
                    job = f"{op[:6].lower()}-{c}-{j:05d}"
                    targets = hundred_things(self.things, j)
                    lines.append(req.create_job(job, targets))
                    pairs += [(job, t) for t in targets]
                s.loadgen.setup(self.port, lines)
                s.rng.shuffle(pairs)
                consumables[(op, c)] = pairs
        log(f"{self.system}: write sets created ({time.time() - t0:.1f}s)")
        return consumables

    def write_lines(self, op, c, caps, consumables):
        if op == "CreateJob":
            return [req.create_job(f"create-{c}-{i:06d}", [self.things[i % len(self.things)]])
                    for i in range(caps[c])]
        if op == "UpdateJobExecution":
            return [req.update(j, t) for j, t in consumables[(op, c)]]
        n = MOTO_EXECUTION_NUMBER if self.moto else 1
        return [req.delete(j, t, n) for j, t in consumables[(op, c)]]

    def run_writes(self, caps, consumables):
        s = self.s
        for op in self.ops(WRITE_OPS):
            for c in s.cfg["conns"]:
                if self.durable:
                    # The durable-write ceiling runs right before our row, on the same shape
                    # of data and the same number of distinct rows: this disk's fsync latency
                    # drifts by 10x over minutes (other VMs share it), so only neighbours
                    # compare. The fsync probe shows what the disk did.
                    ceiling = commit_row(s, op, c, caps[c], note=fsync_probe(s.work))
                lines = self.write_lines(op, c, caps, consumables)
                r = s.loadgen.run(self.port, lines, c, duration=self.duration, once=True,
                                  warmup=s.cfg["write_warmup"], profile=self.profile(op, c))
                row = s.results.record(self.system, op, c, r,
                                       note=fsync_probe(s.work) if self.durable else "")
                if self.durable:
                    row["ceiling_rps"] = ceiling["rps"]
