"""bench/run's command line: parses the options, builds, runs the chosen parts in their fixed
order, saves the raw results as JSON and writes RESULTS.md; every server it started is stopped
on every way out (including SIGINT and SIGTERM)."""
import argparse
import datetime
import shutil
import signal
import sys
import time
from pathlib import Path

from .build import build_release
from .config import FULL, READ_OPS, ROOT, SMOKE, WRITE_OPS
from .log import log
from .parts import ORDER, PARTS
from .processes import stop_all
from .report.document import write_results
from .session import Session


def parse_args(description):
    ap = argparse.ArgumentParser(description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="seconds per part, tiny sizes (CI)")
    ap.add_argument("--parts",
                    default="main,memory,postgres,contention,jobsize,moto,scale,fanout,cli")
    ap.add_argument("--ops", help="only these operations of the main/memory/postgres tables "
                    "(comma-separated, e.g. DescribeJobExecution; default: all six)")
    ap.add_argument("--conns", help="only these connection counts (comma-separated, from the "
                    "run's sizes: 1,16,64; smoke 1,16)")
    ap.add_argument("--build-dir", default="build-release")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--out", help="where to write the results (default bench/RESULTS.md; "
                    "with --smoke, BUILD_DIR/bench-smoke-RESULTS.md)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--perf-dir", help="record a perf profile of iotjobsd for every main/memory "
                    "row into this directory (perf record -e cpu-clock)")
    ap.add_argument("--perf-callgraph", default="fp", help="perf --call-graph mode (fp, dwarf)")
    ap.add_argument("--report-from", metavar="JSON", help="rewrite the results file from a saved "
                    "run (BUILD_DIR/bench-results.json) instead of measuring")
    args = ap.parse_args()
    # A misspelt part would otherwise measure nothing and still overwrite the results file.
    unknown = [p for p in args.parts.split(",") if p not in PARTS]
    if unknown:
        ap.error(f"unknown part(s) {','.join(unknown)}; the parts are {','.join(ORDER)}")
    if args.ops:
        bad = [o for o in args.ops.split(",") if o not in READ_OPS + WRITE_OPS]
        if bad:
            ap.error(f"unknown operation(s) {','.join(bad)}; they are "
                     f"{','.join(READ_OPS + WRITE_OPS)}")
    return args


def results_path(s):
    if s.args.out:
        return Path(s.args.out)
    return s.build / "bench-smoke-RESULTS.md" if s.smoke else ROOT / "bench/RESULTS.md"


def main(description):
    args = parse_args(description)
    started = datetime.datetime.now().astimezone()
    t_start = time.time()
    s = Session(args)

    def on_signal(signum, frame):
        stop_all()
        sys.exit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if args.report_from:
        started, elapsed, saved_smoke = s.results.load(args.report_from)
        # The report describes the run as it was measured, whatever --smoke says now.
        if saved_smoke is not None and saved_smoke != s.smoke:
            s.smoke, s.cfg = saved_smoke, SMOKE if saved_smoke else FULL
        write_results(s.results, s.cfg, s.smoke, results_path(s), started, elapsed)
        shutil.rmtree(s.work, ignore_errors=True)
        return 0
    try:
        if not args.skip_build:
            t = time.time()
            build_release(s.build)
            s.results.timings["build"] = time.time() - t
        parts = args.parts.split(",")
        for part in ORDER:
            if part in parts:
                log(f"== {part}")
                t = time.time()
                PARTS[part](s)
                s.results.timings[part] = time.time() - t
        elapsed = time.time() - t_start
        s.save(started, elapsed)
        write_results(s.results, s.cfg, s.smoke, results_path(s), started, elapsed)
        failed = [r for r in s.results.rows + s.results.jobsize if r["errors"]]
        if failed:
            log(f"{len(failed)} rows had errors")
            return 1
        # Part contention's refusals under conflict are measured, not failures; a wrong
        # counter or a lost update is.
        wrong = [r for r in s.results.contention if not r["counters_exact"] or r["lost"]]
        if wrong:
            log(f"{len(wrong)} contention rows lost updates or left counters wrong")
            return 1
        return 0
    finally:
        stop_all()
        if not args.keep:
            shutil.rmtree(s.work, ignore_errors=True)
