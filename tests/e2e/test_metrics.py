"""GET /metrics, as an operator sets up Prometheus against it: the text format 0.0.4 (checked
by promtool), requests counted per operation, plane and status class as boto3 and AWS CLI v2
make them, the latency, store and background gauges, the jobs and executions per status that a
sampler reads from the store every few seconds, and the bearer token of --metrics-token-file
(docs/metrics.md)."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import Server, unique

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse(text):
    """{(name, frozenset of (label, value)): float} for every sample of a scrape."""
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        assert m, f"not a sample line: {line!r}"
        labels = frozenset(LABEL.findall(m.group(2) or ""))
        samples[(m.group(1), labels)] = float(m.group(3))
    return samples


def key(name, **labels):
    return (name, frozenset(labels.items()))


def requests(operation, plane="iot", status_class="2xx"):
    return key("iotjobs_requests_total", operation=operation, plane=plane,
               status_class=status_class)


def poll(fn, what, timeout=30):
    """fn() until it returns a true value, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        got = fn()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class MetricsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=["--data-dir", ":memory:"]).start()
        cls.iot = cls.server.client("iot")
        cls.data = cls.server.client("iot-jobs-data")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def scrape(self, headers=None):
        status, resp_headers, body = self.server.http("GET", "/metrics", sign=None,
                                                      headers=headers)
        self.assertEqual(status, 200, body)
        self.assertEqual(resp_headers["content-type"],
                         "text/plain; version=0.0.4; charset=utf-8")
        return body.decode()

    def test_promtool_accepts_the_scrape(self):
        promtool = shutil.which("promtool")
        self.assertIsNotNone(promtool, "promtool is missing: scripts/setup installs prometheus")
        self.iot.list_jobs()  # at least one request series and store histogram with data
        p = subprocess.run([promtool, "check", "metrics"], input=self.scrape(),
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_requests_are_counted_by_operation_plane_and_status_class(self):
        before = parse(self.scrape())
        thing = unique("thing")
        self.iot.create_thing(thingName=thing)                      # iot 2xx
        with self.assertRaises(self.iot.exceptions.ResourceNotFoundException):
            self.iot.describe_thing(thingName=unique("missing"))   # iot 4xx
        self.data.get_pending_job_executions(thingName=thing)     # iot-jobs-data 2xx
        rc, _, err = self.server.aws("iot", "list-jobs")           # AWS CLI v2: iot 2xx
        self.assertEqual(rc, 0, err)
        status, _, _ = self.server.http("GET", "/jobs", sign=None)  # unsigned: refused
        self.assertEqual(status, 403)
        after = parse(self.scrape())

        def delta(k):
            return after.get(k, 0) - before.get(k, 0)

        self.assertEqual(delta(requests("CreateThing")), 1)
        self.assertEqual(delta(requests("DescribeThing", status_class="4xx")), 1)
        self.assertEqual(delta(requests("DescribeThing")), 0)
        self.assertEqual(delta(requests("GetPendingJobExecutions", plane="iot-jobs-data")), 1)
        self.assertEqual(delta(requests("ListJobs")), 1)
        # Refused before it was matched to an operation.
        self.assertEqual(delta(requests("Unknown", status_class="4xx")), 1)
        # Every operation shows, at 0 until used.
        self.assertEqual(after[requests("DeleteJob", status_class="5xx")], 0)

        control = "iotjobs_http_request_duration_seconds_count"
        self.assertEqual(delta(key(control, plane="iot")), 4)
        self.assertEqual(delta(key(control, plane="iot-jobs-data")), 1)
        inf = key("iotjobs_http_request_duration_seconds_bucket", plane="iot", le="+Inf")
        self.assertEqual(after[inf], after[key(control, plane="iot")])
        # The scrapes themselves are neither API requests nor in flight.
        again = parse(self.scrape())
        total = lambda s: sum(v for (n, _), v in s.items() if n == "iotjobs_requests_total")
        self.assertEqual(total(again), total(after))
        self.assertEqual(again[key("iotjobs_http_requests_in_flight")], 0)
        self.assertGreaterEqual(again[key("iotjobs_http_connections")], 1)

        # The store: CreateThing was a write batch with a commit; the reads were timed.
        self.assertGreaterEqual(delta(key("iotjobs_store_write_batch_size_count")), 1)
        self.assertGreaterEqual(delta(key("iotjobs_store_commit_duration_seconds_count")), 1)
        self.assertGreaterEqual(delta(key("iotjobs_store_read_duration_seconds_count")), 2)
        # One writer owns a SQLite file: no other transaction can conflict with its batches.
        self.assertEqual(after[key("iotjobs_store_write_batch_conflicts_total")], 0)

    def test_background_gauges(self):
        s = parse(self.scrape())
        self.assertEqual(s[key("iotjobs_background_lease_held")], 1)  # alone on SQLite
        self.assertEqual(s[key("iotjobs_mqtt_connected")], 0)         # no --mqtt
        self.assertEqual(s[key("iotjobs_mqtt_messages_published_total")], 0)
        self.assertEqual(s[key("iotjobs_outbox_messages")], 0)
        self.assertEqual(s[key("iotjobs_outbox_oldest_message_age_seconds")], 0)

    def test_jobs_and_executions_by_status_are_sampled(self):
        # A server of its own, so the counts are exact.
        server = Server(args=["--data-dir", ":memory:"]).start()
        self.addCleanup(server.cleanup)
        iot, data = server.client("iot"), server.client("iot-jobs-data")

        def sampled(want):
            def check():
                s = parse(server.http("GET", "/metrics", sign=None)[2].decode())
                got = {k: s.get(k) for k in want}
                return s if got == want else None
            return check

        things = [unique("thing") for _ in range(2)]
        for t in things:
            iot.create_thing(thingName=t)
        arns = [iot.describe_thing(thingName=t)["thingArn"] for t in things]
        job = unique("job")
        iot.create_job(jobId=job, targets=arns, document=json.dumps({"op": "x"}),
                       timeoutConfig={"inProgressTimeoutInMinutes": 10})
        data.start_next_pending_job_execution(thingName=things[0])
        poll(sampled({key("iotjobs_jobs", status="IN_PROGRESS"): 1,
                        key("iotjobs_jobs", status="CANCELED"): 0,
                        key("iotjobs_job_executions", status="QUEUED"): 1,
                        key("iotjobs_job_executions", status="IN_PROGRESS"): 1,
                        key("iotjobs_timers_pending"): 1}),
             "the sampler to see one job, one queued and one in-progress execution")

        iot.cancel_job(jobId=job, force=True)
        s = poll(sampled({key("iotjobs_jobs", status="IN_PROGRESS"): 0,
                            key("iotjobs_jobs", status="CANCELED"): 1,
                            key("iotjobs_job_executions", status="QUEUED"): 0,
                            key("iotjobs_job_executions", status="IN_PROGRESS"): 0,
                            key("iotjobs_job_executions", status="CANCELED"): 2,
                            key("iotjobs_timers_pending"): 0}),
                 "the sampler to see the job and its executions canceled")
        self.assertGreater(s[key("iotjobs_store_stats_sampled_timestamp_seconds")],
                           time.time() - 60)


class MqttMetricsTest(unittest.TestCase):
    """The broker connection, messages both ways, and the outbox filling while the broker is
    away and draining once it is back."""

    def test_mqtt_and_outbox_gauges_follow_the_broker(self):
        from mqtt_harness import Broker
        broker = Broker().start()
        self.addCleanup(broker.cleanup)
        server = Server(args=["--data-dir", ":memory:", "--mqtt", broker.url]).start()
        self.addCleanup(server.cleanup)
        iot = server.client("iot")

        def scrape():
            return parse(server.http("GET", "/metrics", sign=None)[2].decode())

        def until(predicate, what):
            return poll(lambda: (lambda s: s if predicate(s) else None)(scrape()), what,
                        timeout=60)

        until(lambda s: s[key("iotjobs_mqtt_connected")] == 1, "the broker connection")
        before = scrape()
        # A device asks for its pending jobs: one message in, one reply out.
        thing = unique("thing")
        iot.create_thing(thingName=thing)
        subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(broker.port), "-q", "1",
                        "-t", f"$aws/things/{thing}/jobs/get", "-m", "{}"], check=True,
                       timeout=30)
        received = key("iotjobs_mqtt_messages_received_total")
        published = key("iotjobs_mqtt_messages_published_total")
        until(lambda s: s[received] >= before[received] + 1
              and s[published] >= before[published] + 1, "the request and its reply")

        # The broker goes away: a job's notification waits in the outbox.
        broker.stop()
        until(lambda s: s[key("iotjobs_mqtt_connected")] == 0, "the connection to drop")
        arn = iot.describe_thing(thingName=thing)["thingArn"]
        iot.create_job(jobId=unique("job"), targets=[arn], document=json.dumps({"op": "x"}))
        s = until(lambda s: s[key("iotjobs_outbox_messages")] >= 1, "a notification in the outbox")
        self.assertGreaterEqual(s[key("iotjobs_outbox_oldest_message_age_seconds")], 0)

        # It comes back on the same port: the outbox drains.
        broker = Broker(port=broker.port).start()
        self.addCleanup(broker.cleanup)
        until(lambda s: s[key("iotjobs_mqtt_connected")] == 1
              and s[key("iotjobs_outbox_messages")] == 0
              and s[key("iotjobs_outbox_oldest_message_age_seconds")] == 0,
              "the outbox to drain once the broker is back")


class MetricsTokenTest(unittest.TestCase):
    def test_bearer_token(self):
        fd, path = tempfile.mkstemp()
        with os.fdopen(fd, "w") as f:
            f.write("s3cret-token\n")  # the trailing newline is not part of it
        self.addCleanup(os.unlink, path)
        server = Server(args=["--data-dir", ":memory:", "--metrics-token-file", path]).start()
        self.addCleanup(server.cleanup)

        status, headers, _ = server.http("GET", "/metrics", sign=None)
        self.assertEqual(status, 401)
        self.assertTrue(headers["www-authenticate"].startswith("Bearer"))
        for wrong in ("Bearer wrong", "Bearer s3cret-toke", "Bearer s3cret-token2",
                      "Basic czNjcmV0LXRva2Vu", "s3cret-token"):
            status, _, _ = server.http("GET", "/metrics", sign=None,
                                       headers={"Authorization": wrong})
            self.assertEqual(status, 401, wrong)
        status, headers, body = server.http("GET", "/metrics", sign=None,
                                            headers={"Authorization": "Bearer s3cret-token"})
        self.assertEqual(status, 200)
        self.assertIn("iotjobs_requests_total", body.decode())
        # The API itself is unaffected: SigV4 as always.
        server.client("iot").list_jobs()

    def test_a_token_file_without_a_token_is_refused(self):
        fd, path = tempfile.mkstemp()
        os.close(fd)
        self.addCleanup(os.unlink, path)
        server = Server(args=["--data-dir", ":memory:", "--metrics-token-file", path])
        self.addCleanup(server.cleanup)
        with self.assertRaises(RuntimeError) as cm:
            server.start()
        self.assertIn("holds no token", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
