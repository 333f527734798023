"""The Markdown tables of RESULTS.md: the main table (every system, operation and concurrency),
the scale curve, the fan-out (its dynamic group and SearchIndex over its things) and the
contention."""
from .limits import limit_of

SCALE_OPS = ["DescribeJobExecution", "DeleteJobExecution", "ListJobExecutionsForThing"]


def add_ratios(results):
    """vs_ceiling and vs_moto on every iotjobsd row (SQLite on disk and in memory,
    PostgreSQL): the main table and the goals read them."""
    for r in results.rows:
        if r["system"] in ("iotjobsd", "iotjobsd-mem", "iotjobsd-pg"):
            if r.get("ceiling_rps"):
                r["vs_ceiling"] = r["rps"] / r["ceiling_rps"]
            m = results.find("moto", r["op"], r["conns"])
            if m and m["rps"]:
                r["vs_moto"] = r["rps"] / m["rps"]


def main_table(results):
    """Every row but the scale curve's, in the order measured (after add_ratios)."""
    lines = [
        "| system | operation | conns | req/s | p50 ms | p99 ms | p99.9 ms | server CPU µs/req | vs ceiling | vs moto | limited by | note |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in results.rows:
        if r["system"].startswith("scale-"):
            continue
        ceil = f"{100 * r['rps'] / r['ceiling_rps']:.0f}%" if "vs_ceiling" in r else ""
        moto = f"{r['vs_moto']:.0f}x" if "vs_moto" in r else ""
        cpu = f"{r['cpu']:.0f}" if r.get("cpu") else ""
        lines.append(
            f"| {r['system']} | {r['op']} | {r['conns']} | {r['rps']:.0f} | {r['p50'] / 1000:.3f} | "
            f"{r['p99'] / 1000:.3f} | {r['p999'] / 1000:.3f} | {cpu} | {ceil} | {moto} | "
            f"{limit_of(r)} | {r['note']} |")
    return "\n".join(lines)


def scale_tables(results, scale_conns):
    """One line per size (p50 and req/s of each operation, RSS), then every scale row; "" when
    the scale part did not run."""
    if not results.scale:
        return ""
    s = ["| executions | load s | DB MB | RSS start MB | RSS end MB | " +
         " | ".join(f"{op} c={c} p50 ms / req/s" for c in scale_conns for op in SCALE_OPS) + " |"]
    s.append("| " + " | ".join(["---:"] * (5 + 3 * len(scale_conns))) + " |")
    for row in results.scale:
        cells = [f"{row['executions']:.0e}", f"{row['load_s']:.0f}", f"{row['db_mb']:.0f}",
                 f"{row['rss_start_mb']:.0f}", f"{row['rss_end_mb']:.0f}"]
        for c in scale_conns:
            for op in SCALE_OPS:
                r = row.get(f"{op}|{c}")
                cells.append(f"{r['p50_us'] / 1000:.3f} / {r['rps']:.0f}" if r else "")
        s.append("| " + " | ".join(cells) + " |")
    s += ["", "Every scale row:", "",
          "| size | operation | conns | req/s | p50 ms | p99 ms | p99.9 ms | server CPU µs/req | note |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results.rows:
        if not r["system"].startswith("scale-"):
            continue
        cpu = f"{r['cpu']:.0f}" if r.get("cpu") else ""
        s.append(f"| {r['system'][6:]} | {r['op']} | {r['conns']} | {r['rps']:.0f} | "
                 f"{r['p50'] / 1000:.3f} | {r['p99'] / 1000:.3f} | {r['p999'] / 1000:.3f} | "
                 f"{cpu} | {r['note']} |")
    return "\n".join(s)


def fanout_table(results):
    """One line per group size; "" when the fan-out part did not run."""
    if not results.fanout:
        return ""
    f = ["| things | all QUEUED after s | CreateJob answered ms | RSS start MB | RSS peak MB | "
         "API meanwhile p50 ms | p99 ms | p99.9 ms | requests | errors | rows QUEUED |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results.fanout:
        pr = row["probe"]
        seconds = f"{row['seconds']:.1f}"
        if not row["finished"]:
            seconds += f" (unfinished: {row['queued']})"
        f.append(f"| {row['things']:.0e} | {seconds} | "
                 f"{row['create_ms']:.1f} | {row['rss_start_mb']:.0f} | {row['rss_peak_mb']:.0f} | "
                 f"{pr['p50_us'] / 1000:.2f} | {pr['p99_us'] / 1000:.2f} | {pr['p999_us'] / 1000:.2f} | "
                 f"{pr['requests']} | {pr['errors']} | {row.get('rows', '')} |")
    return "\n".join(f)


def dynamic_fill_table(results):
    """One line per group size of the fan-out part's dynamic group; "" when none ran."""
    rows = [r for r in results.fanout if r.get("dynamic")]
    if not rows:
        return ""
    f = ["| things | ACTIVE after s | CreateDynamicThingGroup answered ms | members | "
         "API meanwhile p50 ms | p99 ms | p99.9 ms | requests | errors |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        d, pr = row["dynamic"], row["dynamic"]["probe"]
        seconds = f"{d['seconds']:.1f}" + ("" if d["finished"] else " (unfinished)")
        f.append(f"| {row['things']:.0e} | {seconds} | {d['create_ms']:.1f} | "
                 f"{d['members'] if d['members'] is not None else ''} | "
                 f"{pr['p50_us'] / 1000:.2f} | {pr['p99_us'] / 1000:.2f} | {pr['p999_us'] / 1000:.2f} | "
                 f"{pr['requests']} | {pr['errors']} |")
    return "\n".join(f)


def search_table(results):
    """One line per group size, query shape and connections of the fan-out part's SearchIndex
    rows; "" when none ran (or the results predate them)."""
    rows = [r for r in results.fanout if r.get("search")]
    if not rows:
        return ""
    t = ["| things | query shape | query string | matches | conns | req/s | p50 ms | p99 ms | "
         "p99.9 ms | requests | errors | note |",
         "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        for r in row["search"]:
            t.append(f"| {row['things']:.0e} | {r['shape']} | `{r['query']}` | {r['matches']} | "
                     f"{r['conns']} | {r['rps']:.0f} | {r['p50'] / 1000:.2f} | "
                     f"{r['p99'] / 1000:.2f} | {r['p999'] / 1000:.2f} | {r['requests']} | "
                     f"{r['errors']} | {r.get('note', '')} |")
    return "\n".join(t)


def jobsize_ratios(results, rows=None):
    """Part jobsize: {connections: the big job's req/s over the 1-target jobs'}, each kind's
    req/s pooled over `rows` (default: every round), all requests over all seconds; for each
    connection count that has both kinds. The table and issue 19's goals read it."""
    pooled = {}  # (conns, big?) -> [requests, seconds]
    for r in results.jobsize if rows is None else rows:
        if r["rps"]:
            acc = pooled.setdefault((r["conns"], r["job_targets"] > 1), [0, 0.0])
            acc[0] += r["n"]
            acc[1] += r["n"] / r["rps"]
    ratios = {}
    for (c, big), (n, seconds) in pooled.items():
        small = pooled.get((c, False))
        if big and small and small[0]:
            ratios[c] = (n / seconds) / (small[0] / small[1])
    return ratios


def jobsize_table(results):
    """One line per row of part jobsize, in the order measured, the pair's ratio on the big
    job's line; then the ratio over all rounds. "" when the part did not run."""
    if not results.jobsize:
        return ""
    t = ["| conns | round | jobs x targets each | req/s | p50 ms | p99 ms | server CPU µs/req | "
         "requests | errors | req/s vs 1-target jobs | note |",
         "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results.jobsize:
        k = r.get("round", 1)
        pair = [x for x in results.jobsize if x["conns"] == r["conns"] and x.get("round", 1) == k]
        ratio = jobsize_ratios(results, pair).get(r["conns"]) if r["job_targets"] > 1 else None
        cpu = f"{r['cpu']:.0f}" if r.get("cpu") else ""
        t.append(f"| {r['conns']} | {k} | {r['jobs']} x {r['job_targets']} | {r['rps']:.0f} | "
                 f"{r['p50'] / 1000:.3f} | {r['p99'] / 1000:.3f} | {cpu} | {r['n']} | "
                 f"{r['errors']} | {f'{100 * ratio:.0f}%' if ratio is not None else ''} | "
                 f"{r['note']} |")
    pooled = jobsize_ratios(results)
    if pooled:
        t += ["", "The big job's req/s over the 1-target jobs', every round pooled (all requests "
              "over all seconds of each kind): " +
              ", ".join(f"{100 * v:.0f}% at {c}" for c, v in sorted(pooled.items())) + "."]
    return "\n".join(t)


def contention_table(results):
    """One line per (instances, connections) of part contention; "" when it did not run."""
    if not results.contention:
        return ""
    t = ["| instances | conns | things in the job | req/s | p50 ms | p99 ms | requests | errors | "
         "batches retried | retried/s | counters = executions by status | lost updates |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    for r in results.contention:
        t.append(f"| {r['instances']} | {r['conns']} | {r['job_things']} | {r['rps']:.0f} | "
                 f"{r['p50'] / 1000:.2f} | {r['p99'] / 1000:.2f} | {r['requests']} | "
                 f"{r['errors']} | {r['conflicts']:.0f} | {r['conflicts_per_s']:.1f} | "
                 f"{'yes' if r['counters_exact'] else 'NO'} | {r['lost']} |")
    return "\n".join(t)
