// Create a job (CreateJob): targets picked from things and groups (their ARNs), a document
// typed or read from a file, or a job template (ListJobTemplates), and rollout and timeout
// settings. Errors are AWS's own (e.g. a document that is not JSON, an unknown target).

import { call, path } from "./api.js";
import { clear, guarded, h, hideError, nameOfArn } from "./ui.js";

export function renderCreate(main) {
  const targets = new Map();  // ARN -> label
  const jobId = h("input", { id: "new-job-id", required: true, spellcheck: "false" });
  const description = h("input", { id: "new-job-description" });
  const selection = h("select", { id: "new-job-selection" },
                      h("option", { value: "SNAPSHOT" }, "SNAPSHOT"),
                      h("option", { value: "CONTINUOUS" }, "CONTINUOUS"));
  const documentText = h("textarea", { id: "new-job-document", rows: 8, spellcheck: "false",
                                       placeholder: '{"operation": "install"}' });
  const file = h("input", { type: "file", id: "new-job-document-file", accept: ".json,.txt,*/*",
                            onchange: async () => {
                              if (file.files[0]) documentText.value = await file.files[0].text();
                            } });
  const template = h("select", { id: "new-job-template" }, h("option", { value: "" }, "None"));
  const maxPerMinute = h("input", { id: "new-job-rollout", type: "number", min: 1, max: 1000 });
  const timeout = h("input", { id: "new-job-timeout", type: "number", min: 1 });
  const targetList = h("ul", { id: "new-job-targets", class: "targets" });
  const search = h("input", { id: "target-search", placeholder: "group name prefix, or a thing name" });
  const results = h("ul", { class: "results", id: "target-results" });

  function renderTargets() {
    clear(targetList, [...targets].map(([arn, label]) => h("li", {}, label, " ",
      h("button", { type: "button", class: "link", onclick: () => { targets.delete(arn); renderTargets(); } },
        "remove"))));
    if (!targets.size) targetList.append(h("li", { class: "muted" }, "No targets yet."));
  }

  function addResult(arn, label) {
    results.append(h("li", {}, label, " ",
      h("button", { type: "button", onclick: () => { targets.set(arn, label); renderTargets(); } },
        "Add")));
  }

  async function find(e) {
    e.preventDefault();
    hideError();
    clear(results);
    const text = search.value.trim();
    await guarded(async () => {
      const groups = await call("GET", "/thing-groups",
                                { query: { namePrefixFilter: text || undefined, maxResults: 10 } });
      for (const g of groups.thingGroups || []) addResult(g.groupArn, `group ${g.groupName}`);
      if (text) {
        try {
          const t = await call("GET", path("/things/{thingName}", { thingName: text }));
          addResult(t.thingArn, `thing ${t.thingName}`);
        } catch (err) {
          if (err.type !== "ResourceNotFoundException") throw err;
        }
      } else {
        const things = await call("GET", "/things", { query: { maxResults: 10 } });
        for (const t of things.things || []) addResult(t.thingArn, `thing ${t.thingName}`);
      }
      if (!results.children.length) results.append(h("li", { class: "muted" }, "Nothing found."));
    });
  }

  async function submit(e) {
    e.preventDefault();
    hideError();
    const body = { targets: [...targets.keys()], targetSelection: selection.value };
    if (description.value) body.description = description.value;
    if (documentText.value) body.document = documentText.value;
    if (template.value) body.jobTemplateArn = template.value;
    if (maxPerMinute.value) {
      body.jobExecutionsRolloutConfig = { maximumPerMinute: Number(maxPerMinute.value) };
    }
    if (timeout.value) body.timeoutConfig = { inProgressTimeoutInMinutes: Number(timeout.value) };
    const id = jobId.value.trim();
    const made = await guarded(() => call("PUT", path("/jobs/{jobId}", { jobId: id }), { body }));
    if (made) location.hash = `#/jobs/${encodeURIComponent(id)}`;
  }

  clear(main,
    h("h1", {}, "Create job"),
    h("form", { id: "create-job-form", class: "form", onsubmit: submit },
      h("label", {}, "Job ID", jobId),
      h("label", {}, "Description", description),
      h("fieldset", {}, h("legend", {}, "Targets"), targetList,
        h("div", { class: "toolbar" }, search,
          h("button", { type: "button", id: "target-find", onclick: find }, "Find")),
        results),
      h("label", {}, "Target selection", selection),
      h("label", {}, "Job template", template),
      h("label", {}, "Document", documentText),
      h("label", {}, "…or from a file ", file),
      h("fieldset", {}, h("legend", {}, "Rollout and timeout"),
        h("label", {}, "Maximum executions per minute", maxPerMinute),
        h("label", {}, "In-progress timeout (minutes)", timeout)),
      h("button", { type: "submit", id: "create-job" }, "Create job")));
  renderTargets();

  // The templates' first page fills the choice; a long list is cut at 100 (AWS's maximum page).
  guarded(async () => {
    const page = await call("GET", "/job-templates", { query: { maxResults: 100 } });
    for (const t of page.jobTemplates || []) {
      template.append(h("option", { value: t.jobTemplateArn },
                        t.jobTemplateId || nameOfArn(t.jobTemplateArn)));
    }
  });
  return null;
}
