"""The requests bench/loadgen replays, one tuple a line: (SigV4 service, method, path[, body]).
bench/loadgen signs each line once before the clock starts; service "-" means unsigned."""
import json

from .config import ARN, DOC


def create_thing(thing):
    return ("iot", "POST", f"/things/{thing}", "{}")


def create_job(job, things):
    body = json.dumps({"targets": [ARN + "thing/" + t for t in things], "document": DOC},
                      separators=(",", ":"))
    return ("iot", "PUT", f"/jobs/{job}", body)


def create_group_job(job, group):
    """CreateJob whose one target is a thing group (its executions are queued by the fan-out)."""
    body = json.dumps({"targets": [ARN + "thinggroup/" + group], "document": DOC},
                      separators=(",", ":"))
    return ("iot", "PUT", f"/jobs/{job}", body)


def describe(job, thing, n=None):
    q = f"?executionNumber={n}" if n is not None else ""
    return ("iot", "GET", f"/things/{thing}/jobs/{job}{q}")


def pending(thing):
    return ("iot-jobs-data", "GET", f"/things/{thing}/jobs")


def list_page(thing):
    return ("iot", "GET", f"/things/{thing}/jobs?maxResults=50")


def update(job, thing):
    return ("iot-jobs-data", "POST", f"/things/{thing}/jobs/{job}", '{"status":"IN_PROGRESS"}')


def delete(job, thing, n):
    return ("iot", "DELETE", f"/things/{thing}/jobs/{job}/executionNumber/{n}")
