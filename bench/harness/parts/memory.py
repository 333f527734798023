"""Part memory: the main table against iotjobsd --data-dir :memory: (no ceilings)."""
from ..servers import start_iotjobsd
from .table import Table


def run(s):
    p, port = start_iotjobsd(s, ":memory:", "iotjobsd-memory")
    try:
        Table(s, "iotjobsd-mem", port, memory=True, server=p).run()
    finally:
        p.stop()
