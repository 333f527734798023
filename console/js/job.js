// One job: its document, configuration, live progress (DescribeJob polled while the page is
// open), its executions one page at a time, and the cancel/delete actions.

import { ApiError, call, path } from "./api.js";
import { EXECUTION_STATUSES, Pager, clear, confirmDialog, countsTable, guarded, h, hideError,
         link, nameOfArn, progressBar, showError, showNotice, statusBadge, statusSelect,
         time } from "./ui.js";

const POLL_MS = 3000;
const PAGE_SIZE = 50;
const CANCELABLE = new Set(["QUEUED", "IN_PROGRESS"]);
const CONFIG_FIELDS = [
  "description", "targets", "targetSelection", "createdAt", "lastUpdatedAt", "completedAt",
  "comment", "reasonCode", "forceCanceled", "jobTemplateArn", "presignedUrlConfig",
  "jobExecutionsRolloutConfig", "abortConfig", "timeoutConfig", "jobExecutionsRetryConfig",
  "schedulingConfig", "documentParameters", "destinationPackageVersions",
];

export function renderJob(main, { id }) {
  const jobId = decodeURIComponent(id);
  const jobPath = path("/jobs/{jobId}", { jobId });
  const statusBox = h("span", { id: "job-status" });
  const progressBox = h("div", { id: "job-progress" });
  const configBox = h("dl", { class: "config", id: "job-config" });
  const documentBox = h("pre", { id: "job-document", class: "document" }, "Loading…");
  const execBody = h("tbody");
  const pagerBox = h("div");
  let execStatus = "";
  const pager = new Pager(loadExecutions);
  let timer = null;
  let stopped = false;

  clear(main,
    h("p", { class: "crumbs" }, link("#/jobs", "Jobs"), " / ", jobId),
    h("div", { class: "toolbar" },
      h("h1", {}, jobId, " ", statusBox),
      h("button", { type: "button", id: "cancel-job", class: "danger",
                    onclick: () => cancelJob(false) }, "Cancel job"),
      h("button", { type: "button", id: "force-cancel-job", class: "danger",
                    onclick: () => cancelJob(true) }, "Force cancel…")),
    h("section", {}, h("h2", {}, "Progress"), progressBox),
    h("section", {},
      h("div", { class: "toolbar" },
        h("h2", {}, "Executions"),
        h("label", {}, "Status ", statusSelect("executions-status", EXECUTION_STATUSES, execStatus,
                                               (v) => { execStatus = v; pager.reset(); loadExecutions(); })),
        h("button", { type: "button", id: "refresh-executions",
                      onclick: () => loadExecutions() }, "Refresh")),
      h("div", { class: "table-wrap" },
        h("table", { id: "executions-table" },
          h("thead", {}, h("tr", {}, ["Thing", "Status", "Execution", "Queued", "Started",
                                       "Last update", ""].map((t) => h("th", {}, t)))),
          execBody)),
      pagerBox),
    h("section", {}, h("h2", {}, "Document"), documentBox),
    h("section", {}, h("h2", {}, "Configuration"), configBox));

  let lastCounts = null;

  async function loadJob() {
    const { job } = await call("GET", jobPath);
    // When the counts moved, the executions page shown is stale too: it is fetched again (the
    // same page, so paging is kept; one call per change, not per poll).
    const counts = JSON.stringify(job.jobProcessDetails || {});
    if (lastCounts !== null && counts !== lastCounts) loadExecutions();
    lastCounts = counts;
    clear(statusBox, statusBadge(job.status));
    clear(progressBox, progressBar(job.jobProcessDetails), countsTable(job.jobProcessDetails));
    clear(configBox, CONFIG_FIELDS.filter((f) => job[f] !== undefined).map((f) => [
      h("dt", {}, f),
      h("dd", {}, /At$/.test(f) ? time(job[f])
                  : typeof job[f] === "object" ? h("pre", {}, JSON.stringify(job[f], null, 2))
                  : String(job[f])),
    ]));
    return job;
  }

  async function loadDocument() {
    const { document: doc } = await call("GET", path("/jobs/{jobId}/job-document", { jobId }));
    let text = doc || "";
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON (a document may be any text): shown as stored.
    }
    clear(documentBox, text);
  }

  let execRequest = 0;

  async function loadExecutions() {
    const mine = ++execRequest;
    await guarded(async () => {
      const page = await call("GET", path("/jobs/{jobId}/things", { jobId }), {
        query: { status: execStatus, maxResults: PAGE_SIZE, nextToken: pager.token },
      });
      // Only the latest request draws: an older answer arriving late would show stale rows.
      if (mine !== execRequest) return;
      pager.loaded(page.nextToken);
      const rows = page.executionSummaries || [];
      clear(execBody, rows.length ? null : h("tr", {}, h("td", { colspan: 7, class: "empty" },
                                                          "No executions.")));
      for (const row of rows) {
        const s = row.jobExecutionSummary || {};
        const thing = nameOfArn(row.thingArn);
        execBody.append(h("tr", { dataset: { thing, status: s.status } },
          h("td", {}, link(`#/things/${encodeURIComponent(thing)}`, thing)),
          h("td", {}, statusBadge(s.status)),
          h("td", {}, String(s.executionNumber ?? "")),
          h("td", {}, time(s.queuedAt)),
          h("td", {}, time(s.startedAt)),
          h("td", {}, time(s.lastUpdatedAt)),
          h("td", { class: "row-actions" },
            // Only QUEUED and IN_PROGRESS executions can be canceled; the API refuses the rest.
            CANCELABLE.has(s.status)
              ? h("button", { type: "button", class: "cancel-execution",
                              onclick: () => cancelExecution(thing, s) }, "Cancel")
              : null,
            h("button", { type: "button", class: "delete-execution danger",
                          onclick: () => deleteExecution(thing, s) }, "Delete"))));
      }
      clear(pagerBox, pager.controls());
    });
  }

  async function afterAction(text) {
    hideError();
    showNotice(text);
    await guarded(loadJob);
    await loadExecutions();
  }

  async function cancelJob(force) {
    const answer = await confirmDialog({
      title: force ? "Force cancel job" : "Cancel job",
      message: force
        ? `Cancel ${jobId} and also its IN_PROGRESS executions? Devices running them are ` +
          "not stopped and may be left in an unknown state."
        : `Cancel ${jobId}? Queued executions are canceled; executions in progress finish.`,
      confirmLabel: force ? "Force cancel" : "Cancel job",
    });
    if (!answer.ok) return;
    const ok = await guarded(() => call("PUT", `${jobPath}/cancel`,
                                        { query: { force: force ? "true" : undefined }, body: {} })
                                     .then(() => true));
    if (ok) await afterAction(`Job ${jobId} canceled${force ? " (forced)" : ""}.`);
  }

  async function cancelExecution(thing, s) {
    const inProgress = s.status === "IN_PROGRESS";
    const answer = await confirmDialog({
      title: "Cancel execution",
      message: `Cancel ${thing}'s execution of ${jobId}?`,
      confirmLabel: "Cancel execution",
      force: inProgress ? "Force: the execution is IN_PROGRESS" : null,
    });
    if (!answer.ok) return;
    const ok = await guarded(() => call("PUT", path("/things/{thing}/jobs/{jobId}/cancel",
                                                     { thing, jobId }),
                                        { query: { force: answer.force ? "true" : undefined },
                                          body: {} }).then(() => true));
    if (ok) await afterAction(`${thing}'s execution canceled.`);
  }

  async function deleteExecution(thing, s) {
    const inProgress = s.status === "IN_PROGRESS";
    const answer = await confirmDialog({
      title: "Delete execution",
      message: `Delete execution ${s.executionNumber} of ${jobId} on ${thing}? This cannot be ` +
               "undone.",
      confirmLabel: "Delete",
      force: inProgress ? "Force: the execution is IN_PROGRESS (the device may still be running it)"
                        : null,
    });
    if (!answer.ok) return;
    const ok = await guarded(() => call("DELETE", path(
      "/things/{thing}/jobs/{jobId}/executionNumber/{n}", { thing, jobId, n: s.executionNumber }),
      { query: { force: answer.force ? "true" : undefined } }).then(() => true));
    if (ok) await afterAction(`${thing}'s execution ${s.executionNumber} deleted.`);
  }

  // Progress and counts refresh while the page is open; a failed poll shows once and the
  // polling goes on (a brief outage should not freeze the page).
  async function poll() {
    if (stopped) return;
    try {
      // A tab in the background costs the server nothing; it catches up when shown again.
      if (!document.hidden) await loadJob();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) showError(e);
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }

  guarded(loadDocument);
  poll();
  loadExecutions();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
