"""iotjobsd --allow-reset: POST /moto-api/reset and POST /_iotjobs/test/reset empty every
account's data; without the flag both paths are unknown; under SigV4 only root may reset."""
import json
import os
import tempfile
import unittest

from harness import ServerTestCase, Server, thing_arn

USER_KEY = "AKIAIOTJOBSTESTUSER01"
USER_SECRET = "user/secret/key/0123456789abcdefghij"


def credentials_file():
    """A user of the server's account allowed every iot action (but not root)."""
    f = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    json.dump({"accounts": {"123456789012": {"users": {"dev": {
        "accessKeys": [{"accessKeyId": USER_KEY, "secretAccessKey": USER_SECRET}],
        "policy": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "iot:*", "Resource": "*"}]}}}}}}, f)
    f.close()
    return f.name


class ResetTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.credentials = credentials_file()
        cls.server_args = ("--allow-reset", "--credentials-file", cls.credentials)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        os.unlink(cls.credentials)

    def fill(self):
        thing = self.make_thing()
        self.iot.create_thing_group(thingGroupName="reset-group")
        job_id = self.make_job([thing_arn(thing)])
        self.iot.create_job_template(jobTemplateId="reset-tpl", document="{}", description="d")
        return thing, job_id

    def assertEmpty(self):
        self.assertEqual(self.iot.list_things()["things"], [])
        self.assertEqual(self.iot.list_thing_groups()["thingGroups"], [])
        self.assertEqual(self.iot.list_jobs()["jobs"], [])
        self.assertEqual(self.iot.list_job_templates()["jobTemplates"], [])

    def test_both_paths_empty_everything(self):
        for path in ("/moto-api/reset", "/_iotjobs/test/reset"):
            with self.subTest(path=path):
                thing, job_id = self.fill()
                status, _, body = self.server.http("POST", path)
                self.assertEqual(status, 200, body)
                self.assertEmpty()
                self.assertBotoError("ResourceNotFoundException", self.iot.describe_job, jobId=job_id)
                # The same names can be used again.
                self.fill()
                self.server.http("POST", path)

    def test_moto_sends_it_unsigned_which_sigv4_refuses(self):
        status, headers, _ = self.server.http("POST", "/moto-api/reset", sign=None)
        self.assertEqual(status, 403)

    def test_only_root_may_reset(self):
        self.fill()
        self.assertHttpError(self.server.http("POST", "/_iotjobs/test/reset", key=USER_KEY,
                                              secret=USER_SECRET), 403, "AccessDeniedException")
        self.assertNotEqual(self.iot.list_things()["things"], [])
        self.server.http("POST", "/_iotjobs/test/reset")

    def test_other_methods_are_not_a_reset(self):
        self.fill()
        status, _, _ = self.server.http("GET", "/moto-api/reset")
        self.assertNotEqual(status, 200)
        self.assertNotEqual(self.iot.list_things()["things"], [])
        self.server.http("POST", "/_iotjobs/test/reset")


class WithoutTheFlagTest(unittest.TestCase):
    def test_the_paths_are_unknown(self):
        server = Server().start()
        try:
            iot = server.client("iot")
            iot.create_thing(thingName="kept")
            for path in ("/moto-api/reset", "/_iotjobs/test/reset"):
                status, headers, _ = server.http("POST", path)
                self.assertEqual(status, 404, path)
                self.assertIn("x-amzn-errortype", headers)
            self.assertEqual(len(iot.list_things()["things"]), 1)
        finally:
            server.cleanup()


class NoAuthTest(unittest.TestCase):
    def test_moto_style_reset_works_with_auth_none(self):
        server = Server(args=("--auth", "none", "--allow-reset")).start()
        try:
            iot = server.client("iot")
            iot.create_thing(thingName="gone")
            status, _, _ = server.http("POST", "/moto-api/reset", sign=None)
            self.assertEqual(status, 200)
            self.assertEqual(iot.list_things()["things"], [])
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
