"""Things and thing groups, driven by AWS CLI v2 and boto3."""
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, group_arn, thing_arn, unique


class ThingsTest(ServerTestCase):
    def test_thing_lifecycle_with_cli_v2(self):
        name = unique("cli-thing")
        out = self.server.aws_json("iot", "create-thing", "--thing-name", name,
                                   "--attribute-payload", '{"attributes":{"color":"red"}}')
        self.assertEqual(list(out), ["thingName", "thingArn", "thingId"])
        self.assertEqual(out["thingArn"], thing_arn(name))
        thing_id = out["thingId"]

        # Creating it again, identically, answers the same thing.
        again = self.server.aws_json("iot", "create-thing", "--thing-name", name,
                                     "--attribute-payload", '{"attributes":{"color":"red"}}')
        self.assertEqual(again["thingId"], thing_id)
        # Differently: 409.
        self.assertAwsError(self.server.aws("iot", "create-thing", "--thing-name", name,
                                            "--attribute-payload", '{"attributes":{"color":"blue"}}'),
                            "ResourceAlreadyExistsException")

        desc = self.server.aws_json("iot", "describe-thing", "--thing-name", name)
        self.assertEqual(desc, {"defaultClientId": name, "thingName": name, "thingId": thing_id,
                                "thingArn": thing_arn(name), "attributes": {"color": "red"},
                                "version": 1})

        rc, out, err = self.server.aws("iot", "update-thing", "--thing-name", name,
                                       "--attribute-payload",
                                       '{"attributes":{"size":"L","color":""},"merge":true}',
                                       "--expected-version", "1")
        self.assertEqual((rc, out), (0, ""), err)
        desc = self.server.aws_json("iot", "describe-thing", "--thing-name", name)
        self.assertEqual(desc["attributes"], {"size": "L"})
        self.assertEqual(desc["version"], 2)
        self.assertAwsError(self.server.aws("iot", "update-thing", "--thing-name", name,
                                            "--expected-version", "1"),
                            "VersionConflictException")

        listed = self.server.aws_json("iot", "list-things", "--attribute-name", "size",
                                      "--attribute-value", "L")
        self.assertIn(name, [t["thingName"] for t in listed["things"]])

        self.assertEqual(self.server.aws("iot", "delete-thing", "--thing-name", name)[0], 0)
        self.assertAwsError(self.server.aws("iot", "describe-thing", "--thing-name", name),
                            "ResourceNotFoundException")
        # Deleting a thing that does not exist succeeds (the model's documented behaviour).
        self.assertEqual(self.server.aws("iot", "delete-thing", "--thing-name", name)[0], 0)

    def test_thing_names_are_validated(self):
        for bad in ["bad name", "x" * 129, "a/b"]:
            self.assertAwsError(self.server.aws("iot", "describe-thing", "--thing-name", bad),
                                "InvalidRequestException")
        # An empty name is refused by the CLI itself (parameter validation, exit 252).
        rc, _, err = self.server.aws("iot", "describe-thing", "--thing-name", "")
        self.assertEqual(rc, 252, err)

    def test_list_things_pages_with_boto3(self):
        prefix = unique("page")
        names = sorted(f"{prefix}-{i:02d}" for i in range(7))
        for n in names:
            self.iot.create_thing(thingName=n, attributePayload={"attributes": {"batch": prefix}})
        seen, token, pages = [], None, 0
        while True:
            kwargs = {"maxResults": 3, "attributeName": "batch", "attributeValue": prefix}
            if token:
                kwargs["nextToken"] = token
            page = self.iot.list_things(**kwargs)
            pages += 1
            seen += [t["thingName"] for t in page["things"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual(seen, names)
        self.assertEqual(pages, 3)
        # The paginator and the CLI's automatic pagination see the same.
        paginated = [t["thingName"] for p in self.iot.get_paginator("list_things").paginate(
            attributeName="batch", attributeValue=prefix, PaginationConfig={"PageSize": 2})
            for t in p["things"]]
        self.assertEqual(paginated, names)
        out = self.server.aws_json("iot", "list-things", "--attribute-name", "batch",
                                   "--attribute-value", prefix, "--page-size", "2")
        self.assertEqual([t["thingName"] for t in out["things"]], names)
        self.assertBotoError("InvalidRequestException", self.iot.list_things,
                             nextToken="not-a-token!")

    def test_attribute_limit_without_thing_type(self):
        name = unique("attrs")
        self.assertBotoError("InvalidRequestException", self.iot.create_thing, thingName=name,
                             attributePayload={"attributes": {f"a{i}": "v" for i in range(4)}})


class ThingGroupsTest(ServerTestCase):
    def test_group_lifecycle_and_membership_with_cli_v2(self):
        parent, child = unique("parent"), unique("child")
        out = self.server.aws_json("iot", "create-thing-group", "--thing-group-name", parent,
                                   "--thing-group-properties", "thingGroupDescription=fleet")
        self.assertEqual(out["thingGroupArn"], group_arn(parent))
        self.server.aws_json("iot", "create-thing-group", "--thing-group-name", child,
                             "--parent-group-name", parent)
        desc = self.server.aws_json("iot", "describe-thing-group", "--thing-group-name", child)
        self.assertEqual(desc["thingGroupMetadata"]["parentGroupName"], parent)
        self.assertEqual(desc["thingGroupMetadata"]["rootToParentThingGroups"],
                         [{"groupName": parent, "groupArn": group_arn(parent)}])
        self.assertIn("creationDate", desc["thingGroupMetadata"])
        self.assertEqual(desc["version"], 1)

        thing = self.make_thing()
        rc, out, err = self.server.aws("iot", "add-thing-to-thing-group", "--thing-group-name",
                                       child, "--thing-name", thing)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.strip(), "")
        direct = self.server.aws_json("iot", "list-things-in-thing-group", "--thing-group-name", parent)
        self.assertEqual(direct["things"], [])
        recursive = self.server.aws_json("iot", "list-things-in-thing-group", "--thing-group-name",
                                         parent, "--recursive")
        self.assertEqual(recursive["things"], [thing])
        groups = self.server.aws_json("iot", "list-thing-groups-for-thing", "--thing-name", thing)
        self.assertEqual(groups["thingGroups"], [{"groupName": child, "groupArn": group_arn(child)}])
        children = self.server.aws_json("iot", "list-thing-groups", "--parent-group", parent)
        self.assertEqual([g["groupName"] for g in children["thingGroups"]], [child])

        upd = self.server.aws_json("iot", "update-thing-group", "--thing-group-name", parent,
                                   "--thing-group-properties", "thingGroupDescription=new",
                                   "--expected-version", "1")
        self.assertEqual(upd, {"version": 2})
        self.assertAwsError(self.server.aws("iot", "update-thing-group", "--thing-group-name", parent,
                                            "--thing-group-properties", "thingGroupDescription=x",
                                            "--expected-version", "1"),
                            "VersionConflictException")

        # A group with children cannot go; removing by ARN works like by name.
        self.assertAwsError(self.server.aws("iot", "delete-thing-group", "--thing-group-name", parent),
                            "InvalidRequestException")
        rc, _, err = self.server.aws("iot", "remove-thing-from-thing-group", "--thing-group-arn",
                                     group_arn(child), "--thing-arn", thing_arn(thing))
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.iot.list_things_in_thing_group(thingGroupName=child)["things"], [])
        self.assertEqual(self.server.aws("iot", "delete-thing-group", "--thing-group-name", child)[0], 0)
        self.assertEqual(self.server.aws("iot", "delete-thing-group", "--thing-group-name", parent)[0], 0)
        # Absent groups delete fine (no ResourceNotFoundException in the model).
        self.assertEqual(self.server.aws("iot", "delete-thing-group", "--thing-group-name", parent)[0], 0)

    def test_membership_errors_with_boto3(self):
        group = unique("g")
        self.iot.create_thing_group(thingGroupName=group)
        self.assertBotoError("ResourceNotFoundException", self.iot.add_thing_to_thing_group,
                             thingGroupName=group, thingName=unique("missing"))
        self.assertBotoError("ResourceNotFoundException", self.iot.add_thing_to_thing_group,
                             thingGroupName=unique("missing"), thingName=self.make_thing())
        self.assertBotoError("InvalidRequestException", self.iot.add_thing_to_thing_group,
                             thingGroupName=group)
        self.assertBotoError("InvalidRequestException", self.iot.add_thing_to_thing_group,
                             thingGroupArn="arn:aws:iot:eu-west-1:999999999999:thinggroup/x",
                             thingName=self.make_thing())
        # A thing may be in at most 10 groups.
        thing = self.make_thing()
        for i in range(10):
            g = unique(f"many{i}")
            self.iot.create_thing_group(thingGroupName=g)
            self.iot.add_thing_to_thing_group(thingGroupName=g, thingName=thing)
        self.assertBotoError("InvalidRequestException", self.iot.add_thing_to_thing_group,
                             thingGroupName=group, thingName=thing)
        self.assertBotoError("ResourceNotFoundException", self.iot.create_thing_group,
                             thingGroupName=unique("orphan"), parentGroupName=unique("nope"))

    def test_list_thing_groups_filters(self):
        prefix = unique("pfx")
        for suffix in ["a", "b", "c"]:
            self.iot.create_thing_group(thingGroupName=f"{prefix}-{suffix}")
        out = self.iot.list_thing_groups(namePrefixFilter=prefix, maxResults=2)
        self.assertEqual([g["groupName"] for g in out["thingGroups"]], [f"{prefix}-a", f"{prefix}-b"])
        rest = self.iot.list_thing_groups(namePrefixFilter=prefix, nextToken=out["nextToken"])
        self.assertEqual([g["groupName"] for g in rest["thingGroups"]], [f"{prefix}-c"])
        self.assertNotIn("nextToken", rest)


if __name__ == "__main__":
    unittest.main()
