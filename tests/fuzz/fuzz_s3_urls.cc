// libFuzzer: any text as an S3 object URL and as a job document with presigned URL
// placeholders — parsed and replaced without a crash, whatever it holds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "s3/object_url.h"
#include "s3/presigned_placeholders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)iotjobs::s3::ParseObjectUrl(text, {"127.0.0.1:9000"});
  (void)iotjobs::s3::ReplacePresignedUrlPlaceholders(
      text, [](std::string_view url) -> iotjobs::Result<std::string> {
        auto location = iotjobs::s3::ParseObjectUrl(url, {"127.0.0.1:9000"});
        if (!location.ok()) return location.status();
        return location->bucket + "/" + location->key;
      });
  return 0;
}
