"""bench/bulk_load.cc: fills a fresh data directory through the store library, far faster than
through the API, for the scale curve and the fan-out."""
import json
import subprocess


def bulk_load(s, data_dir, *args):
    """Runs iotjobs-bench-load --dir data_dir args...; returns its JSON summary."""
    out = subprocess.run([str(s.bin["load"]), "--dir", str(data_dir), *args],
                         stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(out.stdout)
