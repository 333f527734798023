"""Part moto: the main table against python3 -m moto.server, on the operations it serves."""
import importlib.util

from ..log import log
from ..servers import start_moto
from .table import Table


def run(s):
    # moto is a pip package (no Debian package): without it the run still measures the rest,
    # and says so instead of failing.
    if importlib.util.find_spec("moto") is None:
        s.results.notes.append("moto is not installed (pip install 'moto[server]'): "
                               "no moto rows, no ratios to moto")
        log("moto is not installed: skipping the moto part")
        return
    p, port = start_moto(s)
    try:
        Table(s, "moto", port, moto=True).run()
    finally:
        p.stop()
