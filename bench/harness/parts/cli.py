"""Part cli: bench/cli_startup.sh, iotjobs against AWS CLI v2 start-up (hyperfine)."""
import os
import subprocess

from ..config import ROOT
from ..log import log


def run(s):
    env = dict(os.environ, CLI_RUNS=str(s.cfg["cli_runs"]))
    out = subprocess.run([str(ROOT / "bench/cli_startup.sh"), str(s.build)], env=env,
                         stdout=subprocess.PIPE, text=True, cwd=ROOT)
    s.results.cli = out.stdout.strip() if out.returncode == 0 else f"failed (exit {out.returncode})"
    log(s.results.cli)
