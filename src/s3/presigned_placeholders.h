#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// The ${aws:iot:s3-presigned-url:URL} placeholders of a job document: AWS IoT replaces each
// with a presigned GET URL of the object URL names when it hands the document to a device,
// and never in the stored document (docs/s3-documents.md).
namespace iotjobs::s3 {

inline constexpr std::string_view kPresignedUrlPrefix = "${aws:iot:s3-presigned-url:";
// AWS's quota: at most 10 substitutions in one job document.
inline constexpr size_t kMaxPresignedUrls = 10;

struct Placeholder {
  size_t offset = 0;  // of the "${" in the document
  size_t length = 0;  // through the closing '}'
  std::string_view url;
};

// Every placeholder in `document`, in order. kInvalidRequest for one that never closes.
Result<std::vector<Placeholder>> FindPresignedUrlPlaceholders(std::string_view document);

// `document` with each placeholder replaced by `presign(url)`; the first failure stops it.
// A document without placeholders comes back as it is.
Result<std::string> ReplacePresignedUrlPlaceholders(
    std::string_view document, const std::function<Result<std::string>(std::string_view)>& presign);

}  // namespace iotjobs::s3
