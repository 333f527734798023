// A device written with AWS's own device SDK for JavaScript (aws-iot-device-sdk-v2, its
// iotjobs client), connecting to the broker over plain TCP: it waits for notify-next, takes
// the job with start-next, reports progress and SUCCEEDED. Each step is printed as one JSON
// line for the test to check. Usage: node device.js HOST PORT THING
const { mqtt, io, iotjobs } = require('aws-iot-device-sdk-v2');

const [host, port, thing] = process.argv.slice(2);
const log = (event, data) => console.log(JSON.stringify({ event, ...data }));
const fail = (why) => { log('error', { why: String(why) }); process.exit(1); };
setTimeout(() => fail('timed out'), 60000);

async function main() {
  const client = new mqtt.MqttClient(new io.ClientBootstrap());
  const connection = client.new_connection({
    client_id: `sdk-${thing}`, host_name: host, port: Number(port), clean_session: true,
    keep_alive: 30, socket_options: new io.SocketOptions(), use_websocket: false,
  });
  await connection.connect();
  const jobs = new iotjobs.IotJobsClient(connection);
  const QOS = mqtt.QoS.AtLeastOnce;
  let working = false;

  const reject = (what) => (error, response) => fail(`${what}: ${JSON.stringify(error || response)}`);
  await jobs.subscribeToStartNextPendingJobExecutionRejected({ thingName: thing }, QOS, reject('start-next'));
  await jobs.subscribeToUpdateJobExecutionRejected({ thingName: thing, jobId: '+' }, QOS, reject('update'));
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
