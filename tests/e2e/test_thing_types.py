"""Thing types: CreateThingType, DescribeThingType, ListThingTypes, UpdateThingType,
DeprecateThingType (and its undo), DeleteThingType, and what a thing type means to
CreateThing, UpdateThing and ListThings — with AWS CLI v2, boto3 and iotjobs
(docs/aws-behaviour.md, "Thing types", D50 to D54). The server runs on --test-clock, so the
5 minutes a deprecated type waits before it can be deleted pass without sleeping."""
import json
import os
import re
import unittest

from harness import (ACCOUNT, REGION, Server, ServerTestCase, credentials_file, thing_arn,
                     unique)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$")
WAIT = "Please wait for 5 minutes after deprecation and then retry"


def type_arn(name, account=ACCOUNT):
    return f"arn:aws:iot:{REGION}:{account}:thingtype/{name}"


class ThingTypesTest(ServerTestCase):
    server_args = ("--test-clock",)

    def advance(self, seconds):
        status, _, body = self.server.http("POST", "/_iotjobs/test/clock",
                                           body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)

    def make_type(self, prefix="type", **properties):
        name = unique(prefix)
        self.iot.create_thing_type(thingTypeName=name, thingTypeProperties=properties)
        return name

    def deletable(self, name):
        """Deprecates `name` and lets the 5 minutes pass."""
        self.iot.deprecate_thing_type(thingTypeName=name)
        self.advance(300)

    # ---- the operations, with AWS CLI v2 ----

    def test_lifecycle_with_cli_v2(self):
        name = unique("LightBulb")
        # The Developer Guide's example, shorthand and all.
        out = self.server.aws_json("iot", "create-thing-type", "--thing-type-name", name,
                                   "--thing-type-properties",
                                   "thingTypeDescription=light bulb type, "
                                   "searchableAttributes=wattage,model")
        self.assertEqual(list(out), ["thingTypeName", "thingTypeArn", "thingTypeId"])
        self.assertEqual(out["thingTypeName"], name)
        self.assertEqual(out["thingTypeArn"], type_arn(name))
        self.assertRegex(out["thingTypeId"], UUID)
        type_id = out["thingTypeId"]

        # Again, identically: the same type. Otherwise: 409.
        again = self.server.aws_json("iot", "create-thing-type", "--thing-type-name", name,
                                     "--thing-type-properties",
                                     "thingTypeDescription=light bulb type, "
                                     "searchableAttributes=wattage,model")
        self.assertEqual(again["thingTypeId"], type_id)
        self.assertAwsError(self.server.aws("iot", "create-thing-type", "--thing-type-name", name,
                                            "--thing-type-properties",
                                            "thingTypeDescription=another type"),
                            "ResourceAlreadyExistsException")

        desc = self.server.aws_json("iot", "describe-thing-type", "--thing-type-name", name)
        self.assertEqual(list(desc), ["thingTypeName", "thingTypeId", "thingTypeArn",
                                      "thingTypeProperties", "thingTypeMetadata"])
        self.assertEqual(desc["thingTypeId"], type_id)
        self.assertEqual(desc["thingTypeArn"], type_arn(name))
        self.assertEqual(desc["thingTypeProperties"],
                         {"thingTypeDescription": "light bulb type",
                          "searchableAttributes": ["wattage", "model"]})
        meta = desc["thingTypeMetadata"]
        self.assertEqual(list(meta), ["deprecated", "creationDate"])
        self.assertFalse(meta["deprecated"])
        self.assertRegex(meta["creationDate"], ISO)  # v2 prints ISO 8601

        listed = self.server.aws_json("iot", "list-thing-types", "--thing-type-name", name)
        self.assertEqual(listed["thingTypes"], [{
            "thingTypeName": name, "thingTypeArn": type_arn(name),
            "thingTypeProperties": desc["thingTypeProperties"], "thingTypeMetadata": meta}])

        # Not deprecated: it cannot be deleted.
        rc, _, err = self.server.aws("iot", "delete-thing-type", "--thing-type-name", name)
        self.assertEqual(rc, 254, err)
        self.assertIn("InvalidRequestException", err)
        self.assertIn("non deprecated", err)

        rc, out, err = self.server.aws("iot", "deprecate-thing-type", "--thing-type-name", name)
        self.assertEqual((rc, out), (0, ""), err)
        meta = self.server.aws_json("iot", "describe-thing-type", "--thing-type-name",
                                    name)["thingTypeMetadata"]
        self.assertEqual(list(meta), ["deprecated", "deprecationDate", "creationDate"])
        self.assertTrue(meta["deprecated"])
        self.assertRegex(meta["deprecationDate"], ISO)

        rc, out, err = self.server.aws("iot", "deprecate-thing-type", "--thing-type-name", name,
                                       "--undo-deprecate")
        self.assertEqual((rc, out), (0, ""), err)
        meta = self.server.aws_json("iot", "describe-thing-type", "--thing-type-name",
                                    name)["thingTypeMetadata"]
        self.assertEqual(list(meta), ["deprecated", "creationDate"])  # as the guide shows
        self.assertFalse(meta["deprecated"])

        # Deprecated again, it waits 5 minutes from now before it can go: AWS's words.
        self.server.aws_json("iot", "deprecate-thing-type", "--thing-type-name", name)
        rc, _, err = self.server.aws("iot", "delete-thing-type", "--thing-type-name", name)
        self.assertEqual(rc, 254, err)
        self.assertIn("(InvalidRequestException) when calling the DeleteThingType operation", err)
        self.assertIn(f": Cannot delete thing type : {name}. {WAIT}\n", err)
        self.advance(299)
        self.assertAwsError(self.server.aws("iot", "delete-thing-type", "--thing-type-name", name),
                            "InvalidRequestException")
        self.advance(1)
        rc, out, err = self.server.aws("iot", "delete-thing-type", "--thing-type-name", name)
        self.assertEqual((rc, out), (0, ""), err)
        self.assertAwsError(self.server.aws("iot", "describe-thing-type", "--thing-type-name", name),
                            "ResourceNotFoundException")
        self.assertAwsError(self.server.aws("iot", "delete-thing-type", "--thing-type-name", name),
                            "ResourceNotFoundException")
        self.assertAwsError(self.server.aws("iot", "deprecate-thing-type", "--thing-type-name",
                                            name), "ResourceNotFoundException")

    def test_deprecating_again_keeps_the_first_date(self):
        name = self.make_type()
        self.iot.deprecate_thing_type(thingTypeName=name)
        first = self.iot.describe_thing_type(thingTypeName=name)["thingTypeMetadata"]
        self.advance(200)
        self.iot.deprecate_thing_type(thingTypeName=name, undoDeprecate=False)
        again = self.iot.describe_thing_type(thingTypeName=name)["thingTypeMetadata"]
        self.assertEqual(again["deprecationDate"], first["deprecationDate"])
        self.advance(100)
        self.iot.delete_thing_type(thingTypeName=name)  # 5 minutes after the first deprecation

    # ---- things and their types, with boto3 and the words ----

    def test_a_type_that_does_not_exist_is_refused(self):
        # The issue: `create-thing --thing-type-name nope` succeeded.
        thing = unique("thing")
        rc, out, err = self.server.aws("iot", "create-thing", "--thing-name", thing,
                                       "--thing-type-name", "nope")
        self.assertEqual((rc, out), (254, ""), err)
        self.assertIn("An error occurred (ResourceNotFoundException) when calling the CreateThing "
                      "operation", err)
        self.assertIn(": Thing type nope cannot be found.\n", err)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing, thingName=thing)
        status, headers, _ = self.server.http(
            "POST", f"/things/{thing}", body=json.dumps({"thingTypeName": "nope"}),
            headers={"Content-Type": "application/json"})
        self.assertEqual((status, headers["x-amzn-errortype"]), (404, "ResourceNotFoundException"))

        plain = self.make_thing()
        self.assertBotoError("ResourceNotFoundException", self.iot.update_thing, thingName=plain,
                             thingTypeName="nope")
        self.assertNotIn("thingTypeName", self.iot.describe_thing(thingName=plain))
        # ListThings models no not-found error: 400, not an empty list (D52).
        response = self.assertBotoError("InvalidRequestException", self.iot.list_things,
                                        thingTypeName="nope")
        self.assertEqual(response["Error"]["Message"], "Thing type nope cannot be found.")
        self.assertAwsError(self.server.aws("iot", "list-things", "--thing-type-name", "nope"),
                            "InvalidRequestException")

    def test_a_deprecated_type_keeps_its_things_and_takes_no_new_ones(self):
        name = self.make_type("bulb", searchableAttributes=["wattage"])
        other = self.make_type("lamp")
        kept = unique("kept")
        # A thing with a type may have more than three attributes.
        attributes = {f"a{i}": str(i) for i in range(5)}
        self.iot.create_thing(thingName=kept, thingTypeName=name,
                              attributePayload={"attributes": attributes})
        plain = self.make_thing()
        self.iot.deprecate_thing_type(thingTypeName=name)

        response = self.assertBotoError("InvalidRequestException", self.iot.create_thing,
                                        thingName=unique("new"), thingTypeName=name)
        self.assertEqual(response["Error"]["Message"],
                         f"Can not create new thing with depreated thing type:{name}")
        response = self.assertBotoError("InvalidRequestException", self.iot.update_thing,
                                        thingName=plain, thingTypeName=name)
        self.assertIn("deprecated thing type", response["Error"]["Message"])

        # The thing that had it keeps it, is listed by it, and may be updated.
        self.assertEqual(self.iot.describe_thing(thingName=kept)["thingTypeName"], name)
        listed = self.iot.list_things(thingTypeName=name)["things"]
        self.assertEqual([(t["thingName"], t["thingTypeName"]) for t in listed], [(kept, name)])
        self.iot.update_thing(thingName=kept, thingTypeName=name,
                              attributePayload={"attributes": {"a0": "new"}, "merge": True})
        self.assertEqual(self.iot.describe_thing(thingName=kept)["attributes"]["a0"], "new")
        # Creating it again as it is creates nothing new: it succeeds.
        self.iot.create_thing(thingName=kept, thingTypeName=name,
                              attributePayload={"attributes": {**attributes, "a0": "new"}})

        # Undeprecated, the type takes new things again.
        self.iot.deprecate_thing_type(thingTypeName=name, undoDeprecate=True)
        self.iot.update_thing(thingName=plain, thingTypeName=name)
        self.iot.update_thing(thingName=plain, thingTypeName=other)
        self.assertEqual(self.iot.describe_thing(thingName=plain)["thingTypeName"], other)

    def test_delete_is_refused_while_things_have_the_type(self):
        name = self.make_type()
        things = sorted(unique("member") for _ in range(2))  # the first by name is named
        for thing in things:
            self.iot.create_thing(thingName=thing, thingTypeName=name)
        self.deletable(name)
        response = self.assertBotoError("InvalidRequestException", self.iot.delete_thing_type,
                                        thingTypeName=name)
        self.assertIn(f"Cannot delete thing type : {name}.", response["Error"]["Message"])
        self.assertIn(things[0], response["Error"]["Message"])
        # As AWS says: change the type of each thing (UpdateThing), then delete.
        self.iot.update_thing(thingName=things[0], removeThingType=True)
        self.assertBotoError("InvalidRequestException", self.iot.delete_thing_type,
                             thingTypeName=name)
        self.iot.delete_thing(thingName=things[1])
        self.iot.delete_thing_type(thingTypeName=name)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing_type,
                             thingTypeName=name)
        self.assertNotIn("thingTypeName", self.iot.describe_thing(thingName=things[0]))

    # ---- properties ----

    def test_properties_limits_and_what_is_refused(self):
        name = unique("four")
        response = self.assertBotoError(
            "InvalidRequestException", self.iot.create_thing_type, thingTypeName=name,
            thingTypeProperties={"searchableAttributes": ["a", "b", "c", "d"]})
        self.assertEqual(response["Error"]["Message"],
                         "Only three searchable attributes are allowed for a thing type.")
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing_type,
                             thingTypeName=name)
        # What iotjobsd would have to drop is refused with its name (D54)...
        response = self.assertBotoError(
            "InvalidRequestException", self.iot.create_thing_type, thingTypeName=name,
            thingTypeProperties={"mqtt5Configuration": {"propagatingAttributes": [
                {"userPropertyKey": "serial", "thingAttribute": "serialNumber"}]}})
        self.assertIn("mqtt5Configuration", response["Error"]["Message"])
        response = self.assertBotoError("InvalidRequestException", self.iot.create_thing_type,
                                        thingTypeName=name,
                                        tags=[{"Key": "team", "Value": "fleet"}])
        self.assertIn("tags", response["Error"]["Message"])
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing_type,
                             thingTypeName=name)
        # ...while their empty forms ask for nothing.
        self.iot.create_thing_type(thingTypeName=name, tags=[],
                                   thingTypeProperties={"mqtt5Configuration": {}})
        self.assertEqual(self.iot.describe_thing_type(thingTypeName=name)["thingTypeProperties"], {})
        # The model's own limits are checked too.
        self.assertBotoError("InvalidRequestException", self.iot.create_thing_type,
                             thingTypeName=unique("t"),
                             thingTypeProperties={"searchableAttributes": ["bad attribute"]})
        self.assertBotoError("InvalidRequestException", self.iot.create_thing_type,
                             thingTypeName=unique("t"),
                             thingTypeProperties={"thingTypeDescription": "x" * 2029})
        for bad in ("bad name", "x" * 129, "a/b"):
            self.assertAwsError(self.server.aws("iot", "describe-thing-type", "--thing-type-name",
                                                bad), "InvalidRequestException")

    def test_update_with_iotjobs_and_boto3(self):
        # AWS CLI 2.9.19 predates UpdateThingType; iotjobs has it from the current model.
        name = self.make_type(thingTypeDescription="bulbs", searchableAttributes=["wattage"])
        rc, out, err = self.server.iotjobs("iot", "update-thing-type", "--thing-type-name", name,
                                           "--thing-type-properties",
                                           "searchableAttributes=model,serial")
        self.assertEqual((rc, out), (0, ""), err)
        props = self.iot.describe_thing_type(thingTypeName=name)["thingTypeProperties"]
        self.assertEqual(props, {"thingTypeDescription": "bulbs",
                                 "searchableAttributes": ["model", "serial"]})
        self.iot.update_thing_type(thingTypeName=name,
                                   thingTypeProperties={"thingTypeDescription": "new bulbs"})
        props = self.iot.describe_thing_type(thingTypeName=name)["thingTypeProperties"]
        self.assertEqual(props, {"thingTypeDescription": "new bulbs",
                                 "searchableAttributes": ["model", "serial"]})
        self.iot.update_thing_type(thingTypeName=name)  # nothing given, nothing changes
        rc, _, err = self.server.iotjobs("iot", "update-thing-type", "--thing-type-name", name,
                                         "--thing-type-properties",
                                         '{"searchableAttributes": ["a", "b", "c", "d"]}')
        self.assertEqual(rc, 254, err)
        self.assertIn("Only three searchable attributes are allowed for a thing type.", err)
        self.assertBotoError("InvalidRequestException", self.iot.update_thing_type,
                             thingTypeName=name, thingTypeProperties={"mqtt5Configuration": {
                                 "propagatingAttributes": [{"connectionAttribute": "iot:ClientId",
                                                            "userPropertyKey": "client"}]}})
        self.assertBotoError("ResourceNotFoundException", self.iot.update_thing_type,
                             thingTypeName=unique("nope"),
                             thingTypeProperties={"thingTypeDescription": "x"})
        self.assertEqual(self.iot.describe_thing_type(thingTypeName=name)["thingTypeProperties"],
                         props)

    # ---- listing ----

    def test_list_pages_by_name_and_filters_by_prefix(self):
        prefix = unique("Fleet")
        names = sorted(f"{prefix}-{i:02d}" for i in range(5))
        for n in names:
            self.iot.create_thing_type(thingTypeName=n)
        other = unique("Other")
        self.iot.create_thing_type(thingTypeName=other)
        seen, token, pages = [], None, 0
        while True:
            kwargs = {"maxResults": 2, "thingTypeName": prefix}
            if token:
                kwargs["nextToken"] = token
            page = self.iot.list_thing_types(**kwargs)
            pages += 1
            self.assertLessEqual(len(page["thingTypes"]), 2)
            seen += [t["thingTypeName"] for t in page["thingTypes"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual((seen, pages), (names, 3))
        paginated = [t["thingTypeName"] for p in self.iot.get_paginator("list_thing_types").paginate(
            thingTypeName=prefix, PaginationConfig={"PageSize": 3}) for t in p["thingTypes"]]
        self.assertEqual(paginated, names)
        for run in (self.server.aws, self.server.iotjobs):
            rc, out, err = run("iot", "list-thing-types", "--thing-type-name", prefix,
                               "--page-size", "2")
            self.assertEqual(rc, 0, err)
            self.assertEqual([t["thingTypeName"] for t in json.loads(out)["thingTypes"]], names)
            rc, out, err = run("iot", "list-thing-types", "--thing-type-name", prefix,
                               "--max-items", "3", "--query", "thingTypes[].thingTypeName")
            self.assertEqual((rc, json.loads(out)), (0, names[:3]), err)
        self.assertEqual([t["thingTypeName"] for t in self.iot.list_thing_types(
            thingTypeName=names[1])["thingTypes"]], [names[1]])
        self.assertEqual(self.iot.list_thing_types(thingTypeName=unique("None"))["thingTypes"], [])
        every = [t["thingTypeName"] for p in self.iot.get_paginator("list_thing_types").paginate()
                 for t in p["thingTypes"]]
        self.assertEqual(every, sorted(every))
        self.assertTrue(set(names + [other]) <= set(every))
        # A token of another listing (or none of ours) is refused.
        self.assertBotoError("InvalidRequestException", self.iot.list_thing_types,
                             nextToken="not-a-token!")
        first = self.iot.list_thing_types(maxResults=1, thingTypeName=prefix)
        self.assertBotoError("InvalidRequestException", self.iot.list_thing_types,
                             nextToken=first["nextToken"], thingTypeName=other)


class ThingTypePoliciesTest(unittest.TestCase):
    """IAM: the thing type operations are authorized on the type's ARN, ListThingTypes on *."""
    OTHER = "111111111111"
    KEY, SECRET = "AKIATYPEUSER00000001", "type-user-secret-0123"

    @classmethod
    def setUpClass(cls):
        cls.credentials_path = credentials_file({"accounts": {cls.OTHER: {"users": {
            "bulbs": {"accessKeys": [{"accessKeyId": cls.KEY, "secretAccessKey": cls.SECRET}],
                      "policy": {"Statement": [
                          {"Effect": "Allow", "Action": "iot:*ThingType",
                           "Resource": type_arn("Bulb-*", cls.OTHER)},
                          {"Effect": "Allow", "Action": "iot:ListThingTypes", "Resource": "*"}]}},
        }}}})
        cls.server = Server(args=["--credentials-file", cls.credentials_path]).start()
        cls.iot = cls.server.client("iot", key=cls.KEY, secret=cls.SECRET)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        os.unlink(cls.credentials_path)

    def test_policy_names_thing_type_arns(self):
        out = self.iot.create_thing_type(thingTypeName="Bulb-1")
        self.assertEqual(out["thingTypeArn"], type_arn("Bulb-1", self.OTHER))
        self.iot.describe_thing_type(thingTypeName="Bulb-1")
        self.iot.deprecate_thing_type(thingTypeName="Bulb-1")
        self.iot.update_thing_type(thingTypeName="Bulb-1",
                                   thingTypeProperties={"thingTypeDescription": "b"})
        with self.assertRaises(Exception) as cm:
            self.iot.create_thing_type(thingTypeName="Lamp-1")
        self.assertEqual(cm.exception.response["Error"]["Code"], "AccessDeniedException")
        self.assertIn(type_arn("Lamp-1", self.OTHER), cm.exception.response["Error"]["Message"])
        listed = self.iot.list_thing_types()["thingTypes"]
        self.assertEqual([t["thingTypeName"] for t in listed], ["Bulb-1"])
        # The root of the server's account sees none of the other account's types.
        root = self.server.client("iot")
        self.assertEqual(root.list_thing_types()["thingTypes"], [])


if __name__ == "__main__":
    unittest.main()
