#include "api/console_endpoint.h"

#include <algorithm>
#include <boost/json.hpp>

#include "api/api.h"
#include "auth/crypto.h"
#include "auth/http_request.h"

namespace iotjobs::api {
namespace {

constexpr std::string_view kPrefix = "/console/";

// No inline script or style, nothing from another origin, never framed: a console page holds
// the user's keys (in sessionStorage), so injected script must have nowhere to run or send.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

void AddSecurityHeaders(ApiResponse& r) {
  r.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("X-Frame-Options", "DENY");
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether an If-None-Match value names `etag` (a list, or "*").
bool IfNoneMatchHits(const std::string* header, std::string_view etag) {
  if (!header) return false;
  std::string_view v = *header;
  if (v.find('*') != std::string_view::npos) return true;
  return v.find(etag) != std::string_view::npos;
}

ApiResponse NotFound(const ApiRequest& request) {
  ApiResponse r;
  r.status = 404;
  r.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}};
  if (request.method != "HEAD") r.body = "404 Not Found: no such console file.\n";
  AddSecurityHeaders(r);
  return r;
}

}  // namespace

bool IsConsolePath(std::string_view path) {
  return path == "/console" || path.rfind(kPrefix, 0) == 0;
}

std::string_view ConsoleContentType(std::string_view path) {
  if (EndsWith(path, ".html")) return "text/html; charset=utf-8";
  if (EndsWith(path, ".js")) return "text/javascript; charset=utf-8";
  if (EndsWith(path, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(path, ".json")) return "application/json";
  if (EndsWith(path, ".svg")) return "image/svg+xml";
  if (EndsWith(path, ".png")) return "image/png";
  if (EndsWith(path, ".ico")) return "image/x-icon";
  if (EndsWith(path, ".txt") || EndsWith(path, "LICENSE")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

ApiResponse ServeConsole(const ApiRequest& request, const ConsoleEndpoint& endpoint,
                         std::span<const EmbeddedFile> files) {
  std::string_view path = auth::TargetPath(request.target);
  ApiResponse r;
  if (path == "/console") {
    // Relative URLs in index.html resolve against /console/, so the bare path moves there.
    r.status = 301;
    r.headers = {{"Location", std::string(kPrefix)}, {"Content-Type", "text/plain; charset=utf-8"}};
    AddSecurityHeaders(r);
    return r;
  }
  std::string_view name = path.substr(kPrefix.size());
  if (name.empty()) name = "index.html";

  std::string generated;
  std::string_view data;
  if (name == "config.json") {
    // Built per request from the server's flags; small, and never cached.
    boost::json::object config{{"region", endpoint.region},
                               {"auth", endpoint.auth_none ? "none" : "sigv4"}};
    generated = boost::json::serialize(config);
    data = generated;
  } else {
    // Names are compared as sent: console files have plain names, so an encoded or dotted
    // path ("..%2F", "/./") matches nothing and is a 404, never a path on disk.
    auto it = std::lower_bound(files.begin(), files.end(), name,
                               [](const EmbeddedFile& f, std::string_view n) { return f.path < n; });
    if (it == files.end() || it->path != name) return NotFound(request);
    data = it->data;
  }

  // Revalidated at each load (no-cache), so a new binary's console is picked up at once; the
  // ETag (the content's digest) makes an unchanged file a bodiless 304.
  const std::string etag = "\"" + auth::Sha256Hex(data).substr(0, 32) + "\"";
  r.headers = {{"Content-Type", std::string(ConsoleContentType(name))},
               {"Cache-Control", name == "config.json" ? "no-store" : "no-cache"},
               {"ETag", etag}};
  AddSecurityHeaders(r);
  if (IfNoneMatchHits(request.Header("If-None-Match"), etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  if (request.method != "HEAD") r.body = std::string(data);
  return r;
}

}  // namespace iotjobs::api
