"""End-to-end harness: a real iotjobsd on a free port with its own data directory, driven by
real AWS clients (AWS CLI v2 at /usr/bin/aws, AWS CLI v1, boto3) and by raw HTTP.

Every test module starts its own server(s), so CTest can run the modules in parallel.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import unittest.mock
import uuid

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.config
import botocore.credentials

IOTJOBSD = os.environ.get("IOTJOBSD") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "src", "server", "iotjobsd")
IOTJOBS = os.environ.get("IOTJOBS") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "src", "cli", "iotjobs")
AWS_V2 = os.environ.get("IOTJOBS_TEST_AWS_V2", "/usr/bin/aws")
REGION = "us-east-1"
ACCOUNT = "123456789012"
ACCESS_KEY = "AKIAIOTJOBSTESTROOT1"
SECRET_KEY = "iotjobs/test/root/secret/key/0123456789"


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def thing_arn(name):
    return f"arn:aws:iot:{REGION}:{ACCOUNT}:thing/{name}"


def group_arn(name):
    return f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/{name}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def credentials_file(credentials):
    """A temporary --credentials-file holding `credentials` (the caller unlinks it)."""
    fd, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(credentials, f)
    return path


class Server:
    """One iotjobsd process. `data_dir` None makes a temporary one (removed by cleanup)."""

    def __init__(self, data_dir=None, args=(), env=None, preexec_fn=None):
        self._own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="iotjobs-e2e-")
        self.args = list(args)
        self.env = dict(os.environ)
        self.env.update({"IOTJOBS_ROOT_ACCESS_KEY_ID": ACCESS_KEY,
                         "IOTJOBS_ROOT_SECRET_ACCESS_KEY": SECRET_KEY})
        self.env.update(env or {})
        self.preexec_fn = preexec_fn  # run in the child before iotjobsd (e.g. to set limits)
        self.port = None
        self.proc = None
        self.log_path = os.path.join(tempfile.gettempdir(), f"iotjobsd-{uuid.uuid4().hex[:8]}.log")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, port=None):
        self.port = port or free_port()
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [IOTJOBSD, "--listen", f"127.0.0.1:{self.port}", "--data-dir", self.data_dir,
             "--region", REGION, "--account-id", ACCOUNT] + self.args,
            stdout=self._log, stderr=subprocess.STDOUT, env=self.env, preexec_fn=self.preexec_fn)
        deadline = time.monotonic() + 60  # sanitizer builds start slowly
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"iotjobsd exited with {self.proc.returncode}:\n{self.log()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                try:
                    conn.request("GET", "/health")
                    if conn.getresponse().status == 200:
                        return self
                finally:
                    conn.close()
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("iotjobsd did not become ready:\n" + self.log())

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=timeout)
        if getattr(self, "_log", None):
            self._log.close()
        return self.proc.returncode if self.proc else None

    def kill9(self):
        return self.stop(signal.SIGKILL)

    def cleanup(self):
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        try:
            os.unlink(self.log_path)
        except OSError:
            pass

    # ---- clients ----

    def client(self, service="iot", key=None, secret=None):
        return boto3.client(
            service, endpoint_url=self.url, region_name=REGION,
            aws_access_key_id=key or ACCESS_KEY, aws_secret_access_key=secret or SECRET_KEY,
            config=botocore.config.Config(retries={"total_max_attempts": 1}))

    def cli_env(self):
        env = dict(os.environ)
        for key in list(env):
            if key.startswith("AWS_"):
                del env[key]
        env.update({"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                    "AWS_DEFAULT_REGION": REGION, "AWS_PAGER": "", "TZ": "UTC",
                    "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                    "AWS_MAX_ATTEMPTS": "1"})
        return env

    def aws(self, *args, cli=None, env=None):
        """Runs AWS CLI v2 (or `cli`) against this server: (returncode, stdout, stderr)."""
        cmd = [cli or AWS_V2, "--endpoint-url", self.url] + [str(a) for a in args]
        full_env = self.cli_env()
        for key, value in (env or {}).items():
            if value is None:
                full_env.pop(key, None)  # unset
            else:
                full_env[key] = value
        p = subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=60)
        return p.returncode, p.stdout, p.stderr

    def iotjobs(self, *args, env=None):
        """Runs our CLI against this server: (returncode, stdout, stderr)."""
        return self.aws(*args, cli=IOTJOBS, env=env)

    def aws_json(self, *args):
        rc, out, err = self.aws(*args)
        if rc != 0:
            raise AssertionError(f"aws {' '.join(map(str, args))} exited {rc}: {err}")
        return json.loads(out) if out.strip() else None

    def aws_v1(self, *args):
        """AWS CLI v1 (the `aws` of the default python3)."""
        cmd = ["python3", "-m", "awscli", "--endpoint-url", self.url] + [str(a) for a in args]
        p = subprocess.run(cmd, capture_output=True, text=True, env=self.cli_env(), timeout=60)
        return p.returncode, p.stdout, p.stderr

    def http(self, method, path, body=None, headers=None, sign="iot", key=None, secret=None,
             at=None, region=REGION):
        """A raw request, signed with SigV4 for service `sign` (None: unsigned) with the root
        key (or `key`/`secret`), at the current time (or the datetime `at`).
        Returns (status, headers dict with lower-case names, body bytes)."""
        headers = dict(headers or {})
        data = body.encode() if isinstance(body, str) else body
        if sign:
            req = botocore.awsrequest.AWSRequest(method=method, url=self.url + path, data=data,
                                                 headers=headers)
            creds = botocore.credentials.Credentials(key or ACCESS_KEY, secret or SECRET_KEY)
            signer = botocore.auth.SigV4Auth(creds, sign, region)
            if at is None:
                signer.add_auth(req)
            else:
                with unittest.mock.patch("botocore.auth.get_current_datetime", return_value=at):
                    signer.add_auth(req)
            headers = dict(req.headers.items())
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        out = resp.read()
        conn.close()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, out


class ServerTestCase(unittest.TestCase):
    """A test class sharing one server (started in setUpClass)."""
    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=cls.server_args).start()
        cls.iot = cls.server.client("iot")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # ---- assertions ----

    def assertAwsError(self, result, code, rc=254):
        """An AWS CLI result that failed with service error `code`."""
        got_rc, out, err = result
        self.assertEqual(got_rc, rc, f"stderr: {err}")
        self.assertIn(f"An error occurred ({code})", err)
        self.assertEqual(out, "")

    def assertHttpError(self, response, status, error_type):
        got_status, headers, body = response
        self.assertEqual(got_status, status, body)
        self.assertEqual(headers.get("x-amzn-errortype"), error_type, body)
        message = json.loads(body)["message"]
        self.assertIsInstance(message, str)
        self.assertTrue(message)
        return message

    def assertBotoError(self, code, fn, *args, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception.response

    # ---- fixtures ----

    def make_thing(self, prefix="thing"):
        name = unique(prefix)
        self.iot.create_thing(thingName=name)
        return name

    def make_job(self, targets, prefix="job", **kwargs):
        job_id = unique(prefix)
        kwargs.setdefault("document", json.dumps({"operation": "test"}))
        self.iot.create_job(jobId=job_id, targets=targets, **kwargs)
        return job_id


import botocore.exceptions  # noqa: E402  (used by assertBotoError)
