// Small DOM helpers. Text always goes in as text (never innerHTML), so names and documents
// from the API cannot inject markup; styles come from classes (the CSP allows no inline style
// attributes; a progress bar's widths are set through the CSSOM, which it allows).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// Epoch seconds (the API's timestamps) as "2026-12-06 07:01:02Z"; "" when absent.
export function time(seconds) {
  if (seconds === undefined || seconds === null) return "";
  return new Date(seconds * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

export function link(href, text) {
  return h("a", { href }, text);
}

export function nameOfArn(arn) {
  return arn ? arn.slice(arn.lastIndexOf("/") + 1) : "";
}

// The page's one error banner: AWS's error type and message, as AWS words them.
export function showError(error) {
  const banner = document.getElementById("error");
  clear(banner, h("span", { class: "error-text" }, String(error)),
        h("button", { type: "button", class: "link", onclick: hideError }, "Dismiss"));
  banner.hidden = false;
}

export function hideError() {
  const banner = document.getElementById("error");
  banner.hidden = true;
  banner.replaceChildren();
}

export function showNotice(text) {
  const notice = document.getElementById("notice");
  notice.textContent = text;
  notice.hidden = false;
}

// Runs `fn`, showing its failure in the banner; resolves with its value or undefined.
export async function guarded(fn) {
  try {
    return await fn();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

const COUNTS = [
  ["succeeded", "numberOfSucceededThings", "Succeeded"],
  ["failed", "numberOfFailedThings", "Failed"],
  ["rejected", "numberOfRejectedThings", "Rejected"],
  ["timedout", "numberOfTimedOutThings", "Timed out"],
  ["canceled", "numberOfCanceledThings", "Canceled"],
  ["removed", "numberOfRemovedThings", "Removed"],
  ["inprogress", "numberOfInProgressThings", "In progress"],
  ["queued", "numberOfQueuedThings", "Queued"],
];

// A stacked bar of a job's executions by status, from DescribeJob's jobProcessDetails. Each
// segment's width is its share; data-* attributes carry the counts (tests read them).
export function progressBar(details = {}) {
  const total = COUNTS.reduce((n, [, key]) => n + (details[key] || 0), 0);
  const done = COUNTS.slice(0, 6).reduce((n, [, key]) => n + (details[key] || 0), 0);
  const bar = h("div", {
    class: "progress", role: "img",
    "aria-label": `${done} of ${total} executions finished`,
    dataset: { total: String(total), done: String(done) },
  });
  for (const [name, key, label] of COUNTS) {
    const n = details[key] || 0;
    if (!n) continue;
    const seg = h("span", { class: `seg seg-${name}`, title: `${label}: ${n}` });
    seg.style.flexGrow = String(n);
    bar.append(seg);
  }
  if (!total) bar.append(h("span", { class: "seg seg-empty" }));
  return bar;
}

// A table of the counts, one cell per status, each with data-count="<status>".
export function countsTable(details = {}) {
  return h("dl", { class: "counts", id: "job-counts" },
           COUNTS.map(([name, key, label]) => h("div", { class: `count count-${name}` },
             h("dt", {}, label),
             h("dd", { dataset: { count: name } }, String(details[key] || 0)))));
}

// Paging over an API list: remembers the tokens of the pages before, so Previous works and
// nothing is loaded beyond the page shown.
export class Pager {
  constructor(onChange) {
    this.tokens = [undefined];  // tokens[i] fetches page i
    this.index = 0;
    this.next = undefined;
    this.onChange = onChange;
  }
  get token() {
    return this.tokens[this.index];
  }
  reset() {
    this.tokens = [undefined];
    this.index = 0;
    this.next = undefined;
  }
  // After a page arrives: its nextToken.
  loaded(nextToken) {
    this.next = nextToken;
  }
  controls() {
    return h("div", { class: "pager" },
             h("button", { type: "button", class: "prev", disabled: this.index === 0,
                           onclick: () => { this.index -= 1; this.onChange(); } }, "Previous"),
             h("span", { class: "page" }, `Page ${this.index + 1}`),
             h("button", { type: "button", class: "next", disabled: !this.next,
                           onclick: () => {
                             this.tokens[this.index + 1] = this.next;
                             this.tokens.length = this.index + 2;
                             this.index += 1;
                             this.onChange();
                           } }, "Next"));
  }
}

// A modal confirmation (<dialog>). With `force`, a checkbox to add force=true. Resolves with
// {ok, force}.
export function confirmDialog({ title, message, confirmLabel = "Confirm", force = null }) {
  return new Promise((resolve) => {
    const forceBox = force ? h("input", { type: "checkbox", id: "confirm-force" }) : null;
    const dialog = h("dialog", { id: "confirm-dialog", class: "dialog" },
      h("h2", {}, title),
      h("p", {}, message),
      force ? h("label", { class: "check" }, forceBox, " ", force) : null,
      h("div", { class: "actions" },
        h("button", { type: "button", id: "confirm-cancel",
                      onclick: () => finish(false) }, "Back"),
        h("button", { type: "button", id: "confirm-ok", class: "danger",
                      onclick: () => finish(true) }, confirmLabel)));
    function finish(ok) {
      dialog.close();
      dialog.remove();
      resolve({ ok, force: !!(forceBox && forceBox.checked) });
    }
    dialog.addEventListener("cancel", (e) => { e.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export const JOB_STATUSES = ["IN_PROGRESS", "CANCELED", "COMPLETED", "DELETION_IN_PROGRESS",
                             "SCHEDULED"];
export const EXECUTION_STATUSES = ["QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT",
                                   "REJECTED", "REMOVED", "CANCELED"];

export function statusSelect(id, statuses, value, onchange) {
  return h("select", { id, onchange: (e) => onchange(e.target.value) },
           h("option", { value: "" }, "Any status"),
           statuses.map((s) => h("option", { value: s, selected: s === value }, s)));
}

export function statusBadge(status) {
  return h("span", { class: `badge badge-${(status || "").toLowerCase()}` }, status || "");
}
