"""SIGTERM drains: iotjobsd stops accepting connections, closes idle ones, lets each request
already begun finish and be answered (`Connection: close`), and exits 0, within
--drain-seconds. Under a flood of concurrent CreateThing, every write answered 2xx is there
after a restart on the same data directory, and every request that failed (its connection
closed or refused) left nothing behind."""
import json
import signal
import socket
import threading
import time
import unittest

import botocore.auth
import botocore.awsrequest
import botocore.credentials
import botocore.exceptions

from harness import ACCESS_KEY, REGION, SECRET_KEY, Server, unique


def signed_create_thing(server, name):
    """The raw bytes of a signed CreateThing request (head, body) on a keep-alive connection."""
    body = json.dumps({"attributePayload": {"attributes": {"k": "v"}}}).encode()
    req = botocore.awsrequest.AWSRequest(method="POST", url=f"{server.url}/things/{name}",
                                         data=body, headers={"Content-Type": "application/json"})
    botocore.auth.SigV4Auth(botocore.credentials.Credentials(ACCESS_KEY, SECRET_KEY), "iot",
                            REGION).add_auth(req)
    head = f"POST /things/{name} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
    head += f"Content-Length: {len(body)}\r\n"
    for key, value in req.headers.items():
        if key.lower() not in ("host", "content-length"):
            head += f"{key}: {value}\r\n"
    return (head + "\r\n").encode(), body


def read_response(sock, deadline):
    """Reads one whole response (status, lower-case headers, body) until `deadline`."""
    data = b""
    while b"\r\n\r\n" not in data:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a response: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        body += sock.recv(65536)
    return int(lines[0].split()[1]), headers, body


def wait_until_refused(server, deadline):
    """Polls until the server no longer accepts connections. A connection that reaches the
    listening socket just as it closes is reset rather than refused: both mean no more
    connections are taken."""
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
        except (ConnectionRefusedError, ConnectionResetError):
            return
        time.sleep(0.01)
    raise AssertionError("the server still accepts connections after SIGTERM")


def connect(server):
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def wait_until_server_read(server, sock, deadline):
    """Polls until the server has read everything `sock` sent: its end of the connection has
    an empty receive queue (/proc/net/tcp), so it knows a request has begun."""
    client_port = sock.getsockname()[1]
    while time.monotonic() < deadline:
        with open("/proc/net/tcp") as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                local, remote, queues = fields[1], fields[2], fields[4]
                if (int(local.split(":")[1], 16) == server.port
                        and int(remote.split(":")[1], 16) == client_port
                        and int(queues.split(":")[1], 16) == 0):
                    return
        time.sleep(0.01)
    raise AssertionError("the server did not read the request's first bytes")


class GracefulShutdownTest(unittest.TestCase):
    def test_a_request_begun_before_sigterm_is_answered_and_idle_connections_close(self):
        server = Server(args=["--drain-seconds", "30"]).start()
        self.addCleanup(server.cleanup)
        # An idle keep-alive connection: it has been answered once and waits for more.
        idle = connect(server)
        self.addCleanup(idle.close)
        head, body = signed_create_thing(server, unique("warm"))
        idle.sendall(head + body)
        self.assertEqual(read_response(idle, time.monotonic() + 10)[0], 200)
        # A request whose head and half its body have arrived when SIGTERM comes.
        name = unique("in-flight")
        busy = connect(server)
        self.addCleanup(busy.close)
        head, body = signed_create_thing(server, name)
        busy.sendall(head + body[:10])
        wait_until_server_read(server, busy, time.monotonic() + 20)

        server.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        wait_until_refused(server, deadline)
        idle.settimeout(max(0.01, deadline - time.monotonic()))
        self.assertEqual(idle.recv(1), b"")  # closed, without an answer to anything
        self.assertIsNone(server.proc.poll())  # still serving the request begun

        busy.sendall(body[10:])
        status, headers, answer = read_response(busy, deadline)
        self.assertEqual(status, 200, answer)
        self.assertEqual(headers.get("connection"), "close")
        self.assertEqual(server.proc.wait(timeout=max(0.1, deadline - time.monotonic())), 0)
        server.stop()

        server.start()
        self.assertEqual(server.client("iot").describe_thing(thingName=name)["attributes"],
                         {"k": "v"})

    def test_sigterm_during_a_flood_keeps_every_acknowledged_write(self):
        drain_seconds = 10
        server = Server(args=["--drain-seconds", str(drain_seconds)]).start()
        self.addCleanup(server.cleanup)
        acknowledged, failed, errors = [], [], []
        lock = threading.Lock()

        def writer(n):
            client = server.client("iot")
            for i in range(100000):
                name = f"flood-{n}-{i}"
                try:
                    client.create_thing(thingName=name)
                except botocore.exceptions.ClientError as e:  # an answer that is not 2xx
                    with lock:
                        errors.append((name, e.response["Error"]))
                    return
                except Exception:  # the connection was refused or closed: no answer
                    with lock:
                        failed.append(name)
                    return
                with lock:
                    acknowledged.append(name)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with lock:
                if len(acknowledged) >= 200:
                    break
            time.sleep(0.01)
        server.proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        self.assertEqual(server.proc.wait(timeout=drain_seconds + 10), 0)
        exited = time.monotonic() - signalled
        for t in threads:
            t.join(timeout=60)
        server.stop()
        self.assertLess(exited, drain_seconds)
        self.assertEqual(errors, [])  # draining answers requests, never refuses them
        self.assertGreaterEqual(len(acknowledged), 200)
        self.assertEqual(len(failed), len(threads))  # each writer stopped on a refusal

        server.start()
        iot = server.client("iot")
        for name in acknowledged:
            iot.describe_thing(thingName=name)
        for name in failed:  # never read by the server, so never written
            with self.assertRaises(botocore.exceptions.ClientError) as cm:
                iot.describe_thing(thingName=name)
            self.assertEqual(cm.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertIn("shutting down", server.log())

    def test_a_request_that_never_finishes_arriving_does_not_hold_the_exit(self):
        server = Server(args=["--drain-seconds", "1"]).start()
        self.addCleanup(server.cleanup)
        stuck = connect(server)
        self.addCleanup(stuck.close)
        head, body = signed_create_thing(server, unique("stuck"))
        stuck.sendall(head + body[:5])
        wait_until_server_read(server, stuck, time.monotonic() + 20)
        server.proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        self.assertEqual(server.proc.wait(timeout=15), 0)
        self.assertLess(time.monotonic() - signalled, 10)
        server.stop()
        self.assertIn("still busy after --drain-seconds", server.log())


if __name__ == "__main__":
    unittest.main()
