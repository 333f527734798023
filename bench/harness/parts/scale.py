"""Part scale: describe, list page and delete with 10^4, 10^6 and 10^7 executions stored
(bulk-loaded, 100 per thing, so only the table size changes), and iotjobsd's RSS."""
import shutil
import time

from .. import request_lines as req
from ..log import log
from ..servers import start_iotjobsd
from .bulk_load import bulk_load

READS = ("DescribeJobExecution", "ListJobExecutionsForThing")


def run(s):
    for n in sizes(s):
        measure_size(s, n)


def sizes(s):
    """The configured sizes, or the fallback ones when the disk cannot hold 10^7."""
    sizes = s.cfg["scale"]
    free_gb = shutil.disk_usage(s.build).free / 2**30
    if max(sizes) >= 10**7 and free_gb < 20:
        sizes = s.cfg["scale_fallback"]
        s.results.notes.append(f"scale: only {free_gb:.0f} GB free, so {sizes} instead of 10^7")
    return sizes


def measure_size(s, n):
    d = s.work / f"data-scale-{n}"
    t0 = time.time()
    loaded = bulk_load(s, d, "scale", "--executions", str(n))
    db_mb = sum(f.stat().st_size for f in d.iterdir()) / 2**20
    log(f"scale {n}: loaded {loaded['executions']} executions in {loaded['seconds']:.0f}s, "
        f"{db_mb:.0f} MB on disk")
    p, port = start_iotjobsd(s, d, f"iotjobsd-scale-{n}")
    try:
        row = dict(executions=loaded["executions"], load_s=loaded["seconds"], db_mb=db_mb,
                   rss_start_mb=p.rss_kb() / 1024)
        n_things, n_jobs = loaded["things"], loaded["jobs"]

        def pick():
            """A random stored execution: every thing has one in every job."""
            return (f"scale-job-{s.rng.randrange(n_jobs):03d}",
                    f"scale-thing-{s.rng.randrange(n_things):08d}")

        describe = [req.describe(*pick()) for _ in range(20000)]
        lists = [req.list_page(f"scale-thing-{s.rng.randrange(n_things):08d}")
                 for _ in range(20000)]
        for c in s.cfg["scale_conns"]:
            for op, lines in zip(READS, (describe, lists)):
                r = s.loadgen.run(port, lines, c, profile=(p, f"scale-{n}-{op}-c{c}"))
                s.results.record(f"scale-{n:.0e}", op, c, r)
                row[f"{op}|{c}"] = r
        measure_deletes(s, n, p, port, loaded["executions"], pick, row)
        row["rss_end_mb"] = p.rss_kb() / 1024
        row["hwm_mb"] = p.hwm_kb() / 1024
        s.results.scale.append(row)
        log(f"scale {n}: RSS {row['rss_start_mb']:.0f} MB at start, {row['rss_end_mb']:.0f} MB "
            f"after the runs (peak {row['hwm_mb']:.0f} MB); part took {time.time() - t0:.0f}s")
    finally:
        p.stop()
        shutil.rmtree(d, ignore_errors=True)


def measure_deletes(s, n, p, port, executions, pick, row):
    """Deletes last (the reads must find every execution): distinct random executions across
    the whole table, at most 40% of it in all, so the small sizes give short delete runs."""
    deleted = set()
    for i, c in enumerate(s.cfg["scale_conns"]):
        want = min(int(executions * (0.1 if i == 0 else 0.3)), 20000 if c == 1 else 60000)
        if s.smoke:
            want = min(want, 2000)
        lines = []
        while len(lines) < want:
            k = pick()
            if k in deleted:
                continue
            deleted.add(k)
            lines.append(req.delete(k[0], k[1], 1))
        r = s.loadgen.run(port, lines, c, once=True, warmup=0,
                          profile=(p, f"scale-{n}-DeleteJobExecution-c{c}"))
        s.results.record(f"scale-{n:.0e}", "DeleteJobExecution", c, r)
        row[f"DeleteJobExecution|{c}"] = r
