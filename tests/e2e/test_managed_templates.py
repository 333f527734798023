"""AWS managed job templates: ListManagedJobTemplates, DescribeManagedJobTemplate, CreateJob
from a managed template with documentParameters, the substituted document devices get over
HTTPS (iot-jobs-data) and MQTT (Mosquitto), and beforeSubstitution — with boto3, AWS CLI v2
and iotjobs (AWS CLI 2.9.19 predates --before-substitution and the paginator of
list-managed-job-templates, which iotjobs has from the current model)."""
import json
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, thing_arn, unique
from test_mqtt import MqttTestCase

NAMES = ["AWS-Download-File", "AWS-Install-Application", "AWS-Reboot", "AWS-Remove-Application",
         "AWS-Restart-Application", "AWS-Run-Command", "AWS-Start-Application",
         "AWS-Stop-Application"]
DOWNLOAD_ARN = f"arn:aws:iot:{REGION}::jobtemplate/AWS-Download-File:1.0"
REBOOT_ARN = f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0"
# AWS-Download-File's document as DescribeManagedJobTemplate prints it in the Developer Guide.
DOWNLOAD_DOCUMENT = (
    '{"version":"1.0","steps":[{"action":{"name":"Download-File","type":"runHandler",'
    '"input":{"handler":"download-file.sh","args":["${aws:iot:parameter:downloadUrl}",'
    '"${aws:iot:parameter:filePath}"],"path":"${aws:iot:parameter:pathToHandler}"},'
    '"runAsUser":"${aws:iot:parameter:runAsUser}"}}]}')
# A URL whose quotes would end the JSON string if it went in unescaped.
URL = 'https://example.com/fw.bin?name="fw"&sig=a\\b'


def download_document(url, path, user="", handlers=""):
    """AWS-Download-File's document as a device gets it."""
    return {"version": "1.0", "steps": [{"action": {
        "name": "Download-File", "type": "runHandler",
        "input": {"handler": "download-file.sh", "args": [url, path], "path": handlers},
        "runAsUser": user}}]}


def reboot_document(user="", handlers=""):
    return {"version": "1.0", "steps": [{"action": {
        "name": "Reboot", "type": "runHandler",
        "input": {"handler": "reboot.sh", "path": handlers}, "runAsUser": user}}]}


class CatalogueTest(ServerTestCase):
    def test_list_with_boto3_and_the_clis(self):
        listed = self.iot.list_managed_job_templates()["managedJobTemplates"]
        self.assertEqual([t["templateName"] for t in listed], NAMES)
        for t in listed:
            self.assertEqual(t, {"templateArn": f"arn:aws:iot:{REGION}::jobtemplate/{t['templateName']}:1.0",
                                 "templateName": t["templateName"], "description": t["description"],
                                 "environments": ["LINUX"], "templateVersion": "1.0"})
            self.assertTrue(t["description"].startswith("A managed job template for "))
        # Pages of three, by hand and through boto3's paginator.
        seen, token = [], None
        while True:
            page = self.iot.list_managed_job_templates(maxResults=3, **({"nextToken": token} if token else {}))
            self.assertLessEqual(len(page["managedJobTemplates"]), 3)
            seen += [t["templateName"] for t in page["managedJobTemplates"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual(seen, NAMES)
        paginated = self.iot.get_paginator("list_managed_job_templates").paginate(
            PaginationConfig={"PageSize": 2})
        self.assertEqual([t["templateName"] for p in paginated for t in p["managedJobTemplates"]], NAMES)
        only = self.iot.list_managed_job_templates(templateName="AWS-Reboot")["managedJobTemplates"]
        self.assertEqual([t["templateName"] for t in only], ["AWS-Reboot"])
        # AWS CLI v2 prints what boto3 got; iotjobs pages like current CLIs.
        self.assertEqual(self.server.aws_json("iot", "list-managed-job-templates")["managedJobTemplates"],
                         listed)
        rc, out, err = self.server.iotjobs("iot", "list-managed-job-templates", "--page-size", "3",
                                           "--max-items", "4")
        self.assertEqual(rc, 0, err)
        out = json.loads(out)
        self.assertEqual(out["managedJobTemplates"], listed[:4])
        self.assertIn("NextToken", out)
        rc, out, err = self.server.iotjobs("iot", "list-managed-job-templates", "--starting-token",
                                           out["NextToken"], "--query",
                                           "managedJobTemplates[].templateName", "--output", "text")
        self.assertEqual((rc, out.split()), (0, NAMES[4:]), err)

    def test_describe_with_boto3_and_the_clis(self):
        got = self.iot.describe_managed_job_template(templateName="AWS-Download-File")
        got.pop("ResponseMetadata")
        self.assertEqual(got["templateArn"], DOWNLOAD_ARN)
        self.assertEqual(got["templateVersion"], "1.0")
        self.assertEqual(got["document"], DOWNLOAD_DOCUMENT)
        self.assertEqual([p["key"] for p in got["documentParameters"]],
                         ["downloadUrl", "filePath", "runAsUser", "pathToHandler"])
        self.assertEqual(got["documentParameters"][0], {
            "key": "downloadUrl", "description": "URL of file to download.", "regex": "(.*?)",
            "example": "http://www.example.com/index.html", "optional": False})
        self.assertEqual(self.iot.describe_managed_job_template(
            templateName="AWS-Download-File", templateVersion="1.0")["document"], DOWNLOAD_DOCUMENT)
        self.assertEqual(self.server.aws_json("iot", "describe-managed-job-template",
                                              "--template-name", "AWS-Download-File"), got)
        for name in NAMES:
            with self.subTest(name=name):
                t = self.server.aws_json("iot", "describe-managed-job-template", "--template-name", name,
                                         "--template-version", "1.0")
                self.assertIsInstance(json.loads(t["document"]), dict)
                self.assertIn("runAsUser", [p["key"] for p in t["documentParameters"]])

    def test_unknown_and_malformed_names(self):
        for kwargs in ({"templateName": "AWS-Nothing"},
                       {"templateName": "AWS-Reboot", "templateVersion": "9.9"}):
            with self.subTest(kwargs=kwargs):
                self.assertBotoError("ResourceNotFoundException",
                                     self.iot.describe_managed_job_template, **kwargs)
        self.assertBotoError("ResourceNotFoundException", self.iot.list_managed_job_templates,
                             templateName="AWS-Nothing")
        self.assertAwsError(self.server.aws("iot", "describe-managed-job-template", "--template-name",
                                            "AWS-Nothing"), "ResourceNotFoundException")
        self.assertAwsError(self.server.aws("iot", "describe-managed-job-template", "--template-name",
                                            "AWS-Reboot", "--template-version", "latest"),
                            "InvalidRequestException")
        # AWS's error shape, raw: status, x-amzn-ErrorType and {"message"}.
        self.assertHttpError(self.server.http("GET", "/managed-job-templates/AWS-Nothing"),
                             404, "ResourceNotFoundException")
        for path in ("/managed-job-templates/AWS-Reboot?templateVersion=v1",
                     "/managed-job-templates/" + "x" * 65,
                     "/managed-job-templates?maxResults=0",
                     "/managed-job-templates?maxResults=251",
                     "/managed-job-templates?nextToken=forged"):
            with self.subTest(path=path):
                self.assertHttpError(self.server.http("GET", path), 400, "InvalidRequestException")


class CreateJobTest(ServerTestCase):
    def setUp(self):
        self.thing = self.make_thing()
        self.data = self.server.client("iot-jobs-data")

    def assertNothingCreated(self, job_id):
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job, jobId=job_id)
        executions = self.iot.list_job_executions_for_thing(thingName=self.thing)["executionSummaries"]
        self.assertNotIn(job_id, [e["jobId"] for e in executions])

    def test_download_file_with_boto3_and_the_device_over_https(self):
        job_id = unique("download")
        out = self.iot.create_job(jobId=job_id, targets=[thing_arn(self.thing)],
                                  jobTemplateArn=DOWNLOAD_ARN,
                                  documentParameters={"downloadUrl": URL, "filePath": "/tmp/fw.bin",
                                                      "runAsUser": "fw"})
        self.assertEqual(out["description"], "A managed job template for downloading a file.")
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobTemplateArn"], DOWNLOAD_ARN)
        self.assertEqual(job["documentParameters"],
                         {"downloadUrl": URL, "filePath": "/tmp/fw.bin", "runAsUser": "fw"})
        # DescribeJob's output has no document: beforeSubstitution shows the same job.
        before = self.iot.describe_job(jobId=job_id, beforeSubstitution=True)["job"]
        self.assertEqual(before["documentParameters"], job["documentParameters"])
        expected = download_document(URL, "/tmp/fw.bin", user="fw")
        self.assertEqual(json.loads(self.iot.get_job_document(jobId=job_id)["document"]), expected)
        self.assertEqual(self.iot.get_job_document(jobId=job_id, beforeSubstitution=True)["document"],
                         DOWNLOAD_DOCUMENT)
        self.assertEqual(json.loads(self.iot.get_job_document(
            jobId=job_id, beforeSubstitution=False)["document"]), expected)
        # The device plane over HTTPS.
        pending = self.data.get_pending_job_executions(thingName=self.thing)
        self.assertEqual([e["jobId"] for e in pending["queuedJobs"]], [job_id])
        described = self.data.describe_job_execution(thingName=self.thing, jobId=job_id)["execution"]
        self.assertEqual(json.loads(described["jobDocument"]), expected)
        started = self.data.start_next_pending_job_execution(thingName=self.thing)["execution"]
        self.assertEqual(json.loads(started["jobDocument"]), expected)
        done = self.data.update_job_execution(thingName=self.thing, jobId=job_id, status="SUCCEEDED",
                                              includeJobDocument=True)
        self.assertEqual(json.loads(done["jobDocument"]), expected)

    def test_reboot_with_the_clis(self):
        job_id = unique("reboot")
        out = self.server.aws_json("iot", "create-job", "--job-id", job_id, "--targets",
                                   thing_arn(self.thing), "--job-template-arn", REBOOT_ARN,
                                   "--document-parameters", "runAsUser=root,pathToHandler=/opt/jobs")
        self.assertEqual(out["description"], "A managed job template for rebooting the device.")
        job = self.server.aws_json("iot", "describe-job", "--job-id", job_id)["job"]
        self.assertEqual(job["documentParameters"], {"runAsUser": "root", "pathToHandler": "/opt/jobs"})
        expected = reboot_document("root", "/opt/jobs")
        doc = self.server.aws_json("iot", "get-job-document", "--job-id", job_id)["document"]
        self.assertEqual(json.loads(doc), expected)
        # --before-substitution: iotjobs has it from the current model.
        rc, out, err = self.server.iotjobs("iot", "get-job-document", "--job-id", job_id,
                                           "--before-substitution")
        self.assertEqual(rc, 0, err)
        raw = json.loads(json.loads(out)["document"])
        self.assertEqual(raw["steps"][0]["action"]["runAsUser"], "${aws:iot:parameter:runAsUser}")
        rc, out, err = self.server.iotjobs("iot", "get-job-document", "--job-id", job_id,
                                           "--no-before-substitution")
        self.assertEqual((rc, json.loads(json.loads(out)["document"])), (0, expected), err)
        rc, out, err = self.server.iotjobs("iot", "describe-job", "--job-id", job_id,
                                           "--before-substitution", "--query", "job.documentParameters")
        self.assertEqual((rc, json.loads(out)), (0, job["documentParameters"]), err)
        # AWS CLI v2's device plane gets the substituted document.
        execution = self.server.aws_json("iot-jobs-data", "start-next-pending-job-execution",
                                         "--thing-name", self.thing)["execution"]
        self.assertEqual(json.loads(execution["jobDocument"]), expected)
        # The JSON form of --document-parameters, and no parameters at all (both optional).
        for extra in (["--document-parameters", '{"runAsUser": "pi"}'], []):
            other = unique("reboot")
            self.server.aws_json("iot", "create-job", "--job-id", other, "--targets",
                                 thing_arn(self.thing), "--job-template-arn", REBOOT_ARN, *extra)
            self.assertEqual(json.loads(self.iot.get_job_document(jobId=other)["document"]),
                             reboot_document("pi" if extra else ""))

    def test_bad_parameters_are_refused_and_create_nothing(self):
        target = [thing_arn(self.thing)]
        cases = [
            ("regex mismatch", {"jobTemplateArn": REBOOT_ARN,
                                "documentParameters": {"runAsUser": "u" * 257}}, "runAsUser"),
            ("missing required", {"jobTemplateArn": DOWNLOAD_ARN,
                                  "documentParameters": {"downloadUrl": URL}}, "filePath"),
            ("unknown key", {"jobTemplateArn": REBOOT_ARN,
                             "documentParameters": {"delaySeconds": "5"}}, "delaySeconds"),
            ("no managed template", {"document": "{}", "documentParameters": {"a": "b"}},
             "documentParameters"),
            ("a document beside it", {"jobTemplateArn": REBOOT_ARN, "document": "{}"}, "document"),
        ]
        for label, kwargs, named in cases:
            with self.subTest(label):
                job_id = unique("bad")
                response = self.assertBotoError("InvalidRequestException", self.iot.create_job,
                                                jobId=job_id, targets=target, **kwargs)
                self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 400)
                self.assertIn(named, response["Error"]["Message"])
                self.assertNothingCreated(job_id)
                # The same request raw: AWS's error shape.
                message = self.assertHttpError(
                    self.server.http("PUT", f"/jobs/{job_id}",
                                     body=json.dumps({"targets": target, **kwargs})),
                    400, "InvalidRequestException")
                self.assertIn(named, message)
                self.assertNothingCreated(job_id)
        # A custom template takes no documentParameters either.
        template_id = unique("tpl")
        self.iot.create_job_template(jobTemplateId=template_id, document="{}", description="custom")
        custom = self.iot.describe_job_template(jobTemplateId=template_id)["jobTemplateArn"]
        job_id = unique("bad")
        response = self.assertBotoError("InvalidRequestException", self.iot.create_job, jobId=job_id,
                                        targets=target, jobTemplateArn=custom,
                                        documentParameters={"a": "b"})
        self.assertIn("documentParameters", response["Error"]["Message"])
        self.assertNothingCreated(job_id)
        # Through AWS CLI v2.
        job_id = unique("bad")
        rc, out, err = self.server.aws("iot", "create-job", "--job-id", job_id, "--targets", target[0],
                                       "--job-template-arn", DOWNLOAD_ARN, "--document-parameters",
                                       "downloadUrl=https://example.com/fw.bin")
        self.assertAwsError((rc, out, err), "InvalidRequestException")
        self.assertIn("filePath", err)
        self.assertNothingCreated(job_id)
        # Templates AWS does not have.
        for arn in (f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:9.9",
                    f"arn:aws:iot:{REGION}::jobtemplate/AWS-Nothing:1.0",
                    "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0"):
            with self.subTest(arn=arn):
                job_id = unique("bad")
                self.assertBotoError("ResourceNotFoundException", self.iot.create_job, jobId=job_id,
                                     targets=target, jobTemplateArn=arn)
                self.assertNothingCreated(job_id)

    def test_a_custom_template_from_a_managed_job_keeps_the_substituted_document(self):
        job_id = unique("download")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(self.thing)], jobTemplateArn=DOWNLOAD_ARN,
                            documentParameters={"downloadUrl": URL, "filePath": "/f"})
        template_id = unique("copy")
        self.iot.create_job_template(jobTemplateId=template_id, description="from a managed job",
                                     jobArn=f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{job_id}")
        document = self.iot.describe_job_template(jobTemplateId=template_id)["document"]
        self.assertEqual(json.loads(document), download_document(URL, "/f"))


class MqttDeviceTest(MqttTestCase):
    def test_devices_get_substituted_documents_over_mqtt(self):
        for arn, parameters, expected in (
                (DOWNLOAD_ARN, {"downloadUrl": URL, "filePath": "/tmp/fw.bin"},
                 download_document(URL, "/tmp/fw.bin")),
                (REBOOT_ARN, {"runAsUser": "root"}, reboot_document("root"))):
            with self.subTest(arn=arn):
                thing, d = self.device()
                base = f"$aws/things/{thing}/jobs"
                job_id = unique("managed")
                self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], jobTemplateArn=arn,
                                    documentParameters=parameters)
                nxt = d.json(f"{base}/notify-next")["execution"]
                self.assertEqual((nxt["jobId"], nxt["jobDocument"]), (job_id, expected))
                _, described = self.request(d, f"{base}/{job_id}/get", {"clientToken": "c1"})
                self.assertEqual(described["execution"]["jobDocument"], expected)
                _, started = self.request(d, f"{base}/start-next", {"clientToken": "c2"})
                self.assertEqual(started["execution"]["jobDocument"], expected)
                _, updated = self.request(d, f"{base}/{job_id}/update",
                                          {"status": "SUCCEEDED", "includeJobDocument": True})
                self.assertEqual(updated["jobDocument"], expected)
                # The control plane still shows the document as written.
                raw = self.iot.get_job_document(jobId=job_id, beforeSubstitution=True)["document"]
                self.assertIn("${aws:iot:parameter:runAsUser}", raw)


if __name__ == "__main__":
    unittest.main()
