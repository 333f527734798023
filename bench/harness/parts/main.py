"""Part main: iotjobsd on disk (SQLite, synchronous=FULL, SigV4 on), each row after its
ceiling, and the load generator calibrated against wrk on the Beast ceiling."""
import shutil

from ..servers import start_beast, start_iotjobsd
from .ceilings import calibrate
from .table import Table


def run(s):
    d = s.work / "data-main"
    p, port = start_iotjobsd(s, d, "iotjobsd-main")
    beast, beast_port = start_beast(s)
    try:
        calibrate(s, beast_port)
        Table(s, "iotjobsd", port, server=p, beast_port=beast_port).run()
        s.results.notes.append(f"iotjobsd RSS after the main table: {p.rss_kb() / 1024:.0f} MB")
    finally:
        beast.stop()
        p.stop()
        shutil.rmtree(d, ignore_errors=True)
