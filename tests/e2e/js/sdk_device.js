// What the device scripts share: a connection to the broker through AWS's device SDK for
// JavaScript (aws-iot-device-sdk-v2, plain TCP), its iotjobs client, one JSON line per event on
// stdout, and a failure on any rejected start-next or update.
const { mqtt, io, iotjobs } = require('aws-iot-device-sdk-v2');

const QOS = mqtt.QoS.AtLeastOnce;
const log = (event, data) => console.log(JSON.stringify({ event, ...data }));
const fail = (why) => { log('error', { why: String(why) }); process.exit(1); };

// Connects as CLIENT_ID and subscribes to the rejections of THING's requests; gives up after
// a minute so that a test never hangs on a device.
async function connect(host, port, clientId, thing) {
  setTimeout(() => fail('timed out'), 60000);
  const client = new mqtt.MqttClient(new io.ClientBootstrap());
  const connection = client.new_connection({
    client_id: clientId, host_name: host, port: Number(port), clean_session: true,
    keep_alive: 30, socket_options: new io.SocketOptions(), use_websocket: false,
  });
  await connection.connect();
  const jobs = new iotjobs.IotJobsClient(connection);
  const reject = (what) => (error, response) => fail(`${what}: ${JSON.stringify(error || response)}`);
  await jobs.subscribeToStartNextPendingJobExecutionRejected({ thingName: thing }, QOS, reject('start-next'));
  await jobs.subscribeToUpdateJobExecutionRejected({ thingName: thing, jobId: '+' }, QOS, reject('update'));
  return { connection, jobs };
}

module.exports = { QOS, log, fail, connect };
