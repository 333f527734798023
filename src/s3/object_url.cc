#include "s3/object_url.h"

#include <cctype>

#include "common/encoding.h"

namespace iotjobs::s3 {
namespace {

constexpr std::string_view kAwsSuffix = ".amazonaws.com";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "s3", "s3.REGION" or "s3-REGION": the host label(s) AWS S3 endpoints begin with.
bool IsS3Endpoint(std::string_view labels) {
  if (labels == "s3") return true;
  if (labels.size() <= 3 || labels.substr(0, 2) != "s3" || (labels[2] != '.' && labels[2] != '-')) {
    return false;
  }
  for (char c : labels.substr(3)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

Status Bad(std::string_view url, std::string_view why) {
  return InvalidRequest("The S3 URL " + std::string(url) + " " + std::string(why));
}

}  // namespace

Result<ObjectLocation> ParseObjectUrl(std::string_view url,
                                      const std::vector<std::string>& own_hosts) {
  const size_t sep = url.find("://");
  const std::string scheme = Lower(url.substr(0, sep == std::string_view::npos ? 0 : sep));
  if (sep == std::string_view::npos || (scheme != "http" && scheme != "https")) {
    return Bad(url, "is not an http(s) URL of an S3 object.");
  }
  std::string_view rest = url.substr(sep + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Bad(url, "has a query or fragment; name the object by bucket and key alone.");
  }
  const size_t slash = rest.find('/');
  const std::string host = Lower(rest.substr(0, slash));
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash + 1);

  std::string bucket;
  bool path_style = false;
  bool own = false;
  for (const auto& h : own_hosts) own = own || Lower(h) == host;
  if (own) {
    path_style = true;
  } else if (host.size() > kAwsSuffix.size() &&
             host.compare(host.size() - kAwsSuffix.size(), kAwsSuffix.size(), kAwsSuffix) == 0) {
    std::string_view labels(host.data(), host.size() - kAwsSuffix.size());
    if (IsS3Endpoint(labels)) {
      path_style = true;
    } else {
      // Virtual-hosted: BUCKET.s3..., where BUCKET may itself hold dots; the first ".s3"
      // that begins an S3 endpoint ends it.
      for (size_t at = labels.find(".s3"); at != std::string_view::npos;
           at = labels.find(".s3", at + 1)) {
        if (IsS3Endpoint(labels.substr(at + 1))) {
          bucket = std::string(labels.substr(0, at));
          break;
        }
      }
    }
  }
  if (!path_style && bucket.empty()) {
    return Bad(url, "is on neither an AWS S3 endpoint (BUCKET.s3.REGION.amazonaws.com, "
                    "s3.REGION.amazonaws.com/BUCKET, ...) nor the configured store.");
  }
  if (path_style) {
    const size_t end = path.find('/');
    if (end == std::string_view::npos) return Bad(url, "names a bucket but no object key.");
    bucket = std::string(path.substr(0, end));
    path = path.substr(end + 1);
  }
  std::optional<std::string> key = PercentDecode(path, /*plus_is_space=*/false);
  if (!key) return Bad(url, "has a malformed %-escape in its key.");
  if (bucket.empty()) return Bad(url, "names no bucket.");
  if (key->empty()) return Bad(url, "names no object key.");
  return ObjectLocation{std::move(bucket), std::move(*key)};
}

}  // namespace iotjobs::s3
