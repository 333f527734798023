// An S3-compatible store for the firmware tests: s3rver (from npm) on 127.0.0.1:PORT, keeping
// its objects in DIR, with the access key S3RVER / S3RVER. s3rver checks header signatures and
// the expiry of presigned URLs (not their signatures: the tests recompute those with
// botocore). The store's clock can be moved forward so that a test sees a presigned URL
// expire without waiting: each stdin line "advance N" moves it N seconds and answers "ok".
// Prints "ready" once it serves. Usage: node s3_store.js PORT DIR [KEY.pem CERT.pem] (with a key
// and certificate it serves HTTPS).
const S3rver = require('s3rver');
const readline = require('readline');

const fs = require('fs');

const [port, directory, keyFile, certFile] = process.argv.slice(2);

// s3rver reads the time with `new Date()`: a Date whose "now" runs `offset` ahead.
let offset = 0;
const RealDate = Date;
global.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() { return RealDate.now() + offset; }
};

const tls = keyFile ? { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) } : {};
const server = new S3rver({ port: Number(port), address: '127.0.0.1', silent: true, directory, ...tls });
server.run((error) => {
  if (error) {
    console.error(String(error));
    process.exit(1);
  }
  console.log('ready');
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, seconds] = line.trim().split(/\s+/);
  if (command === 'advance') {
    offset += Number(seconds) * 1000;
    console.log('ok');
  }
}).on('close', () => server.close(() => process.exit(0)));
