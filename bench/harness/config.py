"""Sizes and constants of the benchmark: the full run and the smoke run (CI, seconds a part)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # bench/harness/config.py -> the repository
ACCOUNT = "123456789012"
REGION = "us-east-1"
ARN = f"arn:aws:iot:{REGION}:{ACCOUNT}:"
# The root credentials iotjobsd is started with; every request is SigV4-signed with them.
KEY_ID = "AKIABENCHROOT0000001"
SECRET = "bench-secret-not-for-production-0000000001"
DOC = '{"operation":"install","version":"2.0"}'

READ_OPS = ["DescribeJobExecution", "GetPendingJobExecutions", "ListJobExecutionsForThing"]
WRITE_OPS = ["CreateJob", "UpdateJobExecution", "DeleteJobExecution"]
# moto serves no device plane (GetPending, UpdateJobExecution).
MOTO_OPS = {"DescribeJobExecution", "ListJobExecutionsForThing", "CreateJob", "DeleteJobExecution"}
# bench/commit_ceiling.cc --op for each write operation.
CEILING_OP = {"CreateJob": "create", "UpdateJobExecution": "update", "DeleteJobExecution": "delete"}

FULL = dict(
    conns=[1, 16, 64], duration=5.0, warmup=1.0, write_warmup=0.5, moto_duration=3.0, things=1000,
    read_jobs=500,  # x 100 targets: 5*10^4 executions, 50 per thing
    write_capacity={1: 15000, 16: 80000, 64: 120000},  # distinct executions per write run
    mem_write_capacity={1: 30000, 16: 120000, 64: 120000},
    moto_capacity=1500,
    scale=[10**4, 10**6, 10**7], scale_fallback=[10**4, 10**5, 10**6], scale_conns=[1, 16],
    fanout=[10**5, 10**6], fanout_timeout=600.0, cli_runs=40,
    contention_things=10**4, contention_conns=[16, 64], contention_duration=60.0,
    jobsize_things=10**4, jobsize_conns=[1, 16, 64], jobsize_rounds=2,
)
SMOKE = dict(
    conns=[1, 16], duration=0.5, warmup=0.2, write_warmup=0.0, moto_duration=0.5, things=100,
    read_jobs=10, write_capacity={1: 1500, 16: 3000}, mem_write_capacity={1: 1500, 16: 3000},
    moto_capacity=100, scale=[10**3, 10**4], scale_fallback=[10**3, 10**4],
    scale_conns=[1], fanout=[2000], fanout_timeout=60.0, cli_runs=2,
    contention_things=200, contention_conns=[16], contention_duration=10.0,
    jobsize_things=200, jobsize_conns=[16], jobsize_rounds=1,
)
