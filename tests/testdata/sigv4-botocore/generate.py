#!/usr/bin/env python3
"""Captures requests signed by real botocore as SigV4 fixtures for tests/unit/auth/.

Run once (needs botocore and boto3, e.g. `pip install boto3`), from anywhere:

    python3 tests/testdata/sigv4-botocore/generate.py

Each case becomes a folder beside this script in the layout of ../sigv4-test-suite/
(see its README.md), so one loader reads both:

  context.json                 credentials, region, service, timestamp, botocore version;
                               unsigned_payload: botocore sent X-Amz-Content-SHA256:
                               UNSIGNED-PAYLOAD (an operation with payload signing off)
  request.txt                  the request as botocore had it when it signed (no auth headers)
  header-canonical-request.txt botocore's canonical request
  header-string-to-sign.txt    botocore's string to sign
  header-signature.txt         botocore's signature
  header-signed-request.txt    the request as sent: every header on the wire, and the body

Two kinds of case:
  direct-*  a hand-built AWSRequest signed by botocore.auth.SigV4Auth (services iot,
            execute-api and iot-jobs-data);
  client-*  a real boto3 client call (iot, iot-jobs-data) caught at `before-send`, so the
            path and query come from botocore's own serializers.
The clock is frozen (botocore.auth.get_current_datetime) so the output is reproducible.
"""

import datetime
import json
import os
import shutil
from unittest import mock

import boto3
import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials

HERE = os.path.dirname(os.path.abspath(__file__))
ACCESS_KEY = 'AKIDEXAMPLE'
SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//token+with/slashes=='
REGION = 'us-east-1'
ENDPOINT = 'http://localhost:4580'
NOW = datetime.datetime(2026, 1, 15, 10, 30, 0)


def write(folder, name, text):
    mode = 'wb' if isinstance(text, bytes) else 'w'
    with open(os.path.join(folder, name), mode) as f:
        f.write(text)


def http_text(method, url, headers, body):
    """Serializes a request like the suite's .txt files: request line, Name:value lines,
    then a blank line and the body only when there is a body."""
    parts = botocore.compat.urlsplit(url)
    target = parts.path or '/'
    if parts.query:
        target += '?' + parts.query
    lines = [f'{method} {target} HTTP/1.1']
    names = [k.lower() for k in headers.keys()]
    if 'host' not in names:
        lines.append(f'Host:{parts.netloc}')
    for name, value in headers.items():
        if isinstance(value, bytes):
            value = value.decode('utf-8')
        lines.append(f'{name}:{value}')
    out = '\n'.join(lines).encode('utf-8')
    if body:
        if isinstance(body, str):
            body = body.encode('utf-8')
        out += b'\n\n' + body
    return out


class Capture:
    """Wraps SigV4Auth so each signing records its inputs and intermediate strings."""

    def __init__(self):
        self.cases = []
        self._current = None

    def install(self):
        capture = self
        orig_add_auth = botocore.auth.SigV4Auth.add_auth
        orig_cr = botocore.auth.SigV4Auth.canonical_request
        orig_sts = botocore.auth.SigV4Auth.string_to_sign
        orig_sig = botocore.auth.SigV4Auth.signature

        def add_auth(self, request):
            capture._current = {
                'service': self._service_name,
                'region': self._region_name,
                'token': self.credentials.token,
                'unsigned': http_text(request.method, request.url, request.headers,
                                      request.body),
            }
            return orig_add_auth(self, request)

        def canonical_request(self, request):
            out = orig_cr(self, request)
            capture._current['creq'] = out
            return out

        def string_to_sign(self, request, creq):
            out = orig_sts(self, request, creq)
            capture._current['sts'] = out
            return out

        def signature(self, sts, request):
            out = orig_sig(self, sts, request)
            capture._current['sig'] = out
            return out

        return [
            mock.patch.object(botocore.auth.SigV4Auth, 'add_auth', add_auth),
            mock.patch.object(botocore.auth.SigV4Auth, 'canonical_request', canonical_request),
            mock.patch.object(botocore.auth.SigV4Auth, 'string_to_sign', string_to_sign),
            mock.patch.object(botocore.auth.SigV4Auth, 'signature', signature),
            mock.patch('botocore.auth.get_current_datetime', return_value=NOW),
        ]

    def save(self, name, sent, kind='header', expires=None, unsigned_payload=False):
        c = self._current
        folder = os.path.join(HERE, name)
        os.makedirs(folder)
        context = {
            'credentials': {'access_key_id': ACCESS_KEY, 'secret_access_key': SECRET_KEY},
            'region': c['region'],
            'service': c['service'],
            'timestamp': NOW.strftime('%Y-%m-%dT%H:%M:%SZ'),
            'normalize': True,
            'double_encode_path': True,
            'sign_body': False,
            'unsigned_payload': unsigned_payload,
            'generator': f'botocore {botocore.__version__}',
        }
        if c['token']:
            context['credentials']['token'] = c['token']
        if expires is not None:
            context['expiration_in_seconds'] = expires
        write(folder, 'context.json', json.dumps(context, indent=4, sort_keys=True) + '\n')
        write(folder, 'request.txt', c['unsigned'])
        write(folder, f'{kind}-canonical-request.txt', c['creq'])
        write(folder, f'{kind}-string-to-sign.txt', c['sts'])
        write(folder, f'{kind}-signature.txt', c['sig'])
        write(folder, f'{kind}-signed-request.txt', sent)
        self._current = None


def direct(capture, name, service, method, path_and_query, headers=None, body=b'',
           token=None, payload_signing=True):
    creds = Credentials(ACCESS_KEY, SECRET_KEY, token)
    request = AWSRequest(method=method, url=ENDPOINT + path_and_query, data=body,
                         headers=headers or {})
    if not payload_signing:
        request.context['payload_signing_enabled'] = False
    botocore.auth.SigV4Auth(creds, service, REGION).add_auth(request)
    prepared = request.prepare()
    capture.save(name, http_text(prepared.method, prepared.url, prepared.headers,
                                 prepared.body), unsigned_payload=not payload_signing)


def presign(capture, name, service, method, path_and_query, headers=None, body=b'',
            token=None, expires=900):
    """A presigned URL made by botocore.auth.SigV4QueryAuth (query-* files)."""
    creds = Credentials(ACCESS_KEY, SECRET_KEY, token)
    request = AWSRequest(method=method, url=ENDPOINT + path_and_query, data=body,
                         headers=headers or {})
    botocore.auth.SigV4QueryAuth(creds, service, REGION, expires=expires).add_auth(request)
    prepared = request.prepare()
    capture.save(name, http_text(prepared.method, prepared.url, prepared.headers,
                                 prepared.body), kind='query', expires=expires)


class FakeRaw:
    def stream(self, **kwargs):
        yield b'{}'


def client_cases(capture, token=None, prefix='client'):
    session = boto3.session.Session(aws_access_key_id=ACCESS_KEY,
                                    aws_secret_access_key=SECRET_KEY,
                                    aws_session_token=token, region_name=REGION)
    sent = []

    def before_send(request, **kwargs):
        sent.append(http_text(request.method, request.url, request.headers, request.body))
        return AWSResponse(request.url, 200, {'Content-Type': 'application/json'}, FakeRaw())

    def call(name, client, operation, **params):
        sent.clear()
        getattr(client, operation)(**params)
        capture.save(f'{prefix}-{name}', sent[-1])

    config = botocore.config.Config(retries={'max_attempts': 1})
    iot = session.client('iot', endpoint_url=ENDPOINT, config=config)
    data = session.client('iot-jobs-data', endpoint_url=ENDPOINT, config=config)
    for c in (iot, data):
        c.meta.events.register('before-send', before_send)

    if token:
        call('iot-list-jobs', iot, 'list_jobs', status='IN_PROGRESS', maxResults=10)
        call('jobs-data-describe-next', data, 'describe_job_execution', thingName='thing-1',
             jobId='$next')
        return
    call('iot-delete-job-execution', iot, 'delete_job_execution', jobId='job-1',
         thingName='thing-1', executionNumber=3, force=True, namespaceId='x')
    call('iot-create-job', iot, 'create_job', jobId='job-1',
         targets=['arn:aws:iot:us-east-1:123456789012:thing/thing-1'],
         document='{"operation":"reboot","note":"caf\u00e9 & co"}',
         description='r\u00e9boot all', targetSelection='SNAPSHOT')
    call('iot-cancel-job', iot, 'cancel_job', jobId='job-1', force=True, comment='stop it')
    call('iot-list-jobs', iot, 'list_jobs', status='IN_PROGRESS', targetSelection='SNAPSHOT',
         maxResults=10, nextToken='a/b+c=', namespaceId='x')
    call('iot-describe-job-execution', iot, 'describe_job_execution', jobId='job-1',
         thingName='thing:with:colons', executionNumber=7)
    call('iot-list-job-executions-for-thing', iot, 'list_job_executions_for_thing',
         thingName='thing-1', status='QUEUED', namespaceId='ns-1', maxResults=5)
    call('jobs-data-describe-next', data, 'describe_job_execution', thingName='thing-1',
         jobId='$next', includeJobDocument=True, executionNumber=1)
    call('jobs-data-get-pending', data, 'get_pending_job_executions', thingName='thing-1')
    call('jobs-data-start-next', data, 'start_next_pending_job_execution', thingName='thing-1',
         statusDetails={'step': '1 of 3'}, stepTimeoutInMinutes=5)
    call('jobs-data-update', data, 'update_job_execution', thingName='thing-1', jobId='job-1',
         status='SUCCEEDED', expectedVersion=2, statusDetails={'k': 'v'})


def main():
    for entry in os.listdir(HERE):
        path = os.path.join(HERE, entry)
        if os.path.isdir(path):
            shutil.rmtree(path)
    capture = Capture()
    patches = capture.install()
    for p in patches:
        p.start()
    try:
        direct(capture, 'direct-iot-delete-job-execution', 'iot', 'DELETE',
               '/things/thing-1/jobs/job-1/executionNumber/3?force=true&namespaceId=x')
        direct(capture, 'direct-jobs-data-describe-next', 'iot-jobs-data', 'GET',
               '/things/thing-1/jobs/%24next?includeJobDocument=true&executionNumber=2')
        direct(capture, 'direct-execute-api-list-jobs', 'execute-api', 'GET',
               '/jobs?status=IN_PROGRESS&maxResults=10&nextToken=a%2Fb%2Bc%3D&namespaceId=x'
               '&force=true')
        direct(capture, 'direct-iot-create-job-put-json', 'iot', 'PUT', '/jobs/job-1',
               headers={'Content-Type': 'application/json'},
               body=b'{"targets":["arn:aws:iot:us-east-1:123456789012:thing/t1"],'
                    b'"document":"{\\"a\\":1}"}')
        direct(capture, 'direct-jobs-data-start-next-put-json', 'iot-jobs-data', 'PUT',
               '/things/thing-1/jobs/%24next',
               headers={'Content-Type': 'application/json', 'X-Custom': '  a   b  '},
               body=b'{"statusDetails":{"k":"v"}}')
        direct(capture, 'direct-iot-session-token', 'iot', 'GET', '/jobs/job-1',
               token=SESSION_TOKEN)
        direct(capture, 'direct-iot-unsigned-payload', 'iot', 'PUT', '/jobs/job-2',
               headers={'Content-Type': 'application/json'}, body=b'{"x":1}',
               payload_signing=False)
        direct(capture, 'direct-execute-api-dot-segments', 'execute-api', 'GET',
               '/jobs/./job-1/../job-2//executions?b=2&a=1&a=0')
        presign(capture, 'presign-jobs-data-describe-next', 'iot-jobs-data', 'GET',
                '/things/thing-1/jobs/%24next?includeJobDocument=true')
        presign(capture, 'presign-iot-session-token', 'iot', 'GET', '/jobs/job-1',
                token=SESSION_TOKEN, expires=3600)
        client_cases(capture)
        client_cases(capture, token=SESSION_TOKEN, prefix='client-token')
    finally:
        for p in patches:
            p.stop()


if __name__ == '__main__':
    main()
