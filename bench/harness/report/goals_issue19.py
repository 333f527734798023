"""The goals of issue 19 ("Done when"), each judged from figures the run already has, every
one a ratio of figures measured in the same run: part postgres's rows against its pgbench
note and against part main's SQLite rows, part jobsize's ratio, part main's describe CPU and
read rows against their ceilings, part contention's rows. A goal whose figures this run does
not have (its part not run, or --ops/--conns left them out) says "not measured"; one measured
only in part says which figures it lacks. Called after tables.add_ratios."""
import re

from ..config import READ_OPS, WRITE_OPS
from .goals import SHORT, verdict
from .tables import jobsize_ratios

CONNS = (16, 64)  # the connection counts the bullets name
PGBENCH_NOTE = "PostgreSQL's own durable one-row commits"  # part postgres's note


def issue19_goals_table(results):
    g = [postgres_writes_goal(results), postgres_reads_goal(results), jobsize_goal(results),
         describe_cpu_goal(results), read_ceiling_goal(results)]
    g += contention_goals(results)
    return "\n".join(["| goal | verdict | detail |", "| --- | --- | --- |"] +
                     [f"| {a} | {b} | {c} |" for a, b, c in g])


def pgbench_rates(results):
    """pgbench's one-row commits/s by connections. Part postgres records them only in its note
    ("16 conn: 18000 commits/s, ..."), so they are read back from it: runs saved before this
    module have them there too."""
    for note in results.notes:
        if note.startswith(PGBENCH_NOTE):
            return {int(c): float(rate)
                    for c, rate in re.findall(r"(\d+) conn: ([0-9.]+) commits/s", note)}
    return {}


def judged(goal, pairs, need, nothing):
    """A goal judged on ratio pairs (op, conns, numerator row or figure, denominator): each
    ratio must be >= need. A pair missing a figure is listed as not measured; `nothing` says
    why when none has both."""
    rows, missing = [], []
    for op, conns, num, den in pairs:
        num = num["rps"] if isinstance(num, dict) else num
        den = den["rps"] if isinstance(den, dict) else den
        if num is None or not den:
            missing.append(f"{SHORT.get(op, op)}@{conns}")
        else:
            rows.append(dict(op=op, conns=conns, ratio=num / den))
    if not rows:
        return goal, "not measured", nothing
    v, d = verdict(rows, "ratio", need, pct=True)
    if missing:
        v = "met where measured" if v == "met" else v
        d += "; not measured: " + ", ".join(missing)
    return goal, v, d


def postgres_writes_goal(results):
    rates = pgbench_rates(results)
    pairs = [(op, c, results.find("iotjobsd-pg", op, c), rates.get(c))
             for op in WRITE_OPS for c in CONNS]
    return judged("PostgreSQL writes at 16 and 64 connections >= 50% of pgbench's one-row "
                  "commits/s at the same connections", pairs, 0.50,
                  "no PostgreSQL write rows with a pgbench rate beside them (part postgres)")


def postgres_reads_goal(results):
    pairs = [(op, c, results.find("iotjobsd-pg", op, c), results.find("iotjobsd", op, c))
             for op in READ_OPS for c in CONNS]
    return judged("PostgreSQL reads at 16 and 64 connections >= 80% of the SQLite store's",
                  pairs, 0.80, "needs parts postgres and main")


def jobsize_goal(results):
    """Every connection count part jobsize measured, each kind's req/s pooled over its rounds:
    "within 10%" read as the big job at least 90% as fast (faster passes)."""
    big = max((r["job_targets"] for r in results.jobsize), default=0)
    ratios = jobsize_ratios(results)
    pairs = [("UpdateJobExecution", c, ratio, 1.0) for c, ratio in sorted(ratios.items())]
    return judged(f"UpdateJobExecution on a job of {big or '10^4'} targets >= 90% of the same "
                  "on jobs of 1 target (req/s)", pairs, 0.90, "part jobsize not run")


def describe_cpu_goal(results):
    goal = "SQLite DescribeJobExecution <= 25 µs server CPU per request at 16 connections"
    r = results.find("iotjobsd", "DescribeJobExecution", 16)
    if not r or r.get("cpu") is None:
        return goal, "not measured", "part main's describe@16 row"
    return goal, "met" if r["cpu"] <= 25 else "NOT met", f"{r['cpu']:.0f} µs/req"


def read_ceiling_goal(results):
    """At 16 and 64 connections: at 1 a closed loop measures the round trip, not the server."""
    pairs = []
    for op in READ_OPS:
        for c in CONNS:
            r = results.find("iotjobsd", op, c)
            pairs.append((op, c, r, r.get("ceiling_rps") if r else None))
    return judged("SQLite reads at 16 and 64 connections >= 50% of the same-size Beast ceiling",
                  pairs, 0.50, "part main's read rows")


def contention_goals(results):
    """Two goals from part contention: no update lost and the counters exact (every row, one
    instance or two), and two instances at least as fast as one at the same connections."""
    rows = results.contention
    exact_goal = "two instances on one job: zero lost updates, counters exact"
    speed_goal = "two instances' req/s >= one instance's at the same connections"
    if not rows:
        return [(exact_goal, "not measured", "part contention not run"),
                (speed_goal, "not measured", "part contention not run")]
    ok = all(r["lost"] == 0 and r["counters_exact"] for r in rows)
    detail = "; ".join(f"{r['instances']} inst.@{r['conns']}: lost {r['lost']}, counters "
                       f"{'exact' if r['counters_exact'] else 'WRONG'}" for r in rows)
    pairs = []
    for two in (r for r in rows if r["instances"] == 2):
        one = next((r for r in rows if r["instances"] == 1 and r["conns"] == two["conns"]), None)
        pairs.append(("2 vs 1 instance", two["conns"], two, one))
    return [(exact_goal, "met" if ok else "NOT met", detail),
            judged(speed_goal, pairs, 1.0, "no two-instance row")]
