"""Part contention (issue 19): two iotjobsd on one PostgreSQL, the load split across them, every
request aimed at the executions of one job (UpdateJobExecution QUEUED -> IN_PROGRESS on a job
whose thing group holds contention_things things). Beside it, the same on one instance with
all the connections, on a fresh job of the same size.

What it reports per row: throughput (all requests answered / the longest loadgen window),
the write batches PostgreSQL rolled back for a serialization conflict (both instances'
iotjobs_store_write_batch_conflicts_total, per second), and two checks made on the database
afterwards: the job's counters equal its executions counted by status, and every answered
update is an IN_PROGRESS execution (no lost update)."""
import json
import re
import subprocess
import threading
import time
import urllib.request

from ..config import ARN, DOC
from ..log import log
from ..servers import start_iotjobsd
from ..signed import signed_get
from .postgres import throwaway_postgres
from .. import request_lines as req

GROUP = "hot-group"
STATUS_COLUMNS = {"QUEUED": "n_queued", "IN_PROGRESS": "n_in_progress",
                  "SUCCEEDED": "n_succeeded", "FAILED": "n_failed", "REJECTED": "n_rejected",
                  "REMOVED": "n_removed", "TIMED_OUT": "n_timed_out", "CANCELED": "n_canceled"}


def run(s):
    with throwaway_postgres(s, "iotjobs_contention") as (dsn, store):
        if not dsn:
            return
        a, port_a = start_iotjobsd(s, s.work / "data-cont-a", "iotjobsd-cont-a",
                                   extra=["--store", store])
        b, port_b = start_iotjobsd(s, s.work / "data-cont-b", "iotjobsd-cont-b",
                                   extra=["--store", store])
        try:
            things = [f"hot-thing-{i:05d}" for i in range(s.cfg["contention_things"])]
            t0 = time.time()
            s.loadgen.setup(port_a, [req.create_thing(t) for t in things])
            s.loadgen.setup(port_a, [("iot", "POST", f"/thing-groups/{GROUP}", "{}")], conns=1)
            s.loadgen.setup(port_a, [add_to_group(t) for t in things])
            log(f"contention: {len(things)} things in {GROUP} ({time.time() - t0:.1f}s)")
            for c in s.cfg["contention_conns"]:
                measure(s, store, things, f"hot-one-{c}", [(port_a, c)])
                measure(s, store, things, f"hot-two-{c}", [(port_a, c // 2), (port_b, c - c // 2)])
        finally:
            a.stop()
            b.stop()


def add_to_group(thing):
    body = json.dumps({"thingGroupName": GROUP, "thingName": thing})
    return ("iot", "PUT", "/thing-groups/addThingToThingGroup", body)


def measure(s, store, things, job, servers):
    """One row: a job on the group, its executions shuffled and split between `servers`
    ((port, connections) each), every update sent once, all loadgens at the same time."""
    port_a = servers[0][0]
    body = json.dumps({"targets": [f"{ARN}thinggroup/{GROUP}"], "document": DOC})
    s.loadgen.setup(port_a, [("iot", "PUT", f"/jobs/{job}", body)], conns=1)
    wait_all_queued(s, port_a, job, len(things))

    lines = [req.update(job, t) for t in things]
    s.rng.shuffle(lines)
    shares = [lines[i::len(servers)] for i in range(len(servers))]
    ports = sorted({port for port, _ in servers})
    conflicts_before = sum(conflicts(p) for p in ports)
    s.quiet()
    results = [None] * len(servers)

    def one(i, port, conns):
        results[i] = s.loadgen.run(port, shares[i], conns, duration=s.cfg["contention_duration"],
                                   warmup=0, once=True, wait_quiet=False)
    threads = [threading.Thread(target=one, args=(i, port, conns))
               for i, (port, conns) in enumerate(servers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if any(r is None for r in results):
        raise RuntimeError(f"contention: a load generator failed on {job}")
    seconds = max(r["seconds"] for r in results)
    answered = sum(r["requests"] - r["errors"] for r in results)
    n_conflicts = sum(conflicts(p) for p in ports) - conflicts_before
    counters, counted = job_counts(store, job)
    row = dict(instances=len(servers), conns=sum(c for _, c in servers), job_things=len(things),
               rps=answered / seconds if seconds else 0.0, seconds=seconds,
               p50=max(r["p50_us"] for r in results), p99=max(r["p99_us"] for r in results),
               requests=sum(r["requests"] for r in results),
               errors=sum(r["errors"] + r.get("connection_errors", 0) for r in results),
               conflicts=n_conflicts, conflicts_per_s=n_conflicts / seconds if seconds else 0.0,
               counters_exact=counters == counted,
               lost=answered - counted.get("IN_PROGRESS", 0),
               exhausted=all(r.get("exhausted") for r in results),
               error_samples=[e for r in results for e in r.get("error_samples", [])][:3])
    s.results.contention.append(row)
    log(f"  contention {row['instances']} instance(s) c={row['conns']}: {row['rps']:.0f} req/s, "
        f"p99 {row['p99'] / 1000:.1f} ms, {n_conflicts} batches retried "
        f"({row['conflicts_per_s']:.1f}/s), counters {'exact' if row['counters_exact'] else 'WRONG'}"
        f" ({counters} vs {counted}), lost {row['lost']}, errors {row['errors']}"
        + (f" {row['error_samples']}" if row["errors"] else ""))
    return row


def wait_all_queued(s, port, job, n):
    deadline = time.time() + s.cfg["fanout_timeout"]
    while time.time() < deadline:
        details = signed_get(port, f"/jobs/{job}")["job"].get("jobProcessDetails", {})
        if details.get("numberOfQueuedThings", 0) >= n:
            return
        time.sleep(0.1)
    raise RuntimeError(f"contention: {job} did not queue {n} executions in time")


def conflicts(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as resp:
        text = resp.read().decode()
    m = re.search(r"^iotjobs_store_write_batch_conflicts_total (\S+)$", text, re.M)
    return float(m.group(1)) if m else 0.0


def job_counts(store, job):
    """The job's counters (its row's plus every instance's counter row) and its executions
    counted by status, read from the database itself (both by status name, zeros left out)."""
    summed = ", ".join(f"j.{c} + COALESCE((SELECT SUM(c.{c}) FROM job_counts c "
                       f"WHERE c.account_id = j.account_id AND c.job_id = j.job_id), 0)"
                       for c in STATUS_COLUMNS.values())
    row = psql(store, f"SELECT {summed} FROM jobs j WHERE job_id = '{job}'").split("|")
    counters = {st: int(v) for st, v in zip(STATUS_COLUMNS, row) if int(v)}
    counted = {}
    for line in psql(store, "SELECT status, count(*) FROM job_executions "
                            f"WHERE job_id = '{job}' GROUP BY status").splitlines():
        status, n = line.split("|")
        counted[status] = int(n)
    return counters, counted


def psql(dsn, sql):
    return subprocess.run(["psql", dsn, "-At", "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()
