#pragma once

#include <string>

namespace iotjobs {

// A random RFC 4122 version-4 UUID in lower case ("0b9a8c2e-..."), as AWS IoT uses for
// thingId and thingGroupId. Thread-safe.
std::string NewUuid();

// `length` random characters from [A-Z0-9] (access key ids) or base64url-ish secrets.
std::string RandomUpperAlnum(size_t length);
std::string RandomSecret(size_t length);

}  // namespace iotjobs
