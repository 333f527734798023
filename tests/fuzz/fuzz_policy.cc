// libFuzzer: credentials files and policy documents. The bytes are parsed as JSON; a
// document that parses as a policy is evaluated for a few actions and resources.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "auth/policy.h"
#include "auth/principals.h"

using namespace iotjobs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)auth::PrincipalDirectory::Build("123456789012", "AKIAROOT", "secret", std::string(text));
  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::json::value v = boost::json::parse(text, ec, {}, options);
  if (ec) return 0;
  auto policy = auth::ParsePolicy(v);
  if (!policy.ok()) return 0;
  for (std::string_view action : {"iot:DeleteJobExecution", "iotjobsdata:UpdateJobExecution"}) {
    for (std::string_view resource :
         {"*", "arn:aws:iot:us-east-1:123456789012:job/fleet-1", "arn:aws:iot:r:1:thing/a?b*"}) {
      (void)auth::Evaluate({*policy}, action, resource);
    }
  }
  return 0;
}
