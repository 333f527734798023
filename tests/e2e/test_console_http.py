"""The web console's files over plain HTTP: served without a signature, with their types and
security headers; unknown files are 404; the API itself still refuses unsigned calls."""
import json
import os
import unittest

from harness import ServerTestCase

CONSOLE_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "console")


class ConsoleHttpTest(ServerTestCase):
    def get(self, path, headers=None, method="GET"):
        return self.server.http(method, path, headers=headers, sign=None)

    def assert_security_headers(self, headers):
        csp = headers.get("content-security-policy", "")
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                          "connect-src 'self'", "frame-ancestors 'none'"):
            self.assertIn(directive, csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval", csp)
        self.assertEqual(headers.get("x-content-type-options"), "nosniff")
        self.assertEqual(headers.get("referrer-policy"), "no-referrer")
        self.assertEqual(headers.get("x-frame-options"), "DENY")

    def test_every_console_file_is_served_unsigned_as_in_the_tree(self):
        types = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8"}
        served = 0
        for root, _, files in os.walk(CONSOLE_DIR):
            for name in files:
                if name.startswith("."):
                    continue  # not embedded (cmake/EmbedDirectory.cmake)
                full = os.path.join(root, name)
                rel = os.path.relpath(full, CONSOLE_DIR).replace(os.sep, "/")
                status, headers, body = self.get("/console/" + rel)
                self.assertEqual(status, 200, rel)
                with open(full, "rb") as f:
                    self.assertEqual(body, f.read(), rel)
                ext = os.path.splitext(name)[1]
                if ext in types:
                    self.assertEqual(headers["content-type"], types[ext], rel)
                self.assertEqual(headers.get("cache-control"), "no-cache")
                self.assertTrue(headers.get("etag"))
                self.assert_security_headers(headers)
                served += 1
        self.assertGreaterEqual(served, 5)

    def test_index_and_redirect(self):
        status, headers, body = self.get("/console/")
        self.assertEqual(status, 200)
        self.assertIn(b'<script type="module" src="js/app.js">', body)
        self.assert_security_headers(headers)
        status, headers, _ = self.get("/console")
        self.assertEqual(status, 301)
        self.assertEqual(headers["location"], "/console/")

    def test_etag_gives_304(self):
        _, headers, _ = self.get("/console/style.css")
        status, headers2, body = self.get("/console/style.css",
                                          headers={"If-None-Match": headers["etag"]})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        self.assert_security_headers(headers2)

    def test_config_names_the_region_and_auth(self):
        status, headers, body = self.get("/console/config.json")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertEqual(json.loads(body), {"region": "us-east-1", "auth": "sigv4"})

    def test_unknown_files_are_404(self):
        for path in ("/console/nope.js", "/console/js/", "/console/../README.md",
                     "/console/js%2Fapp.js", "/console/%2e%2e/CMakeLists.txt"):
            status, headers, _ = self.get(path)
            self.assertEqual(status, 404, path)
            self.assert_security_headers(headers)

    def test_head_has_headers_and_no_body(self):
        status, headers, body = self.get("/console/index.html", method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")

    def test_api_still_needs_a_signature(self):
        response = self.get("/jobs")
        self.assertHttpError(response, 403, "MissingAuthenticationTokenException")
        # Other methods on a console path are API requests, and refused the same way.
        status, _, _ = self.server.http("POST", "/console/index.html", body="{}", sign=None)
        self.assertEqual(status, 403)


class ConsoleAuthNoneHttpTest(ServerTestCase):
    server_args = ("--auth", "none")

    def test_config_says_no_signing(self):
        status, _, body = self.server.http("GET", "/console/config.json", sign=None)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["auth"], "none")


class ConsoleOffHttpTest(ServerTestCase):
    server_args = ("--console", "off")

    def test_console_paths_are_api_paths(self):
        status, headers, _ = self.server.http("GET", "/console/", sign=None)
        self.assertEqual(status, 403)
        self.assertNotIn("content-security-policy", headers)
        status, _, _ = self.server.http("GET", "/console/index.html")  # signed: no such operation
        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
