#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus (tests/fuzz/corpus/) from real clients: every operation of
both models sent by boto3, and a few by AWS CLI v2, to a local socket that records the raw
HTTP request and answers 200 {}. Rerun after the models change; the output is committed."""
import hashlib
import json
import os
import socket
import subprocess
import threading

import boto3
import botocore.config

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
MODELS = os.path.join(HERE, "..", "..", "src", "api", "wire", "model")

ARN = "arn:aws:iot:us-east-1:123456789012"
SAMPLES = {
    "thingName": "thing-1", "jobId": "job-1", "thingGroupName": "group-1",
    "targets": [f"{ARN}:thing/thing-1", f"{ARN}:thinggroup/group-1"],
    "document": json.dumps({"operation": "install", "url": "https://example.com/fw"}),
    "executionNumber": 2, "force": True, "namespaceId": "aws-gg-deployment",
    "status": "IN_PROGRESS", "statusDetails": {"progress": "50"}, "expectedVersion": 2,
    "stepTimeoutInMinutes": 5, "maxResults": 10, "nextToken": "dGhpbmctMQ==",
    "description": "a job", "comment": "why", "reasonCode": "BAD_FW",
    "attributePayload": {"attributes": {"color": "red"}, "merge": True},
    "thingGroupProperties": {"thingGroupDescription": "d"},
    "timeoutConfig": {"inProgressTimeoutInMinutes": 30},
    "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
                                      "thresholdPercentage": 50.0, "minNumberOfExecutedThings": 3}]},
    "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "ALL", "numberOfRetries": 2}]},
    "jobExecutionsRolloutConfig": {"maximumPerMinute": 100},
    "includeJobDocument": True, "includeJobExecutionState": True,
}


class Recorder:
    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            conn, _ = self.sock.accept()
            data = b""
            conn.settimeout(2)
            try:
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests.append(head + b"\r\n\r\n" + body)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
            except OSError:
                pass
            conn.close()


def write(kind, data):
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(OUT, kind, name), "wb") as f:
        f.write(data)


def main():
    rec = Recorder()
    url = f"http://127.0.0.1:{rec.port}"
    ops_index = 0
    for service, model_file in (("iot", "iot.json"), ("iot-jobs-data", "iot-jobs-data.json")):
        model = json.load(open(os.path.join(MODELS, model_file)))
        client = boto3.client(service, endpoint_url=url, region_name="us-east-1",
                              aws_access_key_id="AKIDEXAMPLE",
                              aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                              config=botocore.config.Config(retries={"total_max_attempts": 1}))
        for op_name, op in model["operations"].items():
            shape = model["shapes"][op["input"]["shape"]]
            params = {m: SAMPLES[m] for m in shape["members"] if m in SAMPLES}
            if op_name == "UpdateJobExecution":
                params["status"] = "SUCCEEDED"
            method = getattr(client, botocore.xform_name(op_name))
            before = len(rec.requests)
            try:
                method(**params)
            except Exception as e:  # a sample the client refuses: skip it
                print(f"{service} {op_name}: {e}")
            for raw in rec.requests[before:]:
                write("fuzz_http_request", raw)
                head, _, body = raw.partition(b"\r\n\r\n")
                if body:
                    write("fuzz_json_body", bytes([ops_index]) + body)
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"authorization:"):
                        target = head.split(b" ")[1].lstrip(b"/")
                        write("fuzz_sigv4", line.split(b":", 1)[1].strip() + b"\n" + target + b"\n" + body)
            ops_index += 1
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="x",
               AWS_DEFAULT_REGION="us-east-1", AWS_MAX_ATTEMPTS="1", AWS_PAGER="")
    for args in (["iot", "delete-job-execution", "--job-id", "j", "--thing-name", "t",
                  "--execution-number", "1", "--force"],
                 ["iot-jobs-data", "start-next-pending-job-execution", "--thing-name", "t"],
                 ["iot", "create-job", "--job-id", "j", "--targets", f"{ARN}:thing/t",
                  "--document", "{}"]):
        before = len(rec.requests)
        subprocess.run(["/usr/bin/aws", "--endpoint-url", url] + args, env=env,
                       capture_output=True, timeout=60)
        for raw in rec.requests[before:]:
            write("fuzz_http_request", raw)
    policies = [
        {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["iot:Describe*", "iot:List*"], "Resource": "*"},
            {"Effect": "Allow", "Action": "iot:DeleteJobExecution",
             "Resource": [f"{ARN}:job/fleet-*", f"{ARN}:thing/*"]},
            {"Effect": "Deny", "Action": "iot:DeleteJob", "Resource": "*"}]},
        {"Statement": {"Effect": "Deny", "NotAction": "iot:*", "NotResource": f"{ARN}:thing/ok-?"}},
    ]
    for p in policies:
        write("fuzz_policy", json.dumps(p).encode())
    write("fuzz_policy", json.dumps({"accounts": {"111111111111": {"users": {"ops": {
        "accessKeys": [{"accessKeyId": "AKIA1", "secretAccessKey": "s"}],
        "policy": policies[0]}}}}}).encode())
    print(f"{len(rec.requests)} requests recorded into {OUT}")


if __name__ == "__main__":
    main()
