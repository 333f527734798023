// Things and thing groups: ListThings (by attribute) and ListThingGroups (by name prefix), a
// thing's attributes, groups and job executions, and a group's members, all paged.

import { call, path } from "./api.js";
import { EXECUTION_STATUSES, Pager, clear, guarded, h, link, statusBadge, statusSelect,
         time } from "./ui.js";

const PAGE_SIZE = 25;

function table(id, headings, body) {
  return h("div", { class: "table-wrap" },
           h("table", { id }, h("thead", {}, h("tr", {}, headings.map((t) => h("th", {}, t)))),
             body));
}

function emptyRow(body, cols, text) {
  body.append(h("tr", {}, h("td", { colspan: cols, class: "empty" }, text)));
}

export function thingLink(name) {
  return link(`#/things/${encodeURIComponent(name)}`, name);
}

export function groupLink(name) {
  return link(`#/groups/${encodeURIComponent(name)}`, name);
}

export function renderThings(main) {
  const thingBody = h("tbody");
  const groupBody = h("tbody");
  const thingPagerBox = h("div");
  const groupPagerBox = h("div");
  const attrName = h("input", { id: "attribute-name", placeholder: "attribute name" });
  const attrValue = h("input", { id: "attribute-value", placeholder: "value prefix" });
  const groupPrefix = h("input", { id: "group-prefix", placeholder: "name prefix" });
  const open = h("input", { id: "open-thing", placeholder: "thing name" });
  const thingPager = new Pager(loadThings);
  const groupPager = new Pager(loadGroups);

  clear(main,
    h("h1", {}, "Things and groups"),
    h("form", { class: "toolbar", onsubmit: (e) => {
      e.preventDefault();
      if (open.value.trim()) location.hash = `#/things/${encodeURIComponent(open.value.trim())}`;
    } }, h("label", {}, "Open thing ", open), h("button", { type: "submit" }, "Open")),
    h("section", {},
      h("form", { class: "toolbar", onsubmit: (e) => { e.preventDefault(); thingPager.reset(); loadThings(); } },
        h("h2", {}, "Things"), attrName, attrValue, h("button", { type: "submit" }, "Search")),
      table("things-table", ["Thing", "Type", "Attributes"], thingBody), thingPagerBox),
    h("section", {},
      h("form", { class: "toolbar", onsubmit: (e) => { e.preventDefault(); groupPager.reset(); loadGroups(); } },
        h("h2", {}, "Groups"), groupPrefix, h("button", { type: "submit" }, "Search")),
      table("groups-table", ["Group"], groupBody), groupPagerBox));

  async function loadThings() {
    await guarded(async () => {
      const hasAttr = attrName.value.trim() !== "";
      const page = await call("GET", "/things", { query: {
        maxResults: PAGE_SIZE, nextToken: thingPager.token,
        attributeName: hasAttr ? attrName.value.trim() : undefined,
        attributeValue: hasAttr ? attrValue.value : undefined,
        usePrefixAttributeValue: hasAttr && attrValue.value ? "true" : undefined,
      } });
      thingPager.loaded(page.nextToken);
      clear(thingBody);
      const things = page.things || [];
      if (!things.length) emptyRow(thingBody, 3, "No things.");
      for (const t of things) {
        thingBody.append(h("tr", {}, h("td", {}, thingLink(t.thingName)),
                           h("td", {}, t.thingTypeName || ""),
                           h("td", {}, Object.entries(t.attributes || {})
                                             .map(([k, v]) => `${k}=${v}`).join(", "))));
      }
      clear(thingPagerBox, thingPager.controls());
    });
  }

  async function loadGroups() {
    await guarded(async () => {
      const page = await call("GET", "/thing-groups", { query: {
        maxResults: PAGE_SIZE, nextToken: groupPager.token,
        namePrefixFilter: groupPrefix.value.trim() || undefined,
      } });
      groupPager.loaded(page.nextToken);
      clear(groupBody);
      const groups = page.thingGroups || [];
      if (!groups.length) emptyRow(groupBody, 1, "No groups.");
      for (const g of groups) groupBody.append(h("tr", {}, h("td", {}, groupLink(g.groupName))));
      clear(groupPagerBox, groupPager.controls());
    });
  }

  loadThings();
  loadGroups();
  return null;
}

export function renderThing(main, { id }) {
  const thingName = decodeURIComponent(id);
  const attrs = h("dl", { class: "config", id: "thing-attributes" });
  const groupsBody = h("tbody");
  const groupsPagerBox = h("div");
  const execBody = h("tbody");
  const execPagerBox = h("div");
  let execStatus = "";
  const groupsPager = new Pager(loadGroups);
  const execPager = new Pager(loadExecutions);

  clear(main,
    h("p", { class: "crumbs" }, link("#/things", "Things"), " / ", thingName),
    h("h1", {}, thingName),
    h("section", {}, h("h2", {}, "Attributes"), attrs),
    h("section", {}, h("h2", {}, "Groups"), table("thing-groups-table", ["Group"], groupsBody),
      groupsPagerBox),
    h("section", {},
      h("div", { class: "toolbar" }, h("h2", {}, "Job executions"),
        h("label", {}, "Status ", statusSelect("thing-executions-status", EXECUTION_STATUSES, "",
                                               (v) => { execStatus = v; execPager.reset(); loadExecutions(); }))),
      table("thing-executions-table", ["Job", "Status", "Execution", "Queued", "Last update"],
            execBody), execPagerBox));

  async function loadThing() {
    const t = await call("GET", path("/things/{thingName}", { thingName }));
    const entries = Object.entries(t.attributes || {});
    clear(attrs,
      h("dt", {}, "thingArn"), h("dd", {}, t.thingArn || ""),
      h("dt", {}, "thingTypeName"), h("dd", {}, t.thingTypeName || "—"),
      h("dt", {}, "version"), h("dd", {}, String(t.version ?? "")),
      entries.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  async function loadGroups() {
    await guarded(async () => {
      const page = await call("GET", path("/things/{thingName}/thing-groups", { thingName }),
                              { query: { maxResults: PAGE_SIZE, nextToken: groupsPager.token } });
      groupsPager.loaded(page.nextToken);
      clear(groupsBody);
      const groups = page.thingGroups || [];
      if (!groups.length) emptyRow(groupsBody, 1, "In no group.");
      for (const g of groups) groupsBody.append(h("tr", {}, h("td", {}, groupLink(g.groupName))));
      clear(groupsPagerBox, groupsPager.controls());
    });
  }

  async function loadExecutions() {
    await guarded(async () => {
      const page = await call("GET", path("/things/{thingName}/jobs", { thingName }), {
        query: { status: execStatus, maxResults: PAGE_SIZE, nextToken: execPager.token },
      });
      execPager.loaded(page.nextToken);
      clear(execBody);
      const rows = page.executionSummaries || [];
      if (!rows.length) emptyRow(execBody, 5, "No executions.");
      for (const row of rows) {
        const s = row.jobExecutionSummary || {};
        execBody.append(h("tr", {},
          h("td", {}, link(`#/jobs/${encodeURIComponent(row.jobId)}`, row.jobId)),
          h("td", {}, statusBadge(s.status)),
          h("td", {}, String(s.executionNumber ?? "")),
          h("td", {}, time(s.queuedAt)),
          h("td", {}, time(s.lastUpdatedAt))));
      }
      clear(execPagerBox, execPager.controls());
    });
  }

  guarded(loadThing);
  loadGroups();
  loadExecutions();
  return null;
}

export function renderGroup(main, { id }) {
  const groupName = decodeURIComponent(id);
  const props = h("dl", { class: "config", id: "group-properties" });
  const body = h("tbody");
  const pagerBox = h("div");
  const pager = new Pager(loadMembers);

  clear(main,
    h("p", { class: "crumbs" }, link("#/things", "Groups"), " / ", groupName),
    h("h1", {}, groupName),
    h("section", {}, h("h2", {}, "Group"), props),
    h("section", {}, h("h2", {}, "Members"), table("group-members-table", ["Thing"], body),
      pagerBox));

  async function loadGroup() {
    const g = await call("GET", path("/thing-groups/{groupName}", { groupName }));
    const p = g.thingGroupProperties || {};
    const parent = (g.thingGroupMetadata || {}).parentGroupName;
    clear(props,
      h("dt", {}, "thingGroupArn"), h("dd", {}, g.thingGroupArn || ""),
      h("dt", {}, "description"), h("dd", {}, p.thingGroupDescription || "—"),
      h("dt", {}, "parent"), h("dd", {}, parent ? groupLink(parent) : "—"),
      Object.entries((p.attributePayload || {}).attributes || {})
        .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  async function loadMembers() {
    await guarded(async () => {
      const page = await call("GET", path("/thing-groups/{groupName}/things", { groupName }),
                              { query: { maxResults: PAGE_SIZE, nextToken: pager.token } });
      pager.loaded(page.nextToken);
      clear(body);
      const things = page.things || [];
      if (!things.length) emptyRow(body, 1, "No members.");
      for (const name of things) body.append(h("tr", {}, h("td", {}, thingLink(name))));
      clear(pagerBox, pager.controls());
    });
  }

  guarded(loadGroup);
  loadMembers();
  return null;
}
