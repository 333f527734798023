"""The parts of a run by their --parts name, and the fixed order they run in (whatever order
--parts names them in). Each run(session) adds its rows to session.results."""
from . import cli, contention, fanout, jobsize, main, memory, moto, postgres, scale

ORDER = ["moto", "main", "memory", "postgres", "contention", "jobsize", "scale", "fanout",
         "cli"]
PARTS = {"moto": moto.run, "main": main.run, "memory": memory.run, "postgres": postgres.run,
         "contention": contention.run, "jobsize": jobsize.run,
         "scale": scale.run, "fanout": fanout.run, "cli": cli.run}
