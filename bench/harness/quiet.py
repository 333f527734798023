"""Waiting for a quiet machine: other sessions build and test on these same 2 cores, and a row
measured while they do says more about them than about the server."""
import time

from .log import log
from .machine import cpu_times


class QuietWait:
    def __init__(self, enabled, budget=240.0):
        self.enabled = enabled  # off in smoke runs: they check the harness, not the figures
        self.budget = budget  # seconds this run may spend waiting, all rows together
        self.waited = 0.0

    def __call__(self):
        """Waits (up to 10 s a row, 4 minutes a run) until other work on the machine uses
        under 10% of the CPU."""
        if not self.enabled or self.budget <= 0:
            return
        start = time.time()
        while time.time() - start < 10 and self.budget > 0:
            a = cpu_times()
            time.sleep(0.5)
            b = cpu_times()
            d = [y - x for x, y in zip(a, b)]
            busy = 100 * (sum(d) - d[3] - d[4]) / max(1, sum(d))
            if busy < 10:
                break
            self.budget -= 0.5
        waited = time.time() - start
        if waited > 1:
            self.waited += waited
            log(f"  (waited {waited:.0f}s for other processes to leave the CPU)")
