"""One SigV4-signed request outside the load generator (botocore, which moto brings): the
parts' set-up calls and polls, where loadgen's signed-once lists do not fit."""
import json
import urllib.request

from .config import KEY_ID, REGION, SECRET


def signed_get(port, path):
    return signed_request(port, "GET", path)


def signed_request(port, method, path, body=None):
    """One SigV4-signed request with an optional JSON body; its JSON answer."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    url = f"http://127.0.0.1:{port}{path}"
    data = json.dumps(body).encode() if body is not None else None
    req = AWSRequest(method=method, url=url, data=data)
    SigV4Auth(Credentials(KEY_ID, SECRET), "iot", REGION).add_auth(req)
    r = urllib.request.Request(url, data=data, method=method, headers=dict(req.headers.items()))
    with urllib.request.urlopen(r, timeout=30) as resp:
        text = resp.read()
        return json.loads(text) if text.strip() else {}
