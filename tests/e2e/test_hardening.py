"""What an attacker or an operator tries: smuggled requests, running out of file descriptors, a
full disk, numbers out of range, bytes that are not UTF-8, deeply nested documents. One test
per defect found, each reproducing the request or the condition exactly."""
import errno
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

import botocore.exceptions

from harness import REGION, Server, ServerTestCase, thing_arn, unique


def read_all(sock, timeout=20):
    """Everything the server sends until it closes the connection (or `timeout` passes)."""
    sock.settimeout(timeout)
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        if not chunk:
            return out
        out += chunk
    raise AssertionError(f"the server did not close the connection; it sent {out[:300]!r}")


def raw_exchange(port, data):
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(data)
        return read_all(s)


def status_lines(response):
    return re.findall(rb"HTTP/1\.[01] (\d{3})", response)


class RequestSmugglingTest(unittest.TestCase):
    """Defect 1: a Transfer-Encoding other than exactly `chunked` let the body be read as the
    next request (RFC 9112 sections 6.1 and 6.3)."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=["--auth", "none"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def smuggle(self, framing_headers, body=b""):
        victim = unique("victim")
        self.server.client("iot").create_thing(thingName=victim)
        request = (b"POST /things/" + unique("outer").encode() + b" HTTP/1.1\r\nHost: x\r\n" +
                   framing_headers + b"\r\n" + body +
                   b"DELETE /things/" + victim.encode() +
                   b" HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        response = raw_exchange(self.server.port, request)
        return victim, response

    def test_request_smuggling_is_refused_with_400_and_closed(self):
        variants = [
            b"Transfer-Encoding: identity\r\n",
            b"Transfer-Encoding: gzip\r\n",
            b"Transfer-Encoding: xchunked\r\n",
            b"Transfer-Encoding: identity\r\nContent-Length: 0\r\n",
            b"Transfer-Encoding: chunked, identity\r\nContent-Length: 5\r\n",
            b"Transfer-Encoding: gzip, chunked\r\n",
            b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
            b"Content-Length: 0\r\nTransfer-Encoding: chunked\r\n",
            b"Content-Length: 0\r\nContent-Length: 5\r\n",
        ]
        iot = self.server.client("iot")
        for headers in variants:
            with self.subTest(headers=headers):
                victim, response = self.smuggle(headers, body=b"0\r\n\r\n" if b"chunked" in headers else b"")
                self.assertEqual(status_lines(response), [b"400"], response)
                self.assertIn(b"x-amzn-ErrorType: InvalidRequestException", response)
                self.assertIn(b'{"message":', response)
                # The bytes after the refused request were never served.
                self.assertEqual(iot.describe_thing(thingName=victim)["thingName"], victim)

    def test_a_folded_content_length_is_read_as_one_field(self):
        # obs-fold (CRLF then SP/HTAB) continues the field: RFC 9112 section 5.2 lets a server
        # replace it by spaces, so "2,\r\n\t\t 2" is the list "2, 2" and the body is 2 bytes.
        # The request after it is a request of its own, not part of the body.
        victim, response = self.smuggle(b"Content-Length: 2,\r\n\t\t 2\r\n", body=b"{}")
        self.assertEqual(status_lines(response), [b"200", b"200"], response)
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.server.client("iot").describe_thing(thingName=victim)
        self.assertEqual(caught.exception.response["Error"]["Code"], "ResourceNotFoundException")

    def test_transfer_encoding_on_http_1_0_is_refused(self):
        response = raw_exchange(self.server.port,
                                b"POST /things/" + unique("t").encode() +
                                b" HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        self.assertEqual(status_lines(response), [b"400"], response)

    def test_chunked_bodies_and_the_device_plane_follow_the_same_rules(self):
        thing = unique("chunked")
        body = json.dumps({"attributePayload": {"attributes": {"a": "1"}}}).encode()
        response = raw_exchange(self.server.port,
                                b"POST /things/" + thing.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                                b"Transfer-Encoding: Chunked\r\nConnection: close\r\n\r\n" +
                                f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
        self.assertEqual(status_lines(response), [b"200"], response)
        self.assertEqual(self.server.client("iot").describe_thing(thingName=thing)["attributes"],
                         {"a": "1"})
        response = raw_exchange(self.server.port,
                                b"PUT /things/" + thing.encode() + b"/jobs/$next HTTP/1.1\r\n"
                                b"Host: x\r\nTransfer-Encoding: identity\r\n\r\n{}")
        self.assertEqual(status_lines(response), [b"400"], response)


class DescriptorExhaustionTest(unittest.TestCase):
    """Defect 2: with `ulimit -n 1024` and 1,500 clients the accept loop spun on EMFILE, logged
    millions of lines and left clients hanging."""

    LIMIT = 1024

    def setUp(self):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and hard < 4000:
            self.skipTest(f"this test needs 4000 descriptors for its clients; the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

        def limit_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (self.LIMIT, self.LIMIT))

        self.server = Server(preexec_fn=limit_descriptors).start()
        self.addCleanup(self.server.cleanup)

    def clients(self, n):
        """`n` connections, each with a request sent; returns the sockets."""
        socks = []
        for _ in range(n):
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            socks.append(s)
        self.addCleanup(lambda: [s.close() for s in socks])
        return socks

    def answers(self, socks):
        """The status of each socket's answer; fails if any client is left hanging."""
        statuses = []
        for s in socks:
            s.settimeout(30)
            head = b""
            while b"\r\n" not in head:
                chunk = s.recv(4096)
                self.assertTrue(chunk or head, "the server closed a connection without answering")
                if not chunk:
                    break
                head += chunk
            statuses.append(head.split(b" ")[1])
        return statuses

    def test_descriptor_exhaustion_answers_503_and_does_not_spin(self):
        log = self.server.log()
        match = re.search(r"serving at most (\d+) connections", log)
        self.assertIsNotNone(match, "no warning that --max-connections exceeds the limit:\n" + log)
        room = int(match.group(1))
        self.assertLess(room, self.LIMIT)

        # 1,500 clients at once: those over the limit get a 503, none hangs.
        socks = self.clients(1500)
        statuses = self.answers(socks)
        # (The readiness probe's connection may not have been counted out yet.)
        self.assertLessEqual(statuses.count(b"200"), room)
        self.assertGreaterEqual(statuses.count(b"200"), room - 2)
        self.assertEqual(statuses.count(b"200") + statuses.count(b"503"), 1500)
        for s in socks:
            s.close()

        # Now take descriptors away from the running server (as another file-hungry part of
        # the process would): accept fails with EMFILE. Waiting clients are told 503 on the
        # spare descriptor and the server backs off instead of retrying in a loop.
        held = self.clients(400)
        self.assertEqual(set(self.answers(held)), {b"200"})
        try:
            resource.prlimit(self.server.proc.pid, resource.RLIMIT_NOFILE, (300, 300))
        except (PermissionError, OSError) as e:
            self.skipTest(f"cannot lower the server's descriptor limit here: {e}")
        waiting = self.clients(50)
        self.assertEqual(set(self.answers(waiting)), {b"503"})
        # The server logs after it has answered the waiting clients: wait for the line.
        deadline = time.monotonic() + 20
        log = self.server.log()
        while "out of file descriptors" not in log and time.monotonic() < deadline:
            time.sleep(0.05)
            log = self.server.log()
        self.assertIn("out of file descriptors", log)
        self.assertNotIn("accept failed", log)
        self.assertLessEqual(log.count("out of file descriptors"), 3, "the log is flooded")

        # As soon as connections close, the server serves again.
        for s in held + waiting:
            s.close()
        deadline = time.monotonic() + 20
        while True:
            self.assertLess(time.monotonic(), deadline, "the server did not serve again")
            if self.answers(self.clients(1)) == [b"200"]:
                break
        self.assertEqual(self.server.client("iot").list_things()["things"], [])


class FullDiskTest(unittest.TestCase):
    """Defect 3: after SQLITE_FULL every write was refused until a restart, while /health said
    ok; each failed commit also logged a spurious rollback error."""

    def setUp(self):
        self.mount_dir = tempfile.mkdtemp(prefix="iotjobs-full-disk-")
        self.addCleanup(shutil.rmtree, self.mount_dir, True)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", self.mount_dir],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            reason = f"cannot mount a small tmpfs here ({mounted.stderr.strip()})"
            print(f"skipped: {reason}", flush=True)
            self.skipTest(reason)
        self.addCleanup(subprocess.run, ["umount", "-l", self.mount_dir])
        self.data_dir = os.path.join(self.mount_dir, "data")

    def fill(self):
        filler = os.path.join(self.mount_dir, "filler")
        # Unbuffered: a buffered file would keep the bytes the last write could not place and
        # fail again when closed, depending on how much room was left.
        with open(filler, "wb", buffering=0) as f:
            chunk = b"\0" * 65536
            try:
                while True:
                    f.write(chunk)
            except OSError as e:
                self.assertEqual(e.errno, errno.ENOSPC)
        return filler

    def health(self, server):
        status, _, body = server.http("GET", "/health", sign=None)
        return status, json.loads(body)

    def test_full_disk_recovers_by_itself_and_health_reports_it(self):
        server = Server(data_dir=self.data_dir).start()
        self.addCleanup(server.cleanup)
        iot = server.client("iot")
        acknowledged, refused = [], []
        for _ in range(10):
            name = unique("before")
            iot.create_thing(thingName=name)
            acknowledged.append(name)

        filler = self.fill()
        attributes = {f"a{i}": "x" * 800 for i in range(3)}
        for _ in range(2000):
            name = unique("during")
            try:
                iot.create_thing(thingName=name, attributePayload={"attributes": attributes})
                acknowledged.append(name)
            except botocore.exceptions.ClientError as e:
                self.assertEqual(e.response["Error"]["Code"], "ServiceUnavailableException")
                self.assertEqual(e.response["ResponseMetadata"]["HTTPStatusCode"], 503)
                refused.append(name)
                break
        self.assertTrue(refused, "the disk never filled up")
        status, body = self.health(server)
        self.assertEqual(status, 503, body)
        self.assertEqual(body["status"], "unavailable")
        self.assertIn("writes failing", body["store"])
        # Reads still work.
        self.assertEqual(iot.describe_thing(thingName=acknowledged[0])["thingName"], acknowledged[0])

        # Free the space: the store finds out by itself (nobody writes meanwhile).
        os.unlink(filler)
        deadline = time.monotonic() + 30
        while self.health(server)[0] != 200:
            self.assertLess(time.monotonic(), deadline, "the store did not recover:\n" + server.log())
            time.sleep(0.05)
        after = unique("after")
        iot.create_thing(thingName=after)
        acknowledged.append(after)
        self.assertNotIn("cannot rollback", server.log())

        # Everything acknowledged is kept across a restart; nothing refused was kept.
        self.assertEqual(server.stop(), 0)
        server.start()
        iot = server.client("iot")
        for name in acknowledged:
            self.assertEqual(iot.describe_thing(thingName=name)["thingName"], name)
        for name in refused:
            with self.assertRaises(botocore.exceptions.ClientError):
                iot.describe_thing(thingName=name)


class NumericRangesTest(ServerTestCase):
    """Defect 4: timeoutConfig.inProgressTimeoutInMinutes was not range-checked (AWS: 1 to
    10080); 2^63-1 overflowed the timer arithmetic."""

    def test_in_progress_timeout_out_of_range_is_refused(self):
        thing = self.make_thing()
        for minutes in (0, -5, 10081, 2**63 - 1):
            with self.subTest(minutes=minutes):
                response = self.assertBotoError(
                    "InvalidRequestException", self.iot.create_job, jobId=unique("t"),
                    targets=[thing_arn(thing)], document="{}",
                    timeoutConfig={"inProgressTimeoutInMinutes": minutes})
                self.assertIn("timeoutConfig.inProgressTimeoutInMinutes",
                              response["Error"]["Message"])
        job = self.make_job([thing_arn(thing)], timeoutConfig={"inProgressTimeoutInMinutes": 10080})
        self.assertBotoError("InvalidRequestException", self.iot.update_job, jobId=job,
                             timeoutConfig={"inProgressTimeoutInMinutes": 10081})
        # AWS CLI v2 sends it too (the model has no range); the server refuses it.
        self.assertAwsError(self.server.aws("iot", "create-job", "--job-id", unique("cli"),
                                            "--targets", thing_arn(thing), "--document", "{}",
                                            "--timeout-config", "inProgressTimeoutInMinutes=0"),
                            "InvalidRequestException")

    def test_step_timeout_and_rollout_rate_ranges(self):
        thing = self.make_thing()
        self.make_job([thing_arn(thing)])
        data = self.server.client("iot-jobs-data")
        for minutes in (0, -2, 10081, 2**63 - 1):
            with self.subTest(minutes=minutes):
                self.assertBotoError("InvalidRequestException",
                                     data.start_next_pending_job_execution, thingName=thing,
                                     stepTimeoutInMinutes=minutes)
        execution = data.start_next_pending_job_execution(thingName=thing,
                                                          stepTimeoutInMinutes=10080)["execution"]
        # -1 cancels the step timer, as AWS documents.
        data.update_job_execution(thingName=thing, jobId=execution["jobId"], status="IN_PROGRESS",
                                  stepTimeoutInMinutes=-1)
        self.assertBotoError("InvalidRequestException", self.iot.create_job, jobId=unique("r"),
                             targets=[thing_arn(thing)], document="{}",
                             jobExecutionsRolloutConfig={"maximumPerMinute": 1001})


class InvalidUtf8Test(ServerTestCase):
    """Defect 5: error messages echoed bytes that are not UTF-8 (GET /things/%C0%AF), and
    boto3 failed with UnicodeDecodeError instead of a ClientError."""

    def test_error_messages_are_valid_utf8(self):
        for path in ("/things/%C0%AF", "/things/%FF", "/things/%ED%A0%80", "/jobs/%FF",
                     "/jobs/%C0%AF/job-document", "/jobs?status=%FF", "/things/a%FFb/jobs"):
            with self.subTest(path=path):
                status, headers, body = self.server.http("GET", path)
                self.assertEqual(status, 400, body)
                self.assertEqual(headers["x-amzn-errortype"], "InvalidRequestException")
                message = json.loads(body.decode("utf-8"))["message"]  # strict: must not raise
                self.assertIn("\ufffd", message)


class DeepDocumentTest(ServerTestCase):
    """Defect 6: valid job documents nested deeper than 32 levels were refused as "not a valid
    JSON object"."""

    @staticmethod
    def nested(depth):
        return '{"a":' * depth + "1" + "}" * depth

    def test_deep_job_documents_are_accepted_up_to_the_depth_guard(self):
        thing = self.make_thing()
        for depth in (33, 100, 512):
            with self.subTest(depth=depth):
                job = self.make_job([thing_arn(thing)], document=self.nested(depth))
                self.assertEqual(self.iot.get_job_document(jobId=job)["document"], self.nested(depth))
        data = self.server.client("iot-jobs-data")
        execution = data.start_next_pending_job_execution(thingName=thing)["execution"]
        self.assertEqual(execution["jobDocument"], self.nested(33))
        response = self.assertBotoError("InvalidRequestException", self.iot.create_job,
                                        jobId=unique("deep"), targets=[thing_arn(thing)],
                                        document=self.nested(513))
        self.assertIn("deeper than 512 levels", response["Error"]["Message"])


if __name__ == "__main__":
    unittest.main()
