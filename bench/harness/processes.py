"""The servers a run starts: each is registered so that every exit path stops it, and so that
a load run can charge their CPU and notice one of them dying."""
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

PROCS = []  # every process started and not yet stopped


class Proc:
    def __init__(self, args, env=None, log_path=None, cwd=None):
        self.log_path = log_path
        out = open(log_path, "wb") if log_path else subprocess.DEVNULL
        # A session of its own: a Ctrl-C on the terminal reaches bench/run, which stops the
        # servers in order (SIGTERM, then a kill after 30 s) instead of all dying at once.
        self.p = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                                  start_new_session=True)
        PROCS.append(self)

    @property
    def pid(self):
        return self.p.pid

    def rss_kb(self):
        return status_kb(self.p.pid, "VmRSS")

    def hwm_kb(self):
        """Peak RSS."""
        return status_kb(self.p.pid, "VmHWM")

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        if self in PROCS:
            PROCS.remove(self)


def status_kb(pid, field):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def stop_all():
    for p in list(PROCS):
        try:
            p.stop()
        except Exception:
            pass


def raise_if_one_exited():
    """A server that died during a run makes its figures meaningless: stop with its log tail."""
    for proc in PROCS:
        code = proc.p.poll()
        if code is not None:
            tail = ""
            if proc.log_path and Path(proc.log_path).exists():
                tail = Path(proc.log_path).read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{proc.p.args[0]} exited with {code} during the run; log tail:\n{tail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(port, path="/health", timeout=60.0, proc=None):
    """Waits until something answers HTTP on port (any status), or proc exits."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.p.poll() is not None:
            raise RuntimeError(f"server exited early (see {proc.log_path})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as r:
                r.read()
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answered on port {port}")
