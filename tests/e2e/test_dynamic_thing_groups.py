"""Dynamic thing groups: CreateDynamicThingGroup, UpdateDynamicThingGroup,
DeleteDynamicThingGroup and the thing group reads on them, with AWS CLI v2, boto3 and
iotjobs (whose output must be AWS CLI v2's); membership following each change of a thing;
and the issue's story: a CONTINUOUS job on a dynamic group over 1,000 things, a device
leaving the group, and a new thing getting its execution at once, taken by a device on AWS's
JavaScript device SDK (docs/aws-behaviour.md, "Dynamic thing groups", D66 to D70)."""
import concurrent.futures
import json
import subprocess
import time
import unittest

import test_mqtt
from harness import group_arn, unique

QUERY = "attributes.site:plant-7 AND attributes.fw:1.*"


def wait_for(condition, timeout=60, what="condition"):
    """Polls `condition` until it answers something true; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class DynamicThingGroupsTest(test_mqtt.MqttTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iot.update_indexing_configuration(
            thingIndexingConfiguration={"thingIndexingMode": "REGISTRY"})

    def make(self, name, site, fw):
        return self.iot.create_thing(thingName=name, attributePayload={
            "attributes": {"site": site, "fw": fw}})

    def members(self, group):
        pages = self.iot.get_paginator("list_things_in_thing_group").paginate(
            thingGroupName=group)
        return sorted(t for page in pages for t in page["things"])

    def status(self, group):
        return self.iot.describe_thing_group(thingGroupName=group)["status"]

    # ---- the operations ----

    def test_operations_with_boto3(self):
        tag = unique("b").replace("-", "")
        self.make(f"{tag}-a", "plant-7", "1.2")
        self.make(f"{tag}-b", "plant-7", "2.0")
        group = f"{tag}-dyn"
        query = f"thingName:{tag}* AND {QUERY}"
        created = self.iot.create_dynamic_thing_group(
            thingGroupName=group, queryString=query,
            thingGroupProperties={"thingGroupDescription": "fw 1 at plant 7"},
            tags=[{"Key": "team", "Value": "ops"}])
        self.assertEqual(
            {k: v for k, v in created.items() if k != "ResponseMetadata"},
            {"thingGroupName": group, "thingGroupArn": group_arn(group),
             "thingGroupId": created["thingGroupId"], "indexName": "AWS_Things",
             "queryString": query, "queryVersion": "2017-09-30"})
        described = self.iot.describe_thing_group(thingGroupName=group)
        self.assertEqual((described["queryString"], described["queryVersion"],
                          described["indexName"], described["status"], described["version"]),
                         (query, "2017-09-30", "AWS_Things", "ACTIVE", 1))
        self.assertEqual(described["thingGroupMetadata"]["rootToParentThingGroups"], [])
        self.assertEqual(self.members(group), [f"{tag}-a"])
        self.assertIn(group, [g["groupName"] for g in self.iot.list_thing_groups(
            namePrefixFilter=tag)["thingGroups"]])
        self.assertEqual([g["groupName"] for g in self.iot.list_thing_groups_for_thing(
            thingName=f"{tag}-a")["thingGroups"]], [group])
        self.assertEqual(self.iot.list_tags_for_resource(resourceArn=group_arn(group))["tags"],
                         [{"Key": "team", "Value": "ops"}])

        # A changed query moves the members.
        updated = self.iot.update_dynamic_thing_group(
            thingGroupName=group, expectedVersion=1,
            thingGroupProperties={"thingGroupDescription": "fw 2"},
            queryString=f"thingName:{tag}* AND attributes.fw:2.*")
        self.assertEqual(updated["version"], 2)
        wait_for(lambda: self.status(group) == "ACTIVE", what="ACTIVE")
        self.assertEqual(self.members(group), [f"{tag}-b"])
        self.assertBotoError("VersionConflictException", self.iot.update_dynamic_thing_group,
                             thingGroupName=group, expectedVersion=1, thingGroupProperties={})

        # Errors.
        self.assertBotoError("InvalidQueryException", self.iot.create_dynamic_thing_group,
                             thingGroupName=unique("bad"), queryString="attributes.fw:(")
        self.assertBotoError("ResourceNotFoundException", self.iot.create_dynamic_thing_group,
                             thingGroupName=unique("bad"), queryString="*",
                             indexName="AWS_ThingGroups")
        self.assertBotoError("InvalidRequestException", self.iot.create_dynamic_thing_group,
                             thingGroupName=unique("bad"), queryString="*",
                             queryVersion="2020-01-01")
        self.assertBotoError("ResourceAlreadyExistsException",
                             self.iot.create_dynamic_thing_group, thingGroupName=group,
                             queryString="*")
        for call, kwargs in [
                (self.iot.add_thing_to_thing_group, {"thingName": f"{tag}-a"}),
                (self.iot.remove_thing_from_thing_group, {"thingName": f"{tag}-b"}),
                (self.iot.update_thing_group, {"thingGroupProperties": {}}),
                (self.iot.delete_thing_group, {})]:
            response = self.assertBotoError("InvalidRequestException", call,
                                            thingGroupName=group, **kwargs)
            self.assertIn("dynamic thing group", response["Error"]["Message"])
        self.assertBotoError("InvalidRequestException", self.iot.create_thing_group,
                             thingGroupName=unique("child"), parentGroupName=group)
        static = unique("static")
        self.iot.create_thing_group(thingGroupName=static)
        self.assertBotoError("InvalidRequestException", self.iot.update_dynamic_thing_group,
                             thingGroupName=static, thingGroupProperties={}, queryString="*")
        self.assertBotoError("InvalidRequestException", self.iot.delete_dynamic_thing_group,
                             thingGroupName=static)
        self.assertBotoError("InvalidRequestException", self.iot.update_indexing_configuration,
                             thingIndexingConfiguration={"thingIndexingMode": "OFF"})

        self.assertBotoError("VersionConflictException", self.iot.delete_dynamic_thing_group,
                             thingGroupName=group, expectedVersion=1)
        self.iot.delete_dynamic_thing_group(thingGroupName=group, expectedVersion=2)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing_group,
                             thingGroupName=group)
        self.iot.delete_dynamic_thing_group(thingGroupName=group)  # absent: nothing to do
        self.assertEqual(self.iot.list_thing_groups_for_thing(thingName=f"{tag}-b")["thingGroups"],
                         [])

    def test_override_dynamic_groups(self):
        tag = unique("o").replace("-", "")
        thing = f"{tag}-t"
        self.make(thing, "plant-7", "1.0")
        self.iot.create_dynamic_thing_group(thingGroupName=f"{tag}-dyn",
                                            queryString=f'thingName:"{thing}"')
        for i in range(9):
            self.iot.create_thing_group(thingGroupName=f"{tag}-g{i}")
            self.iot.add_thing_to_thing_group(thingGroupName=f"{tag}-g{i}", thingName=thing)
        self.iot.create_thing_group(thingGroupName=f"{tag}-last")
        self.assertBotoError("InvalidRequestException", self.iot.add_thing_to_thing_group,
                             thingGroupName=f"{tag}-last", thingName=thing)
        self.iot.add_thing_to_thing_group(thingGroupName=f"{tag}-last", thingName=thing,
                                          overrideDynamicGroups=True)
        groups = self.iot.list_thing_groups_for_thing(thingName=thing)["thingGroups"]
        self.assertEqual(len(groups), 10)
        self.assertNotIn(f"{tag}-dyn", [g["groupName"] for g in groups])

    def test_cli_v2_and_iotjobs(self):
        tag = unique("c").replace("-", "")
        self.make(f"{tag}-a", "plant-7", "1.2")
        group = f"{tag}-dyn"
        create = ["create-dynamic-thing-group", "--thing-group-name", group, "--query-string",
                  f"thingName:{tag}*", "--thing-group-properties",
                  "thingGroupDescription=cli,attributePayload={attributes={k=v}}"]
        rc, out, err = self.server.aws("iot", *create)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["queryVersion"], "2017-09-30")
        # The same group again is answered unchanged: both CLIs print the same.
        for args in [create, ["describe-thing-group", "--thing-group-name", group],
                     ["list-things-in-thing-group", "--thing-group-name", group],
                     ["list-thing-groups-for-thing", "--thing-name", f"{tag}-a"],
                     ["describe-thing-group", "--thing-group-name", group, "--output", "table"],
                     ["describe-thing-group", "--thing-group-name", group, "--output", "text"],
                     ["create-dynamic-thing-group", "--thing-group-name", unique("bad"),
                      "--query-string", "attributes.fw:("],
                     ["add-thing-to-thing-group", "--thing-group-name", group, "--thing-name",
                      f"{tag}-a"],
                     ["update-dynamic-thing-group", "--thing-group-name", group,
                      "--thing-group-properties", "thingGroupDescription=x",
                      "--expected-version", "9"],
                     ["delete-dynamic-thing-group", "--thing-group-name", unique("absent")]]:
            self.assertEqual(self.server.iotjobs("iot", *args), self.server.aws("iot", *args), args)
        update = ["update-dynamic-thing-group", "--thing-group-name", group,
                  "--thing-group-properties", "thingGroupDescription=new", "--query-string",
                  f"thingName:{tag}zzz*"]
        self.assertEqual(self.server.aws("iot", *update), (0, '{\n    "version": 2\n}\n', ""))
        self.assertEqual(self.server.iotjobs("iot", *update), (0, '{\n    "version": 3\n}\n', ""))
        wait_for(lambda: self.status(group) == "ACTIVE", what="ACTIVE")
        self.assertEqual(self.members(group), [])
        self.assertEqual(self.server.iotjobs("iot", "delete-dynamic-thing-group",
                                             "--thing-group-name", group), (0, "", ""))
        self.assertEqual(self.server.aws("iot", "delete-dynamic-thing-group",
                                         "--thing-group-name", group), (0, "", ""))

    # ---- the story ----

    def test_the_story_a_continuous_job_on_a_dynamic_group(self):
        tag = unique("s").replace("-", "")
        sites, fws = ["plant-7", "plant-8"], ["1.0", "1.5", "2.0", "1.9"]
        specs = [(f"{tag}-{i:04d}", sites[i % 2], fws[(i // 2) % 4]) for i in range(1000)]
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda s: self.make(*s), specs))
        expected = sorted(n for n, site, fw in specs if site == "plant-7" and fw.startswith("1."))
        group = f"{tag}-plant7-fw1"
        self.iot.create_dynamic_thing_group(
            thingGroupName=group, queryString=f"thingName:{tag}* AND {QUERY}")
        wait_for(lambda: self.status(group) == "ACTIVE", what="the group to fill")
        self.assertEqual(self.members(group), expected)

        job_id = unique("fw")
        self.iot.create_job(jobId=job_id, targets=[group_arn(group)], document='{"fw": "1.10"}',
                            targetSelection="CONTINUOUS")

        def queued():
            pages = self.iot.get_paginator("list_job_executions_for_job").paginate(jobId=job_id)
            return sorted(e["thingArn"].split("/")[-1] for p in pages for e in p["executionSummaries"])
        wait_for(lambda: queued() == expected, what="an execution for every member")

        # A device that changes its fw leaves the group and keeps its queued execution.
        leaver = expected[0]
        self.iot.update_thing(thingName=leaver, attributePayload={
            "attributes": {"fw": "2.1"}, "merge": True})
        self.assertNotIn(leaver, self.members(group))
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=leaver)
                         ["execution"]["status"], "QUEUED")

        # A new matching thing gets its execution at once, and a device on AWS's JavaScript
        # device SDK, already listening, receives notify-next and runs it.
        newcomer = f"{tag}-new"
        node = subprocess.Popen(["node", "device.js", "127.0.0.1", str(self.broker.port), newcomer],
                                cwd=test_mqtt.JS_DIR, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            events = []
            for line in node.stdout:
                events.append(json.loads(line))
                if events[-1]["event"] == "ready":
                    break
            self.assertEqual(events[-1]["event"], "ready", events)
            self.make(newcomer, "plant-7", "1.3")
            self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=newcomer)
                             ["execution"]["status"], "QUEUED")
            out, err = node.communicate(timeout=60)
            events += [json.loads(line) for line in out.splitlines() if line.strip()]
            self.assertEqual(node.returncode, 0, f"{events}\n{err}")
        finally:
            if node.poll() is None:
                node.kill()
        nexts = [e for e in events if e["event"] == "notify-next" and e["execution"]]
        self.assertEqual(nexts[0]["execution"]["jobId"], job_id)
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=newcomer)
                         ["execution"]["status"], "SUCCEEDED")
        self.assertIn(newcomer, self.members(group))

    def assertBotoError(self, code, fn, *args, **kwargs):
        import botocore.exceptions
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception.response


if __name__ == "__main__":
    unittest.main()
