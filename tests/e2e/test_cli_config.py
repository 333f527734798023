"""iotjobs reads its configuration as AWS CLI v2 does: ~/.aws/config and ~/.aws/credentials
(profiles, region, endpoint_url), the AWS_* variables and their precedence; it retries
throttling like the standard retry mode, honours its timeouts, and exits 130 on Ctrl-C."""
import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from harness import ACCESS_KEY, IOTJOBS, REGION, SECRET_KEY, Server, unique


def run(args, env, timeout=60):
    p = subprocess.run([IOTJOBS] + args, capture_output=True, text=True, env=env, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


class CliConfigTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.server.client("iot").create_thing(thingName="configured")
        cls.home = tempfile.mkdtemp(prefix="iotjobs-home-")
        os.makedirs(os.path.join(cls.home, ".aws"))
        with open(os.path.join(cls.home, ".aws", "config"), "w") as f:
            f.write(f"[default]\nregion = {REGION}\n\n"
                    f"[profile local]\nregion = {REGION}\nendpoint_url = {cls.server.url}\n"
                    "output = text\n\n"
                    f"[profile wrong-region]\nregion = eu-west-3\nendpoint_url = {cls.server.url}\n\n"
                    f"[profile services]\nregion = {REGION}\nservices = here\n\n"
                    f"[services here]\niot =\n  endpoint_url = {cls.server.url}\n")
        with open(os.path.join(cls.home, ".aws", "credentials"), "w") as f:
            f.write(f"[default]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n\n"
                    f"[local]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n\n"
                    f"[services]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n\n"
                    f"[wrong-region]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update({"HOME": self.home, "TZ": "UTC"})
        env.update({k: v for k, v in extra.items() if v is not None})
        return env

    def test_profile_from_the_files(self):
        rc, out, err = run(["iot", "describe-thing", "--thing-name", "configured", "--profile", "local",
                            "--query", "thingName"], self.env())
        self.assertEqual((rc, out), (0, "configured\n"), err)  # the profile's output = text
        rc, out, err = run(["iot", "describe-thing", "--thing-name", "configured", "--query", "thingName"],
                           self.env(AWS_PROFILE="local"))
        self.assertEqual((rc, out), (0, "configured\n"), err)
        rc, out, err = run(["iot", "describe-thing", "--thing-name", "configured", "--query", "thingName"],
                           self.env(AWS_PROFILE="services"))
        self.assertEqual((rc, out), (0, '"configured"\n'), err)  # services section endpoint, json

    def test_precedence_of_region_and_endpoint(self):
        # The profile signs for eu-west-3, which the server (us-east-1) refuses; --region wins.
        rc, _, err = run(["iot", "list-jobs", "--profile", "wrong-region"], self.env())
        self.assertEqual(rc, 254)
        self.assertIn("InvalidSignatureException", err)
        rc, _, err = run(["iot", "list-jobs", "--profile", "wrong-region", "--region", REGION], self.env())
        self.assertEqual(rc, 0, err)
        # AWS_REGION beats the profile's region too (botocore's order).
        rc, _, err = run(["iot", "list-jobs", "--profile", "wrong-region"], self.env(AWS_REGION=REGION))
        self.assertEqual(rc, 0, err)

    def test_environment_endpoints_and_files(self):
        env = self.env(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_REGION=REGION,
                       AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        for var in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IOT"):
            rc, _, err = run(["iot", "list-jobs"], dict(env, **{var: self.server.url}))
            self.assertEqual(rc, 0, f"{var}: {err}")
        for var in ("AWS_ENDPOINT_URL_IOT_JOBS_DATA", "AWS_ENDPOINT_URL_IOT_JOBS_DATA_PLANE"):
            rc, _, err = run(["iot-jobs-data", "get-pending-job-executions", "--thing-name", "configured"],
                             dict(env, **{var: self.server.url}))
            self.assertEqual(rc, 0, f"{var}: {err}")
        # The service-specific variable beats the general one.
        rc, _, err = run(["iot", "list-jobs"], dict(env, AWS_ENDPOINT_URL="http://127.0.0.1:1",
                                                    AWS_ENDPOINT_URL_IOT=self.server.url))
        self.assertEqual(rc, 0, err)
        # Credentials from files named by the variables.
        creds = os.path.join(self.home, "other-credentials")
        with open(creds, "w") as f:
            f.write(f"[default]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n")
        env2 = self.env(AWS_SHARED_CREDENTIALS_FILE=creds, AWS_CONFIG_FILE=os.devnull, AWS_REGION=REGION,
                        AWS_ENDPOINT_URL=self.server.url)
        self.assertEqual(run(["iot", "list-jobs"], env2)[0], 0)
        # A session token is sent: the root key has none, so the server refuses it.
        rc, _, err = run(["iot", "list-jobs"], dict(env2, AWS_ACCESS_KEY_ID=ACCESS_KEY,
                                                    AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                                                    AWS_SESSION_TOKEN="token"))
        self.assertEqual(rc, 254)
        self.assertIn("UnrecognizedClientException", err)

    def test_region_order(self):
        # --region beats AWS_REGION beats AWS_DEFAULT_REGION beats the profile's region.
        base = self.env(AWS_ENDPOINT_URL=self.server.url, AWS_ACCESS_KEY_ID=ACCESS_KEY,
                        AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_CONFIG_FILE=os.devnull,
                        AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        ok = lambda env, extra=(): run(["iot", "list-jobs"] + list(extra), env)[0]
        self.assertEqual(ok(dict(base, AWS_REGION=REGION, AWS_DEFAULT_REGION="eu-west-3")), 0)
        self.assertEqual(ok(dict(base, AWS_REGION="eu-west-3", AWS_DEFAULT_REGION=REGION)), 254)
        self.assertEqual(ok(dict(base, AWS_REGION="eu-west-3"), ["--region", REGION]), 0)
        self.assertEqual(ok(dict(base, AWS_DEFAULT_REGION=REGION)), 0)
        self.assertEqual(ok(base), 253)  # no region anywhere

    def test_retries_throttling(self):
        # Under the test clock the rate buckets refill only when the test moves time, so the
        # CLI is throttled on a machine of any speed, and gets through once time moves.
        throttled = Server(args=["--rate-limits", "aws", "--test-clock"]).start()
        try:
            env = self.env(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                           AWS_REGION=REGION, AWS_ENDPOINT_URL=throttled.url,
                           AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
                           AWS_MAX_ATTEMPTS="5")
            iot = throttled.client("iot")
            for _ in range(30):
                try:
                    iot.list_jobs()
                except Exception:
                    pass
            cli = subprocess.Popen([IOTJOBS, "--debug", "iot", "list-jobs"], env=env, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            err = ""
            for line in cli.stderr:
                err += line
                if "Retrying in" in line:
                    break  # throttled first: now let time refill the bucket
            status, _, body = throttled.http("POST", "/_iotjobs/test/clock",
                                             body='{"advanceSeconds": 60}')
            self.assertEqual(status, 200, body)
            out, rest = cli.communicate(timeout=60)
            err += rest
            self.assertIn("Retrying in", err)
            self.assertEqual(cli.returncode, 0, err)  # backed off and got through
        finally:
            throttled.cleanup()

    def test_read_timeout_and_interrupt(self):
        # A listener that accepts and never answers.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        env = self.env(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_REGION=REGION,
                       AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
                       AWS_MAX_ATTEMPTS="1")
        try:
            started = time.monotonic()
            rc, _, err = run(["--endpoint-url", f"http://127.0.0.1:{port}", "--cli-read-timeout", "1",
                              "iot", "list-jobs"], env)
            self.assertEqual(rc, 255)
            self.assertIn("Read timeout on endpoint URL", err)
            self.assertLess(time.monotonic() - started, 10)
            stale, _ = silent.accept()  # the timed-out call's connection
            stale.close()
            p = subprocess.Popen([IOTJOBS, "--endpoint-url", f"http://127.0.0.1:{port}", "iot", "list-jobs"],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            conn, _ = silent.accept()  # the request is on its way: interrupt it
            p.send_signal(signal.SIGINT)
            self.assertEqual(p.wait(timeout=10), 130)
            p.stdout.close()
            p.stderr.close()
            conn.close()
        finally:
            silent.close()


if __name__ == "__main__":
    unittest.main()
