#include "s3/presigned_placeholders.h"

namespace iotjobs::s3 {

Result<std::vector<Placeholder>> FindPresignedUrlPlaceholders(std::string_view document) {
  std::vector<Placeholder> out;
  for (size_t at = document.find(kPresignedUrlPrefix); at != std::string_view::npos;
       at = document.find(kPresignedUrlPrefix, at)) {
    const size_t url_at = at + kPresignedUrlPrefix.size();
    const size_t close = document.find('}', url_at);
    // A URL never holds '"' unescaped, so a placeholder that meets one first never closed.
    const size_t quote = document.find('"', url_at);
    if (close == std::string_view::npos || quote < close) {
      return InvalidRequest("The job document has a presigned URL placeholder that does not end "
                            "with '}': " + std::string(document.substr(at, 80)));
    }
    out.push_back(Placeholder{at, close + 1 - at, document.substr(url_at, close - url_at)});
    at = close + 1;
  }
  return out;
}

Result<std::string> ReplacePresignedUrlPlaceholders(
    std::string_view document,
    const std::function<Result<std::string>(std::string_view)>& presign) {
  IOTJOBS_ASSIGN_OR_RETURN(auto placeholders, FindPresignedUrlPlaceholders(document));
  std::string out;
  out.reserve(document.size() + placeholders.size() * 400);
  size_t copied = 0;
  for (const auto& p : placeholders) {
    out.append(document.substr(copied, p.offset - copied));
    IOTJOBS_ASSIGN_OR_RETURN(std::string url, presign(p.url));
    out += url;
    copied = p.offset + p.length;
  }
  out.append(document.substr(copied));
  return out;
}

}  // namespace iotjobs::s3
