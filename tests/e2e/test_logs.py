"""The server's log as an operator ships it: --log-format json writes one JSON object per line
(time, level, message), and every API request leaves one line whose requestId is the
x-amzn-RequestId its client got, with the operation, account, status and latency; the default
text format says the same in words (README, "Metrics and logs")."""
import json
import re
import unittest

from harness import ACCOUNT, Server, unique


class JsonLogTest(unittest.TestCase):
    def test_every_line_is_json_and_request_lines_carry_the_request_id(self):
        server = Server(args=["--data-dir", ":memory:", "--log-format", "json"]).start()
        self.addCleanup(server.cleanup)
        iot, data = server.client("iot"), server.client("iot-jobs-data")

        thing = unique("thing")
        created = iot.create_thing(thingName=thing)["ResponseMetadata"]["RequestId"]
        pending = data.get_pending_job_executions(thingName=thing)["ResponseMetadata"]["RequestId"]
        status, headers, _ = server.http("GET", f"/things/{unique('missing')}")
        self.assertEqual(status, 404)
        missing = headers["x-amzn-requestid"]
        status, headers, _ = server.http("GET", "/jobs", sign=None)  # refused: no signature
        self.assertEqual(status, 403)
        refused = headers["x-amzn-requestid"]
        self.assertEqual(server.stop(), 0)  # the shutdown lines too

        lines = [line for line in server.log().splitlines() if line]
        self.assertTrue(lines)
        records = []
        for line in lines:
            record = json.loads(line)  # fails the test on any line that is not JSON
            self.assertIsInstance(record, dict, line)
            self.assertRegex(record["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
            self.assertIn(record["level"], ("DEBUG", "INFO", "WARN", "ERROR"))
            self.assertIsInstance(record["message"], str)
            records.append(record)
        by_id = {}
        for record in records:
            if "requestId" in record:
                self.assertNotIn(record["requestId"], by_id, "one line per request")
                by_id[record["requestId"]] = record

        def check(request_id, operation, account, status):
            record = by_id.get(request_id)
            self.assertIsNotNone(record, f"no log line for request {request_id}")
            self.assertEqual(record["operation"], operation)
            self.assertEqual(record["account"], account)
            self.assertEqual(record["status"], status)
            self.assertIsInstance(record["latencyMs"], (int, float))
            self.assertGreaterEqual(record["latencyMs"], 0)
            self.assertEqual(record["level"], "INFO")

        check(created, "CreateThing", ACCOUNT, 200)
        check(pending, "GetPendingJobExecutions", ACCOUNT, 200)
        check(missing, "DescribeThing", ACCOUNT, 404)
        check(refused, "Unknown", None, 403)
        self.assertTrue(any(r["message"] == "iotjobsd stopped" for r in records))

    def test_unknown_format_is_refused(self):
        server = Server(args=["--log-format", "xml"])
        self.addCleanup(server.cleanup)
        with self.assertRaises(RuntimeError) as cm:
            server.start()
        self.assertIn("--log-format", str(cm.exception))


class TextLogTest(unittest.TestCase):
    def test_request_lines_in_the_default_format(self):
        server = Server(args=["--data-dir", ":memory:"]).start()
        self.addCleanup(server.cleanup)
        request_id = server.client("iot").list_jobs()["ResponseMetadata"]["RequestId"]
        server.stop()
        pattern = (r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO request " + re.escape(request_id)
                   + r" ListJobs account=" + ACCOUNT + r" status=200 latencyMs=\d+\.\d{3} GET /jobs$")
        self.assertRegex(server.log(), re.compile(pattern, re.M))


if __name__ == "__main__":
    unittest.main()
