"""iotjobs against AWS CLI v2, side by side: the same scenario runs on two identical servers,
one driven by /usr/bin/aws and one by iotjobs, and every step must give the same exit code,
the same stdout (once server-made ids and times are masked) and the same error code on
stderr. Every command of both services (but update-thing-type, which AWS CLI 2.9.19 lacks),
every option of delete-job-execution, skeletons, --cli-input-json/yaml, output formats,
--query, pagination, and bad arguments of every kind."""
import base64
import json
import os
import re
import tempfile
import unittest

from harness import ACCOUNT, IOTJOBS, REGION, Server, thing_arn

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")
EPOCH = re.compile(r"\b1\d{9}\b")
# The two servers seal their nextTokens with keys of their own (docs/aws-behaviour.md, D40).
SERVER_TOKEN = re.compile(r'("nextToken": ")[^"]+(")')
CLI_TOKEN = re.compile(r'("NextToken": ")([^"]+)(")')
ERROR = re.compile(r"An error occurred \((\w+)\)")
T = thing_arn


def JOB(job_id):
    return f"arn:aws:iot:{REGION}:{ACCOUNT}:job/{job_id}"


def GROUP(name):
    return f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/{name}"


TMP = tempfile.mkdtemp(prefix="iotjobs-parity-")
INPUT_JSON = os.path.join(TMP, "input.json")
INPUT_YAML = os.path.join(TMP, "input.yaml")
DOC = os.path.join(TMP, "doc.json")
with open(INPUT_JSON, "w") as f:
    json.dump({"jobId": "j-input", "thingName": "t1", "executionNumber": 1, "force": False}, f)
with open(INPUT_YAML, "w") as f:
    f.write("jobId: j-input\nthingName: t1\nexecutionNumber: 1\n")
with open(DOC, "w") as f:
    json.dump({"operation": "install", "url": "https://example.com/fw.bin"}, f)

# The scenario, in order. Each step: the CLI words (after the endpoint).
SCENARIO = [
    # Registry.
    ["iot", "create-thing", "--thing-name", "t1"],
    ["iot", "create-thing", "--thing-name", "t2", "--attribute-payload",
     "attributes={color=red,size=L}"],
    ["iot", "create-thing", "--thing-name", "t3", "--attribute-payload",
     '{"attributes": {"color": "blue"}}'],
    ["iot", "create-thing", "--thing-name", "t2", "--attribute-payload", "attributes={color=green}"],
    ["iot", "describe-thing", "--thing-name", "t2"],
    ["iot", "describe-thing", "--thing-name", "nope"],
    ["iot", "update-thing", "--thing-name", "t3", "--attribute-payload",
     "attributes={color=red},merge=true", "--expected-version", "1"],
    ["iot", "update-thing", "--thing-name", "t3", "--expected-version", "1"],
    ["iot", "list-things"],
    ["iot", "list-things", "--attribute-name", "color", "--attribute-value", "red", "--output", "text"],
    ["iot", "list-things", "--page-size", "1", "--output", "table"],
    ["iot", "list-things", "--max-items", "2"],
    ["iot", "list-things", "--max-items", "1", "--output", "text"],
    ["iot", "list-things", "--no-paginate", "--max-results", "2"],
    ["iot", "list-things", "--query", "things[].thingName", "--output", "text"],
    ["iot", "list-things", "--query", "things[?attributes.color=='red'].thingName"],
    ["iot", "create-thing-group", "--thing-group-name", "g1", "--thing-group-properties",
     "thingGroupDescription=fleet"],
    ["iot", "create-thing-group", "--thing-group-name", "g2", "--parent-group-name", "g1"],
    ["iot", "describe-thing-group", "--thing-group-name", "g2", "--output", "yaml"],
    ["iot", "update-thing-group", "--thing-group-name", "g1", "--thing-group-properties",
     "thingGroupDescription=new", "--expected-version", "1"],
    ["iot", "list-thing-groups", "--output", "table"],
    ["iot", "list-thing-groups", "--parent-group", "g1", "--recursive"],
    ["iot", "add-thing-to-thing-group", "--thing-group-name", "g2", "--thing-name", "t2"],
    ["iot", "add-thing-to-thing-group", "--thing-group-arn",
     f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/g1", "--thing-arn", T("t3")],
    ["iot", "list-things-in-thing-group", "--thing-group-name", "g1", "--recursive"],
    ["iot", "list-thing-groups-for-thing", "--thing-name", "t2", "--output", "yaml-stream"],
    ["iot", "remove-thing-from-thing-group", "--thing-group-name", "g1", "--thing-name", "t3"],
    # Jobs.
    ["iot", "create-job", "--job-id", "j1", "--targets", T("t1"), T("t2"), "--document",
     f"file://{DOC}", "--description", "firmware 2", "--timeout-config",
     "inProgressTimeoutInMinutes=30", "--tags", "Key=team,Value=fleet", "Key=stage"],
    ["iot", "create-job", "--job-id", "j2", "--targets",
     f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/g1", "--document", '{"step": 2}',
     "--target-selection", "CONTINUOUS", "--namespace-id", "gg",
     "--job-executions-retry-config", "criteriaList=[{failureType=FAILED,numberOfRetries=2}]",
     "--abort-config", '{"criteriaList":[{"failureType":"ALL","action":"CANCEL",'
     '"thresholdPercentage":50.5,"minNumberOfExecutedThings":10}]}'],
    ["iot", "create-job", "--job-id", "j-input", "--targets", T("t1"), "--document", "{}"],
    ["iot", "create-job", "--job-id", "j1", "--targets", T("t1"), "--document", "{}"],
    ["iot", "create-job", "--job-id", "bad", "--targets", T("ghost"), "--document", "{}"],
    ["iot", "describe-job", "--job-id", "j1"],
    ["iot", "describe-job", "--job-id", "j2", "--output", "table"],
    ["iot", "describe-job", "--job-id", "j2", "--query", "job.jobProcessDetails", "--output", "text"],
    ["iot", "get-job-document", "--job-id", "j1"],
    ["iot", "list-jobs"],
    ["iot", "list-jobs", "--status", "IN_PROGRESS", "--target-selection", "CONTINUOUS"],
    ["iot", "list-jobs", "--thing-group-name", "g1", "--output", "text"],
    ["iot", "update-job", "--job-id", "j1", "--description", "firmware 2.1"],
    ["iot", "associate-targets-with-job", "--job-id", "j2", "--targets", T("t3"),
     "--namespace-id", "gg"],
    ["iot", "list-job-executions-for-job", "--job-id", "j1"],
    ["iot", "list-job-executions-for-job", "--job-id", "j2", "--status", "QUEUED", "--output", "table"],
    ["iot", "list-job-executions-for-thing", "--thing-name", "t2"],
    ["iot", "list-job-executions-for-thing", "--thing-name", "t2", "--namespace-id", "gg",
     "--job-id", "j2"],
    ["iot", "describe-job-execution", "--job-id", "j1", "--thing-name", "t1"],
    ["iot", "describe-job-execution", "--job-id", "j1", "--thing-name", "t1",
     "--execution-number", "1", "--output", "yaml"],
    # The device plane.
    ["iot-jobs-data", "get-pending-job-executions", "--thing-name", "t1"],
    ["iot-jobs-data", "describe-job-execution", "--thing-name", "t1", "--job-id", "$next",
     "--no-include-job-document"],
    ["iot-jobs-data", "start-next-pending-job-execution", "--thing-name", "t1",
     "--status-details", "progress=0", "--step-timeout-in-minutes", "10"],
    ["iot-jobs-data", "update-job-execution", "--thing-name", "t1", "--job-id", "j1",
     "--status", "IN_PROGRESS", "--status-details", "progress=50", "--expected-version", "2",
     "--include-job-execution-state"],
    ["iot-jobs-data", "update-job-execution", "--thing-name", "t1", "--job-id", "j1",
     "--status", "SUCCEEDED", "--expected-version", "1"],
    ["iot-jobs-data", "update-job-execution", "--thing-name", "t1", "--job-id", "j1",
     "--status", "QUEUED"],
    ["iot-jobs-data", "describe-job-execution", "--thing-name", "t1", "--job-id", "j1",
     "--query", "execution.[status,versionNumber]", "--output", "text"],
    ["iot-jobs-data", "start-next-pending-job-execution", "--thing-name", "ghost"],
    # delete-job-execution: every option and every error path.
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number",
     "1", "--no-force"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number",
     "1", "--no-force", "--force"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t2", "--execution-number", "9"],
    ["iot", "delete-job-execution", "--job-id", "nojob", "--thing-name", "t2", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "nothing", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--job-id", "bad id", "--thing-name", "t2", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--job-id", "j2", "--thing-name", "t2", "--execution-number",
     "1", "--namespace-id", "other"],
    ["iot", "delete-job-execution", "--job-id", "j2", "--thing-name", "t2", "--execution-number",
     "1", "--namespace-id", "bad ns"],
    ["iot", "delete-job-execution", "--job-id", "j2", "--thing-name", "t2", "--execution-number",
     "1", "--namespace-id", "gg"],
    ["iot", "delete-job-execution", "--cli-input-json", f"file://{INPUT_JSON}"],
    ["iot", "delete-job-execution", "--cli-input-json", f"file://{INPUT_JSON}", "--thing-name", "t2"],
    ["iot", "delete-job-execution", "--cli-input-yaml", f"file://{INPUT_YAML}"],
    ["iot", "delete-job-execution", "--cli-input-json", '{"jobId": "j1", "thingName": "t2"}'],
    ["iot", "delete-job-execution", "--cli-input-json", "{bad json"],
    ["iot", "delete-job-execution", "--cli-input-yaml", "jobId: [unclosed"],
    ["iot", "delete-job-execution", "--cli-input-json", "{}", "--cli-input-yaml", "{}"],
    ["iot", "delete-job-execution", "--cli-input-json", '{"jobId":"j1","unknown":1}',
     "--thing-name", "t1", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--generate-cli-skeleton"],
    ["iot", "delete-job-execution", "--generate-cli-skeleton", "input"],
    ["iot", "delete-job-execution", "--generate-cli-skeleton", "yaml-input"],
    ["iot", "delete-job-execution", "--generate-cli-skeleton", "output"],
    ["iot", "delete-job-execution", "--generate-cli-skeleton", "nonsense"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number", "abc"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number",
     "1", "--bogus"],
    ["iot", "delete-job-execution", "--job-id", "", "--thing-name", "t1", "--execution-number", "1"],
    ["iot", "delete-job-execution", "--job-id", "j1", "--thing-name", "t1", "--execution-number",
     "1", "--query", "nope"],
    ["iot", "describe-job", "--job-id", "j1", "--query", "[invalid"],
    # Skeletons of other commands and more bad arguments.
    # (create-job's and update-job-execution's skeletons differ where AWS CLI 2.9.19's older
    # model lacks members or words documentation differently; these two models agree.)
    ["iot", "cancel-job", "--generate-cli-skeleton"],
    ["iot-jobs-data", "get-pending-job-executions", "--generate-cli-skeleton", "yaml-input"],
    ["iot", "describe-job", "--generate-cli-skeleton", "output"],
    ["iot", "create-job", "--job-id", "jx", "--targets"],
    ["iot", "create-job", "--job-id", "jx", "--targets", T("t1"), "--document", "{}",
     "--timeout-config", "inProgressTimeoutInMinutes=ten"],
    ["iot", "create-job", "--job-id", "jx", "--targets", T("t1"), "--document", "{}",
     "--abort-config", "criteriaList=[{failureType=FAILED"],
    ["iot", "create-job", "--job-id", "jx", "--targets", T("t1"), "--document",
     f"file://{TMP}/missing.json"],
    ["iot", "list-jobs", "--max-results", "0"],
    ["iot", "list-jobs", "--starting-token", "not-a-token"],
    ["iot", "no-such-command"],
    ["nosuchservice", "list-jobs"],
    ["iot", "list-jobs", "--output", "xml"],
    ["iot", "list-jobs", "--color", "sometimes"],
    # Job templates (create-job-template's skeletons differ: AWS CLI 2.9.19's older model
    # lacks maintenanceWindows and destinationPackageVersions).
    ["iot", "create-job-template", "--job-template-id", "tpl1", "--document", f"file://{DOC}",
     "--description", "firmware template", "--timeout-config", "inProgressTimeoutInMinutes=20",
     "--tags", "Key=team,Value=fleet", "--presigned-url-config",
     f"roleArn=arn:aws:iam::{ACCOUNT}:role/s3,expiresInSec=600"],
    ["iot", "create-job-template", "--job-template-id", "tpl2", "--job-arn",
     f"arn:aws:iot:{REGION}:{ACCOUNT}:job/j1", "--description", "from j1", "--abort-config",
     '{"criteriaList":[{"failureType":"FAILED","action":"CANCEL",'
     '"thresholdPercentage":20,"minNumberOfExecutedThings":5}]}'],
    ["iot", "create-job-template", "--job-template-id", "tpl1", "--document", "{}",
     "--description", "again"],
    ["iot", "create-job-template", "--job-template-id", "bad id!", "--document", "{}",
     "--description", "x"],
    ["iot", "create-job-template", "--job-template-id", "tpl3", "--document", "{}"],
    ["iot", "create-job-template", "--job-template-id", "tpl3", "--description", "x",
     "--document-source", "https://s3.amazonaws.com/b/k"],
    ["iot", "create-job-template", "--job-template-id", "tpl3", "--description", "x",
     "--job-arn", f"arn:aws:iot:{REGION}:{ACCOUNT}:job/ghost"],
    ["iot", "describe-job-template", "--job-template-id", "tpl1"],
    ["iot", "describe-job-template", "--job-template-id", "tpl2", "--output", "table"],
    ["iot", "describe-job-template", "--job-template-id", "tpl2", "--output", "text"],
    ["iot", "describe-job-template", "--job-template-id", "nope"],
    ["iot", "list-job-templates"],
    ["iot", "list-job-templates", "--page-size", "1", "--output", "text"],
    ["iot", "list-job-templates", "--max-items", "1"],
    ["iot", "list-job-templates", "--query", "jobTemplates[].jobTemplateId", "--output", "text"],
    ["iot", "list-job-templates", "--max-results", "0"],
    ["iot", "create-job", "--job-id", "j-tpl", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}:{ACCOUNT}:jobtemplate/tpl1"],
    ["iot", "describe-job", "--job-id", "j-tpl", "--query",
     "job.[jobTemplateArn,timeoutConfig,presignedUrlConfig]"],
    ["iot", "create-job", "--job-id", "j-tpl2", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}:{ACCOUNT}:jobtemplate/ghost"],
    ["iot", "delete-job-template", "--job-template-id", "tpl2"],
    ["iot", "delete-job-template", "--job-template-id", "tpl2"],
    ["iot", "describe-job-template", "--cli-input-yaml", "jobTemplateId: tpl1", "--output", "yaml"],
    ["iot", "delete-job-template", "--cli-input-json", '{"jobTemplateId": "tpl1"}'],
    ["iot", "delete-job-template", "--cli-input-json", '{"jobTemplateId": "tpl1", "bogus": 1}'],
    ["iot", "delete-job-template"],
    ["iot", "delete-job-template", "--generate-cli-skeleton"],
    ["iot", "describe-job-template", "--generate-cli-skeleton", "yaml-input"],
    ["iot", "list-job-templates", "--generate-cli-skeleton"],
    ["iot", "list-job-templates", "--generate-cli-skeleton", "output"],
    ["iot", "list-job-templates"],
    # AWS managed templates. (AWS CLI 2.9.19's model has no paginator for
    # list-managed-job-templates, so --page-size and --max-items are left out, and no
    # --before-substitution on describe-job and get-job-document: test_managed_templates.py
    # drives those through iotjobs and boto3.)
    ["iot", "list-managed-job-templates"],
    ["iot", "list-managed-job-templates", "--template-name", "AWS-Reboot", "--output", "text"],
    ["iot", "list-managed-job-templates", "--output", "table"],
    ["iot", "list-managed-job-templates", "--query", "managedJobTemplates[].templateArn",
     "--output", "text"],
    ["iot", "list-managed-job-templates", "--template-name", "AWS-Nothing"],
    ["iot", "list-managed-job-templates", "--max-results", "0"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Download-File"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Run-Command",
     "--template-version", "1.0", "--output", "yaml"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Reboot", "--output", "table"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Reboot", "--output", "text",
     "--query", "documentParameters[?optional].key"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Reboot",
     "--template-version", "9.9"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Reboot",
     "--template-version", "latest"],
    ["iot", "describe-managed-job-template", "--template-name", "AWS-Nothing"],
    ["iot", "describe-managed-job-template", "--template-name", "x" * 65],
    ["iot", "describe-managed-job-template"],
    ["iot", "describe-managed-job-template", "--cli-input-json", '{"templateName": "AWS-Reboot"}'],
    ["iot", "describe-managed-job-template", "--generate-cli-skeleton"],
    ["iot", "describe-managed-job-template", "--generate-cli-skeleton", "output"],
    ["iot", "create-job", "--job-id", "j-mt1", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Download-File:1.0", "--document-parameters",
     "downloadUrl=https://example.com/index.html,filePath=path/to/file"],
    ["iot", "create-job", "--job-id", "j-mt2", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "--description", "reboot all",
     "--document-parameters", '{"runAsUser": "root", "pathToHandler": "/opt/jobs"}'],
    ["iot", "describe-job", "--job-id", "j-mt1", "--query",
     "job.[jobTemplateArn,description,documentParameters]"],
    ["iot", "describe-job", "--job-id", "j-mt2", "--output", "text", "--query",
     "job.documentParameters"],
    ["iot", "get-job-document", "--job-id", "j-mt1"],
    ["iot", "get-job-document", "--job-id", "j-mt2", "--output", "text"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Download-File:1.0", "--document-parameters",
     "downloadUrl=https://example.com/index.html"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "--document-parameters", "delay=5"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "--document-parameters",
     "runAsUser=" + "u" * 300],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--document", "{}",
     "--document-parameters", "a=b"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "--document", "{}"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:7.0"],
    ["iot", "create-job", "--job-id", "j-mt3", "--targets", T("t2"), "--job-template-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0", "--document-parameters", "a=[b]"],
    ["iot", "describe-job", "--job-id", "j-mt3"],
    ["iot", "delete-job", "--job-id", "j-mt1", "--force"],
    ["iot", "delete-job", "--job-id", "j-mt2", "--force"],
    # Endpoints and event configurations. The parity servers have no broker, so the data
    # endpoints and switching events on are refused alike; iot:Jobs is --public-endpoint.
    ["iot", "describe-endpoint"],
    ["iot", "describe-endpoint", "--endpoint-type", "iot:Jobs"],
    ["iot", "describe-endpoint", "--endpoint-type", "iot:jobs", "--output", "text"],
    ["iot", "describe-endpoint", "--endpoint-type", "iot:Data-ATS"],
    ["iot", "describe-endpoint", "--endpoint-type", "iot:CredentialProvider"],
    ["iot", "describe-endpoint", "--endpoint-type", "iot:Nope"],
    ["iot", "describe-endpoint", "--endpoint-type"],
    ["iot", "describe-endpoint", "--cli-input-json", '{"endpointType": "iot:Jobs"}',
     "--output", "table"],
    ["iot", "describe-endpoint", "--generate-cli-skeleton"],
    ["iot", "describe-event-configurations"],
    ["iot", "describe-event-configurations", "--output", "table"],
    ["iot", "update-event-configurations", "--event-configurations", '{"JOB":{"Enabled":true}}'],
    ["iot", "update-event-configurations", "--event-configurations",
     '{"CA_CERTIFICATE":{"Enabled":true}}'],
    ["iot", "update-event-configurations", "--event-configurations",
     "THING={Enabled=false},POLICY={Enabled=false}"],
    ["iot", "update-event-configurations", "--event-configurations", "NOPE={Enabled=false}"],
    ["iot", "update-event-configurations", "--event-configurations", '{"JOB":{"Enabled":"yes"}}'],
    ["iot", "update-event-configurations", "--event-configurations", '{"JOB":{"Enabled":true}'],
    ["iot", "update-event-configurations", "--event-configurations", '["JOB"]'],
    ["iot", "update-event-configurations", "--cli-input-json",
     '{"eventConfigurations": {"THING_TYPE": {"Enabled": false}}}'],
    ["iot", "update-event-configurations"],
    ["iot", "update-event-configurations", "--generate-cli-skeleton"],
    ["iot", "describe-event-configurations", "--output", "text"],
    ["iot", "describe-event-configurations", "--output", "yaml"],
    ["iot", "describe-event-configurations", "--query", "eventConfigurations.JOB.Enabled"],
    ["iot", "describe-event-configurations", "--generate-cli-skeleton", "output"],
    # Tags (j1 was created with --tags above; pages hold 10 tags, docs/aws-behaviour.md D48).
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("j1")],
    ["iot", "create-thing-group", "--thing-group-name", "g-tags", "--tags", "Key=site,Value=north",
     "Key=floor"],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags"), "--output", "yaml"],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags", "Key=team,Value=ops",
     "Key=owner,Value=me"],
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("j1"), "--output", "text"],
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("j1"), "--output", "table"],
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("j1"), "--query",
     "tags[?Key=='team'].Value", "--output", "text"],
    ["iot", "untag-resource", "--resource-arn", JOB("j1"), "--tag-keys", "owner", "never-there"],
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("j1")],
    ["iot", "tag-resource", "--resource-arn", GROUP("g-tags"), "--tags",
     json.dumps([{"Key": f"k{i:02d}", "Value": str(i)} for i in range(12)])],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags")],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags"), "--max-items", "3"],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags"), "--max-items", "12"],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags"), "--no-paginate"],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags"), "--page-size", "2"],
    ["iot", "tag-resource", "--resource-arn", T("t1"), "--tags", "Key=a,Value=b"],
    ["iot", "tag-resource", "--resource-arn", JOB("ghost"), "--tags", "Key=a"],
    ["iot", "tag-resource", "--resource-arn", "not-an-arn", "--tags", "Key=a"],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags", "Key=aws:x,Value=1"],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags", "Key=a,Value=1", "Key=a"],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags", "Key=" + "k" * 129],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags",
     json.dumps([{"Key": f"n{i:02d}"} for i in range(50)])],
    ["iot", "tag-resource", "--resource-arn", JOB("j1"), "--tags", "Value=no-key"],
    ["iot", "tag-resource", "--resource-arn", JOB("j1")],
    ["iot", "untag-resource", "--resource-arn", JOB("j1"), "--tag-keys", "aws:x"],
    ["iot", "untag-resource", "--cli-input-json",
     json.dumps({"resourceArn": JOB("j1"), "tagKeys": ["stage"]})],
    ["iot", "list-tags-for-resource", "--resource-arn", JOB("ghost")],
    ["iot", "list-tags-for-resource", "--resource-arn",
     f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0"],
    ["iot", "create-job-template", "--job-template-id", "tpl-tags", "--document", "{}",
     "--description", "tagged", "--tags", "Key=aws:stack,Value=x"],
    ["iot", "tag-resource", "--generate-cli-skeleton"],
    ["iot", "untag-resource", "--generate-cli-skeleton", "yaml-input"],
    ["iot", "list-tags-for-resource", "--generate-cli-skeleton", "output"],
    ["iot", "delete-thing-group", "--thing-group-name", "g-tags"],
    ["iot", "list-tags-for-resource", "--resource-arn", GROUP("g-tags")],
    # Thing types. (AWS CLI 2.9.19's model has no update-thing-type and no mqtt5Configuration,
    # so its output skeletons differ: test_thing_types.py drives update-thing-type through
    # iotjobs and boto3, and deletion after the 5 minutes with the test clock.)
    ["iot", "create-thing-type", "--thing-type-name", "LightBulb", "--thing-type-properties",
     "thingTypeDescription=light bulb type, searchableAttributes=wattage,model"],
    ["iot", "create-thing-type", "--thing-type-name", "LightBulb", "--thing-type-properties",
     "thingTypeDescription=light bulb type, searchableAttributes=wattage,model"],
    ["iot", "create-thing-type", "--thing-type-name", "LightBulb", "--thing-type-properties",
     "thingTypeDescription=another type"],
    ["iot", "create-thing-type", "--thing-type-name", "Lamp", "--output", "text"],
    ["iot", "create-thing-type", "--thing-type-name", "Four", "--thing-type-properties",
     '{"searchableAttributes": ["a", "b", "c", "d"]}'],
    ["iot", "create-thing-type", "--thing-type-name", "Tagged", "--tags", "Key=team,Value=fleet"],
    ["iot", "create-thing-type", "--thing-type-name", "bad name"],
    ["iot", "create-thing-type", "--thing-type-name", "Long", "--thing-type-properties",
     "thingTypeDescription=" + "d" * 2029],
    ["iot", "describe-thing-type", "--thing-type-name", "LightBulb"],
    ["iot", "describe-thing-type", "--thing-type-name", "LightBulb", "--output", "table"],
    ["iot", "describe-thing-type", "--thing-type-name", "Lamp", "--output", "text"],
    ["iot", "describe-thing-type", "--thing-type-name", "Nope"],
    ["iot", "list-thing-types"],
    ["iot", "list-thing-types", "--thing-type-name", "Light", "--output", "text"],
    ["iot", "list-thing-types", "--thing-type-name", "Nothing"],
    ["iot", "list-thing-types", "--page-size", "1", "--output", "table"],
    ["iot", "list-thing-types", "--max-items", "1"],
    ["iot", "list-thing-types", "--query", "thingTypes[].thingTypeArn", "--output", "text"],
    ["iot", "list-thing-types", "--max-results", "0"],
    ["iot", "create-thing", "--thing-name", "bulb-1", "--thing-type-name", "LightBulb",
     "--attribute-payload", "attributes={a=1,b=2,c=3,d=4}"],
    ["iot", "create-thing", "--thing-name", "bulb-x", "--thing-type-name", "Nope"],
    ["iot", "describe-thing", "--thing-name", "bulb-1"],
    ["iot", "list-things", "--thing-type-name", "LightBulb", "--output", "table"],
    ["iot", "list-things", "--thing-type-name", "Nope"],
    ["iot", "update-thing", "--thing-name", "t1", "--thing-type-name", "Nope"],
    ["iot", "deprecate-thing-type", "--thing-type-name", "LightBulb"],
    ["iot", "describe-thing-type", "--thing-type-name", "LightBulb", "--output", "yaml"],
    ["iot", "create-thing", "--thing-name", "bulb-2", "--thing-type-name", "LightBulb"],
    ["iot", "update-thing", "--thing-name", "t1", "--thing-type-name", "LightBulb"],
    ["iot", "update-thing", "--thing-name", "bulb-1", "--thing-type-name", "LightBulb",
     "--attribute-payload", "attributes={e=5},merge=true"],
    ["iot", "delete-thing-type", "--thing-type-name", "LightBulb"],
    ["iot", "delete-thing-type", "--thing-type-name", "Lamp"],
    ["iot", "deprecate-thing-type", "--thing-type-name", "LightBulb", "--undo-deprecate"],
    ["iot", "describe-thing-type", "--thing-type-name", "LightBulb", "--query",
     "thingTypeMetadata"],
    ["iot", "update-thing", "--thing-name", "t1", "--thing-type-name", "Lamp"],
    ["iot", "update-thing", "--thing-name", "t1", "--remove-thing-type"],
    ["iot", "deprecate-thing-type", "--thing-type-name", "Nope"],
    ["iot", "delete-thing-type", "--thing-type-name", "Nope"],
    ["iot", "deprecate-thing-type", "--cli-input-json",
     '{"thingTypeName": "Lamp", "undoDeprecate": false}'],
    ["iot", "describe-thing-type", "--thing-type-name", "Lamp", "--query",
     "thingTypeMetadata.deprecated"],
    ["iot", "deprecate-thing-type", "--generate-cli-skeleton"],
    ["iot", "delete-thing-type", "--generate-cli-skeleton", "yaml-input"],
    ["iot", "delete-thing-type"],
    # Cancel and delete.
    ["iot", "cancel-job-execution", "--job-id", "j2", "--thing-name", "t3", "--status-details",
     "why=test", "--expected-version", "1"],
    ["iot", "cancel-job-execution", "--job-id", "j2", "--thing-name", "t3"],
    ["iot", "cancel-job", "--job-id", "j2", "--reason-code", "BAD_FW", "--comment", "stop"],
    ["iot", "cancel-job", "--job-id", "j2"],
    ["iot", "delete-job", "--job-id", "j2", "--namespace-id", "gg"],
    ["iot", "delete-job", "--job-id", "j1"],
    ["iot", "delete-job", "--job-id", "j1", "--force"],
    ["iot", "delete-thing-group", "--thing-group-name", "g2"],
    ["iot", "delete-thing", "--thing-name", "t3", "--expected-version", "9"],
    ["iot", "delete-thing", "--thing-name", "t3"],
    ["iot", "list-things", "--output", "yaml"],
]


def cli_token(match):
    """The CLI's own NextToken (--max-items) holds the server's nextToken where it stopped
    inside a later page: shown decoded, with that token masked."""
    try:
        inner = json.loads(base64.b64decode(match.group(2)))
    except ValueError:
        return match.group(0)
    if "nextToken" in inner:
        inner["nextToken"] = "<token>"
    return match.group(1) + json.dumps(inner, sort_keys=True) + match.group(3)


def mask(text):
    text = UUID.sub("<uuid>", text)
    text = ISO.sub("<time>", text)
    text = SERVER_TOKEN.sub(r"\1<token>\2", text)
    text = CLI_TOKEN.sub(cli_token, text)
    return EPOCH.sub("<epoch>", text)


def error_code(stderr):
    m = ERROR.search(stderr)
    return m.group(1) if m else None


class CliParityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The same --public-endpoint on both, so that describe-endpoint's iot:Jobs answers alike.
        args = ["--test-clock", "--public-endpoint", "iotjobs.example.com:8443"]
        cls.aws_server = Server(args=args).start()
        cls.our_server = Server(args=args).start()

    @classmethod
    def tearDownClass(cls):
        cls.aws_server.cleanup()
        cls.our_server.cleanup()

    def compare(self, words, env=None):
        theirs = self.aws_server.aws(*words, env=env)
        ours = self.our_server.iotjobs(*words, env=env)
        label = " ".join(words)
        self.assertEqual(ours[0], theirs[0], f"exit code of {label}\naws: {theirs[2]}\nours: {ours[2]}")
        self.assertEqual(mask(ours[1]), mask(theirs[1]), f"stdout of {label}")
        self.assertEqual(error_code(ours[2]), error_code(theirs[2]), f"error of {label}\n{theirs[2]}")
        if theirs[0] == 252 and "error:" in theirs[2]:
            # Argument errors: the same words after "error:" (AWS CLI lists every service and
            # command it has where an "Invalid choice" error lists the choices; we list ours).
            mine, its = ours[2].split("error:")[-1], theirs[2].split("error:")[-1]
            if "valid choices are:" in its and "argument command" in its or "argument operation" in its:
                mine, its = mine.split("valid choices are:")[0], its.split("valid choices are:")[0]
            self.assertEqual(mine.strip(), its.strip(), label)
        return theirs

    def test_scenario(self):
        for words in SCENARIO:
            with self.subTest(words=" ".join(words)):
                self.compare(words)

    def test_configuration_errors(self):
        # No region, no credentials, an unknown profile, an endpoint that refuses.
        self.compare(["iot", "list-jobs"], env={"AWS_DEFAULT_REGION": None})
        self.compare(["iot", "list-jobs"], env={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None})
        self.compare(["iot", "list-jobs", "--profile", "nobody"])
        for server in (self.aws_server, self.our_server):
            server.saved_port = server.port
            server.port = 1
        try:
            self.compare(["iot", "list-jobs"])
        finally:
            for server in (self.aws_server, self.our_server):
                server.port = server.saved_port
        # Unsigned requests are refused by the server, for both.
        self.compare(["--no-sign-request", "iot", "list-jobs"])

    def test_help_explains_itself(self):
        for words in (["--help"], ["iot", "help"], ["iot", "delete-job-execution", "help"],
                      ["iot-jobs-data", "help"]):
            rc, out, err = self.our_server.iotjobs(*words)
            self.assertEqual(rc, 0, err)
            self.assertIn("iotjobs" if words[0] == "--help" else words[-2] if len(words) > 2 else "iot", out)
        rc, out, _ = self.our_server.iotjobs("iot", "delete-job-execution", "help")
        for option in ("--job-id", "--thing-name", "--execution-number", "--force | --no-force",
                       "--namespace-id", "--cli-input-json", "--cli-input-yaml",
                       "--generate-cli-skeleton"):
            self.assertIn(option, out)
        rc, out, _ = self.our_server.iotjobs("--version")
        self.assertEqual(rc, 0)
        self.assertTrue(out.startswith("iotjobs/"))


if __name__ == "__main__":
    unittest.main()
