// A device written with AWS's own device SDK for JavaScript (aws-iot-device-sdk-v2, its
// iotjobs client), connecting to the broker over plain TCP: it waits for notify-next, takes
// the job with start-next, reports progress and SUCCEEDED. Each step is printed as one JSON
// line for the test to check. Usage: node device.js HOST PORT THING
const { QOS, log, fail, connect } = require('./sdk_device');

const [host, port, thing] = process.argv.slice(2);

async function main() {
  const { connection, jobs } = await connect(host, port, `sdk-${thing}`, thing);
  let working = false;

  await jobs.subscribeToUpdateJobExecutionAccepted({ thingName: thing, jobId: '+' }, QOS,
    async (error, response) => {
      if (error) return fail(error);
      log('update-accepted', { state: response.executionState });
      if (response.executionState && response.executionState.status === 'SUCCEEDED') {
        await connection.disconnect();
        process.exit(0);
      }
    });
  await jobs.subscribeToStartNextPendingJobExecutionAccepted({ thingName: thing }, QOS,
    async (error, response) => {
      if (error) return fail(error);
      const e = response.execution;
      log('started', { jobId: e.jobId, status: e.status, version: e.versionNumber, document: e.jobDocument });
      for (const [status, progress] of [['IN_PROGRESS', '50'], ['SUCCEEDED', '100']]) {
        await jobs.publishUpdateJobExecution({
          thingName: thing, jobId: e.jobId, status, statusDetails: { progress },
          includeJobExecutionState: true,
        }, QOS);
      }
    });
  await jobs.subscribeToNextJobExecutionChangedEvents({ thingName: thing }, QOS,
    async (error, event) => {
      if (error) return fail(error);
      log('notify-next', { execution: event.execution ? { jobId: event.execution.jobId, status: event.execution.status } : null });
      if (event.execution && !working) {
        working = true;
        await jobs.publishStartNextPendingJobExecution({ thingName: thing, clientToken: 'sdk' }, QOS);
      }
    });
  log('ready', {});
}

main().catch(fail);
