"""Custom job templates: CreateJobTemplate, DescribeJobTemplate, ListJobTemplates,
DeleteJobTemplate, and CreateJob with jobTemplateArn — with AWS CLI v2 and boto3."""
import datetime
import json
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, thing_arn, unique
from test_jobs import CONFIGS as JOB_CONFIGS  # CreateJob's configurations

CONFIGS = {
    **JOB_CONFIGS,
    "maintenanceWindows": [{"startTime": "cron(0 0 ? * SUN *)", "durationInMinutes": 120}],
}
# AWS CLI 2.9.19's model predates these two members; boto3 sends them.
NOT_IN_CLI_V2 = ("maintenanceWindows", "destinationPackageVersions")
DOC = {"operation": "install", "url": "https://example.com/fw.bin"}


def template_arn(template_id):
    return f"arn:aws:iot:{REGION}:{ACCOUNT}:jobtemplate/{template_id}"


def flag(member):
    return "--" + "".join("-" + c.lower() if c.isupper() else c for c in member)


class JobTemplatesTest(ServerTestCase):
    def make_template(self, **kwargs):
        template_id = unique("tpl")
        kwargs.setdefault("document", json.dumps(DOC))
        kwargs.setdefault("description", "firmware")
        self.iot.create_job_template(jobTemplateId=template_id, **kwargs)
        return template_id

    def test_create_describe_list_delete_cli_v2(self):
        template_id = unique("tpl")
        args = ["iot", "create-job-template", "--job-template-id", template_id,
                "--document", json.dumps(DOC), "--description", "firmware 2.0",
                "--tags", "Key=team,Value=fleet"]
        for name, value in CONFIGS.items():
            if name not in NOT_IN_CLI_V2:
                args += [flag(name), json.dumps(value)]
        out = self.server.aws_json(*args)
        self.assertEqual(out, {"jobTemplateArn": template_arn(template_id),
                               "jobTemplateId": template_id})
        got = self.server.aws_json("iot", "describe-job-template", "--job-template-id", template_id)
        self.assertEqual(got["jobTemplateArn"], template_arn(template_id))
        self.assertEqual(got["description"], "firmware 2.0")
        self.assertEqual(json.loads(got["document"]), DOC)
        self.assertRegex(got["createdAt"], r"^\d{4}-\d\d-\d\dT")  # v2 prints ISO 8601
        for name, value in CONFIGS.items():
            if name not in NOT_IN_CLI_V2:
                self.assertEqual(got[name], value, name)
        listed = self.server.aws_json("iot", "list-job-templates")["jobTemplates"]
        mine = [t for t in listed if t["jobTemplateId"] == template_id]
        self.assertEqual(len(mine), 1)
        self.assertEqual(set(mine[0]), {"jobTemplateArn", "jobTemplateId", "description", "createdAt"})
        rc, out, err = self.server.aws("iot", "delete-job-template", "--job-template-id", template_id)
        self.assertEqual((rc, out), (0, ""), err)
        self.assertAwsError(self.server.aws("iot", "describe-job-template", "--job-template-id",
                                            template_id), "ResourceNotFoundException")
        self.assertAwsError(self.server.aws("iot", "delete-job-template", "--job-template-id",
                                            template_id), "ResourceNotFoundException")

    def test_the_same_id_twice_is_a_conflict(self):
        template_id = self.make_template()
        self.assertBotoError("ConflictException", self.iot.create_job_template,
                             jobTemplateId=template_id, document="{}", description="again")
        self.assertAwsError(self.server.aws("iot", "create-job-template", "--job-template-id",
                                            template_id, "--document", "{}", "--description", "x"),
                            "ConflictException")

    def test_bad_inputs(self):
        cases = [
            ("InvalidRequestException", {"jobTemplateId": "bad id!", "document": "{}"}),
            ("InvalidRequestException", {"jobTemplateId": "x" * 65, "document": "{}"}),
            ("InvalidRequestException", {"jobTemplateId": unique("t")}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"), "document": "not json"}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"), "document": "[1, 2]"}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"),
                                         "documentSource": "https://s3.amazonaws.com/b/k"}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"), "document": "{}",
                                         "jobExecutionsRolloutConfig": {"maximumPerMinute": 1001}}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"), "document": "{}",
                                         "jobExecutionsRetryConfig": {"criteriaList": [
                                             {"failureType": "FAILED", "numberOfRetries": 11}]}}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"), "document": "{}",
                                         "jobArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:job/x"}),
            ("InvalidRequestException", {"jobTemplateId": unique("t"),
                                         "jobArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:thing/x"}),
            ("ResourceNotFoundException", {"jobTemplateId": unique("t"),
                                           "jobArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{unique('ghost')}"}),
        ]
        for code, kwargs in cases:
            with self.subTest(kwargs=kwargs):
                self.assertBotoError(code, self.iot.create_job_template, description="d", **kwargs)
        for template_id in ("bad id!", "x" * 65):
            self.assertBotoError("InvalidRequestException", self.iot.describe_job_template,
                                 jobTemplateId=template_id)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job_template,
                             jobTemplateId=unique("ghost"))
        # Wrong JSON types and oversized bodies, which the SDKs would not send: raw requests.
        for body in [{"description": 5, "document": "{}"},
                     {"description": "d", "document": {"a": 1}},
                     {"description": "d", "document": "{}", "timeoutConfig": {"inProgressTimeoutInMinutes": "x"}},
                     {"description": "d", "document": "{}", "tags": "team"},
                     {"description": "d", "document": "{}", "maintenanceWindows": [{"startTime": 1}]},
                     {"description": "d", "document": "{" + '"a":"' + "x" * 40000 + '"}'},
                     {"document": "{}"}]:
            with self.subTest(body=str(body)[:80]):
                self.assertHttpError(self.server.http("PUT", f"/job-templates/{unique('raw')}",
                                                      body=json.dumps(body)),
                                     400, "InvalidRequestException")
        self.assertHttpError(self.server.http("PUT", f"/job-templates/{unique('raw')}", body="{"),
                             400, "InvalidRequestException")
        self.assertHttpError(self.server.http("GET", "/job-templates?maxResults=0"),
                             400, "InvalidRequestException")
        self.assertHttpError(self.server.http("GET", "/job-templates?nextToken=forged"),
                             400, "InvalidRequestException")

    def test_list_pages_with_boto3_and_the_cli(self):
        ids = sorted(self.make_template() for _ in range(5))
        seen, token = [], None
        while True:
            kwargs = {"maxResults": 2}
            if token:
                kwargs["nextToken"] = token
            page = self.iot.list_job_templates(**kwargs)
            self.assertLessEqual(len(page["jobTemplates"]), 2)
            seen += [t["jobTemplateId"] for t in page["jobTemplates"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual([i for i in seen if i in ids], ids)
        self.assertEqual(seen, sorted(seen))
        paginated = self.iot.get_paginator("list_job_templates").paginate(PaginationConfig={"PageSize": 2})
        self.assertEqual([t["jobTemplateId"] for p in paginated for t in p["jobTemplates"]], seen)
        out = self.server.aws_json("iot", "list-job-templates", "--page-size", "2", "--max-items", "3")
        self.assertEqual([t["jobTemplateId"] for t in out["jobTemplates"]], seen[:3])
        self.assertIn("NextToken", out)

    def test_from_an_existing_job(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)], document=json.dumps(DOC),
                               timeoutConfig=CONFIGS["timeoutConfig"],
                               abortConfig=CONFIGS["abortConfig"])
        template_id = unique("copy")
        self.server.aws_json("iot", "create-job-template", "--job-template-id", template_id,
                             "--job-arn", f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{job_id}",
                             "--description", "copied",
                             "--job-executions-retry-config", json.dumps(CONFIGS["jobExecutionsRetryConfig"]))
        got = self.iot.describe_job_template(jobTemplateId=template_id)
        self.assertEqual(json.loads(got["document"]), DOC)
        self.assertEqual(got["description"], "copied")
        self.assertEqual(got["timeoutConfig"], CONFIGS["timeoutConfig"])
        self.assertEqual(got["abortConfig"], CONFIGS["abortConfig"])
        self.assertEqual(got["jobExecutionsRetryConfig"], CONFIGS["jobExecutionsRetryConfig"])
        self.assertNotIn("jobExecutionsRolloutConfig", got)

    def test_create_job_from_a_template(self):
        template_id = self.make_template(**CONFIGS)
        got = self.iot.describe_job_template(jobTemplateId=template_id)
        for name, value in CONFIGS.items():
            self.assertEqual(got[name], value, name)
        thing = self.make_thing()
        job_id = unique("fromtpl")
        out = self.server.aws_json("iot", "create-job", "--job-id", job_id, "--targets",
                                   thing_arn(thing), "--job-template-arn", template_arn(template_id),
                                   "--timeout-config", "inProgressTimeoutInMinutes=45")
        self.assertEqual(out["jobId"], job_id)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobTemplateArn"], template_arn(template_id))
        self.assertEqual(job["timeoutConfig"], {"inProgressTimeoutInMinutes": 45})  # its own wins
        for name in ("presignedUrlConfig", "jobExecutionsRolloutConfig", "abortConfig",
                     "jobExecutionsRetryConfig"):
            self.assertEqual(job[name], CONFIGS[name], name)
        self.assertEqual(job["schedulingConfig"]["maintenanceWindows"], CONFIGS["maintenanceWindows"])
        self.assertEqual(json.loads(self.iot.get_job_document(jobId=job_id)["document"]), DOC)
        # The template's maintenance window (Sundays from midnight, two hours) holds the
        # rollout back unless it is open now.
        now = datetime.datetime.now(datetime.timezone.utc)
        sunday_night = now.weekday() == 6 and now.hour < 2
        data = self.server.client("iot-jobs-data")
        pending = data.get_pending_job_executions(thingName=thing)["queuedJobs"]
        self.assertEqual(job["status"], "IN_PROGRESS" if sunday_night else "SCHEDULED")
        self.assertEqual(len(pending), 1 if sunday_night else 0)
        # Without the window, the device gets the template's document.
        job_id = unique("fromtpl")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)],
                            jobTemplateArn=template_arn(template_id),
                            schedulingConfig={"maintenanceWindows": [
                                {"startTime": "cron(0 * * * ? *)", "durationInMinutes": 1430}]})
        execution = data.describe_job_execution(jobId=job_id, thingName=thing,
                                                includeJobDocument=True)["execution"]
        self.assertEqual(json.loads(execution["jobDocument"]), DOC)
        # Deleting the template leaves the job alone.
        self.iot.delete_job_template(jobTemplateId=template_id)
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobTemplateArn"], template_arn(template_id))
        self.assertEqual(json.loads(self.iot.get_job_document(jobId=job_id)["document"]), DOC)
        # ... and a job can no longer be made from it.
        self.assertBotoError("ResourceNotFoundException", self.iot.create_job, jobId=unique("late"),
                             targets=[thing_arn(thing)], jobTemplateArn=template_arn(template_id))

    def test_create_job_template_refusals(self):
        template_id = self.make_template()
        thing = self.make_thing()
        ok = {"targets": [thing_arn(thing)], "jobTemplateArn": template_arn(template_id)}
        cases = [
            ("InvalidRequestException", {**ok, "document": "{}"}),
            ("InvalidRequestException", {**ok, "documentSource": "https://s3.amazonaws.com/b/k"}),
            ("InvalidRequestException", {**ok, "documentParameters": {"a": "b"}}),
            ("InvalidRequestException", {**ok, "jobTemplateArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:job/j"}),
            ("ResourceNotFoundException", {**ok, "jobTemplateArn": f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:9.9"}),
            ("ResourceNotFoundException", {**ok, "jobTemplateArn": f"arn:aws:iot:{REGION}:999999999999:jobtemplate/{template_id}"}),
        ]
        for code, kwargs in cases:
            with self.subTest(kwargs=kwargs):
                self.assertBotoError(code, self.iot.create_job, jobId=unique("bad"), **kwargs)


if __name__ == "__main__":
    unittest.main()
