"""Job-level behaviour driven by time, through the server's test clock: rollout rates
(constant and exponential), scheduled starts and ends, background fan-out of big groups and
background deletion of big jobs."""
import concurrent.futures
import datetime
import json
import unittest

from harness import ServerTestCase, group_arn, thing_arn, unique


class RolloutTest(ServerTestCase):
    server_args = ("--test-clock",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = cls.server.client("iot-jobs-data")

    def advance(self, seconds):
        status, _, body = self.server.http("POST", "/_iotjobs/test/clock",
                                           body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)
        return json.loads(body)["epochMillis"]

    def count(self, job_id):
        pages = self.iot.get_paginator("list_job_executions_for_job").paginate(jobId=job_id)
        return sum(len(p["executionSummaries"]) for p in pages)

    def group_of(self, n):
        group = unique("grp")
        self.iot.create_thing_group(thingGroupName=group)
        names = [f"{group}-t{i:05d}" for i in range(n)]

        def add(name):
            client = self.server.client("iot")
            client.create_thing(thingName=name)
            client.add_thing_to_thing_group(thingGroupName=group, thingName=name)

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(add, names))
        return group, names

    def test_constant_rate(self):
        group, names = self.group_of(5)
        job_id = self.make_job([group_arn(group)],
                               jobExecutionsRolloutConfig={"maximumPerMinute": 2})
        self.assertEqual(self.count(job_id), 2)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertTrue(job["isConcurrent"])
        self.assertEqual(job["jobProcessDetails"]["processingTargets"], [group_arn(group)])
        self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], 2)
        self.advance(30)
        self.assertEqual(self.count(job_id), 2)
        self.advance(31)
        self.assertEqual(self.count(job_id), 4)
        self.advance(60)
        self.assertEqual(self.count(job_id), 5)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertFalse(job["isConcurrent"])
        self.assertNotIn("processingTargets", job["jobProcessDetails"])
        # A snapshot job with rollout pending never completes early.
        for name in names:
            self.data.start_next_pending_job_execution(thingName=name)
            self.data.update_job_execution(thingName=name, jobId=job_id, status="SUCCEEDED")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "COMPLETED")

    def test_exponential_rate(self):
        group, _ = self.group_of(8)
        job_id = self.make_job([group_arn(group)], jobExecutionsRolloutConfig={"exponentialRate": {
            "baseRatePerMinute": 1, "incrementFactor": 2,
            "rateIncreaseCriteria": {"numberOfNotifiedThings": 1}}})
        counts = [self.count(job_id)]
        for _ in range(3):
            self.advance(60)
            counts.append(self.count(job_id))
        self.assertEqual(counts, [1, 3, 7, 8])

    def test_scheduled_start_and_cancel_at_end(self):
        thing = self.make_thing()
        now = self.advance(0)
        t = datetime.datetime.fromtimestamp(now / 1000, datetime.timezone.utc)
        start = (t + datetime.timedelta(minutes=31)).strftime("%Y-%m-%dT%H:%M")
        end = (t + datetime.timedelta(minutes=65)).strftime("%Y-%m-%dT%H:%M")
        job_id = self.make_job([thing_arn(thing)], schedulingConfig={
            "startTime": start, "endTime": end, "endBehavior": "CANCEL"})
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "SCHEDULED")
        self.assertEqual(self.count(job_id), 0)
        self.assertEqual(self.data.get_pending_job_executions(thingName=thing)["queuedJobs"], [])
        self.advance(32 * 60)
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=thing)
                         ["execution"]["status"], "QUEUED")
        self.advance(40 * 60)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "CANCELED")
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=thing)
                         ["execution"]["status"], "CANCELED")

    def test_stop_rollout_at_end_lets_running_executions_finish(self):
        group, names = self.group_of(3)
        now = self.advance(0)
        t = datetime.datetime.fromtimestamp(now / 1000, datetime.timezone.utc)
        start = (t + datetime.timedelta(minutes=31)).strftime("%Y-%m-%dT%H:%M")
        end = (t + datetime.timedelta(minutes=62)).strftime("%Y-%m-%dT%H:%M")
        job_id = self.make_job([group_arn(group)], targetSelection="CONTINUOUS",
                               jobExecutionsRolloutConfig={"maximumPerMinute": 1},
                               schedulingConfig={"startTime": start, "endTime": end,
                                                 "endBehavior": "STOP_ROLLOUT"})
        self.advance(32 * 60)
        self.assertEqual(self.count(job_id), 1)
        self.advance(40 * 60)  # past the end: the rollout stops where it is
        self.assertEqual(self.count(job_id), 2)
        self.advance(5 * 60)  # and releases nothing more
        reached = sorted(s["thingArn"].rsplit("/", 1)[1] for s in
                         self.iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"])
        self.assertEqual(reached, names[:2])
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        for name in reached:
            self.data.update_job_execution(thingName=name, jobId=job_id, status="SUCCEEDED")
        # A continuous job ends with its schedule, once what was released has finished.
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "COMPLETED")

    def test_big_group_fans_out_in_the_background_and_big_job_deletes_in_background(self):
        group, names = self.group_of(1100)
        job_id = self.make_job([group_arn(group)])
        self.advance(0)  # let the worker finish the fan-out
        self.assertEqual(self.count(job_id), 1100)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], 1100)
        self.assertFalse(job["isConcurrent"])
        self.iot.delete_job(jobId=job_id, force=True)
        status = self.iot.describe_job(jobId=job_id)["job"]["status"]
        self.assertEqual(status, "DELETION_IN_PROGRESS")
        self.assertBotoError("InvalidStateTransitionException", self.iot.delete_job, jobId=job_id,
                             force=True)
        self.advance(0)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job, jobId=job_id)
        self.assertEqual(self.iot.list_job_executions_for_thing(thingName=names[0])
                         ["executionSummaries"], [])


if __name__ == "__main__":
    unittest.main()
