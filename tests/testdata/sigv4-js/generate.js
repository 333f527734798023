#!/usr/bin/env node
// Captures requests signed by the AWS SDK for JavaScript v3's signer (@smithy/signature-v4)
// as SigV4 fixtures for tests/unit/auth/, in the layout of ../sigv4-test-suite/ (see its
// README.md and ../sigv4-botocore/generate.py, whose layout this follows).
//
// Run once, with the two packages installed anywhere:
//   (cd /tmp/jssig && npm install @smithy/signature-v4 @aws-crypto/sha256-js)
//   NODE_PATH=/tmp/jssig/node_modules node tests/testdata/sigv4-js/generate.js
//
// The paths are what the SDK's rest-json serializers produce (labels percent-encoded, so
// "$next" is "%24next"); the signer encodes them a second time, as botocore does.
'use strict';

const fs = require('fs');
const path = require('path');
const { SignatureV4 } = require('@smithy/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');

const HERE = __dirname;
const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//token+with/slashes==';
const NOW = new Date(Date.UTC(2026, 0, 15, 10, 30, 0));
const HOST = 'localhost:4580';
const VERSION = require('@smithy/signature-v4/package.json').version;

// RFC 3986 escaping, as @smithy/util-uri-escape does for query names and values.
const escape = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function target(request) {
  const query = Object.entries(request.query || {})
    .map(([k, v]) => `${escape(k)}=${escape(v)}`)
    .join('&');
  return request.path + (query ? '?' + query : '');
}

function httpText(request) {
  const lines = [`${request.method} ${target(request)} HTTP/1.1`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}:${value}`);
  let out = lines.join('\n');
  if (request.body) out += '\n\n' + request.body;
  return out;
}

function makeSigner(service, token, captured) {
  const signer = new SignatureV4({
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, sessionToken: token },
    region: 'us-east-1',
    service,
    sha256: Sha256,
  });
  const createCanonicalRequest = signer.createCanonicalRequest.bind(signer);
  signer.createCanonicalRequest = (...args) => (captured.creq = createCanonicalRequest(...args));
  const createStringToSign = signer.createStringToSign.bind(signer);
  signer.createStringToSign = async (...args) => (captured.sts = await createStringToSign(...args));
  return signer;
}

function save(name, context, unsigned, kind, captured, signature, sent) {
  const folder = path.join(HERE, name);
  fs.mkdirSync(folder);
  const write = (file, text) => fs.writeFileSync(path.join(folder, file), text);
  write('context.json', JSON.stringify(context, null, 4) + '\n');
  write('request.txt', httpText(unsigned));
  write(`${kind}-canonical-request.txt`, captured.creq);
  write(`${kind}-string-to-sign.txt`, captured.sts);
  write(`${kind}-signature.txt`, signature);
  write(`${kind}-signed-request.txt`, sent);
}

async function one(name, { service, method, path: p, query, body, headers, token, presign }) {
  const request = {
    method,
    protocol: 'http:',
    hostname: 'localhost',
    port: 4580,
    path: p,
    query: query || {},
    headers: { host: HOST, ...(headers || {}) },
    body: body || undefined,
  };
  const captured = {};
  const signer = makeSigner(service, token, captured);
  const context = {
    credentials: { access_key_id: ACCESS_KEY, secret_access_key: SECRET_KEY },
    region: 'us-east-1',
    service,
    timestamp: NOW.toISOString().replace('.000', ''),
    normalize: true,
    double_encode_path: true,
    // The SDK's signer sends and signs x-amz-content-sha256 by default (applyChecksum).
    sign_body: !presign,
    unsigned_payload: false,
    generator: `@smithy/signature-v4 ${VERSION}`,
  };
  if (token) context.credentials.token = token;
  if (presign) {
    context.expiration_in_seconds = 900;
    const signed = await signer.presign(request, { signingDate: NOW, expiresIn: 900 });
    const signature = signed.query['X-Amz-Signature'];
    save(name, context, request, 'query', captured, signature, httpText(signed));
  } else {
    const signed = await signer.sign(request, { signingDate: NOW });
    const signature = signed.headers.authorization.replace(/.*Signature=/, '');
    save(name, context, request, 'header', captured, signature, httpText(signed));
  }
}

async function main() {
  for (const entry of fs.readdirSync(HERE, { withFileTypes: true })) {
    if (entry.isDirectory()) fs.rmSync(path.join(HERE, entry.name), { recursive: true });
  }
  await one('js-jobs-data-describe-next', {
    service: 'iot-jobs-data', method: 'GET', path: '/things/thing-1/jobs/%24next',
    query: { includeJobDocument: 'true', executionNumber: '2' },
  });
  await one('js-iot-delete-job-execution', {
    service: 'iot', method: 'DELETE', path: '/things/thing-1/jobs/job-1/executionNumber/3',
    query: { force: 'true', namespaceId: 'x' },
  });
  await one('js-iot-create-job-put-json', {
    service: 'iot', method: 'PUT', path: '/jobs/job-1',
    headers: { 'content-type': 'application/json' },
    body: '{"targets":["arn:aws:iot:us-east-1:123456789012:thing/t1"],"document":"{}"}',
  });
  await one('js-iot-list-jobs-token', {
    service: 'iot', method: 'GET', path: '/jobs',
    query: { status: 'IN_PROGRESS', nextToken: 'a/b+c= d', maxResults: '10' },
    token: SESSION_TOKEN,
  });
  await one('js-execute-api-thing-colon', {
    service: 'execute-api', method: 'GET', path: '/things/thing%3Awith%3Acolons/jobs/job-1',
    headers: { 'x-custom': '  a \t  b  ' },
  });
  await one('js-presign-jobs-data-describe-next', {
    service: 'iot-jobs-data', method: 'GET', path: '/things/thing-1/jobs/%24next',
    query: { includeJobDocument: 'true' }, presign: true,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
