// A device on AWS's device SDK for JavaScript (aws-iot-device-sdk-v2) doing a firmware update
// the way AWS's samples do: on notify-next it takes the job with start-next, downloads the
// file at the document's `url` (a presigned URL iotjobsd put in place of the
// ${aws:iot:s3-presigned-url:...} placeholder), and reports SUCCEEDED with the SHA-256 of what
// it downloaded, or FAILED with the HTTP status. Each step is one JSON line on stdout.
// Usage: node firmware_device.js HOST PORT THING
const { QOS, log, fail, connect } = require('./sdk_device');
const crypto = require('crypto');
const http = require('http');
const https = require('https');

const [host, port, thing] = process.argv.slice(2);

function download(url) {
  return new Promise((resolve, reject) => {
    (url.startsWith('https:') ? https : http).get(url, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function main() {
  const { connection, jobs } = await connect(host, port, `fw-${thing}`, thing);
  let working = false;

  await jobs.subscribeToUpdateJobExecutionAccepted({ thingName: thing, jobId: '+' }, QOS,
    async (error) => {
      if (error) return fail(error);
      log('reported', {});
      await connection.disconnect();
      process.exit(0);
    });
  await jobs.subscribeToStartNextPendingJobExecutionAccepted({ thingName: thing }, QOS,
    async (error, response) => {
      if (error) return fail(error);
      const e = response.execution;
      log('started', { jobId: e.jobId, document: e.jobDocument });
      const got = await download(e.jobDocument.url);
      const sha256 = crypto.createHash('sha256').update(got.body).digest('hex');
      log('downloaded', { status: got.status, sha256, bytes: got.body.length });
      const ok = got.status === 200;
      await jobs.publishUpdateJobExecution({
        thingName: thing, jobId: e.jobId, status: ok ? 'SUCCEEDED' : 'FAILED',
        statusDetails: ok ? { sha256 } : { httpStatus: String(got.status) },
      }, QOS);
    });
  await jobs.subscribeToNextJobExecutionChangedEvents({ thingName: thing }, QOS,
    async (error, event) => {
      if (error) return fail(error);
      log('notify-next', { document: event.execution ? event.execution.jobDocument : null });
      if (event.execution && !working) {
        working = true;
        await jobs.publishStartNextPendingJobExecution({ thingName: thing, clientToken: 'fw' }, QOS);
      }
    });
  log('ready', {});
}

main().catch(fail);
