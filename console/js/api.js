// The console's one way to the server: the public REST API (the control plane `iot`), each
// call signed in the browser with the keys the user signed in with. Errors keep AWS's words:
// the x-amzn-ErrorType header and the body's "message".

import { canonicalQuery, encodeRfc3986, signRequest } from "./sigv4.js";

const STORAGE_KEY = "iotjobs.console.session";
let config = { region: "us-east-1", auth: "sigv4" };

export class ApiError extends Error {
  constructor(status, type, message) {
    super(message);
    this.status = status;
    this.type = type;
  }
  toString() {
    return this.type ? `${this.type}: ${this.message}` : this.message;
  }
}

// What the server says about itself (unsigned /console/config.json): the region to sign for
// and whether it checks signatures at all.
export async function loadConfig() {
  const response = await fetch("config.json", { cache: "no-store" });
  if (response.ok) config = await response.json();
  return config;
}

export function serverConfig() {
  return config;
}

// The signed-in session lives in this tab's sessionStorage only: never a cookie, never the URL.
export function session() {
  if (config.auth === "none") return { accessKeyId: "", secretAccessKey: "", region: config.region };
  const raw = sessionStorage.getItem(STORAGE_KEY);
  return raw ? JSON.parse(raw) : null;
}

export function saveSession(s) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
}

// "/jobs/{jobId}/things" with {jobId: "a b"} -> "/jobs/a%20b/things".
export function path(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeRfc3986(String(params[name])));
}

const RETRIES = 3;

// Calls the API: `method` and an encoded `urlPath` (use path()), optional query parameters
// and JSON body. Resolves with the parsed JSON answer ({} when empty); rejects with ApiError.
// A throttled call (--rate-limits aws: a jobs page asks DescribeJob for each of its rows) is
// tried again after 0.25, 0.5 and 1 s, as the AWS SDKs do, signed afresh each time.
export async function call(method, urlPath, options = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await callOnce(method, urlPath, options);
    } catch (e) {
      if (!(e instanceof ApiError) || e.type !== "ThrottlingException" || attempt >= RETRIES) {
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

async function callOnce(method, urlPath, { query, body, credentials } = {}) {
  const s = credentials || session();
  if (!s) throw new ApiError(0, "", "Not signed in.");
  const q = canonicalQuery(query);
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers = {};
  if (text) headers["Content-Type"] = "application/json";
  if (config.auth !== "none") {
    if (!globalThis.crypto || !crypto.subtle) {
      throw new ApiError(0, "", "This page is not a secure context (HTTPS or localhost), so the " +
                                "browser offers no WebCrypto to sign requests with.");
    }
    Object.assign(headers, await signRequest({
      method, host: location.host, path: urlPath, query: q, body: text, credentials: s,
      region: s.region || config.region, service: "iot",
    }));
  }
  let response;
  try {
    response = await fetch(urlPath + (q ? "?" + q : ""), {
      method, headers, body: text || undefined, cache: "no-store", credentials: "omit",
    });
  } catch (e) {
    throw new ApiError(0, "", `The server could not be reached: ${e.message}`);
  }
  const raw = await response.text();
  let json = {};
  if (raw) {
    try {
      json = JSON.parse(raw);
    } catch {
      json = { message: raw };
    }
  }
  if (!response.ok) {
    // "AccessDeniedException:http://internal.amazon.com/..." carries a suffix after ':'.
    const type = (response.headers.get("x-amzn-ErrorType") || "").split(":")[0];
    throw new ApiError(response.status, type, json.message || json.Message ||
                       `HTTP ${response.status}`);
  }
  return json;
}
