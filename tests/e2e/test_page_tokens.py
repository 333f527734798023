"""nextTokens that cannot be forged: a token is good only for the listing that gave it out
(operation, filters, account), on any instance of the same store and after a restart; any
other text is AWS's InvalidRequestException. Real clients page through them unchanged."""
import json
import os
import unittest
import urllib.parse

from harness import Server, credentials_file, unique

OTHER = "111111111111"
OTHER_KEY, OTHER_SECRET = "AKIAOTHERPAGES000001", "other-pages-secret-01"
CREDENTIALS = {"accounts": {OTHER: {"users": {"admin": {
    "accessKeys": [{"accessKeyId": OTHER_KEY, "secretAccessKey": OTHER_SECRET}],
    "policy": {"Statement": [{"Effect": "Allow", "Action": "iot:*", "Resource": "*"}]}}}}}}


def query(params):
    # %20, not +: the SigV4 canonical query encodes a space as %20.
    return urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


class PageTokenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.credentials_path = credentials_file(CREDENTIALS)
        cls.server = Server(args=["--credentials-file", cls.credentials_path]).start()
        cls.iot = cls.server.client("iot")
        cls.prefix = unique("paged")
        cls.names = sorted(f"{cls.prefix}-{i}" for i in range(7))
        for name in cls.names:
            cls.iot.create_thing(thingName=name, attributePayload={"attributes": {"k": "v"}})
        # The same names in the other account, so its listing has pages too.
        other = cls.server.client("iot", key=OTHER_KEY, secret=OTHER_SECRET)
        for name in cls.names:
            other.create_thing(thingName=name, attributePayload={"attributes": {"k": "v"}})

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        os.unlink(cls.credentials_path)

    def first_page(self, **filters):
        page = self.iot.list_things(maxResults=2, attributeName="k", attributeValue="v", **filters)
        self.assertIn("nextToken", page)
        return page

    def get_things(self, params, key=None, secret=None):
        return self.server.http("GET", "/things?" + query(params),
                                key=key, secret=secret)

    def assertInvalidToken(self, response):
        status, headers, body = response
        self.assertEqual(status, 400, body)
        self.assertEqual(headers.get("x-amzn-errortype"), "InvalidRequestException", body)
        self.assertIn("nextToken", json.loads(body)["message"])

    def test_boto3_and_aws_cli_page_through_every_thing(self):
        paginator = self.iot.get_paginator("list_things")
        seen = [t["thingName"] for page in paginator.paginate(
            attributeName="k", attributeValue="v", PaginationConfig={"PageSize": 2})
            for t in page["things"] if t["thingName"].startswith(self.prefix)]
        self.assertEqual(sorted(seen), self.names)
        out = self.server.aws_json("iot", "list-things", "--attribute-name", "k",
                                   "--attribute-value", "v", "--page-size", "2")
        cli = [t["thingName"] for t in out["things"] if t["thingName"].startswith(self.prefix)]
        self.assertEqual(sorted(cli), self.names)

    def test_a_token_no_listing_gave_out_is_refused(self):
        # Before sealing, this base64 text was read as a place to continue from (200).
        self.assertInvalidToken(self.server.http(
            "GET", "/jobs?" + query({"nextToken": "Z2FyYmFnZQ=="})))
        self.assertInvalidToken(self.get_things({"nextToken": "not a token"}))
        token = self.first_page()["nextToken"]
        tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        self.assertInvalidToken(self.get_things(
            {"attributeName": "k", "attributeValue": "v", "maxResults": 2, "nextToken": tampered}))

    def test_a_token_is_bound_to_its_operation_filters_and_account(self):
        token = self.first_page()["nextToken"]
        # Its own listing, even with another page size: accepted.
        page = self.iot.list_things(maxResults=3, attributeName="k", attributeValue="v",
                                    nextToken=token)
        self.assertTrue(page["things"])
        # Other filters, another operation, another account: refused.
        self.assertInvalidToken(self.get_things(
            {"attributeName": "k", "attributeValue": "other", "nextToken": token}))
        self.assertInvalidToken(self.server.http(
            "GET", "/thing-groups?" + query({"nextToken": token})))
        self.assertInvalidToken(self.get_things(
            {"attributeName": "k", "attributeValue": "v", "nextToken": token},
            key=OTHER_KEY, secret=OTHER_SECRET))

    def test_a_token_outlives_a_restart(self):
        page = self.first_page()
        self.server.stop()
        self.server.start()
        self.iot = self.server.client("iot")
        rest = self.iot.list_things(maxResults=50, attributeName="k", attributeValue="v",
                                    nextToken=page["nextToken"])
        seen = [t["thingName"] for t in page["things"] + rest["things"]
                if t["thingName"].startswith(self.prefix)]
        self.assertEqual(sorted(seen), self.names)
        type(self).iot = self.iot


if __name__ == "__main__":
    unittest.main()
