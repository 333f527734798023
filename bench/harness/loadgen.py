"""One run of bench/loadgen against a server: writes its request list, optionally profiles the
server with perf, and adds to loadgen's JSON what the machine did meanwhile (CPU steal, other
sessions' CPU, server and client CPU per request)."""
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from .log import log
from .machine import cpu_times, proc_cpu_ticks
from .processes import PROCS, raise_if_one_exited


class LoadGenerator:
    def __init__(self, binary, env, work, cfg, quiet, perf_dir=None, perf_callgraph="fp"):
        self.binary = binary
        self.env = env  # the root credentials loadgen signs with
        self.work = work
        self.cfg = cfg  # default duration and warm-up
        self.quiet = quiet
        self.perf_dir = perf_dir
        self.perf_callgraph = perf_callgraph
        self.n_req_files = 0
        self.files_lock = threading.Lock()  # part contention runs two loadgens at once

    def run(self, port, lines, conns, duration=None, warmup=None, once=False, shuffle=False,
            rate=None, check=True, profile=None, wait_quiet=True):
        """A measured run; returns loadgen's JSON plus the CPU figures. profile is
        (server Proc, name) to record with perf when --perf-dir is given."""
        if wait_quiet:
            self.quiet()
        path = self._request_file(lines)
        cmd = self._command(port, path, conns) + [
            "--duration", str(duration if duration is not None else self.cfg["duration"]),
            "--warmup", str(warmup if warmup is not None else self.cfg["warmup"])]
        cmd += self._options(once, shuffle, rate)
        perf = self._start_perf(profile)
        try:
            cpu_before, mine_before = cpu_times(), servers_cpu_ticks()
            lg = subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE, text=True)
            stdout = lg.stdout.read()
            # wait4, not wait: its rusage is loadgen's own CPU time.
            _, status, usage = os.wait4(lg.pid, 0)
            lg.returncode = os.waitstatus_to_exitcode(status)
            cpu_after, mine_after = cpu_times(), servers_cpu_ticks()
            if lg.returncode != 0:
                raise subprocess.CalledProcessError(lg.returncode, cmd)
        finally:
            if perf:
                perf.send_signal(signal.SIGINT)
                perf.wait()
        r = json.loads(stdout)
        add_cpu_figures(r, cpu_before, cpu_after, mine_after - mine_before,
                        usage.ru_utime + usage.ru_stime)
        path.unlink()
        raise_if_one_exited()
        if check and (r["errors"] or r.get("connection_errors")):
            log(f"  !! {r['errors']} errors, {r.get('connection_errors')} connection errors: "
                f"{r['error_samples']}")
        return r

    def setup(self, port, lines, conns=16):
        """Runs every request once (setup, not measured); all must succeed."""
        if not lines:
            return
        r = self.run(port, lines, conns, duration=3600, warmup=0, once=True, check=False,
                     wait_quiet=False)
        if r["errors"] or r.get("connection_errors") or r["requests"] != len(lines):
            raise RuntimeError(f"setup failed: {r}")

    def start_background(self, port, lines, conns, rate):
        """loadgen sending lines at rate until SIGINT, then printing its JSON (not in PROCS:
        the caller stops it)."""
        path = self._request_file(lines)
        cmd = self._command(port, path, conns) + ["--until-signal", "--warmup", "0"]
        cmd += self._options(False, False, rate)
        return subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE, text=True)

    def _request_file(self, lines):
        with self.files_lock:
            self.n_req_files += 1
            path = self.work / f"req{self.n_req_files}.tsv"
        with open(path, "w") as f:
            for line in lines:
                f.write("\t".join(line) + "\n")
        return path

    def _command(self, port, path, conns):
        return [str(self.binary), "--port", str(port), "--requests", str(path),
                "--connections", str(conns)]

    @staticmethod
    def _options(once, shuffle, rate):
        opts = []
        if once:
            opts.append("--once")
        if shuffle:
            opts.append("--shuffle")
        if rate:
            opts += ["--rate", str(rate)]
        return opts

    def _start_perf(self, profile):
        """--perf-dir: samples the server (cpu-clock; this VM has no hardware counters) for the
        whole run, warm-up included."""
        if not (profile and self.perf_dir):
            return None
        server, name = profile
        Path(self.perf_dir).mkdir(parents=True, exist_ok=True)
        perf = subprocess.Popen(["perf", "record", "-q", "-e", "cpu-clock", "-F", "1999",
                                 "--call-graph", self.perf_callgraph, "-p", str(server.pid),
                                 "-o", str(Path(self.perf_dir) / f"{name}.data")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3)  # perf attaches before the first request
        return perf


def servers_cpu_ticks():
    return sum(proc_cpu_ticks(p.pid) for p in PROCS)


def add_cpu_figures(r, cpu_before, cpu_after, server_ticks, client_seconds):
    """steal_pct, others_pct, server_cpu_us and client_cpu_us, from the machine's /proc/stat
    before and after, the servers' ticks and loadgen's own CPU seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    delta = [b - a for a, b in zip(cpu_before, cpu_after)]
    total = max(1, sum(delta))
    r["steal_pct"] = 100 * delta[7] / total
    # CPU that neither our servers nor this load generator used: other work on the machine
    # (builds and tests of other sessions share these 2 cores), as a share of all CPU time.
    busy = total - delta[3] - delta[4]
    ours = server_ticks + client_seconds * tick
    r["others_pct"] = max(0.0, 100 * (busy - ours) / total)
    # Server CPU per request (every request of the run, warm-up included; 10 ms ticks).
    answered = r["used"]
    if answered:
        r["server_cpu_us"] = server_ticks / tick * 1e6 / answered
        r["client_cpu_us"] = client_seconds * 1e6 / answered
