"""The web console in headless Chromium (Debian's chromium + chromium-driver, driven by
python3-selenium, so this module runs under /usr/bin/python3; tests/e2e/CMakeLists.txt
registers it). The browser signs every call itself, so these tests also prove the console's
SigV4 against iotjobsd's verifier and that IAM policies apply to it.

No test sleeps: every wait is a WebDriverWait on a condition. Screenshots of the jobs list and
of a job's page go to $IOTJOBS_TEST_ARTIFACTS (build/test-artifacts by default)."""
import json
import os
import sys
import unittest
from urllib.parse import quote

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # not set up (scripts/setup installs python3-selenium): skipped
    print("python3-selenium is missing: skipped")
    sys.exit(77)

import botocore.exceptions  # noqa: E402

from harness import Server, credentials_file, unique  # noqa: E402

CHROMEDRIVER = os.environ.get("IOTJOBS_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("IOTJOBS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = os.environ.get("IOTJOBS_TEST_ARTIFACTS") or os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "build", "test-artifacts")

ACCOUNT = "222222222222"
OPERATOR_KEY, OPERATOR_SECRET = "AKIACONSOLEOPERATOR1", "console-operator-secret-0123"
VIEWER_KEY, VIEWER_SECRET = "AKIACONSOLEVIEWER001", "console-viewer-secret-01234"
CREDENTIALS = {"accounts": {ACCOUNT: {"users": {
    "operator": {"accessKeys": [{"accessKeyId": OPERATOR_KEY, "secretAccessKey": OPERATOR_SECRET}],
                 "policy": {"Version": "2012-10-17", "Statement": [
                     {"Effect": "Allow", "Action": ["iot:*", "iotjobsdata:*"], "Resource": "*"}]}},
    # Reads everything, changes nothing.
    "viewer": {"accessKeys": [{"accessKeyId": VIEWER_KEY, "secretAccessKey": VIEWER_SECRET}],
               "policy": {"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": ["iot:Describe*", "iot:List*", "iot:Get*"],
                    "Resource": "*"}]}},
}}}}
WAIT = 30  # seconds; the job page polls every 3


class ConsoleBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not (os.path.exists(CHROMEDRIVER) and os.path.exists(CHROMIUM)):
            raise unittest.SkipTest("chromium or chromium-driver is missing")
        cls.credentials_path = credentials_file(CREDENTIALS)
        cls.server = Server(args=["--credentials-file", cls.credentials_path]).start()
        cls.iot = cls.server.client("iot", OPERATOR_KEY, OPERATOR_SECRET)
        cls.data = cls.server.client("iot-jobs-data", OPERATOR_KEY, OPERATOR_SECRET)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    "--disable-gpu", "--window-size=1280,1000", "--no-first-run",
                    "--disable-extensions", "--disable-background-networking"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        os.makedirs(ARTIFACTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.cleanup()
        os.unlink(cls.credentials_path)

    # ---- helpers ----

    def url(self, fragment=""):
        return f"{self.server.url}/console/{fragment}"

    def wait(self, condition, timeout=WAIT, message=""):
        return WebDriverWait(self.driver, timeout, ignored_exceptions=[
            StaleElementReferenceException]).until(condition, message)

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def visible(self, selector):
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)),
                         message=selector)

    def text_of(self, selector, text):
        self.wait(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text),
                  message=f"{selector} to show {text!r}")

    def sign_in(self, key, secret, expect_ok=True):
        self.driver.get(self.url())
        self.driver.execute_script("sessionStorage.clear()")
        self.driver.get(self.url("#/jobs"))
        self.driver.refresh()
        self.visible("#access-key-id").send_keys(key)
        self.css("#secret-access-key").send_keys(secret)
        self.css("#sign-in").click()
        if expect_ok:
            self.text_of("#who", key)

    def open(self, fragment):
        self.driver.get(self.url(fragment))

    def job_with_things(self, count, prefix="console"):
        things = []
        for _ in range(count):
            name = unique("dev")
            self.iot.create_thing(thingName=name)
            things.append(name)
        job_id = unique(prefix)
        arns = [self.iot.describe_thing(thingName=t)["thingArn"] for t in things]
        self.iot.create_job(jobId=job_id, targets=arns,
                            document=json.dumps({"operation": "test", "steps": [1, 2]}))
        return job_id, things

    def confirm(self, force=False):
        self.visible("#confirm-dialog")
        if force:
            self.css("#confirm-force").click()
        self.css("#confirm-ok").click()
        self.wait(EC.invisibility_of_element_located((By.CSS_SELECTOR, "#confirm-dialog")))

    def row(self, thing):
        return self.css(f'#executions-table tr[data-thing="{thing}"]')

    def assert_clean_log(self, allow_api_errors=False):
        """No script error, CSP violation or failed load in the browser's log. An API call
        the test expects refused shows up as a failed network load, allowed when asked."""
        bad = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE" and
               not (allow_api_errors and e.get("source") == "network")]
        self.assertEqual(bad, [])

    def screenshot(self, name):
        path = os.path.join(ARTIFACTS, name)
        self.assertTrue(self.driver.save_screenshot(path), path)

    # ---- tests ----

    def test_a_wrong_secret_is_refused(self):
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET + "x", expect_ok=False)
        self.text_of("#error", "InvalidSignatureException")
        self.assertIn("signature", self.css("#error").text.lower())
        self.assertIsNone(self.driver.execute_script(
            "return sessionStorage.getItem('iotjobs.console.session')"))
        self.assertTrue(self.css("#access-key-id").is_displayed())  # still signing in
        self.assertEqual(self.driver.get_cookies(), [])
        self.assert_clean_log(allow_api_errors=True)

    def test_jobs_list_and_job_progress_moves_as_devices_report(self):
        job_id, things = self.job_with_things(3)
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.assertEqual(self.driver.get_cookies(), [])
        self.assertNotIn(OPERATOR_SECRET, self.driver.current_url)
        row = f'#jobs-table tr[data-job-id="{job_id}"]'
        self.visible(row + " .progress")
        self.assertIn("IN_PROGRESS", self.css(row).text)
        self.assertIn("SNAPSHOT", self.css(row).text)
        self.screenshot("console-jobs-list.png")

        self.css(row + " a").click()
        self.text_of("#job-counts [data-count=queued]", "3")
        self.text_of("#job-document", '"operation": "test"')  # pretty-printed
        self.visible(f'#executions-table tr[data-thing="{things[0]}"]')

        # Devices report; the open page's polling shows it.
        self.data.update_job_execution(jobId=job_id, thingName=things[0], status="IN_PROGRESS")
        self.text_of("#job-counts [data-count=inprogress]", "1")
        self.data.update_job_execution(jobId=job_id, thingName=things[0], status="SUCCEEDED")
        self.data.update_job_execution(jobId=job_id, thingName=things[1], status="FAILED")
        self.text_of("#job-counts [data-count=succeeded]", "1")
        self.text_of("#job-counts [data-count=failed]", "1")
        self.wait(lambda d: d.find_element(By.CSS_SELECTOR, "#job-progress .progress")
                  .get_attribute("data-done") == "2")
        # The executions page follows, without a click.
        self.wait(lambda d: self.row(things[0]).get_attribute("data-status") == "SUCCEEDED")
        self.screenshot("console-job-page.png")

        # The executions list filters by status.
        self.css("#executions-status option[value=SUCCEEDED]").click()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#executions-table tbody tr"))
                  == 1 and self.row(things[0]))
        self.assert_clean_log()

    def test_cancel_job_and_force_cancel(self):
        job_id, things = self.job_with_things(2, "cancel")
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.open(f"#/jobs/{job_id}")
        self.text_of("#job-status", "IN_PROGRESS")
        self.css("#cancel-job").click()
        self.confirm()
        self.text_of("#job-status", "CANCELED")
        self.text_of("#notice", "canceled")
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "CANCELED")

        forced, devices = self.job_with_things(2, "force")
        self.data.update_job_execution(jobId=forced, thingName=devices[0], status="IN_PROGRESS")
        self.open(f"#/jobs/{forced}")
        self.text_of("#job-counts [data-count=inprogress]", "1")
        self.css("#force-cancel-job").click()
        self.visible("#confirm-dialog")
        self.css("#confirm-cancel").click()  # backing out changes nothing
        self.assertEqual(self.iot.describe_job(jobId=forced)["job"]["status"], "IN_PROGRESS")
        self.css("#force-cancel-job").click()
        self.confirm()
        self.text_of("#job-status", "CANCELED")
        job = self.iot.describe_job(jobId=forced)["job"]
        self.assertTrue(job["forceCanceled"])
        execution = self.iot.describe_job_execution(jobId=forced, thingName=devices[0])
        self.assertEqual(execution["execution"]["status"], "CANCELED")

        # The jobs list filters by status.
        self.open("#/jobs")
        self.visible(f'#jobs-table tr[data-job-id="{forced}"]')
        self.css("#jobs-status option[value=CANCELED]").click()
        self.wait(lambda d: all("CANCELED" in r.text for r in d.find_elements(
            By.CSS_SELECTOR, "#jobs-table tbody tr")) and d.find_elements(
            By.CSS_SELECTOR, f'#jobs-table tr[data-job-id="{job_id}"]'))
        self.assert_clean_log()

    def test_delete_an_in_progress_execution_needs_force(self):
        job_id, things = self.job_with_things(2, "delete")
        self.data.update_job_execution(jobId=job_id, thingName=things[0], status="IN_PROGRESS")
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.open(f"#/jobs/{job_id}")
        self.wait(lambda d: self.row(things[0]).get_attribute("data-status") == "IN_PROGRESS")

        # Without force AWS refuses, and its words are shown.
        self.row(things[0]).find_element(By.CSS_SELECTOR, ".delete-execution").click()
        self.confirm(force=False)
        self.text_of("#error", "InvalidStateTransitionException")
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=things[0])
                         ["execution"]["status"], "IN_PROGRESS")

        # With force it is deleted and leaves the list.
        self.row(things[0]).find_element(By.CSS_SELECTOR, ".delete-execution").click()
        self.confirm(force=True)
        self.text_of("#notice", "deleted")
        self.wait(lambda d: not d.find_elements(
            By.CSS_SELECTOR, f'#executions-table tr[data-thing="{things[0]}"]'))
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            self.iot.describe_job_execution(jobId=job_id, thingName=things[0])
        self.assertEqual(cm.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.visible(f'#executions-table tr[data-thing="{things[1]}"]')  # the other stays

        # Canceling the other (QUEUED) execution.
        self.row(things[1]).find_element(By.CSS_SELECTOR, ".cancel-execution").click()
        self.confirm()
        self.wait(lambda d: self.row(things[1]).get_attribute("data-status") == "CANCELED")
        self.assertEqual(self.iot.describe_job_execution(jobId=job_id, thingName=things[1])
                         ["execution"]["status"], "CANCELED")
        # A terminal execution offers no cancel (the API would refuse it), only delete.
        self.assertFalse(self.row(things[1]).find_elements(By.CSS_SELECTOR, ".cancel-execution"))
        self.assertTrue(self.row(things[1]).find_elements(By.CSS_SELECTOR, ".delete-execution"))
        self.assert_clean_log(allow_api_errors=True)

    def test_a_denied_action_shows_awss_error(self):
        job_id, things = self.job_with_things(1, "denied")
        self.sign_in(VIEWER_KEY, VIEWER_SECRET)
        self.open(f"#/jobs/{job_id}")
        self.text_of("#job-status", "IN_PROGRESS")
        self.text_of("#job-document", '"operation": "test"')
        self.css("#cancel-job").click()
        self.confirm()
        self.text_of("#error", "AccessDeniedException")
        self.assertIn(f"user/viewer is not authorized to perform: iot:CancelJob",
                      self.css("#error").text)
        self.assertEqual(self.iot.describe_job(jobId=job_id)["job"]["status"], "IN_PROGRESS")
        self.assert_clean_log(allow_api_errors=True)

    def test_things_and_groups(self):
        group = unique("fleet")
        self.iot.create_thing_group(thingGroupName=group)
        thing = unique("dev:east")  # a ':' is encoded in the path, and signed so
        self.iot.create_thing(thingName=thing, attributePayload={"attributes": {"model": "x1"}})
        self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=thing)
        job_id = unique("things")
        self.iot.create_job(jobId=job_id, targets=[self.iot.describe_thing_group(
            thingGroupName=group)["thingGroupArn"]], document='{"op":1}')
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.open("#/things")
        self.css("#group-prefix").send_keys(group[:8])
        self.css("#group-prefix").submit()
        self.visible(f'#groups-table a[href="#/groups/{group}"]').click()
        self.visible(f'#group-members-table a[href="#/things/{quote(thing, safe="")}"]').click()
        self.text_of("#thing-attributes", "x1")
        self.visible(f'#thing-groups-table a[href="#/groups/{group}"]')
        self.visible(f'#thing-executions-table a[href="#/jobs/{job_id}"]')
        self.assert_clean_log()

    def test_paging_follows_next_tokens(self):
        group = unique("big")
        self.iot.create_thing_group(thingGroupName=group)
        for i in range(27):  # a page is 25
            name = f"{group}-{i:02d}"
            self.iot.create_thing(thingName=name)
            self.iot.add_thing_to_thing_group(thingGroupName=group, thingName=name)
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.open(f"#/groups/{group}")
        rows = "#group-members-table tbody tr"
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == 25)
        first_page = {e.text for e in self.driver.find_elements(By.CSS_SELECTOR, rows)}
        self.css(".pager .next").click()  # the nextToken goes in the signed query
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == 2)
        second_page = {e.text for e in self.driver.find_elements(By.CSS_SELECTOR, rows)}
        self.assertEqual(len(first_page | second_page), 27)
        self.assertFalse(self.css(".pager .next").is_enabled())
        self.css(".pager .prev").click()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == 25)
        self.assert_clean_log()

    def test_create_a_job_from_the_form(self):
        thing = unique("dev")
        self.iot.create_thing(thingName=thing)
        job_id = unique("made")
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.open("#/create")
        self.visible("#new-job-id").send_keys(job_id)
        self.css("#target-search").send_keys(thing)
        self.css("#target-find").click()
        self.visible("#target-results button").click()
        self.text_of("#new-job-targets", thing)
        self.css("#new-job-document").send_keys('{"operation": "reboot"}')
        self.css("#new-job-rollout").send_keys("10")
        self.css("#new-job-timeout").send_keys("5")
        self.css("#create-job").click()
        self.text_of("#job-document", '"operation": "reboot"')
        job = self.iot.describe_job(jobId=job_id)["job"]
        self.assertEqual(job["jobExecutionsRolloutConfig"]["maximumPerMinute"], 10)
        self.assertEqual(job["timeoutConfig"]["inProgressTimeoutInMinutes"], 5)

        # AWS's own error for a bad request: the same id again.
        self.open("#/create")
        self.visible("#new-job-id").send_keys(job_id)
        self.css("#target-search").send_keys(thing)
        self.css("#target-find").click()
        self.visible("#target-results button").click()
        self.css("#new-job-document").send_keys("{}")
        self.css("#create-job").click()
        self.text_of("#error", "ResourceAlreadyExistsException")
        self.assert_clean_log(allow_api_errors=True)

    def test_auth_none_needs_no_sign_in(self):
        server = Server(args=["--auth", "none"]).start()
        try:
            iot = server.client("iot")
            iot.create_thing(thingName="open-dev")
            iot.create_job(jobId="open-job", document="{}", targets=[
                iot.describe_thing(thingName="open-dev")["thingArn"]])
            self.driver.get(f"{server.url}/console/#/jobs")
            self.visible('#jobs-table tr[data-job-id="open-job"] .progress')
            self.text_of("#who", "no authentication")
            self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#access-key-id"), [])
            self.assert_clean_log()
        finally:
            server.cleanup()

    def test_create_from_a_template_and_a_document_file(self):
        thing = unique("dev")
        self.iot.create_thing(thingName=thing)
        template = unique("tpl")
        self.iot.create_job_template(jobTemplateId=template, description="t",
                                     document='{"from": "template"}')
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)

        job_id = unique("tpljob")
        self.open("#/create")
        self.visible("#new-job-id").send_keys(job_id)
        self.css("#target-search").send_keys(thing)
        self.css("#target-find").click()
        self.visible("#target-results button").click()
        self.wait(lambda d: d.find_elements(
            By.CSS_SELECTOR, f'#new-job-template option[value$=":jobtemplate/{template}"]'))
        self.css(f'#new-job-template option[value$=":jobtemplate/{template}"]').click()
        self.css("#create-job").click()
        self.text_of("#job-document", '"from": "template"')
        self.assertTrue(self.iot.describe_job(jobId=job_id)["job"]["jobTemplateArn"]
                        .endswith(f"jobtemplate/{template}"))

        path = os.path.join(ARTIFACTS, "console-upload.json")
        with open(path, "w") as f:
            f.write('{"from": "file"}')
        job_id = unique("filejob")
        self.open("#/create")
        self.visible("#new-job-id").send_keys(job_id)
        self.css("#target-search").send_keys(thing)
        self.css("#target-find").click()
        self.visible("#target-results button").click()
        self.css("#new-job-document-file").send_keys(os.path.abspath(path))
        self.wait(lambda d: "file" in d.find_element(
            By.CSS_SELECTOR, "#new-job-document").get_property("value"))
        self.css("#create-job").click()
        self.text_of("#job-document", '"from": "file"')
        os.unlink(path)
        self.assert_clean_log()

    def test_phone_width_has_no_sideways_page_scroll(self):
        job_id, _ = self.job_with_things(1, "phone")
        self.sign_in(OPERATOR_KEY, OPERATOR_SECRET)
        self.driver.set_window_size(390, 844)
        try:
            self.open(f"#/jobs/{job_id}")
            self.text_of("#job-counts [data-count=queued]", "1")
            self.visible("#executions-table tbody tr")
            width = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            self.assertLessEqual(width[0], width[1])
            self.screenshot("console-job-page-phone.png")
        finally:
            self.driver.set_window_size(1280, 1000)
        self.assert_clean_log()


if __name__ == "__main__":
    unittest.main()
