"""Runs moto's own IoT job tests (tests/moto/tests/, from moto 5.2.1) in moto's server mode
against iotjobsd --auth none --allow-reset, with pytest.

Every test must pass except those in EXPECTED_FAILURES, which assert moto's own departures
from AWS (AWS wins) or need a feature iotjobs does not serve yet. The run fails on any other
failure, and also when an expected failure passes or is missing, so the list stays exact.

pytest comes from Debian's python3-pytest (scripts/setup installs it), which installs it for
/usr/bin/python3; moto and boto3 are those of the interpreter running this script. When that
interpreter has no pytest of its own, Debian's dist-packages directory is appended to the
child's module path (appended, so it never shadows this interpreter's boto3 or moto).
"""
import glob
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
IOTJOBSD = os.environ.get("IOTJOBSD") or os.path.join(HERE, "..", "..", "build", "src", "server",
                                                      "iotjobsd")
# moto's tests make their clients in eu-west-1 and expect ARNs of moto's default account.
REGION = "eu-west-1"
ACCOUNT = "123456789012"
FILES = ["tests/test_iot/test_iot_jobs.py", "tests/test_iot/test_iot_job_executions.py",
         "tests/test_iot/test_iot_job_templates.py"]

DOCUMENT_SOURCE = ("creates its job from documentSource, an S3 object that exists nowhere (moto "
                   "never reads it); iotjobsd, like AWS, reads the document at CreateJob and "
                   "refuses the job with 400")
# test id -> why it fails against iotjobsd. Also listed in tests/moto/README.md.
EXPECTED_FAILURES = {
    "test_iot_job_executions.py::test_describe_job_execution":
        "asserts moto's fixed numbers (executionNumber, versionNumber and "
        "approximateSecondsBeforeTimedOut all 123) and a startedAt on a QUEUED execution; on AWS "
        "a thing's executions are numbered from 1, versions start at 1, and startedAt appears "
        "once the execution is IN_PROGRESS",
    "test_iot_job_executions.py::test_delete_job_execution":
        "deletes execution number 123, moto's fixed number; on AWS the thing's first execution "
        "is number 1, so AWS answers 404 for 123 as iotjobsd does",
    "test_iot_jobs.py::test_describe_job": DOCUMENT_SOURCE,
    "test_iot_jobs.py::test_delete_job": DOCUMENT_SOURCE,
    "test_iot_jobs.py::test_cancel_job": DOCUMENT_SOURCE,
    "test_iot_jobs.py::test_get_job_document_with_document_source":
        DOCUMENT_SOURCE + "; it also asserts moto's empty document for such a job, where AWS "
        "answers the document read from S3",
}

CHILD = """
import sys
try:
    import pytest
except ImportError:
    sys.path.extend(sorted(set(%r)))
    try:
        import pytest
    except ImportError:
        sys.exit("run_moto_tests: no pytest for " + sys.executable +
                 ": install Debian's python3-pytest (scripts/setup does)")
try:
    from moto import mock_aws  # noqa: F401  (moto 5)
except ImportError:
    sys.exit("run_moto_tests: " + sys.executable + " needs moto 5 (mock_aws) and boto3")
sys.exit(pytest.main(sys.argv[1:]))
""" % (glob.glob("/usr/lib/python3/dist-packages"),)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(log):
    port = free_port()
    proc = subprocess.Popen(
        [IOTJOBSD, "--listen", f"127.0.0.1:{port}", "--data-dir", ":memory:", "--auth", "none",
         "--allow-reset", "--region", REGION, "--account-id", ACCOUNT],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"iotjobsd exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("iotjobsd did not become ready")


def outcomes(junit_path):
    """test id (FILE::NAME) -> passed | failed | skipped, from pytest's JUnit XML."""
    result = {}
    for case in ET.parse(junit_path).getroot().iter("testcase"):
        module = case.get("classname", "").rsplit(".", 1)[-1]
        test_id = f"{module}.py::{case.get('name')}"
        if case.find("failure") is not None or case.find("error") is not None:
            result[test_id] = "failed"
        elif case.find("skipped") is not None:
            result[test_id] = "skipped"
        else:
            result[test_id] = "passed"
    return result


def main():
    with tempfile.TemporaryDirectory(prefix="iotjobs-moto-") as tmp:
        log_path = os.path.join(tmp, "iotjobsd.log")
        with open(log_path, "wb") as log:
            proc, port = start_server(log)
            try:
                env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
                env.update({"TEST_SERVER_MODE": "true",
                            "TEST_SERVER_MODE_ENDPOINT": f"http://127.0.0.1:{port}",
                            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                            "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull,
                            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                            "PYTHONDONTWRITEBYTECODE": "1"})
                junit = os.path.join(tmp, "junit.xml")
                run = subprocess.run(
                    [sys.executable, "-c", CHILD, "-p", "no:cacheprovider", "-q", "-rfE",
                     "--tb=line", f"--junitxml={junit}"] + FILES,
                    cwd=HERE, env=env, timeout=600)
            finally:
                proc.terminate()
                proc.wait(timeout=20)
        if not os.path.exists(junit):
            print(open(log_path, errors="replace").read()[-4000:])
            sys.exit(f"pytest did not run (exit {run.returncode})")
        results = outcomes(junit)

    unexpected = sorted(t for t, r in results.items() if r == "failed" and t not in EXPECTED_FAILURES)
    fixed = sorted(t for t in EXPECTED_FAILURES if results.get(t) == "passed")
    missing = sorted(t for t in EXPECTED_FAILURES if t not in results)
    skipped = sorted(t for t, r in results.items() if r == "skipped")
    passed = sum(1 for r in results.values() if r == "passed")
    print(f"\nmoto's IoT job tests against iotjobsd: {passed} passed, "
          f"{len(EXPECTED_FAILURES) - len(fixed) - len(missing)} failed as expected, "
          f"{len(unexpected)} failed unexpectedly, {len(skipped)} skipped")
    for t in sorted(EXPECTED_FAILURES):
        if results.get(t) == "failed":
            print(f"  expected failure {t}: {EXPECTED_FAILURES[t]}")
    problems = [f"FAILED (not expected): {t}" for t in unexpected]
    problems += [f"PASSED but listed as an expected failure (update the list): {t}" for t in fixed]
    problems += [f"listed as an expected failure but did not run: {t}" for t in missing]
    problems += [f"SKIPPED: {t}" for t in skipped]
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
