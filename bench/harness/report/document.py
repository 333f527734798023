"""RESULTS.md: the tables and goals of a run, how each figure is measured, the machine and
the run's notes, then bench/analysis.md (the hand-written profile notes). Printed as well."""
import datetime
import os
import platform

from ..config import ROOT
from ..log import log
from ..machine import cpu_model, filesystem_of, mem_gb
from ..versions import commit_id, moto_version
from .goals import goals_table
from .goals_issue19 import issue19_goals_table
from .tables import (add_ratios, contention_table, dynamic_fill_table, fanout_table, main_table,
                     jobsize_table, scale_tables, search_table)


def write_results(results, cfg, smoke, out, started, elapsed):
    add_ratios(results)
    table = main_table(results)
    goals_md = goals_table(results)
    goals19_md = issue19_goals_table(results)
    jobsize_md = jobsize_table(results)
    scale_md = scale_tables(results, cfg["scale_conns"])
    fan_md = fanout_table(results)
    dyn_md = dynamic_fill_table(results)
    search_md = search_table(results)
    cont_md = contention_table(results)
    print("\n" + table + "\n\n" + goals_md + "\n")
    print(goals19_md + "\n")
    if jobsize_md:
        print(jobsize_md + "\n")
    if scale_md:
        print(scale_md + "\n")
    if fan_md:
        print(fan_md + "\n")
    if dyn_md:
        print(dyn_md + "\n")
    if search_md:
        print(search_md + "\n")
    if cont_md:
        print(cont_md + "\n")
    if results.cli:
        print(results.cli + "\n")
    md = header(results, cfg, smoke, started, elapsed) + [""] + how_measured(cfg) + [
        "",
        "## Results",
        "",
        "vs ceiling: req/s as a share of the ceiling at the same connections (reads: Beast; "
        "writes: the group-commit loop for the same operation). vs moto: req/s ratio.",
        "",
        table,
        "",
        "## Goals (issue 6, item 5)",
        "",
        goals_md,
        "",
    ] + goals19_section(goals19_md)
    if scale_md:
        md += ["## Scale curve",
               "",
               "Executions bulk-loaded by `bench/bulk_load.cc` through the store library "
               "(100 jobs; every thing has 100 executions, so only the table size changes), "
               "then iotjobsd started on the file. Describe and delete hit random executions "
               "across the whole table, the list page (50 of 100) random things.",
               "",
               scale_md, ""]
    if fan_md:
        md += ["## Fan-out",
               "",
               "Things and group membership bulk-loaded; one CreateJob targeting the group; "
               "time from sending it until DescribeJob's numberOfQueuedThings equals the group "
               "size (polled every 100 ms). Meanwhile one connection sends DescribeJob and "
               "DescribeThing alternately at 200 requests/s.",
               "", fan_md, ""]
    if dyn_md:
        md += ["## Dynamic group fill",
               "",
               "On the fan-out's things (after its job), thing indexing turned on and one "
               "CreateDynamicThingGroup whose query (`thingName:fan-thing-*`) matches every "
               "thing; time from sending it until DescribeThingGroup says ACTIVE (polled every "
               "100 ms), the fill running on the background worker in batches of 2,000 things. "
               "Meanwhile the same 200 requests/s of DescribeJob and DescribeThing.",
               "", dyn_md, ""]
    if search_md:
        md += ["## SearchIndex over the fan-out's things",
               "",
               "On the same server and things, once the dynamic group is ACTIVE (indexing on, "
               "every thing in two groups). `bench/bulk_load.cc` gives thing i the attributes "
               "serial `sn-<i>`, model `m<i mod 4>` and battery `<i mod 100>`. Each query's "
               "matches are counted first by paging through SearchIndex and checked against "
               "those values; then the load generator sends the one signed request (maxResults "
               "100: the first page) over and over, at 1 connection and, when its p50 there "
               "is under 20 ms, at 16. Answers come in name order. A thingName term or an "
               "attribute term, prefix or text range reads the names it can match from an index "
               "(when they are at most 4,096; else, like numeric ranges, the page walks the "
               "things by name until it has a page of matches); see [F2] in the analysis.",
               "", search_md, ""]
    md += jobsize_section(jobsize_md)
    if cont_md:
        md += ["## Two instances, one job",
               "",
               "Two iotjobsd on one PostgreSQL (the throwaway cluster of part postgres), "
               "UpdateJobExecution (QUEUED to IN_PROGRESS) on every execution of one job "
               "targeting a thing group, each update sent once, shuffled, and split between "
               "the instances (half the connections each); the one-instance row sends the "
               "same on a fresh job of the same size through one instance. req/s: answered "
               "updates over the longest load generator's window. Batches retried: write "
               "batches rolled back for a serialization conflict "
               "(`iotjobs_store_write_batch_conflicts_total`, both instances). The last two "
               "columns are checked in the database afterwards.",
               "", cont_md, ""]
    if results.cli:
        md += ["## CLI start-up", "", "`bench/cli_startup.sh`: " + results.cli, ""]
    if results.notes:
        md += ["## Notes from this run", ""] + [f"- {n}" for n in results.notes] + [""]
    analysis = ROOT / "bench/analysis.md"
    if analysis.exists():
        md += [analysis.read_text()]
    out.write_text("\n".join(md))
    log(f"wrote {out}")


def goals19_section(goals19_md):
    return ["## Goals (issue 19)",
            "",
            "Each a ratio (or figure) of this run's own rows: PostgreSQL's against pgbench's "
            "one-row commits (the note below) and against the SQLite rows; part jobsize's; "
            "describe's server CPU and the read rows against their same-size ceiling; part "
            "contention's. \"not measured\": the part with the figures did not run.",
            "",
            goals19_md,
            ""]


def jobsize_section(jobsize_md):
    if not jobsize_md:
        return []
    return ["## UpdateJobExecution by job size",
            "",
            "Part `jobsize` (SQLite on disk, one iotjobsd, one data directory): "
            "UpdateJobExecution (QUEUED to IN_PROGRESS, each execution once, shuffled) on N "
            "jobs of one thing target each (N x 1 below), then on the N executions of one job "
            "whose target is a thing group of the same N things (1 x N; queued by the "
            "fan-out), in the same order. Every job is created before the first row; the two "
            "rows of a pair run back to back at the same connections, and round 2 runs them in "
            "the other order (the second of two short rows may gain from the first). A row "
            "ends when its list is used up or after the run's duration.",
            "",
            jobsize_md,
            ""]


def header(results, cfg, smoke, started, elapsed):
    """Title, date, commit, machine, how long the run took and how long its rows are."""
    return [
        "# Benchmark results (issue 6)",
        "",
        f"Generated by `bench/run{' --smoke' if smoke else ''}` — do not edit by hand; "
        "the notes on what limits each figure come from `bench/analysis.md`.",
        "",
        f"- Date: {started.strftime('%Y-%m-%d %H:%M %Z').strip()} (UTC {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')})",
        f"- Commit: `{results.saved_commit or commit_id()}` (HEAD when the run "
        "started; uncommitted changes in the tree, if any, were built too)",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {mem_gb():.0f} GiB RAM, Linux "
        f"{platform.release()}, data on {filesystem_of(ROOT)}. The load generator runs on the "
        f"same {os.cpu_count()} cores as the server (it takes about one core at full load), "
        "as wrk would.",
        f"- Whole run: {elapsed / 60:.1f} minutes (of which {results.quiet_waited:.0f} s waiting for "
        "other processes to leave the CPU). Parts: " +
        ", ".join(f"{k} {v:.0f}s" for k, v in results.timings.items()),
        "- Other work may share the machine. Before "
        "each row the harness waits (a bounded time) for the CPU to be quiet, and the note "
        "column says when other processes still took 5% or more of the CPU during the row "
        "(`other processes N% CPU`); read pairs (ceiling, ours) are rerun up to twice when "
        "disturbed. Ratios compare neighbouring rows, so they suffer less than absolutes.",
        f"- Runs: {cfg['duration']:.0f} s measured after {cfg['warmup']:.0f} s warm-up per row "
        f"(moto: {cfg['moto_duration']:.0f} s); write rows end early when their list of distinct "
        "requests is used up (noted).",
    ]


def how_measured(cfg):
    """The method: load generator, signing, data set, ceilings, moto."""
    return [
        "## How it is measured",
        "",
        "- **Load generator**: `bench/loadgen.cc`, a one-thread Asio HTTP/1.1 keep-alive client, "
        "closed loop (one request in flight per connection), chosen over wrk+Lua because the "
        "write rows need every request distinct and used exactly once across all connections "
        "(wrk's Lua states are per thread), a run that stops when the list is used up, every "
        "status checked, and SigV4 signing done before the clock starts with the project's own "
        "signer. Against the Beast ceiling it is as fast as wrk -t1 (see analysis).",
        "- **Signing**: every request to iotjobsd is SigV4-signed (service `iot` or "
        "`iot-jobs-data`) once, before its run, and replayed within the 5-minute window: the "
        "server verifies every signature (`--auth sigv4`, the default); the client does not sign "
        "during the run. moto is sent the same signed requests (it does not check them).",
        "- **Data**: " + f"{cfg['things']} things; {cfg['read_jobs']} jobs of 100 things each "
        f"({cfg['read_jobs'] * 100} executions, {cfg['read_jobs'] * 100 // max(1, cfg['things'])} per "
        "thing) for the reads, on every system alike. Describe hits random existing executions, "
        "GetPending and the list (`maxResults=50`, one page) random things. CreateJob rows "
        "create a new job with one thing target per request; UpdateJobExecution moves a "
        "distinct QUEUED execution to IN_PROGRESS; DeleteJobExecution deletes a distinct "
        "QUEUED execution (both pre-created through CreateJob with 100 targets).",
        "- **Read ceiling**: `bench/beast_ceiling.cc`, bare Boost.Beast with iotjobsd's threading "
        "(one thread per core, a strand per connection) answering a JSON body as long as the "
        "answers of the row it precedes (their mean size, measured on 200 of that row's requests "
        "just before; the row's label gives it), so each read compares like with like.",
        "- **Durable-write ceiling**: `bench/commit_ceiling.cc`, a group-commit loop on "
        "iotjobsd's own schema (created by the store library), WAL, `synchronous=FULL`: C client "
        "threads each hand one operation at a time to one writer that runs everything queued in "
        "one transaction with a savepoint per operation and one COMMIT, running the same "
        "statements the store runs for that operation (prepared, no JSON/HTTP/service), on "
        "the same shape of data (jobs of 100 thing targets, so the same job-row size; the "
        "same number of distinct executions, taken in random order); checkpoints on a "
        "separate thread. It runs immediately before the iotjobsd row it is compared with, "
        "at the same concurrency, because this VM's disk is shared: its fsync latency moves "
        "from ~0.2 ms to 4 ms and back within minutes (the `fsync p50` notes are a 0.5 s "
        "probe taken next to each write row).",
        "- **moto**: `python3 -m moto.server` (moto " + moto_version() + "), same requests; it "
        "closes the connection after every response (`Connection: close`), so its rows include "
        "a reconnect per request. It serves no device plane (GetPending, UpdateJobExecution).",
    ]
