"""Resource tags, as a new user tries them: TagResource, UntagResource and ListTagsForResource
on jobs, job templates and thing groups with AWS CLI v2 and boto3; the tags CreateJob,
CreateJobTemplate and CreateThingGroup are given, read back; AWS's limits (50 tags, key 1-128
and value 0-256 characters, the aws: prefix), its errors (unknown resource 404, malformed ARN
400, things cannot be tagged), paging with sealed nextTokens, tags deleted with their
resource, a job being deleted, and the IAM actions of tagging (docs/aws-behaviour.md, "Tags",
D45-D49)."""
import concurrent.futures
import json
import os
import unittest

import botocore.exceptions

from harness import (ACCOUNT, REGION, Server, ServerTestCase, credentials_file, group_arn,
                     thing_arn, unique)

OTHER = "111111111111"
TAGGER_KEY, TAGGER_SECRET = "AKIATAGGER0000000001", "tagger-secret-0123456"
BUILDER_KEY, BUILDER_SECRET = "AKIABUILDER000000001", "builder-secret-012345"
CREDENTIALS = {"accounts": {OTHER: {"users": {
    # May create jobs, templates and groups anywhere, and tag only what is named tagged-*.
    "tagger": {"accessKeys": [{"accessKeyId": TAGGER_KEY, "secretAccessKey": TAGGER_SECRET}],
               "policy": {"Statement": [
                   {"Effect": "Allow", "Action": ["iot:Create*", "iot:Describe*", "iot:Delete*"],
                    "Resource": "*"},
                   {"Effect": "Allow",
                    "Action": ["iot:TagResource", "iot:UntagResource", "iot:ListTagsForResource"],
                    "Resource": [f"arn:aws:iot:{REGION}:{OTHER}:job/tagged-*",
                                 f"arn:aws:iot:{REGION}:{OTHER}:jobtemplate/tagged-*",
                                 f"arn:aws:iot:{REGION}:{OTHER}:thinggroup/tagged-*"]}]}},
    # May create and tag anything, but never tag a thing group (explicit Deny).
    "builder": {"accessKeys": [{"accessKeyId": BUILDER_KEY, "secretAccessKey": BUILDER_SECRET}],
                "policy": {"Statement": [
                    {"Effect": "Allow", "Action": "iot:*", "Resource": "*"},
                    {"Effect": "Deny", "Action": "iot:TagResource",
                     "Resource": f"arn:aws:iot:{REGION}:{OTHER}:thinggroup/*"}]}},
}}}}


def job_arn(job_id, account=ACCOUNT):
    return f"arn:aws:iot:{REGION}:{account}:job/{job_id}"


def template_arn(template_id, account=ACCOUNT):
    return f"arn:aws:iot:{REGION}:{account}:jobtemplate/{template_id}"


def tags_of(page):
    return {t["Key"]: t.get("Value") for t in page["tags"]}


class TagsTest(ServerTestCase):
    server_args = ("--test-clock",)

    def all_tags(self, arn):
        pages = self.iot.get_paginator("list_tags_for_resource").paginate(resourceArn=arn)
        tags = {}
        for page in pages:
            tags.update(tags_of(page))
        return tags

    def cli_tags(self, arn, *extra):
        return self.server.aws_json("iot", "list-tags-for-resource", "--resource-arn", arn, *extra)

    def make_group(self, **kwargs):
        name = unique("grp")
        self.iot.create_thing_group(thingGroupName=name, **kwargs)
        return name

    def make_template(self, **kwargs):
        template_id = unique("tpl")
        self.iot.create_job_template(jobTemplateId=template_id, description="d", document="{}",
                                     **kwargs)
        return template_id

    def advance(self, seconds):
        status, _, body = self.server.http("POST", "/_iotjobs/test/clock",
                                           body=json.dumps({"advanceSeconds": seconds}))
        self.assertEqual(status, 200, body)

    # ---- create-time tags ----

    def test_tags_given_at_create_time_are_read_back(self):
        thing = self.make_thing()
        job_id = unique("job")
        out = self.server.aws_json(
            "iot", "create-job", "--job-id", job_id, "--targets", thing_arn(thing),
            "--document", "{}", "--tags", "Key=team,Value=fleet", "Key=stage")
        self.assertEqual(out["jobArn"], job_arn(job_id))
        self.assertEqual(self.cli_tags(job_arn(job_id)),
                         {"tags": [{"Key": "stage"}, {"Key": "team", "Value": "fleet"}]})
        template_id = self.make_template(tags=[{"Key": "owner", "Value": "ops"}])
        self.assertEqual(self.all_tags(template_arn(template_id)), {"owner": "ops"})
        group = unique("grp")
        rc, out, err = self.server.aws("iot", "create-thing-group", "--thing-group-name", group,
                                       "--tags", "Key=site,Value=north", "Key=empty,Value=")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.all_tags(group_arn(group)), {"empty": "", "site": "north"})
        # The same group again: it is answered, and its tags stay as they were (D49).
        again = self.iot.create_thing_group(thingGroupName=group,
                                            tags=[{"Key": "site", "Value": "south"}])
        self.assertEqual(again["thingGroupArn"], group_arn(group))
        self.assertEqual(self.all_tags(group_arn(group)), {"empty": "", "site": "north"})

    def test_jobs_from_templates_take_no_tags_from_them(self):
        thing = self.make_thing()
        template_id = self.make_template(tags=[{"Key": "from", "Value": "template"}])
        job_id = unique("job")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)],
                            jobTemplateArn=template_arn(template_id))
        self.assertEqual(self.all_tags(job_arn(job_id)), {})
        copy = unique("tpl")
        self.iot.create_job_template(jobTemplateId=copy, description="d", jobArn=job_arn(job_id),
                                     tags=[{"Key": "copy", "Value": "yes"}])
        self.assertEqual(self.all_tags(template_arn(copy)), {"copy": "yes"})

    def test_create_time_tags_follow_the_limits(self):
        thing = self.make_thing()
        fifty_one = [{"Key": f"k{i:02d}", "Value": "v"} for i in range(51)]
        job_id = unique("job")
        self.assertBotoError("LimitExceededException", self.iot.create_job, jobId=job_id,
                             targets=[thing_arn(thing)], document="{}", tags=fifty_one)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job, jobId=job_id)
        self.assertBotoError("InvalidRequestException", self.iot.create_job, jobId=job_id,
                             targets=[thing_arn(thing)], document="{}",
                             tags=[{"Key": "aws:cloudformation:stack-name", "Value": "s"}])
        self.assertBotoError("LimitExceededException", self.iot.create_job_template,
                             jobTemplateId=unique("tpl"), description="d", document="{}",
                             tags=fifty_one)
        # CreateThingGroup models no LimitExceededException: there it is a bad request.
        group = unique("grp")
        self.assertBotoError("InvalidRequestException", self.iot.create_thing_group,
                             thingGroupName=group, tags=fifty_one)
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing_group,
                             thingGroupName=group)
        self.assertAwsError(self.server.aws(
            "iot", "create-thing-group", "--thing-group-name", group, "--tags",
            "Key=k,Value=1", "Key=k,Value=2"), "InvalidRequestException")
        fifty = fifty_one[:50]
        self.iot.create_thing_group(thingGroupName=group, tags=fifty)
        self.assertEqual(len(self.all_tags(group_arn(group))), 50)

    # ---- TagResource, UntagResource, ListTagsForResource ----

    def test_tag_untag_and_list_with_the_aws_cli(self):
        group = self.make_group()
        arn = group_arn(group)
        rc, out, err = self.server.aws("iot", "tag-resource", "--resource-arn", arn, "--tags",
                                       "Key=team,Value=fleet", "Key=floor,Value=2")
        self.assertEqual((rc, out), (0, ""), err)
        self.assertEqual(self.cli_tags(arn)["tags"],
                         [{"Key": "floor", "Value": "2"}, {"Key": "team", "Value": "fleet"}])
        # A key it has takes the new value.
        self.server.aws_json("iot", "tag-resource", "--resource-arn", arn, "--tags",
                             '[{"Key": "team", "Value": "ops"}]')
        rc, out, err = self.server.aws("iot", "list-tags-for-resource", "--resource-arn", arn,
                                       "--output", "text")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "TAGS\tfloor\t2\nTAGS\tteam\tops\n")
        rc, out, err = self.server.aws("iot", "untag-resource", "--resource-arn", arn,
                                       "--tag-keys", "floor", "never-there")
        self.assertEqual((rc, out), (0, ""), err)
        self.assertEqual(self.cli_tags(arn, "--query", "tags[].Key"), ["team"])

    def test_tag_untag_and_list_with_boto3(self):
        thing = self.make_thing()
        job_id = self.make_job([thing_arn(thing)])
        arn = job_arn(job_id)
        self.assertEqual(self.iot.list_tags_for_resource(resourceArn=arn)["tags"], [])
        self.assertEqual(self.iot.tag_resource(resourceArn=arn, tags=[
            {"Key": "team", "Value": "fleet"}, {"Key": "no-value"}])["ResponseMetadata"]
            ["HTTPStatusCode"], 200)
        self.assertEqual(self.iot.list_tags_for_resource(resourceArn=arn)["tags"],
                         [{"Key": "no-value"}, {"Key": "team", "Value": "fleet"}])
        self.iot.untag_resource(resourceArn=arn, tagKeys=["team"])
        self.assertEqual(self.all_tags(arn), {"no-value": None})
        # Tagging leaves the job as it was.
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        template_id = self.make_template()
        self.iot.tag_resource(resourceArn=template_arn(template_id),
                              tags=[{"Key": "k", "Value": "v"}])
        self.assertEqual(self.all_tags(template_arn(template_id)), {"k": "v"})

    def test_limits(self):
        arn = group_arn(self.make_group(tags=[{"Key": f"k{i:02d}", "Value": "v"}
                                              for i in range(45)]))
        six = [{"Key": f"new{i}", "Value": "v"} for i in range(6)]
        response = self.assertBotoError("LimitExceededException", self.iot.tag_resource,
                                        resourceArn=arn, tags=six)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 410)
        self.assertIn("50", response["Error"]["Message"])
        self.assertEqual(len(self.all_tags(arn)), 45)
        # Replacing a value adds nothing; five new keys reach the limit exactly.
        self.iot.tag_resource(resourceArn=arn, tags=six[:5] + [{"Key": "k00", "Value": "new"}])
        self.assertEqual(len(self.all_tags(arn)), 50)
        self.assertAwsError(self.server.aws("iot", "tag-resource", "--resource-arn", arn,
                                            "--tags", "Key=one-more,Value=v"),
                            "LimitExceededException")
        # Keys of 1-128 characters of the model's pattern, values of 0-256 characters.
        group = group_arn(self.make_group())
        self.iot.tag_resource(resourceArn=group, tags=[{"Key": "k" * 128, "Value": "v" * 256},
                                                        {"Key": "é :/=+-@_.", "Value": ""}])
        for bad in ({"Key": "k" * 129, "Value": "v"}, {"Key": "k", "Value": "v" * 257},
                    {"Key": "bad#key", "Value": "v"}, {"Key": "k", "Value": "line\nbreak"}):
            self.assertBotoError("InvalidRequestException", self.iot.tag_resource,
                                 resourceArn=group, tags=[bad])
        self.assertEqual(len(self.all_tags(group)), 2)

    def test_the_aws_prefix_is_reserved(self):
        arn = group_arn(self.make_group(tags=[{"Key": "team", "Value": "fleet"}]))
        for tag in ({"Key": "aws:created-by", "Value": "me"}, {"Key": "AWS:x", "Value": "1"},
                    {"Key": "owner", "Value": "aws:me"}):
            response = self.assertBotoError("InvalidRequestException", self.iot.tag_resource,
                                            resourceArn=arn, tags=[tag])
            self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 400)
            self.assertIn("aws:", response["Error"]["Message"])
        self.assertAwsError(self.server.aws("iot", "untag-resource", "--resource-arn", arn,
                                            "--tag-keys", "aws:created-by"),
                            "InvalidRequestException")
        # Keys that merely start with "aws" are the account's.
        self.iot.tag_resource(resourceArn=arn, tags=[{"Key": "awsome", "Value": "aws"}])
        self.assertEqual(self.all_tags(arn), {"awsome": "aws", "team": "fleet"})

    def test_errors_for_what_cannot_be_tagged_or_does_not_exist(self):
        thing = self.make_thing()
        cases = [
            (job_arn(unique("ghost")), "ResourceNotFoundException", 404),
            (template_arn(unique("ghost")), "ResourceNotFoundException", 404),
            (group_arn(unique("ghost")), "ResourceNotFoundException", 404),
            (job_arn(unique("elsewhere"), account="999999999999"),
             "ResourceNotFoundException", 404),
            (f"arn:aws:iot:{REGION}:{ACCOUNT}:thingtype/sensor", "InvalidRequestException", 400),
            # Things cannot be tagged on AWS IoT (D45).
            (thing_arn(thing), "InvalidRequestException", 400),
            (f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "InvalidRequestException", 400),
            ("not-an-arn", "InvalidRequestException", 400),
            (f"arn:aws:iot:{REGION}:{ACCOUNT}:job/", "InvalidRequestException", 400),
            ("arn:aws:s3:::bucket", "InvalidRequestException", 400),
        ]
        for arn, code, status in cases:
            with self.subTest(arn=arn):
                for call, kwargs in ((self.iot.tag_resource, {"tags": [{"Key": "k"}]}),
                                     (self.iot.untag_resource, {"tagKeys": ["k"]}),
                                     (self.iot.list_tags_for_resource, {})):
                    response = self.assertBotoError(code, call, resourceArn=arn, **kwargs)
                    self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        rc, out, err = self.server.aws("iot", "tag-resource", "--resource-arn", thing_arn(thing),
                                       "--tags", "Key=k,Value=v")
        self.assertAwsError((rc, out, err), "InvalidRequestException")
        self.assertIn("thing", err)
        self.assertAwsError(self.server.aws("iot", "list-tags-for-resource", "--resource-arn",
                                            job_arn(unique("ghost"))),
                            "ResourceNotFoundException")

    # ---- paging ----

    def test_pages_of_ten_and_sealed_next_tokens(self):
        keys = [f"key-{i:02d}" for i in range(50)]
        arn = group_arn(self.make_group(tags=[{"Key": k, "Value": k.upper()} for k in keys]))
        first = self.iot.list_tags_for_resource(resourceArn=arn)
        self.assertEqual([t["Key"] for t in first["tags"]], keys[:10])
        self.assertIn("nextToken", first)
        second = self.iot.list_tags_for_resource(resourceArn=arn, nextToken=first["nextToken"])
        self.assertEqual([t["Key"] for t in second["tags"]], keys[10:20])
        # boto3's paginator and AWS CLI v2 follow every page.
        self.assertEqual(sorted(self.all_tags(arn)), keys)
        out = self.cli_tags(arn)
        self.assertEqual([t["Key"] for t in out["tags"]], keys)
        self.assertNotIn("nextToken", out)
        # --max-items across a page boundary, then --starting-token.
        part = self.cli_tags(arn, "--max-items", "15")
        self.assertEqual([t["Key"] for t in part["tags"]], keys[:15])
        rest = self.cli_tags(arn, "--starting-token", part["NextToken"])
        self.assertEqual([t["Key"] for t in rest["tags"]], keys[15:])
        # A token is good only for the listing of the resource that gave it out.
        other = group_arn(self.make_group(tags=[{"Key": k} for k in keys]))
        response = self.assertBotoError("InvalidRequestException", self.iot.list_tags_for_resource,
                                        resourceArn=other, nextToken=first["nextToken"])
        self.assertIn("nextToken", response["Error"]["Message"])
        self.assertBotoError("InvalidRequestException", self.iot.list_tags_for_resource,
                             resourceArn=arn, nextToken="bm90LWEtdG9rZW4=")

    # ---- the resource's life ----

    def test_deleting_the_resource_deletes_its_tags(self):
        thing = self.make_thing()
        job_id = unique("job")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document="{}",
                            tags=[{"Key": "team", "Value": "fleet"}])
        self.iot.delete_job(jobId=job_id, force=True)
        self.assertBotoError("ResourceNotFoundException", self.iot.list_tags_for_resource,
                             resourceArn=job_arn(job_id))
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document="{}")
        self.assertEqual(self.all_tags(job_arn(job_id)), {})

        template_id = self.make_template(tags=[{"Key": "k", "Value": "v"}])
        self.server.aws_json("iot", "delete-job-template", "--job-template-id", template_id)
        self.iot.create_job_template(jobTemplateId=template_id, description="d", document="{}")
        self.assertEqual(self.all_tags(template_arn(template_id)), {})

        group = self.make_group(tags=[{"Key": "k", "Value": "v"}])
        self.iot.delete_thing_group(thingGroupName=group)
        self.assertBotoError("ResourceNotFoundException", self.iot.tag_resource,
                             resourceArn=group_arn(group), tags=[{"Key": "k"}])
        self.iot.create_thing_group(thingGroupName=group)
        self.assertEqual(self.all_tags(group_arn(group)), {})

    def test_a_job_being_deleted_lists_its_tags_but_keeps_them(self):
        group = self.make_group()
        names = [f"{group}-t{i:04d}" for i in range(1001)]

        def add(name):
            client = self.server.client("iot")
            client.create_thing(thingName=name)
            client.add_thing_to_thing_group(thingGroupName=group, thingName=name)

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(add, names))
        # The server's own sweep (once a second, test clock or not) may run the deletion to
        # its end between two of these calls; then the job is gone and the attempt tells
        # nothing, so it is made again with a new job. Seen under AddressSanitizer in CI.
        for attempt in range(5):
            arn = self.tag_a_job_being_deleted(group)
            if arn:
                break
        else:
            self.fail("every attempt's deletion finished before its job could be tagged")
        self.advance(0)  # the deletion finishes, and the tags go with the job
        self.assertBotoError("ResourceNotFoundException", self.iot.list_tags_for_resource,
                             resourceArn=arn)

    def tag_a_job_being_deleted(self, group):
        """A job on `group` deleted with force, then tagged and untagged while the deletion
        runs: its ARN, or None when the deletion ended before the checks were done."""
        job_id = unique("big")
        self.iot.create_job(jobId=job_id, targets=[group_arn(group)], document="{}",
                            tags=[{"Key": "team", "Value": "fleet"}])
        self.advance(0)  # the executions past the first 1000 are made in the background
        self.iot.delete_job(jobId=job_id, force=True)
        arn = job_arn(job_id)
        try:
            self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"],
                             "DELETION_IN_PROGRESS")
            self.assertEqual(self.all_tags(arn), {"team": "fleet"})
            self.assertBotoError("InvalidRequestException", self.iot.tag_resource,
                                 resourceArn=arn, tags=[{"Key": "k", "Value": "v"}])
            self.assertBotoError("InvalidRequestException", self.iot.untag_resource,
                                 resourceArn=arn, tagKeys=["team"])
        except (AssertionError, botocore.exceptions.ClientError):
            if self.job_is_gone(job_id):
                return None
            raise
        return arn

    def job_is_gone(self, job_id):
        try:
            self.iot.describe_job(jobId=job_id)
        except botocore.exceptions.ClientError as e:
            return e.response["Error"]["Code"] == "ResourceNotFoundException"
        return False


class TagAuthorizationTest(unittest.TestCase):
    """iot:TagResource, iot:UntagResource and iot:ListTagsForResource on the resourceArn, and
    iot:TagResource on the new resource for tags given at create time."""

    @classmethod
    def setUpClass(cls):
        cls.credentials_path = credentials_file(CREDENTIALS)
        cls.server = Server(args=["--credentials-file", cls.credentials_path]).start()
        cls.tagger = cls.server.client("iot", TAGGER_KEY, TAGGER_SECRET)
        cls.builder = cls.server.client("iot", BUILDER_KEY, BUILDER_SECRET)
        cls.builder.create_thing(thingName="device")
        cls.target = f"arn:aws:iot:{REGION}:{OTHER}:thing/device"

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        os.unlink(cls.credentials_path)

    def denied(self, fn, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            fn(**kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], "AccessDeniedException")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
        return cm.exception.response["Error"]["Message"]

    def test_tagging_is_authorized_on_the_resource_arn(self):
        tagged, plain = unique("tagged"), unique("plain")
        for job_id in (tagged, plain):
            self.tagger.create_job(jobId=job_id, targets=[self.target], document="{}")
        self.tagger.tag_resource(resourceArn=job_arn(tagged, OTHER), tags=[{"Key": "k"}])
        self.assertEqual(self.tagger.list_tags_for_resource(
            resourceArn=job_arn(tagged, OTHER))["tags"], [{"Key": "k"}])
        self.tagger.untag_resource(resourceArn=job_arn(tagged, OTHER), tagKeys=["k"])
        message = self.denied(self.tagger.tag_resource, resourceArn=job_arn(plain, OTHER),
                              tags=[{"Key": "k"}])
        self.assertIn(f"arn:aws:iam::{OTHER}:user/tagger is not authorized to perform: "
                      f"iot:TagResource on resource: {job_arn(plain, OTHER)}", message)
        self.assertIn("iot:UntagResource", self.denied(
            self.tagger.untag_resource, resourceArn=job_arn(plain, OTHER), tagKeys=["k"]))
        self.assertIn("iot:ListTagsForResource", self.denied(
            self.tagger.list_tags_for_resource, resourceArn=job_arn(plain, OTHER)))

    def test_tags_at_create_time_need_tag_resource_on_the_new_resource(self):
        tags = [{"Key": "team", "Value": "fleet"}]
        # Allowed to create anything, but to tag only tagged-*: creating plain-* with tags is
        # refused, and creates nothing; without tags it is allowed.
        plain = unique("plain")
        message = self.denied(self.tagger.create_job, jobId=plain, targets=[self.target],
                              document="{}", tags=tags)
        self.assertIn(f"iot:TagResource on resource: {job_arn(plain, OTHER)}", message)
        with self.assertRaises(botocore.exceptions.ClientError):
            self.tagger.describe_job(jobId=plain)
        self.tagger.create_job(jobId=plain, targets=[self.target], document="{}")
        tagged = unique("tagged")
        self.tagger.create_job(jobId=tagged, targets=[self.target], document="{}", tags=tags)
        self.assertEqual(self.builder.list_tags_for_resource(
            resourceArn=job_arn(tagged, OTHER))["tags"], tags)
        self.denied(self.tagger.create_job_template, jobTemplateId=unique("plain"),
                    description="d", document="{}", tags=tags)
        self.tagger.create_job_template(jobTemplateId=unique("tagged"), description="d",
                                        document="{}", tags=tags)
        self.denied(self.tagger.create_thing_group, thingGroupName=unique("plain"), tags=tags)
        self.tagger.create_thing_group(thingGroupName=unique("plain"))
        # An explicit Deny of iot:TagResource on thing groups wins over iot:*.
        group = unique("tagged")
        self.assertIn(f"iot:TagResource on resource: {group_arn(group).replace(ACCOUNT, OTHER)}",
                      self.denied(self.builder.create_thing_group, thingGroupName=group,
                                  tags=tags))
        self.builder.create_thing_group(thingGroupName=group)
        self.denied(self.builder.tag_resource,
                    resourceArn=group_arn(group).replace(ACCOUNT, OTHER), tags=tags)
        job_id = unique("built")
        self.builder.create_job(jobId=job_id, targets=[self.target], document="{}", tags=tags)

    def test_the_aws_cli_is_refused_alike(self):
        env = {"AWS_ACCESS_KEY_ID": TAGGER_KEY, "AWS_SECRET_ACCESS_KEY": TAGGER_SECRET}
        job_id = unique("plain")
        rc, _, err = self.server.aws("iot", "create-job", "--job-id", job_id, "--targets",
                                     self.target, "--document", "{}", "--tags", "Key=k",
                                     env=env)
        self.assertEqual(rc, 254, err)
        self.assertIn("AccessDeniedException", err)
        self.assertIn("iot:TagResource", err)


if __name__ == "__main__":
    unittest.main()
