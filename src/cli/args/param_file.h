#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/python/value.h"
#include "common/result.h"

// Option values read from files (awscli/paramfile.py, AWS CLI v2): "file://path" gives the
// file's text, "fileb://path" its bytes. The path goes through os.path.expanduser and
// os.path.expandvars. v2 fetches nothing for http:// or https:// (that was v1's
// cli_follow_urlparam): such values stay plain strings.
namespace iotjobs::cli::args {

// nullopt when `value` starts with neither prefix. A text file is decoded as UTF-8 with
// universal newlines ("\r\n" and "\r" read as "\n"), as Python's open(path, 'r') reads it.
// Failure: kInvalidRequest with the CLI's text, which the caller prefixes with
// "Error parsing parameter '--x': ":
//   "Unable to load paramfile file://x.json: [Errno 2] No such file or directory: 'x.json'"
//   "Unable to load paramfile (x.bin), text contents could not be decoded.  If this is a
//    binary file, please use the fileb:// prefix instead of the file:// prefix."
Result<std::optional<python::PyValue>> LoadParamFile(std::string_view value);

// os.path.expandvars(os.path.expanduser(path)).
std::string ExpandPath(std::string_view path);

}  // namespace iotjobs::cli::args
