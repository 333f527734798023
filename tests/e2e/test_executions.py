"""Job executions on the control plane (DescribeJobExecution, ListJobExecutionsForJob,
ListJobExecutionsForThing, CancelJobExecution) and on the device plane (GetPendingJobExecutions,
StartNextPendingJobExecution, DescribeJobExecution, UpdateJobExecution), with AWS CLI v2 and
boto3; the control plane shows what the device did."""
import json
import unittest

from harness import ServerTestCase, thing_arn, unique


class ExecutionsTest(ServerTestCase):
    server_args = ("--test-clock",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = cls.server.client("iot-jobs-data")

    def advance(self, seconds):
        status, _, body = self.server.http("POST", "/_iotjobs/test/clock",
                                           body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)

    def test_describe_latest_or_by_number_and_list_filters(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], jobExecutionsRetryConfig={
            "criteriaList": [{"failureType": "ALL", "numberOfRetries": 1}]})
        self.data.start_next_pending_job_execution(thingName=thing)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="FAILED",
                                       statusDetails={"reason": "disk full"})
        latest = self.server.aws_json("iot", "describe-job-execution", "--job-id", job_id,
                                      "--thing-name", thing)["execution"]
        self.assertEqual((latest["executionNumber"], latest["status"]), (2, "QUEUED"))
        first = self.server.aws_json("iot", "describe-job-execution", "--job-id", job_id,
                                     "--thing-name", thing, "--execution-number", "1")["execution"]
        self.assertEqual(first["status"], "FAILED")
        self.assertEqual(first["statusDetails"], {"detailsMap": {"reason": "disk full"}})
        self.assertEqual(first["thingArn"], thing_arn(thing))
        self.assertEqual(first["versionNumber"], 3)
        self.assertEqual(list(first), ["jobId", "status", "forceCanceled", "statusDetails",
                                       "thingArn", "queuedAt", "startedAt", "lastUpdatedAt",
                                       "executionNumber", "versionNumber"])
        summaries = self.server.aws_json("iot", "list-job-executions-for-job", "--job-id", job_id,
                                         "--status", "FAILED")["executionSummaries"]
        self.assertEqual(len(summaries), 1)
        self.assertEqual(summaries[0]["jobExecutionSummary"]["retryAttempt"], 0)
        retry = self.iot.list_job_executions_for_thing(thingName=thing, jobId=job_id,
                                                       status="QUEUED")["executionSummaries"]
        self.assertEqual([(s["jobId"], s["jobExecutionSummary"]["retryAttempt"]) for s in retry],
                         [(job_id, 1)])
        self.assertAwsError(self.server.aws("iot", "list-job-executions-for-job", "--job-id",
                                            unique("none")), "ResourceNotFoundException")
        self.assertAwsError(self.server.aws("iot", "list-job-executions-for-thing", "--thing-name",
                                            unique("none")), "ResourceNotFoundException")
        ns_job = self.make_job([thing_arn(thing)], namespaceId="gg")
        only_ns = self.iot.list_job_executions_for_thing(thingName=thing, namespaceId="gg")
        self.assertEqual([s["jobId"] for s in only_ns["executionSummaries"]], [ns_job])

    def test_list_executions_for_job_pages(self):
        things = [self.make_thing() for _ in range(5)]
        job_id = self.make_job([thing_arn(t) for t in things])
        seen = [s["thingArn"] for p in self.iot.get_paginator("list_job_executions_for_job").paginate(
            jobId=job_id, PaginationConfig={"PageSize": 2}) for s in p["executionSummaries"]]
        self.assertEqual(sorted(seen), sorted(thing_arn(t) for t in things))
        out = self.server.aws_json("iot", "list-job-executions-for-job", "--job-id", job_id,
                                   "--page-size", "2")
        self.assertEqual(len(out["executionSummaries"]), 5)

    def test_cancel_job_execution(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)])
        self.data.start_next_pending_job_execution(thingName=thing)
        self.assertAwsError(self.server.aws("iot", "cancel-job-execution", "--job-id", job_id,
                                            "--thing-name", thing), "InvalidStateTransitionException")
        self.assertAwsError(self.server.aws("iot", "cancel-job-execution", "--job-id", job_id,
                                            "--thing-name", thing, "--force", "--expected-version", "1"),
                            "VersionConflictException")
        rc, out, err = self.server.aws("iot", "cancel-job-execution", "--job-id", job_id,
                                       "--thing-name", thing, "--force", "--expected-version", "2",
                                       "--status-details", "why=operator")
        self.assertEqual((rc, out), (0, ""), err)
        e = self.iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
        self.assertEqual((e["status"], e["forceCanceled"], e["versionNumber"]), ("CANCELED", True, 3))
        self.assertEqual(e["statusDetails"]["detailsMap"], {"why": "operator"})
        self.assertAwsError(self.server.aws("iot", "cancel-job-execution", "--job-id", job_id,
                                            "--thing-name", thing, "--force"),
                            "InvalidStateTransitionException")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "COMPLETED")
        too_many = {f"k{i}": "v" for i in range(11)}
        other = self.make_job([thing_arn(thing)])
        self.assertBotoError("InvalidRequestException", self.iot.cancel_job_execution,
                             jobId=other, thingName=thing, statusDetails=too_many)

    def test_device_flow_with_cli_v2(self):
        thing = self.make_thing()
        first = self.make_job([thing_arn(thing)], document=json.dumps({"step": 1}))
        self.advance(1)  # the test clock stands still: queue the second job a second later
        second = self.make_job([thing_arn(thing)])
        pending = self.server.aws_json("iot-jobs-data", "get-pending-job-executions",
                                       "--thing-name", thing)
        self.assertEqual([j["jobId"] for j in pending["queuedJobs"]], [first, second])
        self.assertEqual(pending["inProgressJobs"], [])
        q = pending["queuedJobs"][0]
        self.assertIsInstance(q["queuedAt"], int)
        self.assertEqual(set(q), {"jobId", "queuedAt", "lastUpdatedAt", "versionNumber", "executionNumber"})

        nxt = self.server.aws_json("iot-jobs-data", "describe-job-execution", "--thing-name", thing,
                                   "--job-id", "$next")["execution"]
        self.assertEqual((nxt["jobId"], nxt["status"]), (first, "QUEUED"))
        self.assertEqual(json.loads(nxt["jobDocument"]), {"step": 1})

        started = self.server.aws_json("iot-jobs-data", "start-next-pending-job-execution",
                                       "--thing-name", thing, "--status-details", "progress=0",
                                       "--step-timeout-in-minutes", "5")["execution"]
        self.assertEqual((started["jobId"], started["status"], started["versionNumber"]),
                         (first, "IN_PROGRESS", 2))
        self.assertEqual(started["statusDetails"], {"progress": "0"})
        self.assertEqual(started["approximateSecondsBeforeTimedOut"], 300)
        self.assertIsInstance(started["startedAt"], int)

        upd = self.server.aws_json("iot-jobs-data", "update-job-execution", "--thing-name", thing,
                                   "--job-id", first, "--status", "IN_PROGRESS", "--status-details",
                                   "progress=50", "--expected-version", "2",
                                   "--include-job-execution-state", "--include-job-document")
        self.assertEqual(upd["executionState"], {"status": "IN_PROGRESS",
                                                 "statusDetails": {"progress": "50"}, "versionNumber": 3})
        self.assertEqual(json.loads(upd["jobDocument"]), {"step": 1})
        # A stale version changes nothing.
        self.assertAwsError(self.server.aws("iot-jobs-data", "update-job-execution", "--thing-name",
                                            thing, "--job-id", first, "--status", "SUCCEEDED",
                                            "--expected-version", "2"), "InvalidStateTransitionException")
        # Statuses a device may not set are 400.
        for status in ["QUEUED", "TIMED_OUT", "CANCELED", "REMOVED"]:
            self.assertAwsError(self.server.aws("iot-jobs-data", "update-job-execution",
                                                "--thing-name", thing, "--job-id", first,
                                                "--status", status), "InvalidRequestException")
        rc, out, err = self.server.aws("iot-jobs-data", "update-job-execution", "--thing-name", thing,
                                       "--job-id", first, "--status", "SUCCEEDED")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.strip(), "")  # {} by default (includeJobExecutionState false)
        control = self.iot.describe_job_execution(jobId=first, thingName=thing)["execution"]
        self.assertEqual((control["status"], control["versionNumber"]), ("SUCCEEDED", 4))
        self.assertEqual(control["statusDetails"], {"detailsMap": {"progress": "50"}})
        self.assertEqual(self.iot.describe_job(jobId=first)["job"]["status"], "COMPLETED")
        # Terminal is final.
        self.assertAwsError(self.server.aws("iot-jobs-data", "update-job-execution", "--thing-name",
                                            thing, "--job-id", first, "--status", "FAILED"),
                            "InvalidStateTransitionException")
        # Next up is the second job; then nothing.
        self.data.start_next_pending_job_execution(thingName=thing)
        self.data.update_job_execution(thingName=thing, jobId=second, status="REJECTED")
        empty = self.data.start_next_pending_job_execution(thingName=thing)
        self.assertNotIn("execution", empty)
        self.assertNotIn("execution", self.data.describe_job_execution(thingName=thing, jobId="$next"))

    def test_device_errors(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)])
        ghost = unique("ghost")
        self.assertBotoError("ResourceNotFoundException", self.data.get_pending_job_executions, thingName=ghost)
        self.assertBotoError("ResourceNotFoundException", self.data.start_next_pending_job_execution,
                             thingName=ghost)
        self.assertBotoError("ResourceNotFoundException", self.data.describe_job_execution,
                             thingName=thing, jobId=unique("nojob"))
        self.assertBotoError("ResourceNotFoundException", self.data.describe_job_execution,
                             thingName=thing, jobId=job_id, executionNumber=7)
        self.assertBotoError("ResourceNotFoundException", self.data.update_job_execution,
                             thingName=thing, jobId=unique("nojob"), status="IN_PROGRESS")
        self.assertBotoError("InvalidRequestException", self.data.update_job_execution,
                             thingName=thing, jobId=job_id, status="IN_PROGRESS",
                             statusDetails={"k": "v" * 1025})
        self.assertBotoError("InvalidRequestException", self.data.update_job_execution,
                             thingName=thing, jobId=job_id, status="IN_PROGRESS",
                             stepTimeoutInMinutes=10081)
        self.assertBotoError("InvalidRequestException", self.data.describe_job_execution,
                             thingName=thing, jobId="bad id")
        # Nothing changed.
        e = self.iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
        self.assertEqual((e["status"], e["versionNumber"]), ("QUEUED", 1))

    def test_in_progress_and_step_timers(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], timeoutConfig={"inProgressTimeoutInMinutes": 20})
        started = self.data.start_next_pending_job_execution(thingName=thing)["execution"]
        self.assertEqual(started["approximateSecondsBeforeTimedOut"], 1200)
        # A 9-minute step timer set 13 minutes in still ends at the 20-minute deadline.
        self.advance(13 * 60)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="IN_PROGRESS",
                                       stepTimeoutInMinutes=9)
        e = self.data.describe_job_execution(thingName=thing, jobId=job_id)["execution"]
        self.assertEqual(e["approximateSecondsBeforeTimedOut"], 7 * 60)
        control = self.iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
        self.assertEqual(control["approximateSecondsBeforeTimedOut"], 7 * 60)
        self.advance(7 * 60 + 1)
        e = self.iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
        self.assertEqual(e["status"], "TIMED_OUT")
        self.assertNotIn("approximateSecondsBeforeTimedOut", e)
        details = self.iot.describe_job(jobId=job_id)["job"]["jobProcessDetails"]
        self.assertEqual(details["numberOfTimedOutThings"], 1)
        self.assertBotoError("InvalidStateTransitionException", self.data.update_job_execution,
                             thingName=thing, jobId=job_id, status="SUCCEEDED")

    def test_step_timer_alone_and_cancel_with_minus_one(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)])
        self.data.start_next_pending_job_execution(thingName=thing, stepTimeoutInMinutes=2)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="IN_PROGRESS",
                                       stepTimeoutInMinutes=-1)
        self.advance(10 * 60)
        e = self.data.describe_job_execution(thingName=thing, jobId=job_id)["execution"]
        self.assertEqual(e["status"], "IN_PROGRESS")
        self.assertNotIn("approximateSecondsBeforeTimedOut", e)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="IN_PROGRESS",
                                       stepTimeoutInMinutes=1)
        self.advance(61)
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=thing)
                         ["execution"]["status"], "TIMED_OUT")

    def test_abort_config_cancels_the_job(self):
        things = [self.make_thing() for _ in range(4)]
        job_id = self.make_job([thing_arn(t) for t in things], abortConfig={"criteriaList": [
            {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 50,
             "minNumberOfExecutedThings": 2}]})
        self.data.start_next_pending_job_execution(thingName=things[0])
        self.data.update_job_execution(thingName=things[0], jobId=job_id, status="FAILED")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        self.data.start_next_pending_job_execution(thingName=things[1])
        self.data.start_next_pending_job_execution(thingName=things[2])
        self.data.update_job_execution(thingName=things[1], jobId=job_id, status="SUCCEEDED")
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "CANCELED")
        statuses = {t: self.iot.describe_job_execution(jobId=job_id, thingName=t)["execution"]["status"]
                    for t in things}
        self.assertEqual(statuses, {things[0]: "FAILED", things[1]: "SUCCEEDED",
                                    things[2]: "IN_PROGRESS", things[3]: "CANCELED"})


if __name__ == "__main__":
    unittest.main()
