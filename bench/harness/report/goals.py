"""The goals of issue 6 (item 5), each judged from this run's ratios and figures."""
from ..config import MOTO_OPS, READ_OPS, WRITE_OPS
from .tables import SCALE_OPS

SHORT = {"DescribeJobExecution": "describe", "GetPendingJobExecutions": "pending",
         "ListJobExecutionsForThing": "list", "CreateJob": "create",
         "UpdateJobExecution": "update", "DeleteJobExecution": "delete"}


def verdict(rows, key, need, pct=False):
    """met / NOT met (how many rows meet it) for rows whose key (a ratio) must be >= need,
    and the ratio of every row."""
    vals = [(r, r.get(key)) for r in rows if r.get(key) is not None]
    if not vals:
        return "not measured", ""
    fmt = (lambda v: f"{100 * v:.0f}%") if pct else (lambda v: f"{v:.0f}x")
    detail = ", ".join(f"{SHORT.get(r['op'], r['op'])}@{r['conns']} {fmt(v)}" for r, v in vals)
    met = [v >= need for _, v in vals]
    v = "met" if all(met) else ("NOT met" if not any(met) else
                                f"NOT met ({sum(met)} of {len(met)} rows meet it)")
    return v, detail


def goals_table(results):
    """The goals table (after tables.add_ratios)."""
    def rows(system, ops):
        return [r for r in results.rows if r["system"] == system and r["op"] in ops]

    g = []
    reads = rows("iotjobsd", READ_OPS)
    v, d = verdict(reads, "vs_ceiling", 0.70, pct=True)
    g.append(("reads >= 70% of the bare Beast ceiling", v, d))
    v, d = verdict([r for r in reads if r["op"] in MOTO_OPS], "vs_moto", 100)
    g.append(("reads >= 100x moto (describe, list; moto has no device plane)", v, d))
    writes = rows("iotjobsd", WRITE_OPS)
    v, d = verdict(writes, "vs_ceiling", 0.50, pct=True)
    g.append(("durable writes >= 50% of the group-commit ceiling at the same conns", v, d))
    v, d = verdict([r for r in writes if r["op"] in MOTO_OPS], "vs_moto", 30)
    g.append(("durable writes >= 30x moto (create, delete)", v, d))
    mem = [r for r in rows("iotjobsd-mem", READ_OPS + WRITE_OPS) if r["op"] in MOTO_OPS]
    v, d = verdict(mem, "vs_moto", 100)
    g.append(("--data-dir :memory: every op >= 100x moto (the four moto serves)", v, d))
    if len(results.scale) >= 2:
        g.append(scale_goal(results.scale[0], results.scale[-1]))
    if results.fanout:
        g.append(fanout_goal(results.fanout[-1]))
    return "\n".join(["| goal | verdict | detail |", "| --- | --- | --- |"] +
                     [f"| {a} | {b} | {c} |" for a, b, c in g])


def scale_goal(small, big):
    """p50 at the largest size within 1.5x of the smallest's, at 1 connection."""
    ratios = []
    for op in SCALE_OPS:
        a, b = small.get(f"{op}|1"), big.get(f"{op}|1")
        if a and b and a["p50_us"]:
            ratios.append(b["p50_us"] / a["p50_us"])
    v = "met" if ratios and max(ratios) <= 1.5 else "NOT met"
    return (f"describe/delete/list p50 at {big['executions']:.0e} <= 1.5x the "
            f"{small['executions']:.0e} figure (1 connection)", v,
            "ratios " + ", ".join(f"{x:.2f}" for x in ratios))


def fanout_goal(big):
    ok = big["finished"] and big["seconds"] <= 10 and big["rss_peak_mb"] <= 256
    return (f"fan-out of {big['things']:.0e} in <= 10 s with RSS <= 256 MB",
            "met" if ok else "NOT met",
            f"{big['seconds']:.1f} s, peak RSS {big['rss_peak_mb']:.0f} MB")
