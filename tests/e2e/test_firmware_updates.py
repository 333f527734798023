"""Firmware updates through an S3-compatible store: job documents read from a bucket
(documentSource) and ${aws:iot:s3-presigned-url:URL} placeholders replaced by presigned GET URLs
when a device gets the document (docs/s3-documents.md).

The store is s3rver (npm), a real S3-compatible server on a free port. It checks header
signatures and the expiry of presigned URLs but not their signatures, so every presigned URL a
device gets is also recomputed with botocore's own presigner at the URL's X-Amz-Date.
"""
import datetime
import hashlib
import json
import os
import socket
import subprocess
import tempfile
import threading
import unittest
import unittest.mock
import urllib.error
import urllib.parse
import urllib.request

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.config
import botocore.credentials

from harness import ACCOUNT, IOTJOBSD, REGION, Server, free_port, thing_arn, unique
from mqtt_harness import Broker, Device

JS_DIR = os.path.join(os.path.dirname(__file__), "js")
STORE_KEY = STORE_SECRET = "S3RVER"  # s3rver's one key pair
STORE_ENV = {"IOTJOBS_S3_ACCESS_KEY_ID": STORE_KEY, "IOTJOBS_S3_SECRET_ACCESS_KEY": STORE_SECRET}
ROLE = f"arn:aws:iam::{ACCOUNT}:role/iot-s3-download"


class S3Store:
    """s3rver on a free port (js/s3_store.js), with a clock tests can move forward; over HTTPS
    with `tls` = (key file, certificate file)."""

    def __init__(self, tls=None):
        self.dir = tempfile.mkdtemp(prefix="iotjobs-s3-")
        self.port = free_port()
        self.proc = None
        self.tls = tls

    @property
    def url(self):
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self):
        if not os.path.isdir(os.path.join(JS_DIR, "node_modules", "s3rver")):
            raise RuntimeError("tests/e2e/js has no node_modules/s3rver: run scripts/setup (npm ci)")
        self.proc = subprocess.Popen(["node", "s3_store.js", str(self.port), self.dir] + list(self.tls or ()),
                                     cwd=JS_DIR,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"s3rver did not start: {line!r}")
        return self

    def advance(self, seconds):
        self.proc.stdin.write(f"advance {seconds}\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ok"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def client(self, verify=None):
        return boto3.client("s3", endpoint_url=self.url, region_name=REGION,
                            aws_access_key_id=STORE_KEY, aws_secret_access_key=STORE_SECRET,
                            verify=verify,
                            # No aws-chunked upload with a trailing checksum (botocore's default
                            # over HTTPS), which s3rver would store as it came, framing and all.
                            config=botocore.config.Config(s3={"addressing_style": "path"},
                                                          request_checksum_calculation="when_required"))


def download(url):
    """(HTTP status, body) of a plain GET, as a device would make it."""
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def botocore_signature(url, secret=STORE_SECRET):
    """The X-Amz-Signature botocore's S3 presigner gives the URL's object, at the URL's own
    X-Amz-Date and X-Amz-Expires, on the URL's host."""
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    at = datetime.datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
    bare = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    request = botocore.awsrequest.AWSRequest(method="GET", url=bare)
    creds = botocore.credentials.Credentials(query["X-Amz-Credential"].split("/")[0], secret)
    signer = botocore.auth.S3SigV4QueryAuth(creds, "s3", REGION, expires=int(query["X-Amz-Expires"]))
    with unittest.mock.patch("botocore.auth.get_current_datetime", return_value=at):
        signer.add_auth(request)
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(request.url).query))["X-Amz-Signature"]


class FirmwareTestCase(unittest.TestCase):
    """One store, one broker and one iotjobsd reading from the store, shared by the class."""

    @classmethod
    def setUpClass(cls):
        cls.store = S3Store().start()
        cls.s3 = cls.store.client()
        cls.bucket = unique("firmware").lower()
        cls.s3.create_bucket(Bucket=cls.bucket)
        cls.broker = Broker().start()
        cls.server = Server(args=["--s3-endpoint", cls.store.url, "--mqtt", cls.broker.url],
                            env=STORE_ENV).start()
        cls.iot = cls.server.client("iot")
        cls.data = cls.server.client("iot-jobs-data")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.broker.stop()
        cls.store.stop()

    def put(self, key, body):
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)
        return f"https://{self.bucket}.s3.{REGION}.amazonaws.com/{urllib.parse.quote(key)}"

    def thing(self):
        name = unique("dev")
        self.iot.create_thing(thingName=name)
        return name

    def assertBotocoreSigned(self, url):
        self.assertEqual(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["X-Amz-Signature"],
                         botocore_signature(url), url)


class FirmwareUpdateTest(FirmwareTestCase):

    def test_a_firmware_update_end_to_end(self):
        image = os.urandom(300_000)
        image_url = self.put("images/fw-2.0.bin", image)
        document = {"operation": "firmware-update", "version": "2.0",
                    "url": "${aws:iot:s3-presigned-url:" + image_url + "}"}
        source = self.put("jobs/fw-2.0.json", json.dumps(document))
        mqtt_thing, https_thing = self.thing(), self.thing()

        node = subprocess.Popen(["node", "firmware_device.js", "127.0.0.1", str(self.broker.port),
                                 mqtt_thing], cwd=JS_DIR, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: node.poll() is None and node.kill())
        self.assertEqual(json.loads(node.stdout.readline())["event"], "ready")

        job_id = unique("fw")
        rc, out, err = self.server.aws(
            "iot", "create-job", "--job-id", job_id,
            "--targets", thing_arn(mqtt_thing), thing_arn(https_thing),
            "--document-source", source,
            "--presigned-url-config", f"roleArn={ROLE},expiresInSec=600")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["jobId"], job_id)

        # The device on AWS's JavaScript device SDK, over MQTT: notify-next, start-next,
        # download, SUCCEEDED with the image's hash.
        events = [json.loads(line) for line in node.stdout]
        node.wait(timeout=60)
        self.assertEqual(node.returncode, 0, f"{events}\n{node.stderr.read()}")
        by_event = {e["event"]: e for e in events}
        given = by_event["started"]["document"]
        self.assertEqual(given["version"], "2.0")
        self.assertTrue(given["url"].startswith(f"{self.store.url}/{self.bucket}/images/fw-2.0.bin?"),
                        given["url"])
        self.assertIn("X-Amz-Expires=600", given["url"])
        self.assertBotocoreSigned(given["url"])
        self.assertEqual(by_event["downloaded"]["status"], 200)
        self.assertEqual(by_event["downloaded"]["sha256"], hashlib.sha256(image).hexdigest())
        # notify-next carried the document too, its URL presigned.
        first_next = next(e for e in events if e["event"] == "notify-next")
        self.assertTrue(first_next["document"]["url"].startswith(self.store.url))

        # The device on boto3's iot-jobs-data, over HTTPS.
        started = self.data.start_next_pending_job_execution(thingName=https_thing)["execution"]
        url = json.loads(started["jobDocument"])["url"]
        self.assertBotocoreSigned(url)
        status, body = download(url)
        self.assertEqual((status, body == image), (200, True))
        self.data.update_job_execution(thingName=https_thing, jobId=job_id, status="SUCCEEDED")

        for thing in (mqtt_thing, https_thing):
            e = self.iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
            self.assertEqual(e["status"], "SUCCEEDED")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "COMPLETED")

        # The control plane shows the document as written, placeholder and all, and where it
        # came from.
        rc, out, err = self.server.aws("iot", "describe-job", "--job-id", job_id)
        self.assertEqual(rc, 0, err)
        described = json.loads(out)
        self.assertEqual(described["documentSource"], source)
        self.assertEqual(described["job"]["presignedUrlConfig"], {"roleArn": ROLE, "expiresInSec": 600})
        rc, out, err = self.server.aws("iot", "get-job-document", "--job-id", job_id)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(json.loads(out)["document"]), document)

    def test_every_device_answer_carries_fresh_presigned_urls(self):
        image_url = self.put("images/every.bin", b"firmware")
        thing = self.thing()
        job_id = unique("fw")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document=json.dumps(
            {"a": "${aws:iot:s3-presigned-url:" + image_url + "}",
             "b": ["${aws:iot:s3-presigned-url:" + image_url + "}"]}))
        answers = [
            self.data.describe_job_execution(thingName=thing, jobId=job_id,
                                             includeJobDocument=True)["execution"]["jobDocument"],
            self.data.describe_job_execution(thingName=thing, jobId="$next",
                                             includeJobDocument=True)["execution"]["jobDocument"],
            self.data.start_next_pending_job_execution(thingName=thing)["execution"]["jobDocument"],
        ]
        # MQTT JOB/get, through the broker with Mosquitto's own clients.
        device = Device(self.broker, [f"$aws/things/{thing}/jobs/{job_id}/get/accepted"])
        self.addCleanup(device.close)
        device.publish(f"$aws/things/{thing}/jobs/{job_id}/get", {"includeJobDocument": True})
        answers.append(json.dumps(device.json(f"$aws/things/{thing}/jobs/{job_id}/get/accepted")
                                  ["execution"]["jobDocument"]))
        for text in answers:
            doc = json.loads(text)
            for url in (doc["a"], doc["b"][0]):
                self.assertIn("X-Amz-Expires=3600", url)  # AWS's default without presignedUrlConfig
                self.assertBotocoreSigned(url)
                self.assertEqual(download(url), (200, b"firmware"))
        update = self.data.update_job_execution(thingName=thing, jobId=job_id, status="IN_PROGRESS",
                                                includeJobDocument=True)
        self.assertBotocoreSigned(json.loads(update["jobDocument"])["a"])
        # The control plane never signs.
        stored = self.iot.get_job_document(jobId=job_id)["document"]
        self.assertIn("${aws:iot:s3-presigned-url:" + image_url + "}", stored)

    def test_a_changed_url_fails_the_signature_check(self):
        image_url = self.put("images/tamper.bin", b"x")
        thing = self.thing()
        job_id = unique("fw")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)],
                            document=json.dumps({"url": "${aws:iot:s3-presigned-url:" + image_url + "}"}))
        url = json.loads(self.data.start_next_pending_job_execution(thingName=thing)
                         ["execution"]["jobDocument"])["url"]
        self.assertBotocoreSigned(url)
        # One character of the path changed: botocore's signature for that URL is another.
        tampered = url.replace("tamper.bin", "tampes.bin")
        signature = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(tampered).query))["X-Amz-Signature"]
        self.assertNotEqual(signature, botocore_signature(tampered))
        # And one character of the expiry.
        longer = url.replace("X-Amz-Expires=3600", "X-Amz-Expires=3601")
        self.assertNotEqual(signature, botocore_signature(longer))

    def test_urls_stop_working_after_expires_in_sec(self):
        image_url = self.put("images/short.bin", b"short-lived")
        thing = self.thing()
        job_id = unique("fw")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)],
                            document=json.dumps({"url": "${aws:iot:s3-presigned-url:" + image_url + "}"}),
                            presignedUrlConfig={"roleArn": ROLE, "expiresInSec": 60})
        url = json.loads(self.data.describe_job_execution(
            thingName=thing, jobId=job_id, includeJobDocument=True)["execution"]["jobDocument"])["url"]
        self.assertIn("X-Amz-Expires=60", url)
        self.assertEqual(download(url), (200, b"short-lived"))
        self.store.advance(61)  # the store's clock, 61 seconds on
        status, body = download(url)
        self.assertEqual(status, 403, body)
        self.assertIn(b"Request has expired", body)

    def test_the_document_is_read_once_at_create_time(self):
        source = self.put("jobs/once.json", json.dumps({"v": 1}))
        job_id = unique("once")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(self.thing())], documentSource=source)
        self.put("jobs/once.json", json.dumps({"v": 2}))
        self.assertEqual(json.loads(self.iot.get_job_document(jobId=job_id)["document"]), {"v": 1})

    def test_job_templates_read_their_document_source(self):
        source = self.put("jobs/template.json", json.dumps({"operation": "from-template"}))
        template_id = unique("tpl")
        rc, out, err = self.server.aws("iot", "create-job-template", "--job-template-id", template_id,
                                       "--description", "firmware", "--document-source", source)
        self.assertEqual(rc, 0, err)
        t = self.iot.describe_job_template(jobTemplateId=template_id)
        self.assertEqual((t["documentSource"], json.loads(t["document"])),
                         (source, {"operation": "from-template"}))
        job_id = unique("fromtpl")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(self.thing())],
                            jobTemplateArn=t["jobTemplateArn"])
        self.assertEqual(self.iot.describe_job(jobId=job_id)["documentSource"], source)
        self.assertEqual(json.loads(self.iot.get_job_document(jobId=job_id)["document"]),
                         {"operation": "from-template"})

    def test_our_cli_matches_aws_cli_v2(self):
        source = self.put("jobs/cli.json", json.dumps({"url": "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/"
                                                              + self.bucket + "/images/cli.bin}"}))
        target = thing_arn(self.thing())
        outputs = {}
        for name, run in (("aws", self.server.aws), ("iotjobs", self.server.iotjobs)):
            job_id = unique("cli")
            rc, out, err = run("iot", "create-job", "--job-id", job_id, "--targets", target,
                               "--document-source", source)
            self.assertEqual(rc, 0, err)
            created = json.loads(out)
            self.assertEqual(sorted(created), ["jobArn", "jobId"])
            rc, out, err = run("iot", "get-job-document", "--job-id", job_id)
            self.assertEqual(rc, 0, err)
            outputs[name] = out
            rc, out, err = run("iot", "describe-job", "--job-id", job_id, "--query", "documentSource",
                               "--output", "text")
            self.assertEqual((rc, out.strip()), (0, source), err)
        self.assertEqual(outputs["aws"], outputs["iotjobs"])
        # Failures alike too: same exit code, same error.
        results = [run("iot", "create-job", "--job-id", unique("cli"), "--targets", target,
                       "--document-source", f"https://s3.amazonaws.com/{self.bucket}/missing.json")
                   for run in (self.server.aws, self.server.iotjobs)]
        self.assertEqual([r[0] for r in results], [254, 254])
        self.assertEqual(results[0][2], results[1][2])


class DocumentSourceFailureTest(FirmwareTestCase):
    """Each way documentSource can fail: InvalidRequestException naming the URL and why, and no
    job (or template) is created."""

    def assertRefused(self, source, *words, server=None):
        server = server or self.server
        job_id = unique("bad")
        rc, out, err = server.aws("iot", "create-job", "--job-id", job_id,
                                  "--targets", thing_arn("t"), "--document-source", source)
        self.assertEqual(rc, 254, err)
        self.assertIn("An error occurred (InvalidRequestException)", err)
        self.assertIn(source, err)
        for word in words:
            self.assertIn(word, err)
        rc, _, err = server.aws("iot", "describe-job", "--job-id", job_id)
        self.assertIn("ResourceNotFoundException", err)
        return err

    def test_no_such_key(self):
        self.assertRefused(f"https://s3.amazonaws.com/{self.bucket}/nothing-here.json", "NoSuchKey")

    def test_no_such_bucket(self):
        self.assertRefused("https://no-such-bucket-xyz.s3.amazonaws.com/a.json", "NoSuchBucket")

    def test_not_json(self):
        source = self.put("jobs/not-json.txt", "firmware, version 2")
        self.assertRefused(source, "not a valid JSON object")

    def test_not_an_object(self):
        source = self.put("jobs/array.json", "[1, 2, 3]")
        self.assertRefused(source, "not a valid JSON object")

    def test_too_big(self):
        source = self.put("jobs/big.json", json.dumps({"pad": "x" * 40_000}))
        self.assertRefused(source, "longer than 32768 bytes")
        # 32768 bytes is the limit itself, and fits.
        fits = self.put("jobs/just-fits.json", json.dumps({"p": "x" * 32759}))
        self.iot.create_job(jobId=unique("fits"), targets=[thing_arn(self.thing())], documentSource=fits)

    def test_not_an_s3_url(self):
        self.assertRefused("https://example.com/firmware/a.json", "neither an AWS S3 endpoint")

    def test_too_many_placeholders(self):
        url = "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/k}"
        body = json.dumps({f"u{i}": url for i in range(11)})
        self.assertRefused(self.put("jobs/many.json", body), "at most 10")

    def test_both_document_and_source(self):
        rc, _, err = self.server.aws("iot", "create-job", "--job-id", unique("both"),
                                     "--targets", thing_arn("t"), "--document", "{}",
                                     "--document-source", f"https://s3.amazonaws.com/{self.bucket}/x")
        self.assertEqual(rc, 254)
        self.assertIn("either document or documentSource", err)

    def test_access_denied(self):
        # s3rver checks the access key (not SigV4 header signatures): an unknown key is denied.
        wrong = Server(args=["--s3-endpoint", self.store.url],
                       env={"IOTJOBS_S3_ACCESS_KEY_ID": "NOT-A-KEY",
                            "IOTJOBS_S3_SECRET_ACCESS_KEY": STORE_SECRET}).start()
        self.addCleanup(wrong.cleanup)
        source = self.put("jobs/denied.json", "{}")
        self.assertRefused(source, "denied access (InvalidAccessKeyId)", server=wrong)

    def test_a_template_is_refused_alike(self):
        template_id = unique("tpl")
        rc, _, err = self.server.aws("iot", "create-job-template", "--job-template-id", template_id,
                                     "--description", "d", "--document-source",
                                     f"https://s3.amazonaws.com/{self.bucket}/nope.json")
        self.assertEqual(rc, 254)
        self.assertIn("NoSuchKey", err)
        rc, _, err = self.server.aws("iot", "describe-job-template", "--job-template-id", template_id)
        self.assertIn("ResourceNotFoundException", err)


class StoreOutageTest(unittest.TestCase):
    """A store that is down or hangs: clear errors, and the server keeps serving."""

    def test_a_store_stopped_mid_run(self):
        store = S3Store().start()
        s3 = store.client()
        s3.create_bucket(Bucket="fwbucket")
        s3.put_object(Bucket="fwbucket", Key="doc.json",
                      Body=b'{"url": "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/fwbucket/i.bin}"}')
        server = Server(args=["--s3-endpoint", store.url, "--s3-timeout", "2"], env=STORE_ENV).start()
        self.addCleanup(server.cleanup)
        iot, data = server.client("iot"), server.client("iot-jobs-data")
        iot.create_thing(thingName="t1")
        iot.create_job(jobId="before", targets=[thing_arn("t1")],
                       documentSource="https://s3.amazonaws.com/fwbucket/doc.json")
        store.stop()
        with self.assertRaises(iot.exceptions.InvalidRequestException) as cm:
            iot.create_job(jobId="after", targets=[thing_arn("t1")],
                           documentSource="https://s3.amazonaws.com/fwbucket/doc.json")
        message = cm.exception.response["Error"]["Message"]
        self.assertIn("https://s3.amazonaws.com/fwbucket/doc.json", message)
        self.assertIn("cannot be reached", message)
        # Everything else goes on, presigning included (it needs no store).
        self.assertEqual([j["jobId"] for j in iot.list_jobs()["jobs"]], ["before"])
        doc = json.loads(data.start_next_pending_job_execution(thingName="t1")["execution"]["jobDocument"])
        self.assertTrue(doc["url"].startswith(store.url + "/fwbucket/i.bin?"))

    def test_a_store_that_never_answers_times_out_without_blocking_others(self):
        # A listener that accepts and then says nothing.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        self.addCleanup(silent.close)
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}"
        server = Server(args=["--s3-endpoint", endpoint, "--s3-timeout", "1", "--threads", "1"],
                        env=STORE_ENV).start()
        self.addCleanup(server.cleanup)
        iot = server.client("iot")
        iot.create_thing(thingName="t1")
        outcome = {}
        done = threading.Event()

        def create():
            try:
                iot.create_job(jobId="slow", targets=[thing_arn("t1")],
                               documentSource=endpoint + "/fw/doc.json")
            except Exception as e:  # noqa: BLE001 — the outcome is checked below
                outcome["error"] = e
            done.set()

        threading.Thread(target=create, daemon=True).start()
        silent.settimeout(30)
        waiting, _ = silent.accept()  # iotjobsd's read of the object is now waiting
        self.addCleanup(waiting.close)
        # While the read waits on the store, the one HTTP thread serves others.
        other = server.client("iot")
        for _ in range(5):
            self.assertEqual(other.describe_thing(thingName="t1")["thingName"], "t1")
        self.assertFalse(done.is_set())
        self.assertTrue(done.wait(30))
        error = outcome["error"]
        self.assertEqual(error.response["Error"]["Code"], "InvalidRequestException")
        self.assertIn("did not answer in time", error.response["Error"]["Message"])


def private_ca(directory):
    """A CA of our own and a certificate it signed for 127.0.0.1, made with openssl:
    (ca.pem, key.pem, cert.pem)."""
    ca_key, ca, key, csr, cert = (os.path.join(directory, n) for n in
                                  ("ca.key", "ca.pem", "key.pem", "req.csr", "cert.pem"))
    run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca,
        "-days", "2", "-subj", "/CN=iotjobs test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1")
    ext = os.path.join(directory, "san.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\n")
    run("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
        "-days", "2", "-extfile", ext)
    return ca, key, cert


class PrivateCaStoreTest(unittest.TestCase):
    """A store served over HTTPS with a private CA: --s3-ca-file trusts it; without it the read
    fails with a TLS error."""

    def test_s3_ca_file(self):
        ca, key, cert = private_ca(tempfile.mkdtemp(prefix="iotjobs-ca-"))
        store = S3Store(tls=(key, cert)).start()
        self.addCleanup(store.stop)
        s3 = store.client(verify=ca)
        s3.create_bucket(Bucket="secure")
        s3.put_object(Bucket="secure", Key="doc.json", Body=b'{"operation": "tls"}')
        source = f"{store.url}/secure/doc.json"
        trusting = Server(args=["--s3-endpoint", store.url, "--s3-ca-file", ca], env=STORE_ENV).start()
        self.addCleanup(trusting.cleanup)
        iot = trusting.client("iot")
        iot.create_thing(thingName="t1")
        iot.create_job(jobId="tls", targets=[thing_arn("t1")], documentSource=source)
        self.assertEqual(json.loads(iot.get_job_document(jobId="tls")["document"]), {"operation": "tls"})

        doubting = Server(args=["--s3-endpoint", store.url], env=STORE_ENV).start()
        self.addCleanup(doubting.cleanup)
        iot = doubting.client("iot")
        iot.create_thing(thingName="t1")
        with self.assertRaises(iot.exceptions.InvalidRequestException) as cm:
            iot.create_job(jobId="tls", targets=[thing_arn("t1")], documentSource=source)
        self.assertIn("TLS with the store", cm.exception.response["Error"]["Message"])


class StoreFlagsTest(unittest.TestCase):
    """iotjobsd refuses to start with a store it could not use, and says why."""

    def start(self, args, env=None):
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("IOTJOBS_S3_")}
        full_env.update(env or {})
        return subprocess.run([IOTJOBSD, "--data-dir", ":memory:", "--listen", "127.0.0.1:0"] + args,
                              capture_output=True, text=True, env=full_env, timeout=30)

    def test_bad_store_flags(self):
        for args, env, words in (
                (["--s3-endpoint", "ftp://store:21"], STORE_ENV, "--s3-endpoint needs an http(s) URL"),
                (["--s3-endpoint", "http://store:9000/prefix"], STORE_ENV, "without a path"),
                (["--s3-endpoint", "http://store:9000"], {}, "needs the store's credentials"),
                (["--s3-region", "eu-west-1"], STORE_ENV, "--s3-region needs --s3-endpoint"),
                (["--s3-endpoint", "http://store:9000", "--s3-public-endpoint", "files"], STORE_ENV,
                 "--s3-public-endpoint needs an http(s) URL")):
            p = self.start(args, env)
            self.assertNotEqual(p.returncode, 0, args)
            self.assertIn(words, p.stderr, args)


class WithoutStoreTest(unittest.TestCase):
    """No --s3-endpoint: documentSource and placeholders are refused, naming what is missing."""

    def test_refused_naming_the_flag(self):
        server = Server().start()
        self.addCleanup(server.cleanup)
        iot = server.client("iot")
        iot.create_thing(thingName="t1")
        for kwargs in ({"documentSource": "https://s3.amazonaws.com/b/doc.json"},
                       {"document": json.dumps({"u": "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/k}"})}):
            with self.assertRaises(iot.exceptions.InvalidRequestException) as cm:
                iot.create_job(jobId=unique("j"), targets=[thing_arn("t1")], **kwargs)
            self.assertIn("--s3-endpoint", cm.exception.response["Error"]["Message"])
        self.assertEqual(iot.list_jobs()["jobs"], [])


if __name__ == "__main__":
    unittest.main()
