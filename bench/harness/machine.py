"""What the machine is doing and what it is: CPU counters from /proc, the disk's fsync latency,
the CPU model and memory size."""
import os
import time
from pathlib import Path


def cpu_times():
    """The machine's cpu line of /proc/stat: user nice system idle iowait irq softirq steal."""
    with open("/proc/stat") as f:
        return [int(x) for x in f.readline().split()[1:9]]


def proc_cpu_ticks(pid):
    """utime + stime of a process (all its threads), in clock ticks."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def fsync_probe(directory, seconds=0.5):
    """4 KB pwrite + fdatasync in a loop on the benchmark's disk: what the disk does now."""
    path = Path(directory) / "fsync-probe"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o644)
    buf = b"x" * 4096
    lat, off, end = [], 0, time.time() + seconds
    try:
        while time.time() < end:
            t = time.perf_counter()
            os.pwrite(fd, buf, off)
            os.fdatasync(fd)
            lat.append(time.perf_counter() - t)
            off = (off + 4096) % (16 << 20)
    finally:
        os.close(fd)
        path.unlink()
    lat.sort()
    return f"fsync p50 {lat[len(lat) // 2] * 1e6:.0f} us"


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def mem_gb():
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def filesystem_of(path):
    """The type of the filesystem holding path (the longest mount point above it), e.g. ext4."""
    path = os.path.realpath(path)
    best, kind = "", "unknown"
    with open("/proc/mounts") as f:
        for line in f:
            fields = line.split()
            if len(fields) < 3:
                continue
            mount = fields[1]
            inside = path == mount or path.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) > len(best):
                best, kind = mount, fields[2]
    return kind
