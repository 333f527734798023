#pragma once

#include <span>
#include <string>
#include <string_view>

#include "api/console_files.h"

namespace iotjobs::api {

struct ApiRequest;
struct ApiResponse;

// GET/HEAD /console/...: the web console's own files (docs/console.md), outside SigV4. They
// hold no data: the console signs every API call in the browser with the user's keys, so the
// same IAM policies apply as to any other client. /console/config.json tells it the region
// to sign for and whether the server checks signatures at all (--auth none).
struct ConsoleEndpoint {
  std::string region;
  bool auth_none = false;
};

// Whether `path` (the target's path, still encoded) is the console's: "/console" or below
// "/console/".
bool IsConsolePath(std::string_view path);

// Answers a GET or HEAD of a console path from `files` (ConsoleFiles() in the server). Every
// answer, 404s included, carries the console's security headers (a strict
// Content-Security-Policy among them).
ApiResponse ServeConsole(const ApiRequest& request, const ConsoleEndpoint& endpoint,
                         std::span<const EmbeddedFile> files);

// The Content-Type served for a file name, by its extension.
std::string_view ConsoleContentType(std::string_view path);

}  // namespace iotjobs::api
