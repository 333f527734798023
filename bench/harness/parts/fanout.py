"""Part fanout: one CreateJob on a thing group of 10^5 and 10^6 things; the time until every
execution is QUEUED, iotjobsd's RSS, and the API's latency meanwhile. Then, on the same
things, one CreateDynamicThingGroup whose query matches them all: the time until the group is
ACTIVE (filled by the background worker in batches), and the API's latency meanwhile. Last,
with indexing on and the group filled, SearchIndex's latency over the same things for a
handful of query shapes, each one's matches counted and checked first (fanout_search.py)."""
import json
import shutil
import signal
import sqlite3
import time

from ..config import ARN, DOC
from ..log import log
from ..servers import start_iotjobsd
from ..signed import signed_get, signed_request
from .bulk_load import bulk_load
from .fanout_search import measure_search


def run(s):
    for n in s.cfg["fanout"]:
        measure_group(s, n)


def measure_group(s, n):
    d = s.work / f"data-fanout-{n}"
    loaded = bulk_load(s, d, "fanout", "--things", str(n))
    log(f"fan-out {n}: {loaded['things']} things in the group, loaded in {loaded['seconds']:.0f}s")
    p, port = start_iotjobsd(s, d, f"iotjobsd-fanout-{n}")
    try:
        rss_start = p.rss_kb()
        probe_lines = []
        for _ in range(1000):
            probe_lines.append(("iot", "GET", "/jobs/fanout-job"))
            probe_lines.append(("iot", "GET", f"/things/fan-thing-{s.rng.randrange(n):08d}"))
        body = json.dumps({"targets": [ARN + "thinggroup/fanout-group"], "document": DOC})
        t0 = time.time()
        create = s.loadgen.run(port, [("iot", "PUT", "/jobs/fanout-job", body)], 1,
                               duration=600, warmup=0, once=True)
        if create["errors"]:
            raise RuntimeError(f"fan-out CreateJob failed: {create}")
        # The API meanwhile: DescribeJob and DescribeThing, 200 requests a second.
        probe = s.loadgen.start_background(port, probe_lines, 1, rate=200)
        try:
            queued, peak_rss, done_at = wait_all_queued(s, p, port, n, t0)
        finally:
            # Stopped on every path: it is not in PROCS, and would run on after a failure.
            probe.send_signal(signal.SIGINT)
            probe_out, _ = probe.communicate(timeout=30)
        pr = json.loads(probe_out)
        elapsed = (done_at or time.time()) - t0
        row = dict(things=n, seconds=elapsed, finished=done_at is not None, queued=queued,
                   create_ms=create["p50_us"] / 1000, rss_start_mb=rss_start / 1024,
                   rss_peak_mb=max(peak_rss, p.hwm_kb()) / 1024, probe=pr)
        row["dynamic"] = measure_dynamic_fill(s, p, port, n, probe_lines)
        row["search"] = measure_search(s, port, n)
        s.results.fanout.append(row)
        log(f"fan-out {n}: {'all ' if row['finished'] else 'NOT all '}{queued} QUEUED after "
            f"{elapsed:.1f}s (CreateJob answered in {row['create_ms']:.0f} ms); RSS peak "
            f"{row['rss_peak_mb']:.0f} MB; API meanwhile p50 {pr['p50_us'] / 1000:.2f} ms "
            f"p99 {pr['p99_us'] / 1000:.2f} ms over {pr['requests']} requests, "
            f"{pr['errors']} errors")
        p.stop()
        row["rows"] = queued_rows(d)
        row["dynamic"]["members"] = member_rows(d, "fanout-dynamic")
        log(f"fan-out {n}: {row['rows']} QUEUED execution rows in the database after stop")
    finally:
        p.stop()
        shutil.rmtree(d, ignore_errors=True)


def measure_dynamic_fill(s, p, port, n, probe_lines):
    """CreateDynamicThingGroup over the n things (indexing turned on first): when it answered,
    when DescribeThingGroup says ACTIVE (polled every 100 ms), and the API's latency
    meanwhile (its members are counted in the database once the server stopped)."""
    signed_request(port, "POST", "/indexing/config",
                   {"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY"}})
    probe = s.loadgen.start_background(port, probe_lines, 1, rate=200)
    try:
        t0 = time.time()
        signed_request(port, "POST", "/dynamic-thing-groups/fanout-dynamic",
                       {"queryString": "thingName:fan-thing-*"})
        create_ms = (time.time() - t0) * 1000
        done_at = None
        while time.time() - t0 < s.cfg["fanout_timeout"]:
            if signed_get(port, "/thing-groups/fanout-dynamic").get("status") == "ACTIVE":
                done_at = time.time()
                break
            time.sleep(0.1)
    finally:
        probe.send_signal(signal.SIGINT)
        probe_out, _ = probe.communicate(timeout=30)
    pr = json.loads(probe_out)
    row = dict(seconds=(done_at or time.time()) - t0, finished=done_at is not None,
               create_ms=create_ms, members=None, probe=pr)
    log(f"dynamic group over {n}: {'ACTIVE' if done_at else 'NOT ACTIVE'} after "
        f"{row['seconds']:.1f}s (CreateDynamicThingGroup answered in {create_ms:.0f} ms); "
        f"API meanwhile p50 {pr['p50_us'] / 1000:.2f} ms "
        f"p99 {pr['p99_us'] / 1000:.2f} ms, {pr['errors']} errors")
    return row


def member_rows(data_dir, group):
    """The dynamic group's members, counted in the database (the server stopped)."""
    db = sqlite3.connect(str(data_dir / "iotjobs.db"))
    count = db.execute("SELECT count(*) FROM thing_group_members WHERE thing_group_name = ?",
                       (group,)).fetchone()[0]
    db.close()
    return count


def wait_all_queued(s, p, port, n, t0):
    """Polls DescribeJob every 100 ms until numberOfQueuedThings reaches n (or the timeout);
    returns the last count, the peak RSS seen (KB) and when it got there (None: it did not)."""
    queued, peak_rss = 0, 0
    while time.time() - t0 < s.cfg["fanout_timeout"]:
        job = signed_get(port, "/jobs/fanout-job")["job"]
        queued = job.get("jobProcessDetails", {}).get("numberOfQueuedThings", 0)
        peak_rss = max(peak_rss, p.rss_kb())
        if queued >= n:
            return queued, peak_rss, time.time()
        time.sleep(0.1)
    return queued, peak_rss, None


def queued_rows(data_dir):
    """The counter checked against the rows themselves (the server stopped)."""
    db = sqlite3.connect(str(data_dir / "iotjobs.db"))
    count = db.execute("SELECT count(*) FROM job_executions WHERE job_id = "
                       "'fanout-job' AND status = 'QUEUED'").fetchone()[0]
    db.close()
    return count
