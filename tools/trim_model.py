#!/usr/bin/env python3
"""Writes the part of the AWS API models that iotjobs serves.

The botocore models (Apache-2.0, shipped with every AWS CLI and boto3) are the wire truth.
iotjobsd routes and validates with them and iotjobs builds its commands, skeletons and help
from them, so both read the same description. This script keeps only the operations we serve
and the shapes they reach, turns the HTML documentation into plain text, and folds in the
paginators. Its output is committed (src/api/wire/model/), so building needs no botocore.

Usage: tools/trim_model.py [BOTOCORE_DATA_DIR]
"""
import gzip
import html
import json
import os
import re
import sys

CONTROL_PLANE = [
    # registry
    "CreateThing", "DescribeThing", "ListThings", "UpdateThing", "DeleteThing",
    "CreateThingGroup", "DescribeThingGroup", "ListThingGroups", "UpdateThingGroup",
    "DeleteThingGroup", "AddThingToThingGroup", "RemoveThingFromThingGroup",
    "ListThingsInThingGroup", "ListThingGroupsForThing",
    # dynamic thing groups
    "CreateDynamicThingGroup", "UpdateDynamicThingGroup", "DeleteDynamicThingGroup",
    # thing types
    "CreateThingType", "DescribeThingType", "ListThingTypes", "UpdateThingType",
    "DeprecateThingType", "DeleteThingType",
    # fleet indexing
    "GetIndexingConfiguration", "UpdateIndexingConfiguration", "DescribeIndex", "ListIndices",
    "SearchIndex",
    # jobs
    "CreateJob", "DescribeJob", "ListJobs", "UpdateJob", "CancelJob", "DeleteJob",
    "GetJobDocument", "AssociateTargetsWithJob",
    # job templates
    "CreateJobTemplate", "DescribeJobTemplate", "ListJobTemplates", "DeleteJobTemplate",
    "ListManagedJobTemplates", "DescribeManagedJobTemplate",
    # executions
    "DescribeJobExecution", "ListJobExecutionsForJob", "ListJobExecutionsForThing",
    "CancelJobExecution", "DeleteJobExecution",
    # endpoints and event configurations
    "DescribeEndpoint", "UpdateEventConfigurations", "DescribeEventConfigurations",
    # tags
    "TagResource", "UntagResource", "ListTagsForResource",
]
DEVICE_PLANE = [
    "GetPendingJobExecutions", "StartNextPendingJobExecution", "DescribeJobExecution",
    "UpdateJobExecution",
]


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def find(data_dir, service, version, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(data_dir, service, version, candidate)
        if os.path.exists(path):
            return path
    raise SystemExit(f"missing {service}/{version}/{name} under {data_dir}")


def plain_text(doc):
    """HTML documentation -> plain text paragraphs separated by blank lines."""
    if not doc:
        return ""
    doc = re.sub(r"<li>\s*", "\n- ", doc)
    doc = re.sub(r"</?(p|ul|ol|note|important|br)\s*/?>", "\n\n", doc)
    doc = re.sub(r"<[^>]+>", "", doc)
    doc = html.unescape(doc)
    paragraphs = []
    for block in re.split(r"\n\s*\n", doc):
        lines = [re.sub(r"\s+", " ", line).strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def trim(model, paginators, operations):
    shapes = model["shapes"]
    keep = {}

    def walk(name):
        if name in keep:
            return
        shape = dict(shapes[name])
        if "documentation" in shape:
            shape["documentation"] = plain_text(shape["documentation"])
        keep[name] = shape
        for member in shape.get("members", {}).values():
            if "documentation" in member:
                member["documentation"] = plain_text(member["documentation"])
            walk(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                walk(shape[key]["shape"])

    ops = {}
    for name in operations:
        op = dict(model["operations"][name])
        op["documentation"] = plain_text(op.get("documentation", ""))
        for key in ("input", "output"):
            if key in op:
                walk(op[key]["shape"])
        for error in op.get("errors", []):
            walk(error["shape"])
        if name in paginators:
            op["paginator"] = paginators[name]
        ops[name] = op
    # Members' documentation was copied by reference from the source model; deep-copy once
    # more so the output is a clean tree.
    return {"version": "2.0", "metadata": model["metadata"],
            "documentation": plain_text(model.get("documentation", "")),
            "operations": ops, "shapes": json.loads(json.dumps(keep))}


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else None
    if data_dir is None:
        import botocore
        data_dir = os.path.join(os.path.dirname(botocore.__file__), "data")
    out_dir = os.path.join(os.path.dirname(__file__), "..", "src", "api", "wire", "model")
    for service, version, ops, out in (
            ("iot", "2015-05-28", CONTROL_PLANE, "iot.json"),
            ("iot-jobs-data", "2017-09-29", DEVICE_PLANE, "iot-jobs-data.json")):
        model = load(find(data_dir, service, version, "service-2.json"))
        pages = load(find(data_dir, service, version, "paginators-1.json")).get("pagination", {})
        trimmed = trim(model, pages, ops)
        with open(os.path.join(out_dir, out), "w", encoding="utf-8") as f:
            json.dump(trimmed, f, indent=1, sort_keys=False, ensure_ascii=False)
            f.write("\n")
        print(f"{out}: {len(trimmed['operations'])} operations, {len(trimmed['shapes'])} shapes")


if __name__ == "__main__":
    main()
