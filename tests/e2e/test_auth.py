"""Only the right caller gets in: SigV4 verification of every request on both planes, and
IAM-style policies for the users of isolated accounts from --credentials-file."""
import datetime
import json
import os
import signal
import unittest

import botocore.exceptions

from harness import (ACCOUNT, REGION, Server, ServerTestCase, credentials_file, thing_arn,
                     unique)

OTHER = "111111111111"
OPS_KEY, OPS_SECRET = "AKIAOPSUSER000000001", "ops-secret-0123456789"
DENY_KEY, DENY_SECRET = "AKIANOTHING000000001", "nothing-secret-01234"
OTHER_ROOT_KEY, OTHER_ROOT_SECRET = "AKIAOTHERADMIN000001", "other-admin-secret-0"
DEVICE_KEY, DEVICE_SECRET = "AKIADEVICE0000000001", "device-secret-012345"

CREDENTIALS = {"accounts": {OTHER: {"users": {
    # The example policy, verbatim in shape.
    "ops": {"accessKeys": [{"accessKeyId": OPS_KEY, "secretAccessKey": OPS_SECRET}],
            "policy": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["iot:Describe*", "iot:List*"], "Resource": "*"},
                {"Effect": "Allow", "Action": "iot:DeleteJobExecution",
                 "Resource": [f"arn:aws:iot:{REGION}:{OTHER}:job/fleet-*",
                              f"arn:aws:iot:{REGION}:{OTHER}:thing/*"]},
                {"Effect": "Deny", "Action": "iot:DeleteJob", "Resource": "*"}]}},
    "nothing": {"accessKeys": [{"accessKeyId": DENY_KEY, "secretAccessKey": DENY_SECRET}]},
    "admin": {"accessKeys": [{"accessKeyId": OTHER_ROOT_KEY, "secretAccessKey": OTHER_ROOT_SECRET}],
              "policy": {"Statement": [
                  {"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "NotAction": ["iot:*", "iotjobsdata:*"], "Resource": "*"},
                  {"Effect": "Deny", "Action": "iot:CreateThing",
                   "NotResource": [f"arn:aws:iot:{REGION}:{OTHER}:thing/ok-?",
                                   f"arn:aws:iot:{REGION}:{OTHER}:thing/dev-?"]}]}},
    "device": {"accessKeys": [{"accessKeyId": DEVICE_KEY, "secretAccessKey": DEVICE_SECRET}],
               "policy": {"Statement": [{"Effect": "Allow", "Action": "iotjobsdata:*",
                                         "Resource": f"arn:aws:iot:{REGION}:{OTHER}:thing/dev-1"}]}},
}}}}


class SignatureTest(ServerTestCase):
    def test_unsigned_is_missing_token_but_health_is_open(self):
        self.assertHttpError(self.server.http("GET", "/jobs", sign=None), 403,
                             "MissingAuthenticationTokenException")
        self.assertHttpError(self.server.http("GET", "/things/t/jobs", sign=None), 403,
                             "MissingAuthenticationTokenException")
        rc, out, err = self.server.aws("--no-sign-request", "iot", "list-jobs")
        self.assertEqual(rc, 254, err)
        self.assertIn("MissingAuthenticationTokenException", err)
        status, _, body = self.server.http("GET", "/health", sign=None)
        self.assertEqual((status, json.loads(body)["auth"]), (200, "sigv4"))

    def test_unknown_key_and_wrong_secret(self):
        stranger = self.server.client("iot", key="AKIANOBODY0000000000", secret="x" * 40)
        self.assertBotoError("UnrecognizedClientException", stranger.list_jobs)
        wrong = self.server.client("iot-jobs-data", secret="not-the-secret")
        self.assertBotoError("InvalidSignatureException", wrong.get_pending_job_executions,
                             thingName="t")
        rc, _, err = self.server.aws("iot", "list-jobs", env={"AWS_SECRET_ACCESS_KEY": "wrong"})
        self.assertEqual(rc, 254)
        self.assertIn("(InvalidSignatureException)", err)

    def test_stale_and_future_dates(self):
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        for delta in (-6, 6):
            at = now + datetime.timedelta(minutes=delta)
            message = self.assertHttpError(self.server.http("GET", "/jobs", at=at), 403,
                                           "InvalidSignatureException")
            self.assertIn("Signature", message)
        at = now - datetime.timedelta(minutes=4)
        self.assertEqual(self.server.http("GET", "/jobs", at=at)[0], 200)

    def test_tampered_requests(self):
        thing = self.make_thing()
        ok = self.server.http("GET", f"/things/{thing}")
        self.assertEqual(ok[0], 200)
        import botocore.auth, botocore.awsrequest, botocore.credentials, http.client
        from harness import ACCESS_KEY, SECRET_KEY
        def signed(method, path, body=b""):
            req = botocore.awsrequest.AWSRequest(method=method, url=self.server.url + path, data=body)
            botocore.auth.SigV4Auth(botocore.credentials.Credentials(ACCESS_KEY, SECRET_KEY),
                                    "iot", REGION).add_auth(req)
            return dict(req.headers.items())
        def send(method, path, headers, body=b""):
            conn = http.client.HTTPConnection("127.0.0.1", self.server.port)
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            out = (r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
            conn.close()
            return out
        headers = signed("GET", f"/things/{thing}")
        self.assertHttpError(send("GET", f"/things/{unique('other')}", headers), 403,
                             "InvalidSignatureException")
        self.assertHttpError(send("DELETE", f"/things/{thing}", headers), 403,
                             "InvalidSignatureException")
        body = json.dumps({"attributePayload": {"attributes": {"a": "1"}}}).encode()
        headers = signed("PATCH", f"/things/{thing}", body)
        self.assertHttpError(send("PATCH", f"/things/{thing}", headers, body.replace(b"1", b"2")),
                             403, "InvalidSignatureException")
        self.assertEqual(self.iot.describe_thing(thingName=thing)["attributes"], {})
        # Signed for another region, or a service that is not ours.
        self.assertHttpError(self.server.http("GET", "/jobs", region="eu-west-1"), 403,
                             "InvalidSignatureException")
        self.assertHttpError(self.server.http("GET", "/jobs", sign="s3"), 403,
                             "InvalidSignatureException")

    def test_both_control_plane_signing_names_are_accepted(self):
        self.assertEqual(self.server.http("GET", "/jobs", sign="iot")[0], 200)
        self.assertEqual(self.server.http("GET", "/jobs", sign="execute-api")[0], 200)


class PolicyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.credentials_path = credentials_file(CREDENTIALS)
        cls.server = Server(args=["--credentials-file", cls.credentials_path]).start()
        cls.root = cls.server.client("iot")
        cls.admin = cls.server.client("iot", OTHER_ROOT_KEY, OTHER_ROOT_SECRET)
        cls.ops = cls.server.client("iot", OPS_KEY, OPS_SECRET)
        cls.none = cls.server.client("iot", DENY_KEY, DENY_SECRET)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        os.unlink(cls.credentials_path)

    def denied(self, fn, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            fn(**kwargs)
        error = cm.exception.response["Error"]
        self.assertEqual(error["Code"], "AccessDeniedException")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
        return error["Message"]

    def test_default_deny_and_wildcards(self):
        message = self.denied(self.none.list_jobs)
        self.assertIn(f"arn:aws:iam::{OTHER}:user/nothing is not authorized to perform: "
                      "iot:ListJobs on resource: *", message)
        self.ops.list_jobs()  # iot:List*
        self.ops.list_things()
        self.denied(self.ops.create_thing, thingName=unique("x"))
        self.denied(self.ops.update_job, jobId="any", description="d")

    def test_allowed_only_on_matching_resources_and_explicit_deny_wins(self):
        thing = unique("t")
        # The admin may create things only named ok-? or dev-? (Deny with NotResource).
        self.denied(self.admin.create_thing, thingName=thing)
        self.denied(self.admin.create_thing, thingName="ok-10")  # '?' is one character
        self.admin.create_thing(thingName="ok-1")
        target = thing_arn("ok-1").replace(ACCOUNT, OTHER)
        fleet, other = "fleet-" + unique("j"), unique("j")
        for job_id in (fleet, other):
            self.admin.create_job(jobId=job_id, targets=[target], document="{}")
        # ops may delete executions of fleet-* jobs only...
        self.denied(self.ops.delete_job_execution, jobId=other, thingName="ok-1", executionNumber=1)
        self.assertEqual(self.admin.describe_job_execution(jobId=other, thingName="ok-1")
                         ["execution"]["status"], "QUEUED")
        self.ops.delete_job_execution(jobId=fleet, thingName="ok-1", executionNumber=1)
        # ...and may never delete a job (explicit Deny), though the admin may.
        self.denied(self.ops.delete_job, jobId=other, force=True)
        self.admin.describe_job(jobId=other)
        self.admin.delete_job(jobId=other, force=True)
        # NotAction: the admin is denied everything outside iot and iotjobsdata — nothing here.
        self.admin.list_things()

    def test_device_plane_actions_and_resources(self):
        self.admin.create_thing(thingName="dev-1")
        self.admin.create_thing(thingName="dev-2")
        device = self.server.client("iot-jobs-data", DEVICE_KEY, DEVICE_SECRET)
        self.assertEqual(device.get_pending_job_executions(thingName="dev-1")["queuedJobs"], [])
        self.denied(device.get_pending_job_executions, thingName="dev-2")
        control = self.server.client("iot", DEVICE_KEY, DEVICE_SECRET)
        self.denied(control.list_job_executions_for_thing, thingName="dev-1")

    def test_accounts_never_see_each_other(self):
        name = unique("same-name")
        mine = self.root.create_thing(thingName=name)
        self.assertEqual(mine["thingArn"], f"arn:aws:iot:{REGION}:{ACCOUNT}:thing/{name}")
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            self.ops.describe_thing(thingName=name)
        self.assertEqual(cm.exception.response["Error"]["Code"], "ResourceNotFoundException")
        job_id = unique("iso")
        self.admin.create_thing(thingName="ok-2")
        self.admin.create_job(jobId=job_id, targets=[f"arn:aws:iot:{REGION}:{OTHER}:thing/ok-2"],
                              document="{}")
        self.assertIn(f":{OTHER}:job/{job_id}", self.admin.describe_job(jobId=job_id)["job"]["jobArn"])
        self.assertNotIn(job_id, [j["jobId"] for j in self.root.list_jobs()["jobs"]])
        with self.assertRaises(botocore.exceptions.ClientError):
            self.root.describe_job(jobId=job_id)
        # The same id in the root account is another job.
        self.root.create_job(jobId=job_id, targets=[thing_arn(name)], document="{}")
        self.assertEqual(self.root.describe_job(jobId=job_id)["job"]["targets"], [thing_arn(name)])
        self.assertEqual(self.admin.describe_job(jobId=job_id)["job"]["targets"],
                         [f"arn:aws:iot:{REGION}:{OTHER}:thing/ok-2"])
        # The same thing name in both accounts: two things.
        self.root.create_thing(thingName="ok-2")
        self.assertNotEqual(self.root.describe_thing(thingName="ok-2")["thingId"],
                            self.admin.describe_thing(thingName="ok-2")["thingId"])
        self.assertEqual(self.admin.describe_thing(thingName="ok-2")["thingArn"],
                         f"arn:aws:iot:{REGION}:{OTHER}:thing/ok-2")
        # A target in another account is refused.
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            self.admin.create_job(jobId=unique("x"), targets=[thing_arn(name)], document="{}")
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidRequestException")

    def test_sighup_reloads_keys_without_dropping_connections(self):
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port)
        conn.request("GET", "/health")
        first = conn.getresponse()
        first.read()
        self.assertEqual(first.status, 200)
        late_key, late_secret = "AKIALATEUSER00000001", "late-secret-0123456789"
        late = self.server.client("iot", late_key, late_secret)
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            late.list_jobs()
        self.assertEqual(cm.exception.response["Error"]["Code"], "UnrecognizedClientException")
        updated = json.loads(json.dumps(CREDENTIALS))
        updated["accounts"][OTHER]["users"]["late"] = {
            "accessKeys": [{"accessKeyId": late_key, "secretAccessKey": late_secret}],
            "policy": {"Statement": [{"Effect": "Allow", "Action": "iot:ListJobs", "Resource": "*"}]}}
        with open(self.credentials_path, "w") as f:
            json.dump(updated, f)
        self.server.proc.send_signal(signal.SIGHUP)
        import time
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "reloaded" not in self.server.log():
            time.sleep(0.02)
        late.list_jobs()
        # The keep-alive connection opened before the reload still works.
        conn.request("GET", "/health")
        self.assertEqual(conn.getresponse().status, 200)
        conn.close()
        # A broken file keeps the previous credentials.
        with open(self.credentials_path, "w") as f:
            f.write("{not json")
        self.server.proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "not reloaded" not in self.server.log():
            time.sleep(0.02)
        late.list_jobs()
        with open(self.credentials_path, "w") as f:
            json.dump(CREDENTIALS, f)


if __name__ == "__main__":
    unittest.main()
