"""`iotjobsd backup`: a copy of a running server's SQLite store, taken while clients write,
holds every write acknowledged before the backup began, and a second iotjobsd serves it; the
copy is one file (no -wal beside it). The refusals: the target exists, the data directory
holds no store, the store is PostgreSQL or in memory (README, "Backup and restore")."""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

from harness import IOTJOBSD, Server, thing_arn, unique


def backup(*args):
    p = subprocess.run([IOTJOBSD, "backup", *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


class BackupTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="iotjobs-backup-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def test_backup_during_writes_holds_every_write_acknowledged_before_it(self):
        server = Server().start()
        self.addCleanup(server.cleanup)
        iot = server.client("iot")
        target = unique("target")
        iot.create_thing(thingName=target)
        # More than one backup step (256 pages of 4 KB): jobs with large documents.
        big = json.dumps({"operation": "install", "blob": "x" * 30000})
        for i in range(60):
            iot.create_job(jobId=f"big-{i}", targets=[thing_arn(target)], document=big)

        acknowledged = []  # (kind, name), in the order they were answered
        lock = threading.Lock()
        stop = threading.Event()
        failures = []

        def writer(n):
            client = server.client("iot")
            i = 0
            while not stop.is_set():
                try:
                    name = f"w{n}-{i}"
                    client.create_thing(thingName=name)
                    with lock:
                        acknowledged.append(("thing", name))
                    client.create_job(jobId=f"job-{n}-{i}", targets=[thing_arn(target)],
                                      document="{}")
                    with lock:
                        acknowledged.append(("job", f"job-{n}-{i}"))
                except Exception as e:  # the server must keep serving throughout
                    failures.append(repr(e))
                    return
                i += 1

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with lock:
                    if len(acknowledged) >= 100:
                        break
                time.sleep(0.02)
            with lock:
                before = list(acknowledged)  # answered before the backup command starts
            copy = os.path.join(self.tmp, "copy.db")
            rc, out, err = backup("--data-dir", server.data_dir, "--to", copy)
            self.assertEqual(rc, 0, err)
            self.assertIn("copied", out)
            # The writers go on while and after the copy is taken: the server never stopped.
            with lock:
                count_after_backup = len(acknowledged)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with lock:
                    if len(acknowledged) >= count_after_backup + 20:
                        break
                time.sleep(0.02)
        finally:
            stop.set()
            for t in threads:
                t.join()
        self.assertEqual(failures, [])
        self.assertGreaterEqual(len(acknowledged), count_after_backup + 20)
        self.assertGreaterEqual(len(before), 100)
        # One self-contained file.
        self.assertEqual(sorted(os.listdir(self.tmp)), ["copy.db"])
        self.assertEqual(os.stat(copy).st_mode & 0o777, 0o600)

        # Restore: the copy becomes iotjobs.db in a new data directory of a second server.
        restored_dir = os.path.join(self.tmp, "restored")
        os.mkdir(restored_dir)
        shutil.copy(copy, os.path.join(restored_dir, "iotjobs.db"))
        restored = Server(data_dir=restored_dir).start()
        self.addCleanup(restored.cleanup)
        riot = restored.client("iot")
        things = set()
        for page in riot.get_paginator("list_things").paginate():
            things.update(t["thingName"] for t in page["things"])
        jobs = set()
        for page in riot.get_paginator("list_jobs").paginate():
            jobs.update(j["jobId"] for j in page["jobs"])
        missing = [(kind, name) for kind, name in before
                   if name not in (things if kind == "thing" else jobs)]
        self.assertEqual(missing, [])
        self.assertIn("big-59", jobs)
        self.assertEqual(json.loads(riot.get_job_document(jobId="big-0")["document"])["blob"],
                         "x" * 30000)
        # The restored server takes writes of its own.
        riot.create_thing(thingName=unique("after-restore"))

    def test_refuses_an_existing_target_and_leaves_it_alone(self):
        server = Server().start()
        self.addCleanup(server.cleanup)
        target = os.path.join(self.tmp, "taken.db")
        with open(target, "w") as f:
            f.write("keep me")
        rc, _, err = backup("--data-dir", server.data_dir, "--to", target)
        self.assertEqual(rc, 1)
        self.assertIn("exists", err)
        with open(target) as f:
            self.assertEqual(f.read(), "keep me")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["taken.db"])

    def test_refuses_a_directory_without_a_store(self):
        copy = os.path.join(self.tmp, "copy.db")
        rc, _, err = backup("--data-dir", os.path.join(self.tmp, "nothing-here"), "--to", copy)
        self.assertEqual(rc, 1)
        self.assertIn("holds no iotjobs store", err)
        self.assertFalse(os.path.exists(copy))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "nothing-here")))

    def test_refuses_postgresql_and_memory_stores(self):
        copy = os.path.join(self.tmp, "copy.db")
        rc, _, err = backup("--store", "postgresql://iotjobs:secret@db.example/iotjobs",
                            "--to", copy)
        self.assertEqual(rc, 1)
        self.assertIn("pg_dump", err)
        self.assertNotIn("secret", err)  # the URL may hold a password
        rc, _, err = backup("--data-dir", ":memory:", "--to", copy)
        self.assertEqual(rc, 1)
        self.assertIn("nothing to back up", err)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_needs_a_target(self):
        rc, _, err = backup("--data-dir", self.tmp)
        self.assertEqual(rc, 2)
        self.assertIn("--to", err)
        rc, out, _ = backup("--help")
        self.assertEqual(rc, 0)
        self.assertIn("iotjobsd backup", out)


if __name__ == "__main__":
    unittest.main()
