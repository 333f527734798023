"""Jobs on the control plane: CreateJob, DescribeJob, ListJobs, UpdateJob, CancelJob,
DeleteJob, GetJobDocument, AssociateTargetsWithJob — with AWS CLI v2 and boto3."""
import json
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, group_arn, thing_arn, unique

CONFIGS = {
    "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/s3-access", "expiresInSec": 600},
    "jobExecutionsRolloutConfig": {"maximumPerMinute": 100},
    "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
                                      "thresholdPercentage": 50.5, "minNumberOfExecutedThings": 10}]},
    "timeoutConfig": {"inProgressTimeoutInMinutes": 30},
    "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 2},
                                                  {"failureType": "TIMED_OUT", "numberOfRetries": 1}]},
}


class JobsTest(ServerTestCase):
    server_args = ("--test-clock",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = cls.server.client("iot-jobs-data")

    def group_with(self, *things):
        group = unique("grp")
        self.iot.create_thing_group(thingGroupName=group)
        for t in things:
            self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=t)
        return group

    def test_create_describe_with_every_configuration_cli_v2(self):
        thing = self.make_thing()
        job_id = unique("cfg")
        doc = json.dumps({"operation": "install", "url": "https://example.com/fw.bin"})
        args = ["iot", "create-job", "--job-id", job_id, "--targets", thing_arn(thing),
                "--document", doc, "--description", "firmware 2.0",
                "--tags", "Key=team,Value=fleet", "Key=stage"]
        for name, value in CONFIGS.items():
            flag = "--" + "".join("-" + c.lower() if c.isupper() else c for c in name)
            args += [flag, json.dumps(value)]
        out = self.server.aws_json(*args)
        self.assertEqual(out, {"jobArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{job_id}",
                               "jobId": job_id, "description": "firmware 2.0"})
        job = self.server.aws_json("iot", "describe-job", "--job-id", job_id)["job"]
        for name, value in CONFIGS.items():
            self.assertEqual(job[name], value, name)
        self.assertEqual(job["status"], "IN_PROGRESS")
        self.assertEqual(job["targetSelection"], "SNAPSHOT")
        self.assertEqual(job["targets"], [thing_arn(thing)])
        self.assertEqual(job["description"], "firmware 2.0")
        self.assertFalse(job["forceCanceled"])
        self.assertEqual(job["jobProcessDetails"]["numberOfQueuedThings"], 1)
        doc_out = self.server.aws_json("iot", "get-job-document", "--job-id", job_id)
        self.assertEqual(json.loads(doc_out["document"]), json.loads(doc))
        # The same id again: 409.
        self.assertAwsError(self.server.aws("iot", "create-job", "--job-id", job_id, "--targets",
                                            thing_arn(thing), "--document", doc),
                            "ResourceAlreadyExistsException")

    def test_scheduling_config_makes_a_scheduled_job(self):
        thing = self.make_thing()
        now = self.server.http("GET", "/_iotjobs/test/clock")[2]
        import datetime
        t = datetime.datetime.fromtimestamp(json.loads(now)["epochMillis"] / 1000, datetime.timezone.utc)
        start = (t + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
        end = (t + datetime.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
        config = {"startTime": start, "endTime": end, "endBehavior": "CANCEL"}
        job_id = self.make_job([thing_arn(thing)], schedulingConfig=config)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["status"], "SCHEDULED")
        self.assertEqual(job["schedulingConfig"], config)
        self.assertBotoError("InvalidRequestException", self.iot.create_job, jobId=unique("late"),
                             targets=[thing_arn(thing)], document="{}",
                             schedulingConfig={"startTime": t.strftime("%Y-%m-%dT%H:%M")})

    def test_bad_create_job_inputs(self):
        thing = self.make_thing()
        ok = {"targets": [thing_arn(thing)], "document": "{}"}
        cases = [
            ("InvalidRequestException", {"targets": [thing_arn(thing)], "document": "not json"}),
            ("InvalidRequestException", {"targets": [thing_arn(thing)]}),
            ("InvalidRequestException", {**ok, "documentSource": "https://s3.amazonaws.com/b/k"}),
            ("InvalidRequestException", {"targets": ["arn:aws:iot:eu-west-1:999999999999:thing/x"],
                                         "document": "{}"}),
            ("InvalidRequestException", {"targets": ["not-an-arn"], "document": "{}"}),
            ("ResourceNotFoundException", {"targets": [thing_arn(unique("ghost"))], "document": "{}"}),
            ("ResourceNotFoundException", {"targets": [group_arn(unique("ghost"))], "document": "{}"}),
            ("InvalidRequestException", {**ok, "jobExecutionsRolloutConfig": {"maximumPerMinute": 1001}}),
            ("InvalidRequestException", {**ok, "description": "bad\ncontrol"}),
            ("ResourceNotFoundException", {**ok, "jobTemplateArn": "arn:aws:iot:us-east-1:123456789012:jobtemplate/t"}),
        ]
        for code, kwargs in cases:
            with self.subTest(kwargs=kwargs):
                self.assertBotoError(code, self.iot.create_job, jobId=unique("bad"), **kwargs)
        self.assertBotoError("LimitExceededException", self.iot.create_job, jobId=unique("many"),
                             targets=[thing_arn(f"t{i}") for i in range(101)], document="{}")
        # Wrong JSON types, which the SDKs would not send: raw requests.
        for body in [{"targets": thing_arn(thing), "document": "{}"},
                     {"targets": [thing_arn(thing)], "document": {"a": 1}},
                     {"targets": [thing_arn(thing)], "document": "{}",
                      "timeoutConfig": {"inProgressTimeoutInMinutes": "x"}},
                     {"targets": [thing_arn(thing)], "document": "{}", "targetSelection": 5}]:
            with self.subTest(body=body):
                self.assertHttpError(self.server.http("PUT", f"/jobs/{unique('raw')}",
                                                      body=json.dumps(body)),
                                     400, "InvalidRequestException")

    def test_group_targets_reach_child_groups_and_snapshot_is_fixed(self):
        a, b, late = self.make_thing(), self.make_thing(), self.make_thing()
        parent = self.group_with(a)
        child = unique("child")
        self.iot.create_thing_group(thingGroupName=child, parentGroupName=parent)
        self.iot.add_thing_to_thing_group(thingGroupName=child, thingName=b)
        job_id = self.make_job([group_arn(parent)])
        things = sorted(s["thingArn"] for s in
                        self.iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"])
        self.assertEqual(things, sorted([thing_arn(a), thing_arn(b)]))
        # A snapshot job does not reach things that join later.
        self.iot.add_thing_to_thing_group(thingGroupName=parent, thingName=late)
        self.assertEqual(len(self.iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"]), 2)
        summary = [j for j in self.iot.list_jobs(thingGroupName=parent)["jobs"] if j["jobId"] == job_id]
        self.assertEqual(len(summary), 1)
        group_id = self.iot.describe_thing_group(thingGroupName=parent)["thingGroupId"]
        self.assertEqual(summary[0]["thingGroupId"], group_id)
        by_id = self.iot.list_jobs(thingGroupId=group_id)["jobs"]
        self.assertIn(job_id, [j["jobId"] for j in by_id])

    def test_a_thing_reached_by_several_targets_gets_one_execution_cli_v2(self):
        # `both` is named directly and is in the parent group and its child group.
        both, other = self.make_thing(), self.make_thing()
        parent = self.group_with(both)
        child = unique("child")
        self.iot.create_thing_group(thingGroupName=child, parentGroupName=parent)
        self.iot.add_thing_to_thing_group(thingGroupName=child, thingName=both)
        self.iot.add_thing_to_thing_group(thingGroupName=child, thingName=other)
        job_id = unique("overlap")
        self.server.aws_json("iot", "create-job", "--job-id", job_id, "--document", '{"a": 1}',
                             "--targets", group_arn(parent), thing_arn(both), group_arn(child))
        out = self.server.aws_json("iot", "list-job-executions-for-job", "--job-id", job_id)
        self.assertEqual(sorted((s["thingArn"], s["jobExecutionSummary"]["executionNumber"])
                                for s in out["executionSummaries"]),
                         sorted([(thing_arn(both), 1), (thing_arn(other), 1)]))
        details = self.server.aws_json("iot", "describe-job", "--job-id", job_id)["job"]
        self.assertEqual(details["jobProcessDetails"]["numberOfQueuedThings"], 2)
        # The same id again is refused, whatever its targets.
        rc, _, err = self.server.aws("iot", "create-job", "--job-id", job_id, "--document", "{}",
                                     "--targets", thing_arn(other))
        self.assertNotEqual(rc, 0)
        self.assertIn("ResourceAlreadyExistsException", err)

    def test_continuous_job_reaches_things_that_join_later(self):
        first = self.make_thing()
        group = self.group_with(first)
        job_id = self.make_job([group_arn(group)], targetSelection="CONTINUOUS")
        late = self.make_thing()
        rc, _, err = self.server.aws("iot", "add-thing-to-thing-group", "--thing-group-name", group,
                                     "--thing-name", late)
        self.assertEqual(rc, 0, err)
        execution = self.iot.describe_job_execution(jobId=job_id, thingName=late)["execution"]
        self.assertEqual((execution["status"], execution["executionNumber"]), ("QUEUED", 1))
        # The device finishes it; the continuous job keeps running.
        self.data.start_next_pending_job_execution(thingName=first)
        self.data.update_job_execution(thingName=first, jobId=job_id, status="SUCCEEDED")
        self.data.update_job_execution(thingName=late, jobId=job_id, status="SUCCEEDED")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        # Leaving the group removes a pending execution; rejoining queues a new one.
        again = self.make_thing()
        self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=again)
        self.iot.remove_thing_from_thing_group(thingGroupName=group, thingName=again)
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=again)["execution"]["status"],
                         "REMOVED")
        self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=again)
        execution = self.iot.describe_job_execution(jobId=job_id, thingName=again)["execution"]
        self.assertEqual((execution["status"], execution["executionNumber"]), ("QUEUED", 2))
        details = self.iot.describe_job(jobId=job_id)["job"]["jobProcessDetails"]
        self.assertEqual((details["numberOfSucceededThings"], details["numberOfRemovedThings"],
                          details["numberOfQueuedThings"]), (2, 1, 1))

    def test_associate_targets_with_continuous_job(self):
        a, b = self.make_thing(), self.make_thing()
        job_id = self.make_job([thing_arn(a)], targetSelection="CONTINUOUS")
        out = self.server.aws_json("iot", "associate-targets-with-job", "--job-id", job_id,
                                   "--targets", thing_arn(b), "--comment", "more")
        self.assertEqual(out["jobId"], job_id)
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["targets"], [thing_arn(a), thing_arn(b)])
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=b)["execution"]["status"],
                         "QUEUED")
        snapshot = self.make_job([thing_arn(a)])
        self.assertAwsError(self.server.aws("iot", "associate-targets-with-job", "--job-id", snapshot,
                                            "--targets", thing_arn(b)), "InvalidRequestException")
        self.assertAwsError(self.server.aws("iot", "associate-targets-with-job", "--job-id", job_id,
                                            "--targets", thing_arn(b), "--namespace-id", "other"),
                            "ResourceNotFoundException")

    def test_update_job(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], description="old")
        rc, out, err = self.server.aws("iot", "update-job", "--job-id", job_id, "--description", "new",
                                       "--timeout-config", "inProgressTimeoutInMinutes=15",
                                       "--abort-config", json.dumps(CONFIGS["abortConfig"]))
        self.assertEqual((rc, out), (0, ""), err)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["description"], "new")
        self.assertEqual(job["timeoutConfig"], {"inProgressTimeoutInMinutes": 15})
        self.assertEqual(job["abortConfig"], CONFIGS["abortConfig"])
        self.assertGreaterEqual(job["lastUpdatedAt"], job["createdAt"])
        self.assertAwsError(self.server.aws("iot", "update-job", "--job-id", unique("none"),
                                            "--description", "x"), "ResourceNotFoundException")

    def test_cancel_job_with_and_without_force(self):
        a, b = self.make_thing(), self.make_thing()
        job_id = self.make_job([thing_arn(a), thing_arn(b)])
        self.data.start_next_pending_job_execution(thingName=a)
        out = self.server.aws_json("iot", "cancel-job", "--job-id", job_id, "--reason-code",
                                   "BAD_FIRMWARE", "--comment", "stop it")
        self.assertEqual(out["jobId"], job_id)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual((job["status"], job["reasonCode"], job["comment"], job["forceCanceled"]),
                         ("CANCELED", "BAD_FIRMWARE", "stop it", False))
        # QUEUED executions are canceled; IN_PROGRESS ones keep running without force.
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=b)["execution"]["status"],
                         "CANCELED")
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=a)["execution"]["status"],
                         "IN_PROGRESS")
        self.assertAwsError(self.server.aws("iot", "cancel-job", "--job-id", job_id),
                            "InvalidRequestException")
        self.server.aws_json("iot", "cancel-job", "--job-id", job_id, "--force")
        execution = self.iot.describe_job_execution(jobId=job_id, thingName=a)["execution"]
        self.assertEqual((execution["status"], execution["forceCanceled"]), ("CANCELED", True))
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertTrue(job["forceCanceled"])
        self.assertEqual(job["jobProcessDetails"]["numberOfCanceledThings"], 2)
        self.assertBotoError("InvalidStateTransitionException", self.data.update_job_execution,
                             thingName=a, jobId=job_id, status="SUCCEEDED")

    def test_delete_job(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], namespaceId="ns1")
        self.assertAwsError(self.server.aws("iot", "delete-job", "--job-id", job_id),
                            "InvalidStateTransitionException")
        self.assertAwsError(self.server.aws("iot", "delete-job", "--job-id", job_id, "--force",
                                            "--namespace-id", "ns2"), "ResourceNotFoundException")
        rc, out, err = self.server.aws("iot", "delete-job", "--job-id", job_id, "--force",
                                       "--namespace-id", "ns1")
        self.assertEqual((rc, out), (0, ""), err)
        self.assertAwsError(self.server.aws("iot", "describe-job", "--job-id", job_id),
                            "ResourceNotFoundException")
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job_execution,
                             jobId=job_id, thingName=thing)
        # Completed and canceled jobs delete without force; the id can be used again.
        canceled = self.make_job([thing_arn(thing)])
        self.iot.cancel_job(jobId=canceled)
        self.assertEqual(self.server.aws("iot", "delete-job", "--job-id", canceled)[0], 0)
        self.iot.create_job(jobId=canceled, targets=[thing_arn(thing)], document="{}")
        self.assertEqual(self.iot.describe_job_execution(jobId=canceled, thingName=thing)
                         ["execution"]["executionNumber"], 1)

    def test_list_jobs_filters_and_pages(self):
        thing = self.make_thing()
        ns = unique("ns")
        ids = [self.make_job([thing_arn(thing)], namespaceId=ns) for _ in range(5)]
        self.iot.cancel_job(jobId=ids[0])
        continuous = self.make_job([thing_arn(thing)], namespaceId=ns, targetSelection="CONTINUOUS")
        listed = [j["jobId"] for p in self.iot.get_paginator("list_jobs").paginate(
            namespaceId=ns, PaginationConfig={"PageSize": 2}) for j in p["jobs"]]
        self.assertEqual(sorted(listed), sorted(ids + [continuous]))
        canceled = self.server.aws_json("iot", "list-jobs", "--namespace-id", ns, "--status", "CANCELED")
        self.assertEqual([j["jobId"] for j in canceled["jobs"]], [ids[0]])
        self.assertEqual(set(canceled["jobs"][0]),
                         {"jobArn", "jobId", "targetSelection", "status", "createdAt",
                          "lastUpdatedAt", "isConcurrent"})
        cont = self.iot.list_jobs(namespaceId=ns, targetSelection="CONTINUOUS")["jobs"]
        self.assertEqual([j["jobId"] for j in cont], [continuous])
        self.assertBotoError("InvalidRequestException", self.iot.list_jobs, maxResults=251)
        self.assertAwsError(self.server.aws("iot", "list-jobs", "--status", "DONE"),
                            "InvalidRequestException")


if __name__ == "__main__":
    unittest.main()
