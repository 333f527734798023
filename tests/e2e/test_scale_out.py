"""Several iotjobsd instances on one PostgreSQL database and one Mosquitto broker: both serve
the HTTP planes over the same data, one at a time runs the background work (a lease in the
database), each device request over MQTT is answered once, and when the instance that holds
the lease dies or stops, the other takes over: device requests are answered again and the
notifications still arrive.

Mosquitto 2.0.11 (Debian 12) does not deliver `$aws/...` topics to MQTT 5 shared
subscriptions, so here the device requests go to the lease holder alone (the default without
--mqtt-share-group).

Runs beside a throwaway PostgreSQL server: without IOTJOBS_TEST_PG_DSN, the module starts
itself again under tests/pg/with_postgres."""
import json
import os
import re
import subprocess
import sys
import time
import unittest
import uuid

WITH_POSTGRES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg", "with_postgres")
if __name__ == "__main__" and not os.environ.get("IOTJOBS_TEST_PG_DSN"):
    os.execv(WITH_POSTGRES, [WITH_POSTGRES, sys.executable] + sys.argv)

from harness import AWS_V2, IOTJOBSD, Server, free_port, thing_arn, unique  # noqa: E402
from mqtt_harness import Broker, Device  # noqa: E402

LEASE_SECONDS = 2


def new_database():
    """A fresh database on the test's PostgreSQL server; its URL."""
    dsn = os.environ["IOTJOBS_TEST_PG_DSN"]
    name = "iotjobs_e2e_" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", dsn, "-q", "-c", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True)
    return dsn.rsplit("/", 1)[0] + "/" + name


def holds_lease(server):
    """Whether `server` runs the background work now, from its log's last lease line."""
    lines = [l for l in server.log().splitlines()
             if "lease background:" in l and "runs the background work" in l]
    return bool(lines) and "now runs the background work" in lines[-1]


def wait_until(predicate, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting until {what}")


class ScaleOutTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.broker = Broker().start()
        cls.store_url = new_database()
        cls.servers = [cls.make_server(name) for name in ("a", "b")]
        for s in cls.servers:
            s.start()
        wait_until(lambda: sum(holds_lease(s) for s in cls.servers) == 1, "one instance leads")

    @classmethod
    def make_server(cls, name):
        return Server(args=["--store", cls.store_url, "--mqtt", cls.broker.url,
                            "--instance-id", name, "--lease-seconds", str(LEASE_SECONDS)])

    @classmethod
    def tearDownClass(cls):
        for s in cls.servers:
            s.cleanup()
        cls.broker.cleanup()

    def leader(self):
        (leader,) = [s for s in self.servers if holds_lease(s)]
        return leader

    def follower(self):
        (follower,) = [s for s in self.servers if not holds_lease(s)]
        return follower

    def device(self):
        thing = unique("dev")
        self.servers[0].client("iot").create_thing(thingName=thing)
        d = Device(self.broker, [f"$aws/things/{thing}/jobs/#"])
        self.addCleanup(d.close)
        return thing, d

    def job(self, server, thing):
        job_id = unique("job")
        server.client("iot").create_job(jobId=job_id, targets=[thing_arn(thing)],
                                        document=json.dumps({"operation": "install"}))
        return job_id

    def request(self, d, thing, path, payload, timeout=10):
        topic = f"$aws/things/{thing}/jobs/{path}"
        d.publish(topic, payload)
        t, p = d.next(timeout=timeout, topics=[topic + "/accepted", topic + "/rejected"])
        return t.rsplit("/", 1)[1], json.loads(p)


class SharedDataTest(ScaleOutTestCase):
    def test_both_instances_serve_the_same_data_to_real_clients(self):
        a, b = self.servers
        thing = unique("thing")
        a.aws_json("iot", "create-thing", "--thing-name", thing)
        self.assertEqual(b.client("iot").describe_thing(thingName=thing)["thingName"], thing)
        job_id = unique("job")
        b.aws_json("iot", "create-job", "--job-id", job_id, "--targets", thing_arn(thing),
                   "--document", "{}")
        listed = a.aws_json("iot", "list-job-executions-for-thing", "--thing-name", thing)
        self.assertEqual([e["jobId"] for e in listed["executionSummaries"]], [job_id])
        # The device side through one instance, the control plane through the other.
        data = a.client("iot-jobs-data")
        started = data.start_next_pending_job_execution(thingName=thing)
        self.assertEqual(started["execution"]["status"], "IN_PROGRESS")
        rc, _, err = b.aws("iot", "delete-job-execution", "--job-id", job_id, "--thing-name", thing,
                           "--execution-number", "1")
        self.assertEqual(rc, 254, err)
        self.assertIn("InvalidStateTransitionException", err)
        rc, out, err = b.aws("iot", "delete-job-execution", "--job-id", job_id, "--thing-name",
                             thing, "--execution-number", "1", "--force")
        self.assertEqual((rc, out), (0, ""), err)
        rc, _, err = a.aws("iot", "describe-job-execution", "--job-id", job_id, "--thing-name", thing)
        self.assertEqual(rc, 254)
        self.assertIn("ResourceNotFoundException", err)

    def test_a_page_token_from_one_instance_continues_on_the_other(self):
        a, b = self.servers
        prefix = unique("paged")
        for i in range(3):
            a.client("iot").create_thing(thingName=f"{prefix}-{i}",
                                         attributePayload={"attributes": {"page": prefix}})
        first = a.client("iot").list_things(attributeName="page", attributeValue=prefix,
                                            maxResults=2)
        rest = b.client("iot").list_things(attributeName="page", attributeValue=prefix,
                                           nextToken=first["nextToken"])
        self.assertEqual(sorted(t["thingName"] for t in first["things"] + rest["things"]),
                         [f"{prefix}-{i}" for i in range(3)])

    def test_concurrent_writes_through_both_instances_keep_every_execution(self):
        # Both instances add executions to one job for things of their own at once: the
        # database orders them (serializable transactions, retried on conflict), so the job's
        # counters and list agree afterwards.
        a, b = self.servers
        things = [unique("t") for _ in range(8)]
        for t in things:
            a.client("iot").create_thing(thingName=t)
        job_id = unique("job")
        a.client("iot").create_job(jobId=job_id, targets=[thing_arn(things[0])], document="{}",
                                   targetSelection="CONTINUOUS")
        procs = []
        for i, t in enumerate(things[1:]):
            server = (a, b)[i % 2]
            cmd = [AWS_V2, "--endpoint-url", server.url, "iot",
                   "associate-targets-with-job", "--job-id", job_id, "--targets", thing_arn(t)]
            procs.append(subprocess.Popen(cmd, env=server.cli_env(), stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True))
        for p in procs:
            out, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        pages = b.client("iot").get_paginator("list_job_executions_for_job")
        seen = [e["thingArn"] for page in pages.paginate(jobId=job_id) for e in page["executionSummaries"]]
        self.assertEqual(sorted(seen), sorted(thing_arn(t) for t in things))
        details = a.client("iot").describe_job(jobId=job_id)["job"]["jobProcessDetails"]
        self.assertEqual(details["numberOfQueuedThings"], len(things))


    def test_a_job_finished_through_both_instances_completes_or_aborts(self):
        # Devices finish one job's executions through both instances at once: each instance
        # adds to its own counter row, and the lease holder completes the job (D71); another
        # job whose failures meet its abort criterion is canceled with its queued executions.
        from concurrent.futures import ThreadPoolExecutor
        a, b = self.servers
        things = [unique("fin") for _ in range(8)]
        for t in things:
            a.client("iot").create_thing(thingName=t)
        done_job = unique("job")
        a.client("iot").create_job(jobId=done_job, targets=[thing_arn(t) for t in things],
                                   document="{}")

        def finish(i, status):
            data = (a, b)[i % 2].client("iot-jobs-data")
            data.update_job_execution(jobId=done_job, thingName=things[i], status="IN_PROGRESS")
            data.update_job_execution(jobId=done_job, thingName=things[i], status=status)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: finish(i, "SUCCEEDED"), range(len(things))))

        def described(job_id):
            return b.client("iot").describe_job(jobId=job_id)["job"]
        wait_until(lambda: described(done_job)["status"] == "COMPLETED", "the job completes")
        details = described(done_job)["jobProcessDetails"]
        self.assertEqual(details["numberOfSucceededThings"], len(things))
        self.assertEqual(details["numberOfQueuedThings"] + details["numberOfInProgressThings"], 0)

        abort_job = unique("job")
        a.client("iot").create_job(
            jobId=abort_job, targets=[thing_arn(t) for t in things], document="{}",
            abortConfig={"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
                                           "thresholdPercentage": 50,
                                           "minNumberOfExecutedThings": 2}]})
        for i in range(2):
            data = (a, b)[i % 2].client("iot-jobs-data")
            data.update_job_execution(jobId=abort_job, thingName=things[i], status="FAILED")
        wait_until(lambda: described(abort_job)["status"] == "CANCELED", "the job aborts")
        details = described(abort_job)["jobProcessDetails"]
        self.assertEqual(details["numberOfFailedThings"], 2)
        self.assertEqual(details["numberOfCanceledThings"], len(things) - 2)
        self.assertEqual(details["numberOfQueuedThings"], 0)

    def test_metrics_say_which_instance_holds_the_lease(self):
        def lease_gauge(server):
            body = server.http("GET", "/metrics", sign=None)[2].decode()
            (value,) = re.findall(r"^iotjobs_background_lease_held (\S+)$", body, re.M)
            return float(value)

        leader, follower = self.leader(), self.follower()
        wait_until(lambda: lease_gauge(leader) == 1 and lease_gauge(follower) == 0,
                   "the lease gauges to show the leader alone")


class DeviceRequestsTest(ScaleOutTestCase):
    def test_each_request_is_answered_once_and_notifications_arrive_once(self):
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"
        job_id = self.job(self.follower(), thing)  # written through the instance that does not relay
        first = d.next(topic=f"{base}/notify-next")
        self.assertEqual(json.loads(first[1])["execution"]["jobId"], job_id)
        kind, started = self.request(d, thing, "start-next", {"clientToken": "start"})
        self.assertEqual((kind, started["execution"]["status"]), ("accepted", "IN_PROGRESS"))
        for i in range(10):
            kind, body = self.request(d, thing, f"{job_id}/update",
                                      {"status": "IN_PROGRESS", "clientToken": f"step-{i}",
                                       "statusDetails": {"step": str(i)}})
            self.assertEqual((kind, body["clientToken"]), ("accepted", f"step-{i}"))
        kind, body = self.request(d, thing, f"{job_id}/update",
                                  {"status": "SUCCEEDED", "clientToken": "done"})
        self.assertEqual(kind, "accepted", body)
        # The queue is empty now: `notify` with no jobs, published after every notification
        # before it. One more round trip, then nothing is left that came twice: no second
        # reply to any request, and no notification twice.
        consumed = []
        while True:
            t, p = d.next()
            consumed.append((t, p))
            if t == f"{base}/notify" and json.loads(p)["jobs"] == {}:
                break
        self.assertEqual(self.request(d, thing, "get", {"clientToken": "last"})[0], "accepted")
        left = d.drain()
        self.assertEqual([m for m in left if m[0].endswith(("/accepted", "/rejected"))], [])
        notifications = [m for m in [first] + consumed + left
                         if m[0].endswith(("/notify", "/notify-next"))]
        self.assertEqual(len(set(notifications)), len(notifications), notifications)
        for server in self.servers:
            got = server.client("iot").describe_job_execution(jobId=job_id, thingName=thing)
            self.assertEqual(got["execution"]["status"], "SUCCEEDED")
            self.assertEqual(got["execution"]["statusDetails"]["detailsMap"], {"step": "9"})


class FailoverTest(ScaleOutTestCase):
    def test_when_the_leader_dies_the_other_takes_over(self):
        leader, survivor = self.leader(), self.follower()
        thing, d = self.device()
        base = f"$aws/things/{thing}/jobs"
        leader.kill9()
        # Written through the survivor before it holds the lease: it is relayed once the
        # dead leader's lease ran out.
        job_id = self.job(survivor, thing)
        wait_until(lambda: holds_lease(survivor), "the survivor takes the lease",
                   timeout=LEASE_SECONDS * 10)
        t, p = d.next(topic=f"{base}/notify-next", timeout=30)
        self.assertEqual(json.loads(p)["execution"]["jobId"], job_id)
        kind, body = self.request(d, thing, "start-next", {"clientToken": "after-failover"})
        self.assertEqual((kind, body["execution"]["jobId"]), ("accepted", job_id))
        # The dead instance comes back (same instance id) and waits its turn.
        restarted = self.make_server("a" if leader is self.servers[0] else "b")
        self.servers[self.servers.index(leader)] = restarted
        restarted.start()
        kind, body = self.request(d, thing, f"{job_id}/update", {"status": "SUCCEEDED"})
        self.assertEqual(kind, "accepted", body)
        self.assertTrue(holds_lease(survivor))
        self.assertFalse(holds_lease(restarted))

    def test_zz_a_clean_stop_hands_over_without_waiting_for_the_lease(self):
        leader, other = self.leader(), self.follower()
        self.assertEqual(leader.stop(), 0)
        self.assertIn("lease background:", leader.log())
        # Released at stop: the other takes it on its next attempt, a third of a lease later.
        wait_until(lambda: holds_lease(other), "the other instance takes the lease",
                   timeout=LEASE_SECONDS)
        thing, d = self.device()
        job_id = self.job(other, thing)
        t, p = d.next(topic=f"$aws/things/{thing}/jobs/notify-next")
        self.assertEqual(json.loads(p)["execution"]["jobId"], job_id)


class DatabaseOutageTest(ScaleOutTestCase):
    def test_requests_fail_cleanly_while_the_database_is_down_and_work_after(self):
        a, b = self.servers
        thing = unique("thing")
        a.aws_json("iot", "create-thing", "--thing-name", thing)
        ctl = os.environ["IOTJOBS_TEST_PG_CTL"]
        subprocess.run([ctl, "stop"], check=True)
        try:
            # AWS's shape for a service that cannot answer now: 503 ServiceUnavailable, which
            # the AWS CLI reports as a service error (exit 254).
            rc, _, err = a.aws("iot", "describe-thing", "--thing-name", thing)
            self.assertEqual(rc, 254, err)
            self.assertIn("ServiceUnavailableException", err)
            rc, _, err = b.aws("iot", "create-thing", "--thing-name", unique("lost"))
            self.assertEqual(rc, 254, err)
            self.assertIn("ServiceUnavailableException", err)
            status, headers, body = b.http("GET", f"/things/{thing}/jobs", sign="iot-jobs-data")
            self.assertEqual((status, headers.get("x-amzn-errortype", "").split(":")[0]),
                             (503, "ServiceUnavailableException"), body)
            self.assertIn("message", json.loads(body))
        finally:
            subprocess.run([ctl, "start"], check=True)
        # Both instances reconnect by themselves; nothing was lost and nothing crashed.
        for server in (a, b):
            self.assertIsNone(server.proc.poll())
            self.assertEqual(server.aws_json("iot", "describe-thing", "--thing-name", thing)["thingName"], thing)
        later = unique("later")
        b.aws_json("iot", "create-thing", "--thing-name", later)
        self.assertEqual(a.client("iot").describe_thing(thingName=later)["thingName"], later)
        # The background work goes on: a job written now reaches its device over MQTT.
        device_thing, d = self.device()
        job_id = self.job(b, device_thing)
        t, p = d.next(topic=f"$aws/things/{device_thing}/jobs/notify-next", timeout=30)
        self.assertEqual(json.loads(p)["execution"]["jobId"], job_id)
        self.assertEqual(sum(holds_lease(s) for s in self.servers), 1)


class StartTest(unittest.TestCase):
    """What iotjobsd says at start when several instances are set up wrong."""

    def start(self, *args):
        p = subprocess.run([IOTJOBSD, "--listen", f"127.0.0.1:{free_port()}", *args],
                           capture_output=True, text=True, timeout=60)
        return p.returncode, p.stdout + p.stderr

    def test_store_must_be_a_postgresql_url(self):
        rc, out = self.start("--store", "mysql://db/iotjobs")
        self.assertEqual(rc, 2)
        self.assertIn("--store needs a postgresql:// URL", out)

    def test_unreachable_database_says_why_without_the_password(self):
        rc, out = self.start("--store", f"postgresql://iotjobs:s3cret-pw@127.0.0.1:{free_port()}/x",
                             "--data-dir", ":memory:")
        self.assertEqual(rc, 1)
        self.assertIn("cannot connect to PostgreSQL", out)
        self.assertNotIn("s3cret-pw", out)

    def test_a_second_iotjobsd_on_one_sqlite_directory_is_refused(self):
        first = Server().start()
        self.addCleanup(first.cleanup)
        rc, out = self.start("--data-dir", first.data_dir)
        self.assertEqual(rc, 1)
        self.assertIn("another iotjobsd is using", out)
        self.assertIsNone(first.proc.poll())
        # The lock goes with the process, however it ends: after a SIGKILL the directory is free.
        first.kill9()
        again = Server(data_dir=first.data_dir).start()
        self.addCleanup(again.cleanup)


if __name__ == "__main__":
    unittest.main()
