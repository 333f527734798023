"""Fleet indexing over the registry: GetIndexingConfiguration, UpdateIndexingConfiguration,
DescribeIndex, ListIndices and SearchIndex on AWS_Things — with AWS CLI v2, boto3, raw HTTP
and iotjobs, whose output must be AWS CLI v2's (docs/aws-behaviour.md, "Fleet indexing", D62
to D65)."""
import json
import os
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, credentials_file, Server, unique

REGISTRY = "thingIndexingMode=REGISTRY"
MANAGED = [{"name": "registry.thingTypeName", "type": "String"},
           {"name": "registry.thingGroupNames", "type": "String"},
           {"name": "registry.version", "type": "Number"},
           {"name": "thingName", "type": "String"},
           {"name": "thingId", "type": "String"}]


class FleetIndexingTest(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The issue's story in small: sensors of two sites on two firmware lines.
        cls.tag = unique("fleet").replace("-", "")
        iot = cls.iot
        cls.type_name = f"Sensor{cls.tag}"
        iot.create_thing_type(thingTypeName=cls.type_name)
        cls.group = f"plant7{cls.tag}"
        iot.create_thing_group(thingGroupName=cls.group)
        cls.things = {}
        for i, (site, fw) in enumerate([("plant-7", "1.2"), ("plant-7", "2.0"), ("plant-8", "1.5"),
                                        ("plant-7", "1.10"), ("plant-7", "1.0")]):
            name = f"{cls.tag}-s{i}"
            out = iot.create_thing(thingName=name, thingTypeName=cls.type_name,
                                   attributePayload={"attributes": {
                                       "site": site, "fw": fw, "rank": str(10 * i)}})
            cls.things[name] = out["thingId"]
            if site == "plant-7":
                iot.add_thing_to_thing_group(thingGroupName=cls.group, thingName=name)

    def setUp(self):
        self.set_mode("REGISTRY")

    def set_mode(self, mode):
        self.iot.update_indexing_configuration(
            thingIndexingConfiguration={"thingIndexingMode": mode})

    def search(self, query, **kwargs):
        return self.iot.search_index(queryString=f"thingName:{self.tag}* AND ({query})", **kwargs)

    # ---- configuration ----

    def test_configuration_with_cli_v2_and_iotjobs(self):
        self.set_mode("OFF")
        off = self.server.aws_json("iot", "get-indexing-configuration")
        self.assertEqual(off, {
            "thingIndexingConfiguration": {
                "thingIndexingMode": "OFF", "thingConnectivityIndexingMode": "OFF",
                "deviceDefenderIndexingMode": "OFF", "namedShadowIndexingMode": "OFF"},
            "thingGroupIndexingConfiguration": {"thingGroupIndexingMode": "OFF"}})
        self.assertEqual(self.server.aws_json("iot", "list-indices"), {"indexNames": []})
        self.assertAwsError(self.server.aws("iot", "describe-index", "--index-name", "AWS_Things"),
                            "ResourceNotFoundException")

        rc, out, err = self.server.aws("iot", "update-indexing-configuration",
                                       "--thing-indexing-configuration",
                                       REGISTRY + ",customFields=[{name=attributes.rank,type=Number}]")
        self.assertEqual((rc, out), (0, ""), err)
        on = self.server.aws_json("iot", "get-indexing-configuration")
        self.assertEqual(list(on["thingIndexingConfiguration"]), [
            "thingIndexingMode", "thingConnectivityIndexingMode", "deviceDefenderIndexingMode",
            "namedShadowIndexingMode", "managedFields", "customFields"])
        self.assertEqual(on["thingIndexingConfiguration"]["thingIndexingMode"], "REGISTRY")
        self.assertEqual(on["thingIndexingConfiguration"]["managedFields"], MANAGED)
        self.assertEqual(on["thingIndexingConfiguration"]["customFields"],
                         [{"name": "attributes.rank", "type": "Number"}])
        self.assertEqual(self.server.aws_json("iot", "list-indices"), {"indexNames": ["AWS_Things"]})
        self.assertEqual(self.server.aws_json("iot", "describe-index", "--index-name", "AWS_Things"),
                         {"indexName": "AWS_Things", "indexStatus": "ACTIVE",
                          "schema": "REGISTRY"})
        # Get's own output given back changes nothing (managedFields included).
        self.iot.update_indexing_configuration(
            thingIndexingConfiguration=on["thingIndexingConfiguration"],
            thingGroupIndexingConfiguration=on["thingGroupIndexingConfiguration"])
        self.assertEqual(self.server.aws_json("iot", "get-indexing-configuration"), on)

        for args in (["get-indexing-configuration"], ["list-indices"],
                     ["describe-index", "--index-name", "AWS_Things"],
                     ["describe-index", "--index-name", "AWS_ThingGroups"],
                     ["list-indices", "--output", "text"],
                     ["get-indexing-configuration", "--output", "yaml"]):
            self.assertEqual(self.server.iotjobs("iot", *args), self.server.aws("iot", *args), args)

    def test_what_cannot_be_served_is_refused_naming_it(self):
        before = self.iot.get_indexing_configuration()
        del before["ResponseMetadata"]
        refused = [
            ({"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY_AND_SHADOW"}},
             "thingIndexingConfiguration.thingIndexingMode REGISTRY_AND_SHADOW"),
            ({"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY",
                                             "thingConnectivityIndexingMode": "STATUS"}},
             "thingConnectivityIndexingMode STATUS"),
            ({"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY",
                                             "deviceDefenderIndexingMode": "VIOLATIONS"}},
             "deviceDefenderIndexingMode VIOLATIONS"),
            ({"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY",
                                             "namedShadowIndexingMode": "ON"}},
             "namedShadowIndexingMode ON"),
            ({"thingIndexingConfiguration": {"thingIndexingMode": "REGISTRY",
                                             "filter": {"namedShadowNames": ["config"]}}},
             "thingIndexingConfiguration.filter"),
            ({"thingIndexingConfiguration": {
                "thingIndexingMode": "REGISTRY",
                "customFields": [{"name": "shadow.reported.temp", "type": "Number"}]}},
             "shadow.reported.temp"),
            ({"thingIndexingConfiguration": {
                "thingIndexingMode": "REGISTRY",
                "customFields": [{"name": "attributes.on", "type": "Boolean"}]}},
             "Boolean"),
            ({"thingIndexingConfiguration": {
                "thingIndexingMode": "REGISTRY",
                "managedFields": [{"name": "shadow.version", "type": "Number"}]}},
             "managedFields"),
            ({"thingGroupIndexingConfiguration": {"thingGroupIndexingMode": "ON"}},
             "thingGroupIndexingConfiguration.thingGroupIndexingMode ON"),
        ]
        for request, named in refused:
            response = self.assertBotoError("InvalidRequestException",
                                            self.iot.update_indexing_configuration, **request)
            self.assertIn(named, response["Error"]["Message"])
            self.assertIn("iotjobsd", response["Error"]["Message"] + " iotjobsd")
        after = self.iot.get_indexing_configuration()
        del after["ResponseMetadata"]
        self.assertEqual(after, before)  # nothing of a refused request was kept
        # Over the CLI, with its shorthand.
        self.assertAwsError(self.server.aws("iot", "update-indexing-configuration",
                                            "--thing-indexing-configuration",
                                            "thingIndexingMode=REGISTRY_AND_SHADOW"),
                            "InvalidRequestException")
        self.assertEqual(self.server.iotjobs("iot", "update-indexing-configuration",
                                             "--thing-group-indexing-configuration",
                                             "thingGroupIndexingMode=ON"),
                         self.server.aws("iot", "update-indexing-configuration",
                                         "--thing-group-indexing-configuration",
                                         "thingGroupIndexingMode=ON"))

    # ---- search ----

    def test_the_issues_query_with_cli_v2_and_iotjobs(self):
        query = f"thingName:{self.tag}* AND attributes.site:plant-7 AND attributes.fw:1.*"
        out = self.server.aws_json("iot", "search-index", "--index-name", "AWS_Things",
                                   "--query-string", query)
        self.assertEqual(list(out), ["things", "thingGroups"])
        self.assertEqual(out["thingGroups"], [])
        names = [t["thingName"] for t in out["things"]]
        self.assertEqual(names, [f"{self.tag}-s0", f"{self.tag}-s3", f"{self.tag}-s4"])
        first = out["things"][0]
        self.assertEqual(first, {
            "thingName": f"{self.tag}-s0", "thingId": self.things[f"{self.tag}-s0"],
            "thingTypeName": self.type_name, "thingGroupNames": [self.group],
            "attributes": {"fw": "1.2", "rank": "0", "site": "plant-7"}})
        for args in (["--query-string", query], ["--query-string", query, "--output", "text"],
                     ["--query-string", query, "--max-results", "1"],
                     ["--query-string", query, "--output", "table"],
                     ["--query-string", query, "--query", "things[].thingName"]):
            self.assertEqual(self.server.iotjobs("iot", "search-index", *args),
                             self.server.aws("iot", "search-index", *args), args)

    def test_pages_follow_names(self):
        everything = self.search("*")["things"]
        self.assertEqual([t["thingName"] for t in everything], sorted(self.things))
        seen, token = [], None
        while True:
            kwargs = {"maxResults": 2}
            if token:
                kwargs["nextToken"] = token
            page = self.search("*", **kwargs)
            self.assertLessEqual(len(page["things"]), 2)
            seen += [t["thingName"] for t in page["things"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual(seen, sorted(self.things))
        # CLI v2 has no paginator for SearchIndex: one page and its nextToken.
        out = self.server.aws_json("iot", "search-index", "--query-string",
                                   f"thingName:{self.tag}*", "--max-results", "2")
        self.assertEqual(len(out["things"]), 2)
        self.assertIn("nextToken", out)
        rest = self.server.aws_json("iot", "search-index", "--query-string",
                                    f"thingName:{self.tag}*", "--next-token", out["nextToken"])
        self.assertEqual([t["thingName"] for t in out["things"] + rest["things"]],
                         sorted(self.things))
        self.assertAwsError(self.server.aws("iot", "search-index", "--query-string", "*",
                                            "--next-token", "not-a-token!"),
                            "InvalidRequestException")

    def test_fields_ranges_and_operators(self):
        def names(query):
            return [t["thingName"][len(self.tag) + 1:] for t in self.search(query)["things"]]
        self.assertEqual(names("attributes.rank:[10 TO 30]"), ["s1", "s2", "s3"])
        self.assertEqual(names("attributes.rank:{10 TO 30}"), ["s2"])
        self.assertEqual(names("attributes.rank:>=30"), ["s3", "s4"])
        self.assertEqual(names(f"thingGroupNames:{self.group}"), ["s0", "s1", "s3", "s4"])
        self.assertEqual(names(f"NOT thingGroupNames:{self.group}"), ["s2"])
        self.assertEqual(names(f"thingTypeName:{self.type_name.upper()}"),
                         ["s0", "s1", "s2", "s3", "s4"])
        self.assertEqual(names(f"thingId:{self.things[self.tag + '-s2']}"), ["s2"])
        self.assertEqual(names("attributes.site:\"plant-8\" OR attributes.fw:2.?"), ["s1", "s2"])
        self.assertEqual(names("plant-8"), ["s2"])  # a term in any field
        # An update is searched at once: the registry is the index.
        self.iot.update_thing(thingName=f"{self.tag}-s4",
                              attributePayload={"attributes": {"fw": "2.1"}, "merge": True})
        try:
            self.assertEqual(names("attributes.fw:2.*"), ["s1", "s4"])
        finally:
            self.iot.update_thing(thingName=f"{self.tag}-s4",
                                  attributePayload={"attributes": {"fw": "1.0"}, "merge": True})

    def test_errors(self):
        # What the parser refuses is InvalidQueryException, 400, with its message.
        rc, out, err = self.server.aws("iot", "search-index", "--query-string", "thingName:(a OR b")
        self.assertAwsError((rc, out, err), "InvalidQueryException")
        self.assertIn("'(' is not closed", err)
        self.assertEqual(self.server.iotjobs("iot", "search-index", "--query-string",
                                             "thingName:(a OR b"), (rc, out, err))
        status, headers, body = self.server.http(
            "POST", "/indices/search", body=json.dumps({"queryString": "shadow.reported.x:1"}),
            headers={"Content-Type": "application/json"})
        message = self.assertHttpError((status, headers, body), 400, "InvalidQueryException")
        self.assertIn("shadow.reported.x", message)
        self.assertBotoError("InvalidQueryException", self.iot.search_index,
                             queryString="a AND")
        # The index: AWS_ThingGroups is not served, nor is any other name.
        for index in ("AWS_ThingGroups", "nope"):
            response = self.assertBotoError("ResourceNotFoundException", self.iot.search_index,
                                            indexName=index, queryString="*")
            self.assertEqual(response["Error"]["Message"], f"Index {index} does not exist")
        # maxResults above 100, and query versions other than AWS's.
        self.assertBotoError("InvalidRequestException", self.iot.search_index,
                             queryString="*", maxResults=101)
        self.search("*", maxResults=100)
        self.assertBotoError("InvalidRequestException", self.iot.search_index,
                             queryString="*", queryVersion="2030-01-01")
        self.search("*", queryVersion="2017-09-30")
        # Indexing OFF: the index does not exist.
        self.set_mode("OFF")
        response = self.assertBotoError("ResourceNotFoundException", self.iot.search_index,
                                        queryString="*")
        self.assertEqual(response["Error"]["Message"],
                         "Index AWS_Things does not exist. Please enable index by calling "
                         "UpdateIndexingConfiguration")
        self.assertEqual(self.server.iotjobs("iot", "search-index", "--query-string", "*"),
                         self.server.aws("iot", "search-index", "--query-string", "*"))


class FleetIndexingIamTest(unittest.TestCase):
    """SearchIndex and DescribeIndex are authorized on the index's ARN, the configuration
    operations and ListIndices on "*"; the configuration is the account's own."""

    def test_index_arn_and_accounts(self):
        other = "111111111111"
        index_arn = f"arn:aws:iot:{REGION}:{other}:index/AWS_Things"
        path = credentials_file({"accounts": {other: {"users": {
            "admin": {"accessKeys": [{"accessKeyId": "AKIAFLEETADMIN000001",
                                      "secretAccessKey": "fleet-admin-secret-01"}],
                      "policy": {"Statement": [{"Effect": "Allow", "Action": "iot:*",
                                                "Resource": "*"}]}},
            "searcher": {"accessKeys": [{"accessKeyId": "AKIAFLEETSEARCHER001",
                                         "secretAccessKey": "fleet-searcher-secret"}],
                         "policy": {"Statement": [{"Effect": "Allow",
                                                   "Action": ["iot:SearchIndex",
                                                              "iot:DescribeIndex"],
                                                   "Resource": index_arn}]}}}}}})
        server = Server(args=("--credentials-file", path)).start()
        try:
            admin = server.client("iot", "AKIAFLEETADMIN000001", "fleet-admin-secret-01")
            admin.update_indexing_configuration(
                thingIndexingConfiguration={"thingIndexingMode": "REGISTRY"})
            admin.create_thing(thingName="other-account-thing")
            # The root account's configuration is its own: still OFF.
            root = server.client("iot")
            self.assertEqual(root.list_indices()["indexNames"], [])
            with self.assertRaises(Exception) as cm:
                root.search_index(queryString="*")
            self.assertEqual(cm.exception.response["Error"]["Code"], "ResourceNotFoundException")

            searcher = server.client("iot", "AKIAFLEETSEARCHER001", "fleet-searcher-secret")
            self.assertEqual([t["thingName"] for t in searcher.search_index(queryString="*")["things"]],
                             ["other-account-thing"])
            self.assertEqual(searcher.describe_index(indexName="AWS_Things")["indexStatus"],
                             "ACTIVE")
            for call in (lambda: searcher.search_index(indexName="AWS_ThingGroups",
                                                       queryString="*"),
                         searcher.get_indexing_configuration, searcher.list_indices):
                with self.assertRaises(Exception) as cm:
                    call()
                self.assertEqual(cm.exception.response["Error"]["Code"], "AccessDeniedException")
        finally:
            server.cleanup()
            os.unlink(path)


if __name__ == "__main__":
    unittest.main()
