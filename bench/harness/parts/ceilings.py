"""The ceilings the iotjobsd rows are compared with: bare Boost.Beast for reads, a SQLite
group-commit loop for durable writes, and wrk next to our load generator on the Beast ceiling."""
import json
import shutil
import subprocess

from ..config import CEILING_OP
from ..log import log


def beast_row(s, port, c, body_bytes=None):
    """The read ceiling at c connections, run right before the iotjobsd row it is compared
    with (recorded by the caller, which may run the pair again). body_bytes: the size of the
    answers that row sends (answer_bytes), so both send the same bytes; None: the ceiling's
    fixed ~330-byte body."""
    query = f"?bytes={body_bytes}" if body_bytes is not None else ""
    lines = [("-", "GET", f"/things/bench-thing-{i:04d}/jobs/read-job-0001{query}")
             for i in range(100)]
    r = s.loadgen.run(port, lines, c)
    return dict(rps=r["rps"], others_pct=r["others_pct"], raw=r)


def answer_bytes(s, port, lines):
    """The mean body size of the server's answers to `lines` (the first 200 of them, each sent
    once, unmeasured): what the read ceiling is asked to send before that row."""
    r = s.loadgen.run(port, lines[:200], 4, duration=3600, warmup=0, once=True, check=False,
                      wait_quiet=False)
    return round(r["body_bytes_mean"])


def calibrate(s, beast_port):
    """wrk -t1 against the Beast ceiling next to our load generator: shows the load
    generator is not what limits the ceiling."""
    if not shutil.which("wrk"):
        s.results.notes.append("wrk is not installed: no load-generator calibration")
        return
    c = 16
    s.quiet()
    d = max(1, int(s.cfg["duration"]))
    out = subprocess.run(["wrk", "-t1", f"-c{c}", f"-d{d}s", "--latency",
                          f"http://127.0.0.1:{beast_port}/things/x/jobs/y"],
                         stdout=subprocess.PIPE, text=True)
    rps = 0.0
    for line in out.stdout.splitlines():
        if line.startswith("Requests/sec:"):
            rps = float(line.split()[1])
    ours = beast_row(s, beast_port, c)
    s.results.notes.append(f"load generator calibration on the Beast ceiling, {c} connections: "
                           f"wrk -t1 {rps:.0f} req/s, bench/loadgen.cc {ours['rps']:.0f} req/s")
    log(f"  calibration: wrk -t1 {rps:.0f} req/s, loadgen {ours['rps']:.0f} req/s")


def commit_row(s, op, c, rows, note=""):
    """The durable-write ceiling for one operation at c connections (bench/commit_ceiling.cc),
    on rows distinct rows in a fresh directory; recorded."""
    kind = CEILING_OP[op]
    d = s.work / f"ceiling-{kind}-{c}"
    cmd = [str(s.bin["commit"]), "--dir", str(d), "--op", kind, "--connections", str(c),
           "--duration", str(s.cfg["duration"]), "--warmup", str(s.cfg["write_warmup"]),
           "--rows", str(rows)]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    r = json.loads(out.stdout)
    shutil.rmtree(d, ignore_errors=True)
    return s.results.record("commit-ceiling", op, c, r,
                            note=f"{r['requests'] / max(1, r['batches']):.1f} ops/commit; {note}")
