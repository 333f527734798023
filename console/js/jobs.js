// The jobs list: ListJobs one page at a time (filter by status), and for each job on the page
// its progress from DescribeJob's jobProcessDetails.

import { call, path } from "./api.js";
import { JOB_STATUSES, Pager, clear, guarded, h, link, progressBar, statusBadge, statusSelect,
         time } from "./ui.js";

const PAGE_SIZE = 25;

export function renderJobs(main) {
  let status = "";
  const body = h("tbody");
  const pagerBox = h("div");
  const pager = new Pager(load);

  clear(main,
    h("div", { class: "toolbar" },
      h("h1", {}, "Jobs"),
      h("label", {}, "Status ", statusSelect("jobs-status", JOB_STATUSES, status, (v) => {
        status = v;
        pager.reset();
        load();
      })),
      h("button", { type: "button", onclick: () => load() }, "Refresh"),
      link("#/create", "Create job")),
    h("div", { class: "table-wrap" },
      h("table", { id: "jobs-table" },
        h("thead", {}, h("tr", {}, ["Job", "Status", "Target selection", "Created", "Progress"]
                                     .map((t) => h("th", {}, t)))),
        body)),
    pagerBox);

  async function load() {
    await guarded(async () => {
      const page = await call("GET", "/jobs", {
        query: { status, maxResults: PAGE_SIZE, nextToken: pager.token },
      });
      pager.loaded(page.nextToken);
      const jobs = page.jobs || [];
      clear(body, jobs.length ? null : h("tr", {}, h("td", { colspan: 5, class: "empty" },
                                                        "No jobs.")));
      for (const job of jobs) {
        const progressCell = h("td", { class: "progress-cell" });
        body.append(h("tr", { dataset: { jobId: job.jobId } },
          h("td", {}, link(`#/jobs/${encodeURIComponent(job.jobId)}`, job.jobId)),
          h("td", {}, statusBadge(job.status)),
          h("td", {}, job.targetSelection || ""),
          h("td", {}, time(job.createdAt)),
          progressCell));
        // One DescribeJob per row on the page (25 at most), side by side.
        call("GET", path("/jobs/{jobId}", { jobId: job.jobId }))
          .then((d) => {
            const bar = progressBar(d.job.jobProcessDetails);
            clear(progressCell, bar, h("span", { class: "progress-text" },
                                       `${bar.dataset.done}/${bar.dataset.total}`));
          })
          .catch((e) => clear(progressCell, h("span", { class: "muted", title: String(e) },
                                               e.type || "unavailable")));
      }
      clear(pagerBox, pager.controls());
    });
  }

  load();
  return null;
}
