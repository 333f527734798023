#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// Which object of the store an S3 URL names. Job documents name objects the way AWS users
// write them, by AWS S3 URL, in documentSource and in ${aws:iot:s3-presigned-url:URL}
// placeholders; iotjobsd reads every such URL as BUCKET and KEY in its one configured store
// (docs/s3-documents.md).
namespace iotjobs::s3 {

struct ObjectLocation {
  std::string bucket;
  std::string key;  // percent-decoded, as stored: "fw/2.0 final.bin"

  bool operator==(const ObjectLocation&) const = default;
};

// The object `url` names. Understood forms (http or https, any case in the host):
//   https://BUCKET.s3.REGION.amazonaws.com/KEY     https://s3.REGION.amazonaws.com/BUCKET/KEY
//   https://BUCKET.s3-REGION.amazonaws.com/KEY     https://s3-REGION.amazonaws.com/BUCKET/KEY
//   https://BUCKET.s3.amazonaws.com/KEY            https://s3.amazonaws.com/BUCKET/KEY
// and path-style URLs on any of `own_hosts` ("host" or "host:port", as in a Host header):
// the store's own endpoints. kInvalidRequest, with what is wrong, for anything else, for a
// URL with a query or fragment (a version or a signature iotjobsd would not honour), and for
// an empty bucket or key.
Result<ObjectLocation> ParseObjectUrl(std::string_view url,
                                      const std::vector<std::string>& own_hosts);

}  // namespace iotjobs::s3
