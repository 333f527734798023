// libFuzzer: SigV4's parsers and the verifier on hostile input. The bytes are split into an
// Authorization header, a request target and a body; every parser and the full verification
// must answer with a Status, never crash.
#include <cstdint>
#include <string>

#include "auth/authorization.h"
#include "auth/verifier.h"

using namespace iotjobs;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t a = text.find('\n');
  std::string authorization = text.substr(0, a);
  std::string rest = a == std::string::npos ? "" : text.substr(a + 1);
  size_t b = rest.find('\n');
  std::string target = "/" + rest.substr(0, b);
  std::string body = b == std::string::npos ? "" : rest.substr(b + 1);

  (void)auth::ParseAuthorizationHeader(authorization);
  (void)auth::SigningServiceOf(authorization);
  (void)auth::HasPresignedQuery(auth::TargetQuery(target));
  (void)auth::ParsePresignedQuery(auth::TargetQuery(target));

  static const auth::Verifier verifier(
      [] {
        auth::VerifierOptions options;
        options.region = "us-east-1";
        options.services = {"iot", "execute-api", "iot-jobs-data"};
        return options;
      }(),
      [](std::string_view key) -> std::optional<auth::Secret> {
        if (key == "AKIDEXAMPLE") return auth::Secret{"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
        return std::nullopt;
      });
  auth::HttpRequestView view;
  view.method = "GET";
  view.target = target;
  view.headers = {{"Host", "example.amazonaws.com"},
                  {"X-Amz-Date", "20150830T123600Z"},
                  {"Authorization", authorization}};
  view.body = body;
  (void)verifier.Verify(view, 1440938160000);
  return 0;
}
