"""DeleteJobExecution exactly as docs/aws-behaviour.md ("DeleteJobExecution") says, driven by
AWS CLI v2, boto3, AWS CLI v1 and raw HTTP. Executions reach each status through the real
device plane (iot-jobs-data), the cancel APIs, thing removal, and the server's test clock for
timeouts."""
import json
import unittest

from harness import ServerTestCase, thing_arn, unique


class DeleteJobExecutionTest(ServerTestCase):
    server_args = ("--test-clock",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = cls.server.client("iot-jobs-data")

    def job_on(self, thing, **kwargs):
        return self.make_job([thing_arn(thing)], **kwargs)

    def execution(self, job_id, thing, number=None):
        kwargs = {"jobId": job_id, "thingName": thing}
        if number is not None:
            kwargs["executionNumber"] = number
        return self.iot.describe_job_execution(**kwargs)["execution"]

    def delete(self, *extra):
        return self.server.aws("iot", "delete-job-execution", *extra)

    def in_progress(self):
        """A thing with one job execution that its device has started."""
        thing = self.make_thing("dev")
        job_id = self.job_on(thing)
        started = self.data.start_next_pending_job_execution(thingName=thing,
                                                             statusDetails={"step": "1"})
        self.assertEqual(started["execution"]["status"], "IN_PROGRESS")
        return thing, job_id

    # ---- IN_PROGRESS needs force (409 otherwise, and nothing changes) ----

    def test_in_progress_without_force_is_409_and_changes_nothing(self):
        thing, job_id = self.in_progress()
        before = self.execution(job_id, thing)
        for extra in ([], ["--no-force"]):
            result = self.delete("--job-id", job_id, "--thing-name", thing,
                                 "--execution-number", "1", *extra)
            self.assertAwsError(result, "InvalidStateTransitionException")
        self.assertEqual(self.execution(job_id, thing), before)
        status, headers, body = self.server.http(
            "DELETE", f"/things/{thing}/jobs/{job_id}/executionNumber/1?force=false")
        self.assertHttpError((status, headers, body), 409, "InvalidStateTransitionException")
        self.assertEqual(self.execution(job_id, thing), before)

    def test_in_progress_with_force_is_deleted_and_device_update_fails(self):
        thing, job_id = self.in_progress()
        rc, out, err = self.delete("--job-id", job_id, "--thing-name", thing,
                                   "--execution-number", "1", "--force")
        self.assertEqual((rc, out), (0, ""), err)
        self.assertAwsError(self.server.aws("iot", "describe-job-execution", "--job-id", job_id,
                                            "--thing-name", thing), "ResourceNotFoundException")
        self.assertBotoError("ResourceNotFoundException", self.data.update_job_execution,
                             thingName=thing, jobId=job_id, status="SUCCEEDED")
        # Gone from every list, counters recomputed, and the snapshot job completes.
        self.assertEqual(self.iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"], [])
        self.assertEqual(self.iot.list_job_executions_for_thing(thingName=thing)["executionSummaries"], [])
        pending = self.data.get_pending_job_executions(thingName=thing)
        self.assertEqual((pending["inProgressJobs"], pending["queuedJobs"]), ([], []))
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "COMPLETED")
        self.assertEqual(sum(v for k, v in job["jobProcessDetails"].items()
                             if k.startswith("numberOf")), 0)

    # ---- QUEUED and every terminal status delete without force ----

    def assert_deletes_without_force(self, thing, job_id, number, status):
        self.assertEqual(self.execution(job_id, thing, number)["status"], status)
        rc, out, err = self.delete("--job-id", job_id, "--thing-name", thing,
                                   "--execution-number", str(number))
        self.assertEqual((rc, out), (0, ""), f"{status}: {err}")
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job_execution,
                             jobId=job_id, thingName=thing, executionNumber=number)

    def test_queued_deletes_without_force(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        self.assert_deletes_without_force(thing, job_id, 1, "QUEUED")

    def test_device_terminal_statuses_delete_without_force(self):
        for status in ["SUCCEEDED", "FAILED", "REJECTED"]:
            thing, job_id = self.in_progress()
            self.data.update_job_execution(thingName=thing, jobId=job_id, status=status)
            self.assert_deletes_without_force(thing, job_id, 1, status)

    def test_canceled_deletes_without_force(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        self.iot.cancel_job_execution(jobId=job_id, thingName=thing)
        self.assert_deletes_without_force(thing, job_id, 1, "CANCELED")

    def test_removed_deletes_without_force(self):
        group = unique("grp")
        self.iot.create_thing_group(thingGroupName=group)
        thing = self.make_thing()
        self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=thing)
        job_id = self.make_job([f"arn:aws:iot:us-east-1:123456789012:thinggroup/{group}"])
        self.iot.remove_thing_from_thing_group(thingGroupName=group, thingName=thing)
        self.assert_deletes_without_force(thing, job_id, 1, "REMOVED")

    def test_timed_out_deletes_without_force(self):
        thing = self.make_thing()
        job_id = self.job_on(thing, timeoutConfig={"inProgressTimeoutInMinutes": 1})
        self.data.start_next_pending_job_execution(thingName=thing)
        self.assertEqual(self.server.http("POST", "/_iotjobs/test/clock",
                                          body=json.dumps({"advanceSeconds": 61}))[0], 200)
        self.assert_deletes_without_force(thing, job_id, 1, "TIMED_OUT")

    # ---- 404 for an unknown thing, job or number ----

    def test_unknown_thing_job_or_number_is_404(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        other = self.make_thing()
        cases = [
            ("--job-id", unique("nojob"), "--thing-name", thing, "--execution-number", "1"),
            ("--job-id", job_id, "--thing-name", unique("nothing"), "--execution-number", "1"),
            ("--job-id", job_id, "--thing-name", thing, "--execution-number", "2"),
            ("--job-id", job_id, "--thing-name", other, "--execution-number", "1"),
            ("--job-id", job_id, "--thing-name", thing, "--execution-number", "-1"),
        ]
        for args in cases:
            self.assertAwsError(self.delete(*args), "ResourceNotFoundException")
        self.assertBotoError("ResourceNotFoundException", self.iot.delete_job_execution,
                             jobId=job_id, thingName=thing, executionNumber=99, force=True)
        self.assertEqual(self.execution(job_id, thing)["status"], "QUEUED")

    # ---- 400 for bad input, which the CLI sends and the server must refuse ----

    def test_names_outside_pattern_or_length_are_400(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        bad = [
            ("--job-id", "bad id", "--thing-name", thing),
            ("--job-id", "j" * 65, "--thing-name", thing),
            ("--job-id", "job.1", "--thing-name", thing),
            ("--job-id", job_id, "--thing-name", "t" * 129),
            ("--job-id", job_id, "--thing-name", "bad/thing"),
        ]
        for args in bad:
            self.assertAwsError(self.delete(*args, "--execution-number", "1"),
                                "InvalidRequestException")
        self.assertAwsError(self.delete("--job-id", job_id, "--thing-name", thing,
                                        "--execution-number", "1", "--namespace-id", "not valid"),
                            "InvalidRequestException")
        self.assertEqual(self.execution(job_id, thing)["status"], "QUEUED")

    def test_cli_argument_errors_exit_252(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        for args in [("--job-id", job_id, "--thing-name", thing, "--execution-number", "abc"),
                     ("--job-id", job_id, "--thing-name", thing),
                     ("--job-id", job_id, "--thing-name", thing, "--execution-number", "1",
                      "--no-such-option"),
                     ("--job-id", "", "--thing-name", thing, "--execution-number", "1")]:
            rc, out, err = self.delete(*args)
            self.assertEqual(rc, 252, err)
            self.assertEqual(out, "")
        self.assertEqual(self.execution(job_id, thing)["status"], "QUEUED")

    def test_raw_http_bad_number_and_boolean_are_400(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        base = f"/things/{thing}/jobs/{job_id}/executionNumber"
        for path in [f"{base}/abc", f"{base}/1.5", f"{base}/99999999999999999999",
                     f"{base}/1?force=yes", f"{base}/1?force=1", f"{base}/1?namespaceId=a%20b",
                     f"/things/{thing}/jobs/bad%20id/executionNumber/1"]:
            self.assertHttpError(self.server.http("DELETE", path), 400, "InvalidRequestException")
        self.assertEqual(self.execution(job_id, thing)["status"], "QUEUED")

    def test_success_is_200_with_empty_body(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        status, headers, body = self.server.http(
            "DELETE", f"/things/{thing}/jobs/{job_id}/executionNumber/1?force=false")
        self.assertEqual((status, body), (200, b""))
        self.assertNotIn("x-amzn-errortype", headers)

    # ---- namespaces act as a filter ----

    def test_namespace_id_must_match_the_job(self):
        thing = self.make_thing()
        job_id = self.job_on(thing, namespaceId="aws-gg-deployment")
        self.assertAwsError(self.delete("--job-id", job_id, "--thing-name", thing,
                                        "--execution-number", "1", "--namespace-id", "other"),
                            "ResourceNotFoundException")
        plain = self.job_on(thing)
        self.assertAwsError(self.delete("--job-id", plain, "--thing-name", thing,
                                        "--execution-number", "1", "--namespace-id", "aws-gg-deployment"),
                            "ResourceNotFoundException")
        rc, out, err = self.delete("--job-id", job_id, "--thing-name", thing,
                                   "--execution-number", "1", "--namespace-id", "aws-gg-deployment")
        self.assertEqual((rc, out), (0, ""), err)

    # ---- numbers, counters and completion ----

    def test_counters_follow_deletes_and_snapshot_job_completes(self):
        a, b, c = self.make_thing(), self.make_thing(), self.make_thing()
        job_id = self.make_job([thing_arn(a), thing_arn(b), thing_arn(c)])
        self.data.start_next_pending_job_execution(thingName=a)
        self.data.update_job_execution(thingName=a, jobId=job_id, status="SUCCEEDED")
        details = self.iot.describe_job(jobId=job_id)["job"]["jobProcessDetails"]
        self.assertEqual((details["numberOfQueuedThings"], details["numberOfSucceededThings"]), (2, 1))
        self.iot.delete_job_execution(jobId=job_id, thingName=b, executionNumber=1)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], 1)
        self.assertEqual(job["status"], "IN_PROGRESS")
        # The last pending execution goes: every remaining one is terminal, the job completes.
        self.iot.delete_job_execution(jobId=job_id, thingName=c, executionNumber=1)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "COMPLETED")
        self.assertIn("completedAt", job)
        self.assertEqual(job["jobProcessDetails"]["numberOfSucceededThings"], 1)
        self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], 0)

    def test_numbers_are_per_thing_and_never_reused_while_they_exist(self):
        thing = self.make_thing()
        job_id = self.job_on(thing, jobExecutionsRetryConfig={
            "criteriaList": [{"failureType": "FAILED", "numberOfRetries": 2}]})
        self.assertEqual(self.execution(job_id, thing)["executionNumber"], 1)
        self.data.start_next_pending_job_execution(thingName=thing)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="FAILED")
        self.assertEqual(self.execution(job_id, thing)["executionNumber"], 2)
        # Deleting number 1 leaves 2; the next retry is 3, never a number that exists.
        self.iot.delete_job_execution(jobId=job_id, thingName=thing, executionNumber=1)
        self.data.start_next_pending_job_execution(thingName=thing)
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="FAILED")
        numbers = sorted(s["jobExecutionSummary"]["executionNumber"] for s in
                         self.iot.list_job_executions_for_thing(thingName=thing)["executionSummaries"])
        self.assertEqual(numbers, [2, 3])

    def test_cli_v1_and_boto3_drive_it_too(self):
        thing = self.make_thing()
        job_id = self.job_on(thing)
        rc, out, err = self.server.aws_v1("iot", "delete-job-execution", "--job-id", job_id,
                                          "--thing-name", thing, "--execution-number", "1")
        self.assertEqual((rc, out), (0, ""), err)
        thing, job_id = self.in_progress()
        rc, out, err = self.server.aws_v1("iot", "delete-job-execution", "--job-id", job_id,
                                          "--thing-name", thing, "--execution-number", "1")
        self.assertEqual(rc, 255, err)  # CLI v1 exits 255 for service errors
        self.assertIn("InvalidStateTransitionException", err)
        response = self.iot.delete_job_execution(jobId=job_id, thingName=thing, executionNumber=1,
                                                 force=True)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 200)


if __name__ == "__main__":
    unittest.main()
