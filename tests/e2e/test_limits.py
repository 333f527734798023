"""Limits that keep the server up (idle and slow connections, connection count, URI length),
per-account rate limits with AWS's quotas, and HTTPS."""
import concurrent.futures
import json
import os
import socket
import subprocess
import tempfile
import threading
import time
import unittest

import boto3
import botocore.config
import botocore.exceptions

from harness import ACCESS_KEY, REGION, SECRET_KEY, Server, unique


def raw_request(port, data, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        return s.recv(65536)


class ConnectionLimitsTest(unittest.TestCase):
    def test_idle_and_slow_connections_do_not_stop_others(self):
        server = Server(args=["--idle-timeout", "30"]).start()
        try:
            idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(300)]
            slow = []
            for _ in range(50):
                s = socket.create_connection(("127.0.0.1", server.port))
                s.sendall(b"GET /health HTTP/1.1\r\nHo")  # and never the rest
                slow.append(s)
            started = time.monotonic()
            iot = server.client("iot")
            for _ in range(20):
                iot.list_jobs()
            self.assertLess(time.monotonic() - started, 10)
            for s in idle + slow:
                s.close()
        finally:
            server.cleanup()

    def test_connection_count_limit(self):
        server = Server(args=["--max-connections", "10"]).start()
        try:
            # Hold ten connections, each known to be served (so each is counted). The
            # harness's readiness probe may still hold a session for a moment after start(),
            # and a connection the server refused meanwhile is replaced, not kept.
            held = []
            deadline = time.monotonic() + 20
            while len(held) < 10:
                self.assertLess(time.monotonic(), deadline, "could not hold ten connections")
                s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(4096).startswith(b"HTTP/1.1 200"):
                    held.append(s)
                else:
                    s.close()
            out = raw_request(server.port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertTrue(out.startswith(b"HTTP/1.1 503"), out[:100])
            self.assertIn(b"x-amzn-ErrorType: ServiceUnavailableException", out)
            for s in held:
                s.close()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if raw_request(server.port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n").startswith(
                        b"HTTP/1.1 200"):
                    break
            else:
                self.fail("the server did not take connections again")
        finally:
            server.cleanup()

    def test_idle_connections_are_closed_after_the_idle_timeout(self):
        server = Server(args=["--idle-timeout", "1"]).start()
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            started = time.monotonic()
            self.assertEqual(s.recv(100), b"")  # the server hangs up
            self.assertLess(time.monotonic() - started, 5)
            s.close()
        finally:
            server.cleanup()

    def test_uri_length_limit(self):
        server = Server(args=["--max-uri-bytes", "100"]).start()
        try:
            out = raw_request(server.port, b"GET /jobs/" + b"j" * 200 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertTrue(out.startswith(b"HTTP/1.1 414"), out[:100])
            self.assertIn(b"x-amzn-ErrorType", out)
        finally:
            server.cleanup()


class RateLimitTest(unittest.TestCase):
    # The server's clock stands still unless a test moves it, so the token buckets
    # refill only when told to and the counts below are exact on a loaded machine too.
    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=["--rate-limits", "aws", "--test-clock"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def advance(self, seconds):
        status, _, body = self.server.http("POST", "/_iotjobs/test/clock",
                                           body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)

    def list_jobs_codes(self, n):
        iot = self.server.client("iot")
        codes = []
        for _ in range(n):
            try:
                iot.list_jobs()
                codes.append(200)
            except botocore.exceptions.ClientError as e:
                self.assertEqual(e.response["Error"]["Code"], "ThrottlingException")
                codes.append(e.response["ResponseMetadata"]["HTTPStatusCode"])
        return codes

    def test_control_plane_throttles_with_400(self):
        # ListJobs allows 10 a second: a full bucket, then 400s until a second passes.
        self.assertEqual(self.list_jobs_codes(15), [200] * 10 + [400] * 5)
        self.advance(0.5)
        self.assertEqual(self.list_jobs_codes(6), [200] * 5 + [400])

    def test_device_plane_throttles_with_429(self):
        thing = unique("busy")
        self.server.client("iot").create_thing(thingName=thing)
        path = f"/things/{thing}/jobs"

        def call(_):
            return self.server.http("GET", path, sign="iot-jobs-data")[0]

        # Device reads share a bucket of 200 a second.
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(call, range(260)))
        self.assertEqual(statuses.count(200), 200)
        self.assertEqual(statuses.count(429), 60)

    def test_cli_retries_throttling(self):
        # CLI v2's standard retry mode backs off and tries again; it succeeds once the
        # bucket refills, which a background thread makes happen while the CLI waits.
        iot = self.server.client("iot")
        for _ in range(15):
            try:
                iot.list_thing_groups()
            except botocore.exceptions.ClientError:
                pass
        rc, _, err = self.server.aws("iot", "list-thing-groups", env={"AWS_MAX_ATTEMPTS": "1"})
        self.assertEqual(rc, 254)
        self.assertIn("ThrottlingException", err)
        stop = threading.Event()

        def tick():
            while not stop.wait(0.05):
                self.advance(1)

        ticker = threading.Thread(target=tick)
        ticker.start()
        try:
            rc, out, err = self.server.aws("iot", "list-thing-groups",
                                           env={"AWS_MAX_ATTEMPTS": "10"})
        finally:
            stop.set()
            ticker.join()
        self.assertEqual(rc, 0, err)


class TlsTest(unittest.TestCase):
    def test_https_with_ca_bundle(self):
        tmp = tempfile.mkdtemp()
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
        server = Server(args=["--tls-cert", cert, "--tls-key", key])
        # Readiness over plain HTTP fails on a TLS port; start and probe with HTTPS instead.
        import ssl
        import http.client
        from harness import free_port
        server.port = free_port()
        server._log = open(server.log_path, "ab")
        server.proc = subprocess.Popen(
            [__import__("harness").IOTJOBSD, "--listen", f"127.0.0.1:{server.port}", "--data-dir",
             server.data_dir] + server.args, stdout=server._log, stderr=subprocess.STDOUT, env=server.env)
        try:
            ctx = ssl.create_default_context(cafile=cert)
            deadline = time.monotonic() + 10
            while True:
                try:
                    conn = http.client.HTTPSConnection("localhost", server.port, context=ctx, timeout=2)
                    conn.request("GET", "/health")
                    self.assertEqual(conn.getresponse().status, 200)
                    conn.close()
                    break
                except (ConnectionRefusedError, OSError):
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            url = f"https://localhost:{server.port}"
            iot = boto3.client("iot", endpoint_url=url, region_name=REGION, verify=cert,
                               aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
            name = unique("secure")
            iot.create_thing(thingName=name)
            env = server.cli_env()
            p = subprocess.run(["/usr/bin/aws", "--endpoint-url", url, "--ca-bundle", cert, "iot",
                                "describe-thing", "--thing-name", name],
                               capture_output=True, text=True, env=env, timeout=60)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(json.loads(p.stdout)["thingName"], name)
            # Without the CA the client refuses the certificate.
            p = subprocess.run(["/usr/bin/aws", "--endpoint-url", url, "iot", "list-jobs"],
                               capture_output=True, text=True, env=env, timeout=60)
            self.assertNotEqual(p.returncode, 0)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
