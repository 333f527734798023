"""deploy/systemd/iotjobsd.service: `systemd-analyze verify` accepts it (with ExecStart pointed
at the built iotjobsd, since verify wants the binary to exist), its data directory is its
StateDirectory, it keeps its hardening, and the options of its ExecStart start a server that
stops with exit 0 on SIGTERM within systemd's stop timeout."""
import os
import shlex
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import IOTJOBSD, Server

UNIT = os.path.join(os.path.dirname(__file__), "..", "..", "deploy", "systemd", "iotjobsd.service")
INSTALLED = "/usr/local/bin/iotjobsd"


def read_unit():
    """The unit's settings: {key: [values]} (a key may repeat)."""
    settings = {}
    with open(UNIT) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith(("#", "[")):
                continue
            key, _, value = line.partition("=")
            settings.setdefault(key, []).append(value)
    return settings


class SystemdUnitTest(unittest.TestCase):
    def test_systemd_analyze_verify_accepts_the_unit(self):
        analyze = shutil.which("systemd-analyze")
        self.assertIsNotNone(analyze, "systemd-analyze is missing: run scripts/setup (systemd)")
        with tempfile.TemporaryDirectory() as tmp:
            with open(UNIT) as f:
                text = f.read()
            self.assertIn(INSTALLED, text)
            path = os.path.join(tmp, "iotjobsd.service")
            with open(path, "w") as f:
                f.write(text.replace(INSTALLED, os.path.abspath(IOTJOBSD)))
            p = subprocess.run([analyze, "verify", path], capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertNotIn("iotjobsd.service", p.stdout + p.stderr)  # no warning about it

    def test_the_unit_runs_hardened_in_its_state_directory(self):
        unit = read_unit()
        exec_start = shlex.split(unit["ExecStart"][0])
        self.assertEqual(exec_start[0], INSTALLED)
        data_dir = exec_start[exec_start.index("--data-dir") + 1]
        self.assertEqual(data_dir, "/var/lib/" + unit["StateDirectory"][0])
        for key, value in [("DynamicUser", "yes"), ("Restart", "on-failure"),
                           ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"),
                           ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
                           ("PrivateDevices", "yes"), ("ProtectKernelTunables", "yes"),
                           ("ProtectKernelModules", "yes"), ("ProtectKernelLogs", "yes"),
                           ("SystemCallFilter", "@system-service")]:
            self.assertIn(value, unit.get(key, []), key)
        self.assertNotIn("AF_NETLINK", unit["RestrictAddressFamilies"][0])
        # systemd kills only after the server's own drain bound (--drain-seconds, 10).
        self.assertGreater(int(unit["TimeoutStopSec"][0]), 10)

    def test_the_units_options_start_a_server_that_stops_cleanly(self):
        options = shlex.split(read_unit()["ExecStart"][0])[1:]
        # The harness gives its own port and data directory; the unit's other options stay.
        for flag in ("--listen", "--data-dir"):
            i = options.index(flag)
            del options[i:i + 2]
        server = Server(args=options).start()
        try:
            started = time.monotonic()
            self.assertEqual(server.stop(timeout=int(read_unit()["TimeoutStopSec"][0])), 0)
            self.assertLess(time.monotonic() - started, int(read_unit()["TimeoutStopSec"][0]))
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
