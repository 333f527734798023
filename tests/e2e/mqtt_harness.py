"""MQTT pieces of the end-to-end harness: a real Mosquitto broker on a free port, and devices
that talk to it through Debian's mosquitto_pub and mosquitto_sub."""
import getpass
import json
import os
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import time

from harness import free_port

MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


class Broker:
    """A Mosquitto broker. `extra` lines join its configuration (ACLs, passwords)."""

    def __init__(self, extra=(), port=None):
        self.dir = tempfile.mkdtemp(prefix="iotjobs-mqtt-")
        self.port = port or free_port()
        self.extra = list(extra)
        self.proc = None

    @property
    def url(self):
        return f"tcp://127.0.0.1:{self.port}"

    def start(self):
        conf = os.path.join(self.dir, "mosquitto.conf")
        with open(conf, "w") as f:
            f.write(f"listener {self.port} 127.0.0.1\n")
            f.write(f"persistence true\npersistence_location {self.dir}/\n")
            f.write("log_dest stderr\n")
            # Run as whoever runs the tests (as root, mosquitto would switch to the user
            # `mosquitto`, who cannot read the test's private files).
            f.write(f"user {getpass.getuser()}\n")
            if not any(line.startswith("allow_anonymous") for line in self.extra):
                f.write("allow_anonymous true\n")
            for line in self.extra:
                f.write(line + "\n")
        self.log = open(os.path.join(self.dir, "broker.log"), "ab")
        self.proc = subprocess.Popen([MOSQUITTO, "-c", conf], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # until the listener takes connections
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Device:
    """A device on the broker: subscribes to topics (mosquitto_sub) and publishes requests
    (mosquitto_pub). Messages arrive in order in `messages` as (topic, payload)."""

    def __init__(self, broker, topics, client_id=None, username=None, password=None):
        self.broker = broker
        self.client_id = client_id
        self.auth = []
        if username:
            self.auth += ["-u", username]
        if password:
            self.auth += ["-P", password]
        # A probe topic of its own tells when the subscriptions are in place.
        self.probe_topic = f"iotjobs-test/probe/{os.getpid()}-{id(self)}"
        # Topic and payload separated by a tab: topics may hold spaces.
        args = ["mosquitto_sub", "-p", str(broker.port), "-q", "1", "-F", "%t\t%p", "-V", "mqttv311"]
        if client_id:
            args += ["-i", client_id]
        for t in list(topics) + ([] if username else [self.probe_topic]):
            args += ["-t", t]
        self.proc = subprocess.Popen(args + self.auth, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        if not username:
            self.wait_subscribed()

    def wait_subscribed(self, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            subprocess.run(["mosquitto_pub", "-p", str(self.broker.port), "-t", self.probe_topic,
                            "-m", "probe"], capture_output=True, timeout=10)
            try:
                t, _ = self.messages.get(timeout=0.2)
                if t == self.probe_topic:
                    self.drain_probes()
                    return
                self.messages.put((t, _))
            except queue.Empty:
                pass
        raise AssertionError("the subscriber did not come up")

    def drain_probes(self):
        kept = [m for m in self.drain() if m[0] != self.probe_topic]
        for m in kept:
            self.messages.put(m)

    def _read(self):
        for line in self.proc.stdout:
            topic, _, payload = line.rstrip("\n").partition("\t")
            self.messages.put((topic, payload))

    def publish(self, topic, payload, client_id=None):
        body = payload if isinstance(payload, str) else json.dumps(payload)
        # The payload goes through stdin: a big one would not fit on a command line.
        args = ["mosquitto_pub", "-p", str(self.broker.port), "-q", "1", "-t", topic, "-s"]
        if client_id or self.client_id:
            args += ["-i", (client_id or self.client_id) + "-pub"]
        p = subprocess.run(args + self.auth, input=body, capture_output=True, text=True, timeout=10)
        return p.returncode, p.stderr

    def next(self, timeout=10, topic=None, topics=None):
        """The earliest message received (on `topic`, or on one of `topics`; messages on other
        topics stay for later calls); AssertionError on timeout."""
        if not hasattr(self, "buffer"):
            self.buffer = []
        wanted = set(topics) if topics else ({topic} if topic else None)
        deadline = time.monotonic() + timeout
        while True:
            for i, (t, p) in enumerate(self.buffer):
                if wanted is None or t in wanted:
                    del self.buffer[i]
                    return t, p
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no message{' on ' + topic if topic else ''} within {timeout}s")
            try:
                t, p = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if t != self.probe_topic:
                self.buffer.append((t, p))

    def json(self, topic, timeout=10):
        return json.loads(self.next(timeout, topic)[1])

    def drain(self):
        out = list(getattr(self, "buffer", []))
        self.buffer = []
        while not self.messages.empty():
            out.append(self.messages.get())
        return out

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
