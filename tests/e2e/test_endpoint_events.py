"""DescribeEndpoint, UpdateEventConfigurations and DescribeEventConfigurations, with boto3 and
AWS CLI v2, and the $aws/events messages the event configuration switches, through a real
Mosquitto broker (docs/aws-behaviour.md, "Endpoints", "Event configurations", D41-D44)."""
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import IOTJOBSD, REGION, Server, ServerTestCase, thing_arn, unique
from mqtt_harness import Broker, Device

EVENT_TYPES = ["CA_CERTIFICATE", "CERTIFICATE", "JOB", "JOB_EXECUTION", "POLICY", "THING",
               "THING_GROUP", "THING_GROUP_HIERARCHY", "THING_GROUP_MEMBERSHIP", "THING_TYPE",
               "THING_TYPE_ASSOCIATION"]  # the model's EventType enum, as AWS lists it

OTHER = "111111111111"
OTHER_KEY, OTHER_SECRET = "AKIAOTHERADMIN000001", "other-admin-secret-0"
READER_KEY, READER_SECRET = "AKIAREADER0000000001", "reader-secret-012345"
CREDENTIALS = {"accounts": {OTHER: {"users": {
    "admin": {"accessKeys": [{"accessKeyId": OTHER_KEY, "secretAccessKey": OTHER_SECRET}],
              "policy": {"Statement": [{"Effect": "Allow", "Action": "iot:*", "Resource": "*"}]}},
    "reader": {"accessKeys": [{"accessKeyId": READER_KEY, "secretAccessKey": READER_SECRET}],
               "policy": {"Statement": [{"Effect": "Allow", "Resource": "*", "Action": [
                   "iot:DescribeEndpoint", "iot:DescribeEventConfigurations"]}]}},
}}}}


def enabled(configs):
    """The event types switched on, from DescribeEventConfigurations' eventConfigurations."""
    return sorted(t for t, c in configs.items() if c["Enabled"])


class MqttServerTestCase(unittest.TestCase):
    """A broker and an iotjobsd connected to it (plus `server_args`), and a second account."""
    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.broker = Broker().start()
        cls.credentials_path = tempfile.mktemp(prefix="iotjobs-creds-", suffix=".json")
        with open(cls.credentials_path, "w") as f:
            json.dump(CREDENTIALS, f)
        cls.server = Server(args=["--mqtt", cls.broker.url, "--credentials-file",
                                  cls.credentials_path] + list(cls.server_args)).start()
        cls.iot = cls.server.client("iot")
        cls.data = cls.server.client("iot-jobs-data")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.broker.cleanup()
        os.unlink(cls.credentials_path)

    assertBotoError = ServerTestCase.assertBotoError
    assertAwsError = ServerTestCase.assertAwsError
    assertHttpError = ServerTestCase.assertHttpError


class EndpointsTest(MqttServerTestCase):
    def test_each_type_with_boto3_and_cli_v2(self):
        broker = f"127.0.0.1:{self.broker.port}"
        jobs = f"127.0.0.1:{self.server.port}"  # the Host the clients came to
        for endpoint_type, address in ((None, broker), ("iot:Data", broker),
                                       ("iot:Data-ATS", broker), ("iot:Jobs", jobs),
                                       ("iot:data-ats", broker), ("IOT:JOBS", jobs)):
            with self.subTest(endpoint_type=endpoint_type):
                kwargs = {"endpointType": endpoint_type} if endpoint_type else {}
                got = self.iot.describe_endpoint(**kwargs)
                self.assertEqual(got["endpointAddress"], address)
                args = ["--endpoint-type", endpoint_type] if endpoint_type else []
                self.assertEqual(self.server.aws_json("iot", "describe-endpoint", *args),
                                 {"endpointAddress": address})

    def test_credential_provider_and_unknown_types_are_refused(self):
        response = self.assertBotoError("InvalidRequestException", self.iot.describe_endpoint,
                                        endpointType="iot:CredentialProvider")
        self.assertIn("no credential provider", response["Error"]["Message"])
        response = self.assertBotoError("InvalidRequestException", self.iot.describe_endpoint,
                                        endpointType="iot:Nope")
        self.assertEqual(response["Error"]["Message"], "Endpoint type iot:Nope not recognized")
        self.assertAwsError(self.server.aws("iot", "describe-endpoint", "--endpoint-type",
                                            "iot:CredentialProvider"), "InvalidRequestException")
        self.assertAwsError(self.server.aws("iot", "describe-endpoint", "--endpoint-type", "x"),
                            "InvalidRequestException")
        # The model's bound: at most 128 characters.
        self.assertBotoError("InvalidRequestException", self.iot.describe_endpoint,
                             endpointType="iot:" + "x" * 125)

    def test_raw_request_and_error_shape(self):
        status, headers, body = self.server.http("GET", "/endpoint?endpointType=iot%3AJobs")
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body), {"endpointAddress": f"127.0.0.1:{self.server.port}"})
        self.assertEqual(headers["content-type"], "application/json")
        message = self.assertHttpError(self.server.http("GET", "/endpoint?endpointType=bogus"),
                                       400, "InvalidRequestException")
        self.assertEqual(message, "Endpoint type bogus not recognized")

    def test_the_iam_action_is_iot_describe_endpoint(self):
        reader = self.server.client("iot", key=READER_KEY, secret=READER_SECRET)
        self.assertIn("endpointAddress", reader.describe_endpoint(endpointType="iot:Jobs"))
        response = self.assertBotoError("AccessDeniedException", reader.update_event_configurations,
                                        eventConfigurations={"JOB": {"Enabled": False}})
        self.assertIn("iot:UpdateEventConfigurations", response["Error"]["Message"])
        self.assertEqual(len(reader.describe_event_configurations()["eventConfigurations"]),
                         len(EVENT_TYPES))


class PublicEndpointsTest(MqttServerTestCase):
    server_args = ("--public-endpoint", "jobs.example.com", "--mqtt-public-endpoint",
                   "mqtt.example.com:8883")

    def test_the_configured_addresses_win(self):
        self.assertEqual(self.iot.describe_endpoint()["endpointAddress"], "mqtt.example.com:8883")
        self.assertEqual(self.iot.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"],
                         "mqtt.example.com:8883")
        self.assertEqual(self.server.aws_json("iot", "describe-endpoint", "--endpoint-type",
                                              "iot:Jobs"), {"endpointAddress": "jobs.example.com"})


class ServerOptionsTest(unittest.TestCase):
    def run_iotjobsd(self, *args):
        p = subprocess.run([IOTJOBSD, "--data-dir", ":memory:", "--listen", "127.0.0.1:0"] +
                           list(args), capture_output=True, text=True, timeout=30)
        return p.returncode, p.stderr

    def test_bad_endpoint_options_stop_the_start(self):
        rc, err = self.run_iotjobsd("--public-endpoint", "https://jobs.example.com")
        self.assertEqual(rc, 2)
        self.assertIn("--public-endpoint needs HOST[:PORT]", err)
        rc, err = self.run_iotjobsd("--mqtt-public-endpoint", "mqtt.example.com:8883")
        self.assertEqual(rc, 2)
        self.assertIn("--mqtt", err)


class WithoutBrokerTest(ServerTestCase):
    """iotjobsd without --mqtt: no data endpoint, and no events to switch on."""

    def test_no_data_endpoint(self):
        for endpoint_type in (None, "iot:Data", "iot:Data-ATS"):
            kwargs = {"endpointType": endpoint_type} if endpoint_type else {}
            response = self.assertBotoError("InvalidRequestException", self.iot.describe_endpoint,
                                            **kwargs)
            self.assertIn("no MQTT broker", response["Error"]["Message"])
        self.assertAwsError(self.server.aws("iot", "describe-endpoint"), "InvalidRequestException")
        self.assertEqual(self.iot.describe_endpoint(endpointType="iot:Jobs")["endpointAddress"],
                         f"127.0.0.1:{self.server.port}")

    def test_events_cannot_be_switched_on(self):
        got = self.iot.describe_event_configurations()
        self.assertEqual(sorted(got["eventConfigurations"]), EVENT_TYPES)
        self.assertEqual(enabled(got["eventConfigurations"]), [])
        response = self.assertBotoError("InvalidRequestException",
                                        self.iot.update_event_configurations,
                                        eventConfigurations={"JOB": {"Enabled": True}})
        self.assertIn("--mqtt", response["Error"]["Message"])
        self.assertAwsError(self.server.aws("iot", "update-event-configurations",
                                            "--event-configurations",
                                            '{"JOB_EXECUTION": {"Enabled": true}}'),
                            "InvalidRequestException")
        # Switching off is what is already so, and is kept.
        self.iot.update_event_configurations(eventConfigurations={"JOB": {"Enabled": False}})
        self.assertIn("creationDate", self.iot.describe_event_configurations())

    def test_bad_input_has_aws_error_shape(self):
        cases = [
            "{not json",
            '{"eventConfigurations": {"JOB": {"Enabled": "yes"}}}',
            '{"eventConfigurations": {"NOT_A_TYPE": {"Enabled": false}}}',
            '{"eventConfigurations": ["JOB"]}',
            '{"eventConfigurations": {"JOB": true}}',
            "[]",
        ]
        for body in cases:
            with self.subTest(body=body):
                self.assertHttpError(self.server.http("PATCH", "/event-configurations", body,
                                                      {"Content-Type": "application/json"}),
                                     400, "InvalidRequestException")
        # None of them changed anything.
        self.assertNotIn("creationDate", self.iot.describe_event_configurations())


class EventConfigurationsTest(MqttServerTestCase):
    def setUp(self):
        # A marker thing: its `notify` follows every message committed before its job, since
        # the outbox publishes in commit order over one connection, and one subscriber gets
        # a connection's messages in order. So the events before a marker are all there were.
        self.marker_thing = unique("marker")
        self.iot.create_thing(thingName=self.marker_thing)
        self.marker_topic = f"$aws/things/{self.marker_thing}/jobs/notify"
        self.watcher = Device(self.broker, ["$aws/events/#", self.marker_topic])
        self.addCleanup(self.watcher.close)

    def events_until_marker(self):
        """The $aws/events messages published since the last call, up to a new marker."""
        self.iot.create_job(jobId=unique("marker"), targets=[thing_arn(self.marker_thing)],
                            document="{}")
        seen = []
        while True:
            topic, payload = self.watcher.next()
            if topic == self.marker_topic:
                return seen
            seen.append((topic, json.loads(payload)))

    def finish_job(self):
        """A job on a new thing, which the device then completes over HTTPS."""
        thing = unique("dev")
        self.iot.create_thing(thingName=thing)
        job_id = unique("job")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document="{}")
        self.data.update_job_execution(thingName=thing, jobId=job_id, status="SUCCEEDED")
        return job_id, thing

    def test_switching_events_on_and_off(self):
        self.iot.update_event_configurations(eventConfigurations={
            "JOB": {"Enabled": False}, "JOB_EXECUTION": {"Enabled": False}})
        self.finish_job()
        self.assertEqual(self.events_until_marker(), [], "events while off")

        # On, with AWS CLI v2.
        rc, out, err = self.server.aws("iot", "update-event-configurations",
                                       "--event-configurations",
                                       "JOB={Enabled=true},JOB_EXECUTION={Enabled=true}")
        self.assertEqual((rc, out), (0, ""), err)
        job1, thing1 = self.finish_job()
        execution = json.loads(self.watcher.next(
            topic=f"$aws/events/jobExecution/{job1}/succeeded")[1])
        self.assertEqual((execution["eventType"], execution["status"], execution["thingArn"]),
                         ("JOB_EXECUTION", "SUCCEEDED", thing_arn(thing1)))
        job = json.loads(self.watcher.next(topic=f"$aws/events/job/{job1}/completed")[1])
        self.assertEqual((job["eventType"], job["status"]), ("JOB", "COMPLETED"))
        self.iot.delete_job(jobId=job1)
        self.assertEqual(json.loads(self.watcher.next(
            topic=f"$aws/events/job/{job1}/deleted")[1])["operation"], "deleted")
        self.assertEqual([t for t, _ in self.events_until_marker()], [])  # nothing else

        # Only the execution events, with boto3.
        self.iot.update_event_configurations(eventConfigurations={"JOB": {"Enabled": False}})
        job2, _ = self.finish_job()
        self.assertEqual([t for t, _ in self.events_until_marker()],
                         [f"$aws/events/jobExecution/{job2}/succeeded"])

        # Off again: a finished job and a deleted one publish nothing.
        self.iot.update_event_configurations(eventConfigurations={
            "JOB_EXECUTION": {"Enabled": False}})
        job3, _ = self.finish_job()
        self.iot.delete_job(jobId=job3)
        self.assertEqual(self.events_until_marker(), [], "events after switching off")

    def test_describe_with_boto3_and_cli_v2(self):
        before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=2)
        self.iot.update_event_configurations(eventConfigurations={
            "JOB": {"Enabled": True}, "THING": {"Enabled": False}})
        got = self.iot.describe_event_configurations()
        self.assertEqual(sorted(got["eventConfigurations"]), EVENT_TYPES)
        self.assertIn("JOB", enabled(got["eventConfigurations"]))
        self.assertGreaterEqual(got["lastModifiedDate"], got["creationDate"])
        self.assertGreater(got["lastModifiedDate"], before)
        out = self.server.aws_json("iot", "describe-event-configurations")
        self.assertEqual(list(out), ["eventConfigurations", "creationDate", "lastModifiedDate"])
        self.assertEqual(list(out["eventConfigurations"]), EVENT_TYPES)
        self.assertEqual(out["eventConfigurations"]["JOB"], {"Enabled": True})
        self.assertRegex(out["creationDate"], r"^\d{4}-\d\d-\d\dT")  # v2 prints ISO 8601
        rc, text, err = self.server.aws("iot", "describe-event-configurations", "--query",
                                        "eventConfigurations.JOB.Enabled", "--output", "text")
        self.assertEqual((rc, text.strip()), (0, "True"), err)

    def test_types_iotjobsd_does_not_publish_cannot_be_enabled(self):
        before = self.iot.describe_event_configurations()["eventConfigurations"]
        for event_type in ("THING", "THING_TYPE_ASSOCIATION", "CA_CERTIFICATE", "POLICY"):
            response = self.assertBotoError(
                "InvalidRequestException", self.iot.update_event_configurations,
                eventConfigurations={event_type: {"Enabled": True}, "JOB": {"Enabled": True}})
            self.assertIn(f"does not publish {event_type} events", response["Error"]["Message"])
        rc, out, err = self.server.aws("iot", "update-event-configurations",
                                       "--event-configurations",
                                       '{"THING_GROUP": {"Enabled": true}}')
        self.assertEqual(rc, 254)
        self.assertIn("THING_GROUP", err)
        # Refused whole: JOB was not switched on with them.
        self.assertEqual(self.iot.describe_event_configurations()["eventConfigurations"], before)

    def test_each_account_has_its_own(self):
        other = self.server.client("iot", key=OTHER_KEY, secret=OTHER_SECRET)
        other.update_event_configurations(eventConfigurations={"JOB_EXECUTION": {"Enabled": True}})
        self.iot.update_event_configurations(eventConfigurations={"JOB_EXECUTION": {"Enabled": False}})
        self.assertEqual(enabled(other.describe_event_configurations()["eventConfigurations"]),
                         ["JOB_EXECUTION"])
        self.assertNotIn("JOB_EXECUTION",
                         enabled(self.iot.describe_event_configurations()["eventConfigurations"]))


class StartingValueAndRestartTest(unittest.TestCase):
    """--mqtt-events is the starting value of accounts that never set a configuration; a set
    one is kept across restarts, whatever the flag says then."""

    def test_starting_value_and_restart(self):
        broker = Broker().start()
        self.addCleanup(broker.cleanup)
        data_dir = tempfile.mkdtemp(prefix="iotjobs-e2e-events-")
        server = Server(data_dir=data_dir, args=["--mqtt", broker.url, "--mqtt-events"]).start()
        try:
            iot = server.client("iot")
            got = iot.describe_event_configurations()
            self.assertEqual(enabled(got["eventConfigurations"]), ["JOB", "JOB_EXECUTION"])
            self.assertNotIn("creationDate", got)
            iot.update_event_configurations(eventConfigurations={"JOB": {"Enabled": False}})
            server.stop()
            server.args = ["--mqtt", broker.url]  # now without --mqtt-events
            server.start(port=server.port)
            got = server.client("iot").describe_event_configurations()
            self.assertEqual(enabled(got["eventConfigurations"]), ["JOB_EXECUTION"])
            self.assertIn("creationDate", got)
        finally:
            server.cleanup()
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
