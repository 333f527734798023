"""Progress lines on stdout, time-stamped, flushed at once (a full run takes 15 minutes)."""
import time


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)
