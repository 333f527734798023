"""Maintenance windows (schedulingConfig.maintenanceWindows) on the test clock: a job rolls out
only while a window is open, at its rollout rate, waits SCHEDULED between windows, resumes in
the next, shows its coming windows as scheduledJobRollouts, and keeps all that across a
restart; endBehavior at endTime; continuous jobs defer things that join between windows;
cron expressions AWS would refuse are 400s. Driven with boto3 and AWS CLI v2."""
import datetime
import json
import unittest

import botocore.exceptions

from harness import Server, ServerTestCase, group_arn, thing_arn, unique

HOUR = 3600
DAY = 24 * HOUR


def fmt(epoch_seconds):
    return datetime.datetime.fromtimestamp(epoch_seconds, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M")


class MaintenanceWindowTest(ServerTestCase):
    server_args = ("--test-clock",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = cls.server.client("iot-jobs-data")

    def advance(self, seconds, server=None):
        status, _, body = (server or self.server).http(
            "POST", "/_iotjobs/test/clock", body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)
        return json.loads(body)["epochMillis"] // 1000

    def advance_to(self, epoch_seconds, server=None):
        now = self.advance(0, server)
        self.assertLessEqual(now, epoch_seconds)
        return self.advance(epoch_seconds - now, server)

    def next_window(self, server=None, hours_ahead=2):
        """A daily window start on a whole hour at least `hours_ahead` hours from now, and
        its cron expression."""
        now = self.advance(0, server)
        start = (now + hours_ahead * HOUR) // HOUR * HOUR + HOUR
        hour = datetime.datetime.fromtimestamp(start, datetime.timezone.utc).hour
        return start, f"cron(0 {hour} * * ? *)"

    def group_of(self, n, iot=None):
        iot = iot or self.iot
        group = unique("mw")
        iot.create_thing_group(thingGroupName=group)
        names = [f"{group}-{i}" for i in range(n)]
        for name in names:
            iot.create_thing(thingName=name)
            iot.add_thing_to_thing_group(thingGroupName=group, thingName=name)
        return group, names

    def state(self, job_id, iot=None):
        iot = iot or self.iot
        job = iot.describe_job(jobId=job_id)["job"]
        pages = iot.get_paginator("list_job_executions_for_job").paginate(jobId=job_id)
        count = sum(len(p["executionSummaries"]) for p in pages)
        return job["status"], count

    def test_rollout_only_inside_windows_and_across_a_restart(self):
        server = Server(args=["--test-clock"]).start()
        try:
            iot = server.client("iot")
            group, names = self.group_of(5, iot)
            start, cron = self.next_window(server)
            job_id = unique("mw-job")
            iot.create_job(jobId=job_id, targets=[group_arn(group)], document="{}",
                           jobExecutionsRolloutConfig={"maximumPerMinute": 1},
                           schedulingConfig={"maintenanceWindows": [
                               {"startTime": cron, "durationInMinutes": 3}]})
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 0))
            job = iot.describe_job(jobId=job_id)["job"]
            self.assertEqual(job["scheduledJobRollouts"],
                             [{"startTime": fmt(start + i * DAY)} for i in range(7)])
            self.advance_to(start - 60, server)
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 0))
            # The window opens: the rollout runs at its rate, one a minute.
            self.advance(60, server)
            self.assertEqual(self.state(job_id, iot), ("IN_PROGRESS", 1))
            self.advance(60, server)
            self.advance(60, server)
            self.assertEqual(self.state(job_id, iot), ("IN_PROGRESS", 3))
            # It closes after three minutes with two things left: nothing more until the next.
            self.advance(60, server)
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 3))
            self.advance(HOUR, server)
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 3))
            self.assertEqual(iot.describe_job(jobId=job_id)["job"]["scheduledJobRollouts"][0],
                             {"startTime": fmt(start + DAY)})
            # A restart between windows changes nothing (the test clock restarts at the wall
            # clock: move it back to where it was).
            before = self.advance(0, server)
            server.kill9()
            server.start()
            iot = server.client("iot")
            self.advance_to(before, server)
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 3))
            self.advance_to(start + DAY - 1, server)
            self.assertEqual(self.state(job_id, iot), ("SCHEDULED", 3))
            self.advance(1, server)
            self.assertEqual(self.state(job_id, iot), ("IN_PROGRESS", 4))
            self.advance(60, server)
            self.assertEqual(self.state(job_id, iot), ("IN_PROGRESS", 5))
            # Every target reached: the job stays IN_PROGRESS after the window, until its
            # executions finish.
            self.advance(5 * 60, server)
            self.assertEqual(self.state(job_id, iot), ("IN_PROGRESS", 5))
            data = server.client("iot-jobs-data")
            for name in names:
                data.update_job_execution(jobId=job_id, thingName=name, status="SUCCEEDED")
            self.assertEqual(self.state(job_id, iot), ("COMPLETED", 5))
            self.assertNotIn("scheduledJobRollouts", iot.describe_job(jobId=job_id)["job"])
        finally:
            server.cleanup()

    def test_start_time_comes_first(self):
        # A window opens every hour; the job still waits for its start time, and its
        # scheduledJobRollouts begin there.
        now = self.advance(0)
        start = (now + 2 * HOUR) // HOUR * HOUR + 30 * 60
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], schedulingConfig={
            "startTime": fmt(start),
            "maintenanceWindows": [{"startTime": "cron(0/30 * * * ? *)", "durationInMinutes": 10}]})
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "SCHEDULED")
        self.assertEqual([r["startTime"] for r in job["scheduledJobRollouts"]],
                         [fmt(start + i * 30 * 60) for i in range(7)])
        self.advance_to(start - 60)
        self.assertEqual(self.state(job_id), ("SCHEDULED", 0))
        self.advance(60)
        self.assertEqual(self.state(job_id), ("IN_PROGRESS", 1))

    def test_end_behavior_between_windows(self):
        start, cron = self.next_window()
        end = start + DAY // 2  # while the windows are closed
        jobs = {}
        group, _ = self.group_of(3)
        for behavior in ("STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"):
            jobs[behavior] = self.make_job(
                [group_arn(group)], jobExecutionsRolloutConfig={"maximumPerMinute": 1},
                schedulingConfig={"endTime": fmt(end), "endBehavior": behavior,
                                  "maintenanceWindows": [{"startTime": cron,
                                                          "durationInMinutes": 1}]})
        self.advance_to(start)
        for behavior, job_id in jobs.items():
            self.assertEqual(self.state(job_id), ("IN_PROGRESS", 1), behavior)
            summary = self.iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"][0]
            self.data.update_job_execution(jobId=job_id, status="IN_PROGRESS",
                                           thingName=summary["thingArn"].split("/")[-1])
        self.advance(60)
        for job_id in jobs.values():
            self.assertEqual(self.state(job_id), ("SCHEDULED", 1))
        self.advance_to(end)
        stop = self.iot.describe_job(jobId=jobs["STOP_ROLLOUT"])["job"]
        # STOP_ROLLOUT: no more rollout, the started execution may finish.
        self.assertEqual(stop["status"], "IN_PROGRESS")
        self.assertNotIn("scheduledJobRollouts", stop)
        cancel = self.iot.describe_job(jobId=jobs["CANCEL"])["job"]
        self.assertEqual(cancel["status"], "CANCELED")
        force = self.iot.describe_job(jobId=jobs["FORCE_CANCEL"])["job"]
        self.assertEqual(force["status"], "CANCELED")
        self.assertTrue(force["forceCanceled"])
        self.assertEqual(force["jobProcessDetails"]["numberOfCanceledThings"], 1)
        self.assertEqual(cancel["jobProcessDetails"]["numberOfInProgressThings"], 1, cancel)
        # The STOP_ROLLOUT job completes when its one execution does.
        thing = self.iot.list_job_executions_for_job(
            jobId=jobs["STOP_ROLLOUT"])["executionSummaries"][0]["thingArn"].split("/")[-1]
        self.data.update_job_execution(jobId=jobs["STOP_ROLLOUT"], thingName=thing,
                                       status="SUCCEEDED")
        self.assertEqual(self.state(jobs["STOP_ROLLOUT"]), ("COMPLETED", 1))

    def test_continuous_job_defers_things_that_join_between_windows(self):
        start, cron = self.next_window()
        group, names = self.group_of(1)
        job_id = self.make_job([group_arn(group)], targetSelection="CONTINUOUS",
                               schedulingConfig={"maintenanceWindows": [
                                   {"startTime": cron, "durationInMinutes": 10}]})
        self.assertEqual(self.state(job_id), ("SCHEDULED", 0))
        self.advance_to(start)
        self.assertEqual(self.state(job_id), ("IN_PROGRESS", 1))
        # Inside the window a thing that joins gets its execution at once.
        inside = self.make_thing()
        self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=inside)
        self.assertEqual(self.state(job_id), ("IN_PROGRESS", 2))
        self.advance(10 * 60)
        self.assertEqual(self.state(job_id), ("SCHEDULED", 2))
        # Outside it, the thing waits for the next window; one that leaves again before it
        # opens gets nothing.
        late, gone = self.make_thing(), self.make_thing()
        for thing in (late, gone):
            self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=thing)
        self.iot.remove_thing_from_thing_group(thingGroupName=group, thingName=gone)
        self.assertEqual(self.state(job_id), ("SCHEDULED", 2))
        self.assertEqual(self.data.get_pending_job_executions(thingName=late)["queuedJobs"], [])
        self.advance_to(start + DAY)
        self.assertEqual(self.state(job_id), ("IN_PROGRESS", 3))
        self.assertEqual(
            [j["jobId"] for j in self.data.get_pending_job_executions(thingName=late)["queuedJobs"]],
            [job_id])
        self.assertEqual(self.data.get_pending_job_executions(thingName=gone)["queuedJobs"], [])

    def test_cron_expressions_aws_refuses_are_400(self):
        # AWS CLI v2 as Debian ships it (2.9.19) predates maintenance windows and refuses the
        # member itself; AWS CLI v1 of the default python3 has the current model.
        thing = self.make_thing()
        for cron in ("cron(0 2 * * * *)", "0 2 * * ? *", "cron(61 2 ? * SAT *)",
                     "rate(1 day)", "cron(0 2 1 1 ? 2020)"):
            result = self.server.aws_v1(
                "iot", "create-job", "--job-id", unique("bad"), "--targets", thing_arn(thing),
                "--document", "{}", "--scheduling-config",
                json.dumps({"maintenanceWindows": [{"startTime": cron, "durationInMinutes": 30}]}))
            self.assertAwsError(result, "InvalidRequestException", rc=255)
            self.assertIn("maintenanceWindows[0].startTime", result[2], cron)
        for duration in (0, 1431):  # boto3 checks the range itself: send the request raw
            response = self.server.http("PUT", f"/jobs/{unique('bad')}", body=json.dumps({
                "targets": [thing_arn(thing)], "document": "{}",
                "schedulingConfig": {"maintenanceWindows": [
                    {"startTime": "cron(0 2 * * ? *)", "durationInMinutes": duration}]}}))
            self.assertHttpError(response, 400, "InvalidRequestException")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.iot.create_job_template(
                jobTemplateId=unique("tpl"), description="d", document="{}",
                maintenanceWindows=[{"startTime": "cron(0 2 ? * FUN *)", "durationInMinutes": 30}])
        self.assertEqual(caught.exception.response["Error"]["Code"], "InvalidRequestException")
        self.assertIn("Day-of-week", caught.exception.response["Error"]["Message"])
        # A valid one: describe-job shows the coming windows.
        job_id = unique("ok")
        rc, _, err = self.server.aws_v1(
            "iot", "create-job", "--job-id", job_id, "--targets", thing_arn(thing), "--document",
            "{}", "--scheduling-config",
            json.dumps({"maintenanceWindows": [{"startTime": "cron(30 3 ? * MON-FRI *)",
                                                "durationInMinutes": 45}]}))
        self.assertEqual(rc, 0, err)
        rc, out, err = self.server.aws_v1("iot", "describe-job", "--job-id", job_id)
        self.assertEqual(rc, 0, err)
        job = json.loads(out)["job"]
        self.assertEqual(len(job["scheduledJobRollouts"]), 7)
        for rollout in job["scheduledJobRollouts"]:
            when = datetime.datetime.strptime(rollout["startTime"], "%Y-%m-%dT%H:%M")
            self.assertEqual((when.hour, when.minute), (3, 30))
            self.assertLess(when.weekday(), 5)
        # The same through our CLI, which knows the member.
        rc, out, err = self.server.iotjobs("iot", "describe-job", "--job-id", job_id)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["job"]["scheduledJobRollouts"], job["scheduledJobRollouts"])

if __name__ == "__main__":
    unittest.main()
