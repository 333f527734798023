"""Devices over MQTT, through a real Mosquitto broker: the jobs MQTT API (get, start-next,
JOB/get, JOB/update), the notifications of AWS's walk-through (docs/aws-behaviour.md,
"Notifications"), namespaces, and notifications that survive a broker outage and a SIGKILL
of iotjobsd."""
import json
import os
import subprocess
import tempfile
import time
import unittest

from harness import ServerTestCase, Server, thing_arn, unique
from mqtt_harness import Broker, Device


def jobs_topics(thing):
    return [f"$aws/things/{thing}/jobs/#"]


class MqttTestCase(unittest.TestCase):
    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.broker = Broker().start()
        cls.server = Server(args=["--mqtt", cls.broker.url] + list(cls.server_args)).start()
        cls.iot = cls.server.client("iot")
        cls.wait_mqtt_ready()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.broker.cleanup()

    @classmethod
    def wait_mqtt_ready(cls):
        """Until iotjobsd answers on the broker (it connects in the background)."""
        thing = unique("ready")
        device = Device(cls.broker, jobs_topics(thing))
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                device.publish(f"$aws/things/{thing}/jobs/get", {})
                try:
                    device.next(timeout=0.5, topic=f"$aws/things/{thing}/jobs/get/rejected")
                    return
                except AssertionError:
                    pass
            raise AssertionError("iotjobsd never answered over MQTT")
        finally:
            device.close()

    def device(self, thing=None, topics=None):
        """A thing and a device subscribed to its jobs topics, and to the notify topic of a
        marker thing of its own (see marker())."""
        thing = thing or unique("dev")
        self.iot.create_thing(thingName=thing)
        d = Device(self.broker, (topics or jobs_topics(thing)) +
                   [f"$aws/things/marker-{thing}/jobs/notify"])
        self.iot.create_thing(thingName=f"marker-{thing}")
        self.addCleanup(d.close)
        return thing, d

    def job(self, thing, **kwargs):
        job_id = unique("job")
        kwargs.setdefault("document", json.dumps({"operation": "install", "job": job_id}))
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], **kwargs)
        return job_id

    def request(self, device, topic, payload):
        """Publishes a request and waits for its reply; other messages stay for marker()."""
        device.publish(topic, payload)
        t, p = device.next(topics=[topic + "/accepted", topic + "/rejected"])
        return t.rsplit("/", 1)[1], json.loads(p)

    def marker(self, device, thing):
        """Every message published since the last marker, up to a new one: a job on the marker
        thing notifies after every notification committed before it, since the outbox
        publishes in commit order over one connection. So an empty list proves that nothing
        was published."""
        marker_topic = f"$aws/things/marker-{thing}/jobs/notify"
        self.iot.create_job(jobId=unique("marker"), targets=[thing_arn(f"marker-{thing}")],
                            document="{}")
        seen = []
        while True:
            topic, payload = device.next()
            if topic == marker_topic:
                return seen
            if topic.endswith("/get") or topic.endswith("/update") or topic.endswith("/start-next"):
                continue  # our own requests
            if topic.endswith("/accepted") or topic.endswith("/rejected"):
                continue  # replies go straight out, not through the outbox
            seen.append((topic, json.loads(payload)))


class NotificationWalkthroughTest(MqttTestCase):
    def test_walkthrough_of_the_developer_guide(self):
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"

        def messages():
            return [(t.rsplit("/", 1)[1], p) for t, p in self.marker(d, thing)
                    if t in (f"{base}/notify", f"{base}/notify-next")]

        def queued(p):
            return [j["jobId"] for j in p["jobs"].get("QUEUED", [])]

        def in_progress(p):
            return [j["jobId"] for j in p["jobs"].get("IN_PROGRESS", [])]

        job1 = self.job(thing)  # both
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify", "notify-next"])
        self.assertEqual(queued(got[0][1]), [job1])
        nxt = got[1][1]["execution"]
        self.assertEqual((nxt["jobId"], nxt["status"], nxt["executionNumber"], nxt["versionNumber"]),
                         (job1, "QUEUED", 1, 1))
        self.assertEqual(nxt["jobDocument"], {"operation": "install", "job": job1})
        self.assertIsInstance(got[1][1]["timestamp"], int)

        job2 = self.job(thing)  # notify only
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify"])
        self.assertEqual(queued(got[0][1]), [job1, job2])

        # job1 starts: neither (the walk-through's "sic").
        kind, reply = self.request(d, f"{base}/start-next", {"clientToken": "s1"})
        self.assertEqual((kind, reply["execution"]["jobId"]), ("accepted", job1))
        self.assertEqual(messages(), [])

        job3 = self.job(thing)  # notify
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify"])
        self.assertEqual((in_progress(got[0][1]), queued(got[0][1])), ([job1], [job2, job3]))

        self.request(d, f"{base}/{job1}/update", {"status": "SUCCEEDED"})  # both
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify", "notify-next"])
        self.assertEqual(got[1][1]["execution"]["jobId"], job2)

        self.request(d, f"{base}/{job3}/update", {"status": "IN_PROGRESS"})  # notify-next only
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify-next"])
        self.assertEqual(got[0][1]["execution"]["jobId"], job3)
        self.assertEqual(got[0][1]["execution"]["status"], "IN_PROGRESS")

        self.request(d, f"{base}/{job2}/update", {"status": "REJECTED"})  # notify
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify"])
        self.assertEqual((in_progress(got[0][1]), queued(got[0][1])), ([job3], []))

        # job3 force-deleted: notify {} and a bare notify-next.
        rc, _, err = self.server.aws("iot", "delete-job-execution", "--job-id", job3, "--thing-name",
                                     thing, "--execution-number", "1", "--force")
        self.assertEqual(rc, 0, err)
        got = messages()
        self.assertEqual([k for k, _ in got], ["notify", "notify-next"])
        self.assertEqual(got[0][1]["jobs"], {})
        self.assertEqual(set(got[1][1]), {"timestamp"})

    def test_at_most_ten_listed(self):
        thing, d = self.device()
        for _ in range(12):
            self.job(thing)
        last = [p for t, p in self.marker(d, thing) if t.endswith("/jobs/notify")][-1]
        self.assertEqual(len(last["jobs"]["QUEUED"]), 10)
        d.publish(f"$aws/things/{thing}/jobs/get", {"clientToken": "x"})
        self.assertEqual(len(d.json(f"$aws/things/{thing}/jobs/get/accepted")["queuedJobs"]), 10)


class JobsMqttApiTest(MqttTestCase):
    def test_a_device_runs_a_job_and_the_control_plane_sees_each_step(self):
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"
        job_id = self.job(thing, timeoutConfig={"inProgressTimeoutInMinutes": 30})
        nxt = d.json(f"{base}/notify-next")["execution"]
        self.assertEqual(nxt["jobId"], job_id)

        d.publish(f"{base}/start-next", {"clientToken": "tok-1", "statusDetails": {"step": "download"},
                                         "stepTimeoutInMinutes": "10"})
        started = d.json(f"{base}/start-next/accepted")
        self.assertEqual(started["clientToken"], "tok-1")
        self.assertEqual(started["execution"]["status"], "IN_PROGRESS")
        self.assertEqual(started["execution"]["jobDocument"]["job"], job_id)
        self.assertEqual(started["execution"]["approximateSecondsBeforeTimedOut"], 600)
        seen = self.server.aws_json("iot", "describe-job-execution", "--job-id", job_id,
                                    "--thing-name", thing)["execution"]
        self.assertEqual((seen["status"], seen["statusDetails"]["detailsMap"]),
                         ("IN_PROGRESS", {"step": "download"}))

        d.publish(f"{base}/{job_id}/update", {"status": "IN_PROGRESS", "statusDetails": {"step": "install"},
                                              "expectedVersion": "2", "includeJobExecutionState": "true",
                                              "clientToken": "tok-2"})
        updated = d.json(f"{base}/{job_id}/update/accepted")
        self.assertEqual(updated["executionState"], {"status": "IN_PROGRESS",
                                                     "statusDetails": {"step": "install"},
                                                     "versionNumber": 3})
        self.assertEqual(updated["clientToken"], "tok-2")

        d.publish(f"{base}/{job_id}/get", {"clientToken": "tok-3", "includeJobDocument": False})
        described = d.json(f"{base}/{job_id}/get/accepted")["execution"]
        self.assertEqual(described["versionNumber"], 3)
        self.assertNotIn("jobDocument", described)
        d.publish(f"{base}/$next/get", {})
        self.assertEqual(d.json(f"{base}/$next/get/accepted")["execution"]["jobId"], job_id)

        d.publish(f"{base}/{job_id}/update", {"status": "SUCCEEDED", "includeJobDocument": True})
        done = d.json(f"{base}/{job_id}/update/accepted")
        self.assertEqual(done["jobDocument"]["job"], job_id)
        self.assertNotIn("executionState", done)
        job = self.server.aws_json("iot", "describe-job", "--job-id", job_id)["job"]
        self.assertEqual((job["status"], job["jobProcessDetails"]["numberOfSucceededThings"]),
                         ("COMPLETED", 1))
        d.publish(f"{base}/start-next", {})
        self.assertNotIn("execution", d.json(f"{base}/start-next/accepted"))

    def test_every_rejection(self):
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"
        job_id = self.job(thing)

        def rejected(topic, payload, code):
            d.publish(topic, payload)
            r = d.json(topic + "/rejected")
            self.assertEqual(r["code"], code, r)
            self.assertIsInstance(r["timestamp"], int)
            self.assertTrue(r["message"])
            return r

        rejected(f"{base}/nothing-here/x", {}, "InvalidTopic")
        rejected(f"{base}/frobnicate", {}, "InvalidTopic")
        rejected(f"{base}/get", "this is not json", "InvalidJson")
        rejected(f"{base}/get", "[1, 2]", "InvalidJson")
        r = rejected(f"{base}/{job_id}/update", {"status": "DONE", "clientToken": "c"}, "InvalidRequest")
        self.assertEqual(r["clientToken"], "c")
        rejected(f"{base}/{job_id}/update", {"status": "QUEUED"}, "InvalidRequest")
        rejected(f"{base}/{job_id}/update", {"status": "IN_PROGRESS", "expectedVersion": "one"},
                 "InvalidRequest")
        rejected(f"{base}/{job_id}/update", {"status": "IN_PROGRESS", "statusDetails": {"k": 5}},
                 "InvalidRequest")
        rejected(f"{base}/{job_id}/update",
                 {"status": "IN_PROGRESS", "statusDetails": {"k": "v" * 200000}}, "InvalidRequest")
        rejected(f"{base}/bad job id/get", {}, "InvalidRequest")
        rejected(f"{base}/{unique('nojob')}/get", {}, "ResourceNotFound")
        ghost = unique("nothing")
        watcher = Device(self.broker, jobs_topics(ghost))
        self.addCleanup(watcher.close)
        watcher.publish(f"$aws/things/{ghost}/jobs/get", {})
        self.assertEqual(watcher.json(f"$aws/things/{ghost}/jobs/get/rejected")["code"], "ResourceNotFound")
        r = rejected(f"{base}/{job_id}/update", {"status": "IN_PROGRESS", "expectedVersion": 5},
                     "VersionMismatch")
        self.assertEqual(r["executionState"], {"status": "QUEUED", "statusDetails": {}, "versionNumber": 1})
        d.publish(f"{base}/{job_id}/update", {"status": "FAILED"})
        d.json(f"{base}/{job_id}/update/accepted")
        r = rejected(f"{base}/{job_id}/update", {"status": "SUCCEEDED"}, "InvalidStateTransition")
        self.assertEqual(r["executionState"]["status"], "FAILED")
        # After all of that the server is fine.
        self.assertEqual(self.server.http("GET", "/health", sign=None)[0], 200)


class NamespaceTest(MqttTestCase):
    def test_namespaced_jobs_use_the_namespaced_topics(self):
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"
        ns = "aws-gg-deployment"
        job_id = self.job(thing, namespaceId=ns)
        got = self.marker(d, thing)
        topics = [t for t, _ in got]
        self.assertIn(f"{base}/notify-namespace-{ns}", topics)
        self.assertIn(f"{base}/notify-next-namespace-{ns}", topics)
        self.assertIn(f"{base}/{job_id}/notify-namespace-{ns}/", topics)
        self.assertNotIn(f"{base}/notify", topics)
        self.assertNotIn(f"{base}/notify-next", topics)
        # The plain API does not see it; the namespaced one does.
        d.publish(f"{base}/{job_id}/get", {})
        self.assertEqual(d.json(f"{base}/{job_id}/get/rejected")["code"], "ResourceNotFound")
        d.publish(f"{base}/$next/get", {})
        self.assertNotIn("execution", d.json(f"{base}/$next/get/accepted"))
        d.publish(f"{base}/{job_id}/namespace-{ns}/get", {})
        self.assertEqual(d.json(f"{base}/{job_id}/namespace-{ns}/get/accepted")["execution"]["jobId"], job_id)
        d.publish(f"{base}/$next/namespace-{ns}/get", {})
        self.assertEqual(d.json(f"{base}/$next/namespace-{ns}/get/accepted")["execution"]["jobId"], job_id)
        d.publish(f"{base}/{job_id}/namespace-{ns}/update", {"status": "SUCCEEDED"})
        d.json(f"{base}/{job_id}/namespace-{ns}/update/accepted")
        topics = [t for t, _ in self.marker(d, thing)]
        self.assertIn(f"{base}/notify-namespace-{ns}", topics)
        self.assertFalse([t for t in topics if t.endswith("/notify") or t.endswith("/notify-next")])
        # A plain job notifies on the plain topics only.
        plain = self.job(thing)
        topics = [t for t, _ in self.marker(d, thing)]
        self.assertIn(f"{base}/notify", topics)
        self.assertFalse([t for t in topics if "namespace" in t], topics)
        self.assertEqual(self.iot.describe_job_execution(jobId=plain, thingName=thing)
                         ["execution"]["status"], "QUEUED")


class EventsTest(MqttTestCase):
    server_args = ("--mqtt-events",)

    def test_job_and_execution_events(self):
        thing, d = self.device()
        events = Device(self.broker, ["$aws/events/#"])
        self.addCleanup(events.close)
        job_id = self.job(thing)
        base = f"$aws/things/{thing}/jobs"
        d.publish(f"{base}/{job_id}/update", {"status": "SUCCEEDED"})
        e = events.json(f"$aws/events/jobExecution/{job_id}/succeeded")
        self.assertEqual((e["eventType"], e["status"], e["thingArn"]), ("JOB_EXECUTION", "SUCCEEDED",
                                                                        thing_arn(thing)))
        j = events.json(f"$aws/events/job/{job_id}/completed")
        self.assertEqual((j["eventType"], j["status"]), ("JOB", "COMPLETED"))
        self.iot.delete_job(jobId=job_id)
        self.assertEqual(events.json(f"$aws/events/job/{job_id}/deleted")["operation"], "deleted")


JS_DIR = os.path.join(os.path.dirname(__file__), "js")


class DeviceSdkTest(MqttTestCase):
    """AWS's device SDK for JavaScript (aws-iot-device-sdk-v2) runs a job end to end."""

    def test_the_javascript_device_sdk_runs_a_job(self):
        if not os.path.isdir(os.path.join(JS_DIR, "node_modules", "aws-iot-device-sdk-v2")):
            self.fail("tests/e2e/js has no node_modules: run scripts/setup (npm ci)")
        thing = unique("sdk")
        self.iot.create_thing(thingName=thing)
        node = subprocess.Popen(["node", "device.js", "127.0.0.1", str(self.broker.port), thing],
                                cwd=JS_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            events = []
            for line in node.stdout:
                events.append(json.loads(line))
                if events[-1]["event"] == "ready":
                    break
            self.assertEqual(events[-1]["event"], "ready", node.stderr.read() if node.poll() is not None else "")
            job_id = unique("sdk-job")
            rc, _, err = self.server.aws("iot", "create-job", "--job-id", job_id, "--targets",
                                         thing_arn(thing), "--document", '{"firmware": "3.1"}')
            self.assertEqual(rc, 0, err)
            out, err = node.communicate(timeout=60)
            events += [json.loads(line) for line in out.splitlines() if line.strip()]
            self.assertEqual(node.returncode, 0, f"{events}\n{err}")
        finally:
            if node.poll() is None:
                node.kill()
        kinds = [e["event"] for e in events]
        self.assertIn("notify-next", kinds)
        started = next(e for e in events if e["event"] == "started")
        self.assertEqual((started["jobId"], started["status"], started["version"]),
                         (job_id, "IN_PROGRESS", 2))
        self.assertEqual(started["document"], {"firmware": "3.1"})
        states = [e["state"]["status"] for e in events if e["event"] == "update-accepted"]
        self.assertEqual(states, ["IN_PROGRESS", "SUCCEEDED"])
        execution = self.server.aws_json("iot", "describe-job-execution", "--job-id", job_id,
                                         "--thing-name", thing)["execution"]
        self.assertEqual((execution["status"], execution["statusDetails"]["detailsMap"],
                          execution["versionNumber"]), ("SUCCEEDED", {"progress": "100"}, 4))


ACL_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "deploy", "mosquitto", "iotjobs.acl")


class AclTest(unittest.TestCase):
    """The shipped Mosquitto ACL keeps every device to its own thing's topics."""

    def test_a_device_cannot_read_or_write_another_things_topics(self):
        tmp = tempfile.mkdtemp(prefix="iotjobs-acl-")
        passwords = os.path.join(tmp, "passwd")
        users = {"iotjobsd": "server-pw", "thing-a": "a-pw", "thing-b": "b-pw"}
        for user, pw in users.items():
            subprocess.run(["mosquitto_passwd", "-b"] + (["-c"] if user == "iotjobsd" else []) +
                           [passwords, user, pw], check=True, capture_output=True)
        os.chmod(passwords, 0o600)
        pw_file = os.path.join(tmp, "server-pw")
        with open(pw_file, "w") as f:
            f.write("server-pw\n")
        broker = Broker(extra=["allow_anonymous false", f"password_file {passwords}",
                               f"acl_file {os.path.abspath(ACL_FILE)}"]).start()
        server = Server(args=["--mqtt", broker.url, "--mqtt-username", "iotjobsd",
                              "--mqtt-password-file", pw_file]).start()
        try:
            iot = server.client("iot")
            for thing in ("thing-a", "thing-b"):
                iot.create_thing(thingName=thing)
            # Device A listens on its own topics and on B's.
            spy = Device(broker, ["$aws/things/thing-a/jobs/#", "$aws/things/thing-b/jobs/#"],
                         client_id="spy-a", username="thing-a", password="a-pw")
            b = Device(broker, ["$aws/things/thing-b/jobs/#"], client_id="dev-b",
                       username="thing-b", password="b-pw")
            try:
                deadline = time.monotonic() + 20
                while True:  # until iotjobsd answers A on A's own topics
                    spy.publish("$aws/things/thing-a/jobs/get", {"clientToken": "ready"})
                    try:
                        spy.next(timeout=0.5, topic="$aws/things/thing-a/jobs/get/accepted")
                        break
                    except AssertionError:
                        if time.monotonic() > deadline:
                            raise
                job_b = unique("for-b")
                iot.create_job(jobId=job_b, targets=[thing_arn("thing-b")], document="{}")
                b.next(topic="$aws/things/thing-b/jobs/notify-next")  # B gets its notification
                # A writes to B's topics: the broker drops it, B's execution stays QUEUED.
                spy.publish("$aws/things/thing-b/jobs/start-next", {})
                job_a = unique("for-a")
                iot.create_job(jobId=job_a, targets=[thing_arn("thing-a")], document="{}")
                spy.next(topic="$aws/things/thing-a/jobs/notify-next")
                self.assertEqual(iot.describe_job_execution(jobId=job_b, thingName="thing-b")
                                 ["execution"]["status"], "QUEUED")
                # Nothing of B's ever reached A: not the notification, not a reply.
                self.assertFalse([t for t, _ in spy.drain() if "thing-b" in t])
            finally:
                spy.close()
                b.close()
        finally:
            server.cleanup()
            broker.cleanup()


class OutageTest(unittest.TestCase):
    def test_broker_outage_delays_but_loses_nothing(self):
        broker = Broker().start()
        server = Server(args=["--mqtt", broker.url]).start()
        try:
            iot = server.client("iot")
            thing = unique("outage")
            iot.create_thing(thingName=thing)
            MqttTestCase.broker = broker
            MqttTestCase.server = server
            MqttTestCase.wait_mqtt_ready()
            broker.stop()
            jobs = [unique("during") for _ in range(3)]
            for job_id in jobs:
                # The API keeps answering while the broker is away.
                iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document="{}")
            broker.start()
            device = Device(broker, jobs_topics(thing))
            try:
                listed = []
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and len(listed) < 3:
                    topic, payload = device.next(timeout=30)
                    if topic.endswith("/jobs/notify"):
                        listed = [j["jobId"] for j in json.loads(payload)["jobs"].get("QUEUED", [])]
                self.assertEqual(listed, jobs)
            finally:
                device.close()
        finally:
            server.cleanup()
            broker.cleanup()

    def test_sigkill_before_publishing_resends_after_restart(self):
        broker = Broker().start()
        server = Server(args=["--mqtt", broker.url]).start()
        try:
            iot = server.client("iot")
            thing = unique("killed")
            iot.create_thing(thingName=thing)
            broker.stop()  # committed, not published...
            job_id = unique("pending")
            iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document='{"a": 1}')
            server.kill9()  # ...and the process dies before it could publish
            broker.start()
            device = Device(broker, jobs_topics(thing))
            try:
                server.start()
                nxt = device.json(f"$aws/things/{thing}/jobs/notify-next", timeout=30)
                self.assertEqual(nxt["execution"]["jobId"], job_id)
                self.assertEqual(nxt["execution"]["jobDocument"], {"a": 1})
            finally:
                device.close()
        finally:
            server.cleanup()
            broker.cleanup()


if __name__ == "__main__":
    unittest.main()
