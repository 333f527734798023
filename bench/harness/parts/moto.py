"""Part moto: the main table against python3 -m moto.server, on the operations it serves."""
from ..servers import start_moto
from .table import Table


def run(s):
    p, port = start_moto(s)
    try:
        Table(s, "moto", port, moto=True).run()
    finally:
        p.stop()
