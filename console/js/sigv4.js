// AWS Signature Version 4 in the browser, with WebCrypto (HMAC-SHA256, SHA-256). The rules are
// botocore's for services other than S3, the ones iotjobsd verifies (src/auth/canonical_request.h):
// the path as sent is percent-encoded a second time, query pairs are sorted and encoded with
// only RFC 3986's unreserved characters left bare, and the body's SHA-256 is the payload line.

const encoder = new TextEncoder();

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(text) {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

async function hmac(key, text) {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false,
                                          ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, encoder.encode(text)));
}

// encodeURIComponent leaves !'()* bare; SigV4 (RFC 3986) does not.
export function encodeRfc3986(text) {
  return encodeURIComponent(text).replace(
    /[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

// "a=1&b=2" from {b: 2, a: 1}, sorted by name, skipping null/undefined/"" values: the same
// string is sent and signed.
export function canonicalQuery(params) {
  return Object.entries(params || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(String(v))])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

function amzDate(now) {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// Headers to add to a request so that it is signed. `path` is already percent-encoded (as it
// will be sent), `query` is canonicalQuery()'s string, `host` is location.host (what the
// browser sends as Host).
export async function signRequest({ method, host, path, query, body, credentials, region,
                                    service, now = new Date() }) {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const canonicalUri = path.split("/").map(encodeRfc3986).join("/");
  const payloadHash = await sha256Hex(body || "");
  const signedHeaders = "host;x-amz-date";
  const canonical = [method, canonicalUri, query || "", `host:${host}\nx-amz-date:${date}\n`,
                     signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, await sha256Hex(canonical)].join("\n");
  let key = encoder.encode("AWS4" + credentials.secretAccessKey);
  for (const part of [day, region, service, "aws4_request"]) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  return {
    "X-Amz-Date": date,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
                   `SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
