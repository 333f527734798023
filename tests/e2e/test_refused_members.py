"""Members iotjobs cannot honour are refused with an error naming them, never accepted and
ignored (README, "What is served"): billingGroupName, destinationPackageVersions, presigned
URL placeholders in a job document, documentSource. With AWS CLI v2 and boto3."""
import json
import unittest

from harness import ServerTestCase, thing_arn, unique


class RefusedMembersTest(ServerTestCase):

    def assertRefused(self, fn, words, **kwargs):
        response = self.assertBotoError("InvalidRequestException", fn, **kwargs)
        self.assertIn(words, response["Error"]["Message"])

    def test_billing_group_name(self):
        name = unique("billed")
        result = self.server.aws("iot", "create-thing", "--thing-name", name,
                                 "--billing-group-name", "finance")
        self.assertAwsError(result, "InvalidRequestException")
        self.assertIn("billingGroupName", result[2])
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_thing, thingName=name)

    def test_destination_package_versions(self):
        thing = self.make_thing()
        version = "arn:aws:iot:us-east-1:123456789012:package/fw/version/2.0"
        job_id = unique("pkg")
        self.assertRefused(self.iot.create_job, "destinationPackageVersions", jobId=job_id,
                           targets=[thing_arn(thing)], document="{}",
                           destinationPackageVersions=[version])
        self.assertBotoError("ResourceNotFoundException", self.iot.describe_job, jobId=job_id)
        self.assertRefused(self.iot.create_job_template, "destinationPackageVersions",
                           jobTemplateId=unique("pkg"), description="d", document="{}",
                           destinationPackageVersions=[version])

    def test_presigned_url_placeholders(self):
        thing = self.make_thing()
        document = json.dumps({"url": "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/fw.bin}"})
        result = self.server.aws("iot", "create-job", "--job-id", unique("fw"), "--targets",
                                 thing_arn(thing), "--document", document,
                                 "--presigned-url-config",
                                 "roleArn=arn:aws:iam::123456789012:role/S3,expiresInSec=600")
        self.assertAwsError(result, "InvalidRequestException")
        self.assertIn("presigned URL placeholder", result[2])
        self.assertRefused(self.iot.create_job_template, "presigned URL placeholder",
                           jobTemplateId=unique("fw"), description="d", document=document)
        # presignedUrlConfig itself is kept: it acts only on placeholders.
        job_id = unique("fw")
        self.iot.create_job(jobId=job_id, targets=[thing_arn(thing)], document="{}",
                            presignedUrlConfig={"expiresInSec": 600})
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["presignedUrlConfig"],
                         {"expiresInSec": 600})

    def test_document_source(self):
        thing = self.make_thing()
        result = self.server.aws("iot", "create-job", "--job-id", unique("s3"), "--targets",
                                 thing_arn(thing), "--document-source",
                                 "https://s3.amazonaws.com/bucket/job.json")
        self.assertAwsError(result, "InvalidRequestException")
        self.assertIn("documentSource", result[2])


if __name__ == "__main__":
    unittest.main()
