"""Starting the servers measured, each on a free port, waiting until it answers HTTP. Logs go
to the work directory (a failed start points at them)."""
import os
import sys

from .processes import Proc, free_port, wait_http


def start_iotjobsd(s, data_dir, name, extra=()):
    port = free_port()
    p = Proc([str(s.bin["iotjobsd"]), "--listen", f"127.0.0.1:{port}", "--data-dir",
              str(data_dir), "--log-level", "info", *extra],
             env=s.env, log_path=s.work / f"{name}.log")
    wait_http(port, proc=p)
    return p, port


def start_moto(s):
    port = free_port()
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    p = Proc([sys.executable, "-m", "moto.server", "-p", str(port)], env=env,
             log_path=s.work / "moto.log")
    wait_http(port, path="/moto-api/", proc=p)
    return p, port


def start_beast(s):
    """bench/beast_ceiling.cc: the read ceiling, a JSON body of the size a request's query asks
    (?bytes=N) on any path."""
    port = free_port()
    p = Proc([str(s.bin["beast"]), "--listen", f"127.0.0.1:{port}"],
             log_path=s.work / "beast.log")
    wait_http(port, path="/", proc=p)
    return p, port
