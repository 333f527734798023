"""An acknowledged write survives a crash: concurrent writers, SIGKILL, restart on the same
data directory, every acknowledged write is there. A clean SIGTERM also keeps everything."""
import json
import threading
import time
import unittest

import botocore.exceptions

from harness import Server, thing_arn, unique


class DurabilityTest(unittest.TestCase):
    def test_sigkill_during_concurrent_writes_loses_nothing_acknowledged(self):
        server = Server().start()
        try:
            iot = server.client("iot")
            target = unique("target")
            iot.create_thing(thingName=target)
            acknowledged_things, acknowledged_jobs = [], []
            lock = threading.Lock()
            stop = threading.Event()

            def writer(n):
                client = server.client("iot")
                i = 0
                while not stop.is_set():
                    name = f"w{n}-{i}"
                    try:
                        client.create_thing(thingName=name)
                        with lock:
                            acknowledged_things.append(name)
                        job = f"job-{n}-{i}"
                        client.create_job(jobId=job, targets=[thing_arn(target)], document="{}")
                        with lock:
                            acknowledged_jobs.append(job)
                    except Exception:
                        return  # the server is gone
                    i += 1

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
            for t in threads:
                t.start()
            # Kill once writes are flowing (slow machines and sanitizer builds get longer).
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with lock:
                    if len(acknowledged_jobs) >= 100:
                        break
                time.sleep(0.05)
            server.kill9()
            stop.set()
            for t in threads:
                t.join()
            self.assertGreaterEqual(len(acknowledged_jobs), 20)

            server.start()
            iot = server.client("iot")
            for name in acknowledged_things:
                iot.describe_thing(thingName=name)
            for job in acknowledged_jobs:
                self.assertEqual(iot.describe_job_execution(jobId=job, thingName=target)
                                 ["execution"]["status"], "QUEUED")
            # Each job that exists is whole: its counters match its executions.
            pages = iot.get_paginator("list_jobs").paginate()
            for page in pages:
                for summary in page["jobs"]:
                    job = iot.describe_job(jobId=summary["jobId"])["job"]
                    executions = iot.list_job_executions_for_job(jobId=summary["jobId"])["executionSummaries"]
                    self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], len(executions))
        finally:
            server.cleanup()

    def test_sigterm_shuts_down_cleanly_and_restart_keeps_data(self):
        server = Server().start()
        try:
            iot = server.client("iot")
            name = unique("kept")
            iot.create_thing(thingName=name, attributePayload={"attributes": {"a": "1"}})
            self.assertEqual(server.stop(), 0)
            self.assertIn("shutting down", server.log())
            server.start()
            self.assertEqual(server.client("iot").describe_thing(thingName=name)["attributes"], {"a": "1"})
            self.assertEqual(server.stop(__import__("signal").SIGINT), 0)
        finally:
            server.cleanup()

    def test_timers_and_rollouts_survive_a_restart(self):
        server = Server(args=["--test-clock"]).start()
        try:
            iot, data = server.client("iot"), server.client("iot-jobs-data")
            device = unique("dev")
            iot.create_thing(thingName=device)
            timed = unique("timed")
            iot.create_job(jobId=timed, targets=[thing_arn(device)], document="{}",
                           timeoutConfig={"inProgressTimeoutInMinutes": 10})
            data.start_next_pending_job_execution(thingName=device)
            group = unique("g")
            iot.create_thing_group(thingGroupName=group)
            for i in range(3):
                iot.create_thing(thingName=f"{group}-{i}")
                iot.add_thing_to_thing_group(thingGroupName=group, thingName=f"{group}-{i}")
            rolled = unique("rolled")
            iot.create_job(jobId=rolled, document="{}",
                           targets=[f"arn:aws:iot:us-east-1:123456789012:thinggroup/{group}"],
                           jobExecutionsRolloutConfig={"maximumPerMinute": 1})
            server.kill9()
            server.start()
            iot = server.client("iot")
            status, _, body = server.http("POST", "/_iotjobs/test/clock",
                                          body=json.dumps({"advanceSeconds": 11 * 60}))
            self.assertEqual(status, 200, body)
            self.assertEqual(iot.describe_job_execution(jobId=timed, thingName=device)
                             ["execution"]["status"], "TIMED_OUT")
            executions = iot.list_job_executions_for_job(jobId=rolled)["executionSummaries"]
            self.assertEqual(len(executions), 2)  # one at creation, one more after a minute
        finally:
            server.cleanup()

    def test_memory_mode_keeps_nothing(self):
        server = Server(args=["--data-dir", ":memory:"])
        # --data-dir given twice: the last one counts, so this server keeps nothing.
        server.start()
        try:
            iot = server.client("iot")
            name = unique("gone")
            iot.create_thing(thingName=name)
            server.stop()
            server.start()
            with self.assertRaises(botocore.exceptions.ClientError):
                server.client("iot").describe_thing(thingName=name)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
