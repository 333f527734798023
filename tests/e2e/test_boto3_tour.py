"""Every control-plane operation through boto3 in one job's life, with the exact outputs;
the device plane through boto3's iot-jobs-data client. (AWS CLI v2 drives each of them in the
other modules.)"""
import json
import unittest

from harness import ACCOUNT, REGION, ServerTestCase, group_arn, thing_arn, unique


class Boto3TourTest(ServerTestCase):
    def test_every_operation(self):
        iot, data = self.iot, self.server.client("iot-jobs-data")
        thing, group = unique("tour-thing"), unique("tour-group")
        created = iot.create_thing(thingName=thing, attributePayload={"attributes": {"fw": "1.0"}})
        self.assertEqual(created["thingArn"], thing_arn(thing))
        iot.update_thing(thingName=thing, attributePayload={"attributes": {"fw": "2.0"}, "merge": True},
                         expectedVersion=1)
        self.assertEqual(iot.describe_thing(thingName=thing)["attributes"], {"fw": "2.0"})
        self.assertIn(thing, [t["thingName"] for t in iot.list_things(attributeName="fw",
                                                                      attributeValue="2.0")["things"]])
        g = iot.create_thing_group(thingGroupName=group,
                                   thingGroupProperties={"thingGroupDescription": "tour"})
        self.assertEqual(g["thingGroupArn"], group_arn(group))
        self.assertEqual(iot.update_thing_group(thingGroupName=group,
                                                thingGroupProperties={"thingGroupDescription": "v2"},
                                                expectedVersion=1)["version"], 2)
        self.assertEqual(iot.describe_thing_group(thingGroupName=group)["thingGroupProperties"]
                         ["thingGroupDescription"], "v2")
        self.assertIn(group, [x["groupName"] for x in iot.list_thing_groups()["thingGroups"]])
        iot.add_thing_to_thing_group(thingGroupName=group, thingName=thing)
        self.assertEqual(iot.list_things_in_thing_group(thingGroupName=group)["things"], [thing])
        self.assertEqual(iot.list_thing_groups_for_thing(thingName=thing)["thingGroups"],
                         [{"groupName": group, "groupArn": group_arn(group)}])

        job_id = unique("tour-job")
        doc = {"operation": "upgrade", "to": "3.0"}
        out = iot.create_job(jobId=job_id, targets=[group_arn(group)], document=json.dumps(doc),
                             targetSelection="CONTINUOUS", description="tour")
        self.assertEqual(out["jobArn"], f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{job_id}")
        self.assertEqual(json.loads(iot.get_job_document(jobId=job_id)["document"]), doc)
        iot.update_job(jobId=job_id, description="tour v2")
        self.assertEqual(iot.describe_job(jobId=job_id)["job"]["description"], "tour v2")
        self.assertIn(job_id, [j["jobId"] for j in iot.list_jobs(thingGroupName=group)["jobs"]])
        other = unique("tour-other")
        iot.create_thing(thingName=other)
        iot.associate_targets_with_job(jobId=job_id, targets=[thing_arn(other)])

        pending = data.get_pending_job_executions(thingName=thing)
        self.assertEqual([j["jobId"] for j in pending["queuedJobs"]], [job_id])
        started = data.start_next_pending_job_execution(thingName=thing)["execution"]
        self.assertEqual(json.loads(started["jobDocument"]), doc)
        self.assertEqual(data.describe_job_execution(thingName=thing, jobId=job_id,
                                                     includeJobDocument=False)["execution"]["status"],
                         "IN_PROGRESS")
        state = data.update_job_execution(thingName=thing, jobId=job_id, status="SUCCEEDED",
                                          includeJobExecutionState=True)["executionState"]
        self.assertEqual(state["status"], "SUCCEEDED")
        summaries = iot.list_job_executions_for_job(jobId=job_id)["executionSummaries"]
        self.assertEqual(sorted(s["thingArn"] for s in summaries),
                         sorted([thing_arn(thing), thing_arn(other)]))
        self.assertEqual(iot.list_job_executions_for_thing(thingName=thing)["executionSummaries"][0]
                         ["jobExecutionSummary"]["status"], "SUCCEEDED")
        self.assertEqual(iot.describe_job_execution(jobId=job_id, thingName=thing)["execution"]
                         ["status"], "SUCCEEDED")
        iot.cancel_job_execution(jobId=job_id, thingName=other)
        iot.delete_job_execution(jobId=job_id, thingName=other, executionNumber=1)
        iot.cancel_job(jobId=job_id, comment="done touring")
        iot.delete_job(jobId=job_id)
        iot.remove_thing_from_thing_group(thingGroupName=group, thingName=thing)
        iot.delete_thing_group(thingGroupName=group, expectedVersion=2)
        iot.delete_thing(thingName=thing, expectedVersion=2)
        iot.delete_thing(thingName=other)
        self.assertBotoError("ResourceNotFoundException", iot.describe_thing, thingName=thing)
        self.assertBotoError("ResourceNotFoundException", iot.describe_thing_group, thingGroupName=group)
        self.assertBotoError("ResourceNotFoundException", iot.describe_job, jobId=job_id)


if __name__ == "__main__":
    unittest.main()
