"""The measured figures of one run, and their JSON file: --report-from rewrites RESULTS.md
from it (after editing bench/analysis.md) without measuring again."""
import datetime
import json
from pathlib import Path

from .log import log
from .versions import commit_id


def disturbance_note(r):
    """What else took the CPU during a loadgen run, worth a note on its row ("" if nothing)."""
    notes = []
    if r.get("others_pct", 0) >= 5:
        notes.append(f"other processes {r['others_pct']:.0f}% CPU")
    if r.get("steal_pct", 0) >= 2:
        notes.append(f"CPU steal {r['steal_pct']:.0f}%")
    return "; ".join(notes)


class Results:
    def __init__(self):
        self.rows = []  # dicts: system, op, conns, rps, p50, p99, p999, n, errors, note, cpu
        self.scale = []  # one dict per table size
        self.fanout = []  # one dict per group size
        self.contention = []  # one dict per (instances, connections)
        self.jobsize = []  # part jobsize's rows (as rows', plus job_targets and jobs)
        self.cli = None  # bench/cli_startup.sh's line
        self.notes = []
        self.timings = {}  # seconds per part
        self.quiet_waited = 0.0
        self.saved_commit = None  # the commit of a run loaded with load()

    def record(self, system, op, conns, r, note="", into=None):
        """Adds one row from a loadgen (or ceiling) result to `into` (default: the main
        table's rows) and logs it."""
        row = dict(system=system, op=op, conns=conns, rps=r["rps"], p50=r["p50_us"],
                   p99=r["p99_us"], p999=r["p999_us"], n=r["requests"], errors=r["errors"],
                   note=note, cpu=r.get("server_cpu_us"))
        if r.get("exhausted"):
            row["note"] = (row["note"] + "; " if row["note"] else "") + f"list used up after {r['seconds']:.1f}s"
        disturbed = disturbance_note(r)
        if disturbed:
            row["note"] = (row["note"] + "; " if row["note"] else "") + disturbed
        (self.rows if into is None else into).append(row)
        log(f"  {system:<14} {op:<26} c={conns:<3} {r['rps']:>9.0f} req/s  p50 {r['p50_us']:>8.0f} us"
            f"  p99 {r['p99_us']:>8.0f}  p99.9 {r['p999_us']:>8.0f}  n={r['requests']}"
            + (f"  ERRORS {r['errors']}" if r["errors"] else ""))
        return row

    def find(self, system, op, conns):
        for r in self.rows:
            if r["system"] == system and r["op"] == op and r["conns"] == conns:
                return r
        return None

    def save(self, path, cfg, smoke, started, elapsed):
        Path(path).write_text(json.dumps(dict(smoke=smoke,
            results=self.rows, scale=self.scale, fanout=self.fanout, contention=self.contention,
            jobsize=self.jobsize,
            cli=self.cli,
            notes=self.notes, timings=self.timings, started=started.isoformat(),
            elapsed=elapsed, quiet_waited=self.quiet_waited, commit=commit_id(),
            cfg={k: v for k, v in cfg.items() if not isinstance(v, dict)}), indent=1))

    def load(self, path):
        """Replaces these results with a saved run's; returns its start time, its length and
        whether it was a smoke run (None for files saved before that was recorded)."""
        d = json.loads(Path(path).read_text())
        self.rows = d["results"]
        for k in ("scale", "fanout", "cli", "notes", "timings", "quiet_waited"):
            setattr(self, k, d[k])
        self.contention = d.get("contention", [])  # runs saved before the part existed
        self.jobsize = d.get("jobsize", [])  # likewise
        self.saved_commit = d.get("commit")
        return datetime.datetime.fromisoformat(d["started"]), d["elapsed"], d.get("smoke")
