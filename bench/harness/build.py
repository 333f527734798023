"""The Release build the benchmark measures, with the bench tools (off in ordinary builds)."""
import subprocess

from .config import ROOT
from .log import log

TARGETS = ["iotjobsd", "iotjobs", "iotjobs-bench-loadgen", "iotjobs-bench-beast",
           "iotjobs-bench-commit", "iotjobs-bench-load"]


def binaries(build):
    return {
        "iotjobsd": build / "src/server/iotjobsd",
        "loadgen": build / "bench/iotjobs-bench-loadgen",
        "beast": build / "bench/iotjobs-bench-beast",
        "commit": build / "bench/iotjobs-bench-commit",
        "load": build / "bench/iotjobs-bench-load",
    }


def build_release(build):
    log(f"building Release into {build}")
    subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-G", "Ninja",
                    "-DCMAKE_BUILD_TYPE=Release", "-DIOTJOBS_BUILD_BENCH=ON",
                    "-DIOTJOBS_BUILD_TESTS=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", str(build), *TARGETS], check=True, stdout=subprocess.DEVNULL)
