"""What the parts of one run share: options, sizes, binaries, a fresh work directory inside the
build directory, the load generator, the seeded random choices, and the results."""
import os
import random
import tempfile
from pathlib import Path

from .build import binaries
from .config import FULL, KEY_ID, ROOT, SECRET, SMOKE
from .loadgen import LoadGenerator
from .quiet import QuietWait
from .results import Results


class Session:
    def __init__(self, args):
        self.args = args
        self.smoke = args.smoke
        self.cfg = SMOKE if args.smoke else FULL
        if args.conns:  # a subset of the run's connection counts (--conns)
            conns = [int(c) for c in args.conns.split(",")]
            if any(c not in self.cfg["conns"] for c in conns):
                raise SystemExit(f"--conns: choose from {self.cfg['conns']}")
            self.cfg = dict(self.cfg, conns=conns)
        # The operations the tables run (--ops); None: all of them.
        self.ops = set(args.ops.split(",")) if args.ops else None
        self.build = (ROOT / args.build_dir).resolve()
        self.bin = binaries(self.build)
        # The build directory may not exist yet: the build (after this) creates it.
        self.build.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix="bench-", dir=self.build))
        self.env = dict(os.environ, IOTJOBS_ROOT_ACCESS_KEY_ID=KEY_ID,
                        IOTJOBS_ROOT_SECRET_ACCESS_KEY=SECRET)
        # One seeded generator, drawn from in the same order every run, so that every run
        # hits the same executions and things.
        self.rng = random.Random(6)
        self.results = Results()
        self.quiet = QuietWait(enabled=not args.smoke)
        self.loadgen = LoadGenerator(self.bin["loadgen"], self.env, self.work, self.cfg,
                                     self.quiet, args.perf_dir, args.perf_callgraph)

    def save(self, started, elapsed):
        self.results.quiet_waited = self.quiet.waited
        name = "bench-smoke-results.json" if self.smoke else "bench-results.json"
        self.results.save(self.build / name, self.cfg, self.smoke, started, elapsed)
