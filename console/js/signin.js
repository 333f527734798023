// Sign-in: an access key and secret, checked with one signed call before they are kept (in
// this tab's sessionStorage). A refused signature (wrong key or secret) is shown as AWS words
// it; AccessDeniedException means the keys are good and only ListJobs is not allowed.

import { call, saveSession, serverConfig } from "./api.js";
import { clear, h, hideError, showError } from "./ui.js";

const REFUSED = new Set(["UnrecognizedClientException", "InvalidSignatureException",
                         "SignatureDoesNotMatchException", "MissingAuthenticationTokenException",
                         "IncompleteSignatureException", "ExpiredTokenException"]);

export function renderSignIn(main, _params, { onSignedIn }) {
  const key = h("input", { id: "access-key-id", name: "accessKeyId", autocomplete: "username",
                           required: true, spellcheck: "false" });
  const secret = h("input", { id: "secret-access-key", name: "secretAccessKey",
                              type: "password", autocomplete: "current-password", required: true });
  const region = h("input", { id: "region", name: "region", value: serverConfig().region,
                              required: true, spellcheck: "false" });
  const submit = h("button", { type: "submit", id: "sign-in" }, "Sign in");

  async function onsubmit(e) {
    e.preventDefault();
    hideError();
    const credentials = { accessKeyId: key.value.trim(), secretAccessKey: secret.value,
                          region: region.value.trim() };
    submit.disabled = true;
    try {
      await call("GET", "/jobs", { query: { maxResults: 1 }, credentials });
    } catch (err) {
      if (REFUSED.has(err.type) || !err.status) {
        showError(err);
        submit.disabled = false;
        return;
      }
      // Any other answer (AccessDenied included) came after the signature was accepted.
    }
    saveSession(credentials);
    onSignedIn();
  }

  clear(main,
    h("form", { class: "signin", id: "signin-form", onsubmit },
      h("h1", {}, "Sign in"),
      h("p", { class: "muted" }, "Your keys stay in this browser tab (sessionStorage) and sign " +
        "each request; closing the tab forgets them."),
      h("label", {}, "Access key ID", key),
      h("label", {}, "Secret access key", secret),
      h("label", {}, "Region", region),
      submit));
  key.focus();
  return null;
}
