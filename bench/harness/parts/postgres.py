"""Part postgres: the main table against iotjobsd --store postgresql://, the store several
instances share (one instance here: the figure is what one instance gets from PostgreSQL on
this machine, beside the SQLite rows of part main). The server is a throwaway cluster from
tests/pg/with_postgres, with PostgreSQL's defaults (fsync on, synchronous_commit on), so its
writes are as durable as SQLite's synchronous=FULL. Its own processes' CPU is not in the
"server CPU" column."""
import contextlib
import glob
import re
import shutil
import subprocess
import sys
from urllib.parse import urlparse

from ..config import ROOT
from ..log import log
from ..servers import start_iotjobsd
from .table import Table

WITH_POSTGRES = ROOT / "tests" / "pg" / "with_postgres"
# Runs under with_postgres: prints the server's URL, then holds it until stdin closes.
HOLD = "import os, sys; print(os.environ['IOTJOBS_TEST_PG_DSN'], flush=True); sys.stdin.read()"


def pgbench_commits(s, dsn):
    """PostgreSQL's own rate of durable one-row commits on this machine (pgbench over TCP, as
    iotjobsd connects), at each concurrency: the ceiling its write rows sit under."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pgbench"))
    if not found:
        return "pgbench not found"
    url = urlparse(dsn)
    base = [found[-1], "-n", "-h", url.hostname, "-p", str(url.port), "-U", url.username]
    subprocess.run(base + ["-i", "-s", "1", "-q", url.path.lstrip("/")], check=True,
                   capture_output=True)
    script = s.work / "pgbench-commit.sql"
    script.write_text("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) "
                      "VALUES (1, 1, 1, 1, now());\n")
    out = []
    for c in s.cfg["conns"]:
        r = subprocess.run(base + ["-f", str(script), "-c", str(c), "-j", "1",
                                   "-T", str(max(1, round(s.cfg["duration"]))), url.path.lstrip("/")],
                           capture_output=True, text=True)
        tps = re.search(r"tps = ([0-9.]+)", r.stdout)
        lat = re.search(r"latency average = ([0-9.]+) ms", r.stdout)
        if tps and lat:
            out.append(f"{c} conn: {float(tps.group(1)):.0f} commits/s, {float(lat.group(1)):.2f} ms")
    return "; ".join(out)


@contextlib.contextmanager
def throwaway_postgres(s, database):
    """A PostgreSQL cluster for this part (tests/pg/with_postgres) with `database` created in
    it; yields (the cluster's URL, the database's URL), or (None, None) when PostgreSQL is not
    installed (noted in the results). The cluster is removed on the way out."""
    if not shutil.which("psql"):
        s.results.notes.append("PostgreSQL is not installed (scripts/setup installs it): "
                               "no PostgreSQL rows")
        log("PostgreSQL is not installed: skipping")
        yield None, None
        return
    holder = subprocess.Popen([str(WITH_POSTGRES), sys.executable, "-c", HOLD],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        dsn = holder.stdout.readline().strip()
        if not dsn:
            raise RuntimeError("tests/pg/with_postgres did not start PostgreSQL")
        # iotjobsd gets a database of its own, apart from pgbench's tables.
        subprocess.run(["psql", dsn, "-q", "-c", f"CREATE DATABASE {database}"], check=True,
                       capture_output=True)
        yield dsn, dsn.rsplit("/", 1)[0] + "/" + database
    finally:
        holder.stdin.close()  # the holder ends, and with_postgres removes the cluster
        holder.wait(timeout=60)


def run(s):
    with throwaway_postgres(s, "iotjobs_bench") as (dsn, store):
        if not dsn:
            return
        s.results.notes.append("PostgreSQL's own durable one-row commits here (pgbench over TCP): " +
                               pgbench_commits(s, dsn))
        p, port = start_iotjobsd(s, s.work / "data-pg", "iotjobsd-pg", extra=["--store", store])
        try:
            Table(s, "iotjobsd-pg", port, server=p, rerun_noisy=False).run()
        finally:
            p.stop()
