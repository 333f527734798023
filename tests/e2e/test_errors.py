"""Bad input of every kind gets a 4xx in AWS's error shape (status, x-amzn-ErrorType, JSON
message) and never a crash, a hang or a 500."""
import json
import socket
import unittest

from harness import ServerTestCase, thing_arn, unique


class ErrorShapeTest(ServerTestCase):
    def tearDown(self):
        # Whatever a test sent, the server is still there.
        status, _, body = self.server.http("GET", "/health", sign=None)
        self.assertEqual(status, 200, body)

    def test_unknown_path_and_wrong_method(self):
        self.assertHttpError(self.server.http("GET", "/no/such/path"), 404, "UnknownOperationException")
        self.assertHttpError(self.server.http("PATCH", "/things/t1/jobs/j1/executionNumber/1"), 405,
                             "MethodNotAllowedException")
        self.assertHttpError(self.server.http("GET", "/things/t1/jobs/j1/executionNumber/1"), 405,
                             "MethodNotAllowedException")
        self.assertHttpError(self.server.http("GET", "/things/%zz"), 400, "InvalidRequestException")
        # A query that cannot be canonicalized cannot carry a valid signature either.
        self.assertHttpError(self.server.http("GET", "/jobs?maxResults=%zz"), 403,
                             "InvalidSignatureException")

    def test_broken_bodies(self):
        path = f"/jobs/{unique('j')}"
        for body in ["{bad json", "[1,2,3]", '"a string"', "{" * 1000 + "}" * 1000,
                     b'{"document": "\xff\xfe"}', '{"targets": [null], "document": "{}"}',
                     '{"targets": ["a"], "document": "{}", "tags": [{"Key": 5}]}']:
            with self.subTest(body=body[:40]):
                self.assertHttpError(self.server.http("PUT", path, body=body), 400,
                                     "InvalidRequestException")

    def test_oversized_body_is_413(self):
        body = json.dumps({"targets": [thing_arn("t")], "document": "x" * (2 << 20)})
        status, headers, out = self.server.http("PUT", f"/jobs/{unique('big')}", body=body, sign=None)
        self.assertEqual(status, 413, out)
        self.assertEqual(headers["x-amzn-errortype"], "RequestEntityTooLargeException")
        self.assertIn("message", json.loads(out))

    def test_document_over_32k_is_400(self):
        thing = self.make_thing()
        doc = json.dumps({"blob": "x" * 33000})
        self.assertBotoError("InvalidRequestException", self.iot.create_job, jobId=unique("j"),
                             targets=[thing_arn(thing)], document=doc)

    def raw(self, data, read=65536):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(data)
            chunks = []
            while True:
                try:
                    chunk = s.recv(read)
                except socket.timeout:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    def test_not_http_at_all(self):
        out = self.raw(b"\x16\x03\x01\x02\x00garbage that is not HTTP\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 400"), out[:200])
        self.assertIn(b"x-amzn-ErrorType: InvalidRequestException", out)

    def test_huge_headers_and_uris(self):
        out = self.raw(b"GET /things/" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 431"), out[:200])
        self.assertIn(b"x-amzn-ErrorType", out)
        out = self.raw(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 40000 + b"\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 431"), out[:200])

    def test_long_names_and_odd_characters(self):
        for name in ["a" * 5000, "%00", "..", "%2F%2F", "%C3%A9", "a%20b", "$next", "%FF"]:
            with self.subTest(name=name[:20]):
                status, headers, body = self.server.http("GET", f"/things/{name}")
                self.assertIn(status, (400, 404), body)
                self.assertIn("x-amzn-errortype", headers)

    def test_wrong_types_in_query(self):
        for query in ["maxResults=abc", "maxResults=0", "maxResults=251", "maxResults=1.5",
                      "status=NOPE", "nextToken=%40%40%40"]:
            with self.subTest(query=query):
                self.assertHttpError(self.server.http("GET", f"/jobs?{query}"), 400,
                                     "InvalidRequestException")

    def test_many_connections_at_once(self):
        import concurrent.futures
        def describe(i):
            return self.server.http("GET", f"/things/{unique('missing')}")[0]
        with concurrent.futures.ThreadPoolExecutor(32) as pool:
            statuses = list(pool.map(describe, range(200)))
        self.assertEqual(set(statuses), {404})


if __name__ == "__main__":
    unittest.main()
