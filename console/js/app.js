// The console's entry point: loads the server's config, then routes on location.hash
// (#/jobs, #/jobs/ID, #/things, #/things/NAME, #/groups/NAME, #/create). Views return a
// cleanup function (the job page stops polling) or null.

import { loadConfig, serverConfig, session, signOut } from "./api.js";
import { renderCreate } from "./create.js";
import { renderJob } from "./job.js";
import { renderJobs } from "./jobs.js";
import { renderSignIn } from "./signin.js";
import { renderGroup, renderThing, renderThings } from "./things.js";
import { clear, h, hideError, showError } from "./ui.js";

const ROUTES = [
  [/^#\/jobs\/([^/]+)$/, renderJob],
  [/^#\/things\/([^/]+)$/, renderThing],
  [/^#\/groups\/([^/]+)$/, renderGroup],
  [/^#\/things$/, renderThings],
  [/^#\/create$/, renderCreate],
  [/^#\/jobs$/, renderJobs],
];

let cleanup = null;

function renderNav() {
  const nav = document.getElementById("nav");
  const s = session();
  if (!s) return clear(nav);
  clear(nav,
    h("a", { href: "#/jobs" }, "Jobs"),
    h("a", { href: "#/things" }, "Things"),
    h("a", { href: "#/create" }, "Create job"),
    serverConfig().auth === "none"
      ? h("span", { class: "muted", id: "who" }, "no authentication")
      : [h("span", { class: "muted", id: "who" }, s.accessKeyId),
         h("button", { type: "button", class: "link", id: "sign-out",
                       onclick: () => { signOut(); route(); } }, "Sign out")]);
}

function route() {
  if (cleanup) cleanup();
  cleanup = null;
  hideError();
  document.getElementById("notice").hidden = true;
  const main = document.getElementById("main");
  renderNav();
  if (!session()) {
    cleanup = renderSignIn(main, {}, { onSignedIn: route });
    return;
  }
  const hash = location.hash || "#/jobs";
  for (const [pattern, view] of ROUTES) {
    const m = hash.match(pattern);
    if (m) {
      cleanup = view(main, { id: m[1] }, {});
      return;
    }
  }
  clear(main, h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/jobs" }, "Jobs")));
}

window.addEventListener("hashchange", route);
loadConfig().then(route, (e) => { showError(e); route(); });
