#include "api/middleware/authenticator.h"

#include "api/plane.h"
#include "common/clock.h"

namespace iotjobs::api {

Authenticator::Authenticator(AuthMode mode, std::string region,
                             std::shared_ptr<const auth::PrincipalDirectory> directory)
    : mode_(mode), directory_(std::move(directory)) {
  auth::VerifierOptions options;
  options.region = std::move(region);
  // `iot` first: AWS's "Credential should be scoped to correct service" names it. Older CLI
  // models sign the control plane as execute-api (docs/aws-behaviour.md, "Signing names and
  // planes").
  options.services = {"iot", "execute-api", "iot-jobs-data"};
  verifier_ = std::make_unique<auth::Verifier>(
      std::move(options), [this](std::string_view key) -> std::optional<auth::Secret> {
        auto dir = Directory();
        const auto* entry = dir->Find(key);
        if (!entry) return std::nullopt;
        return entry->secret;
      });
}

std::shared_ptr<const auth::PrincipalDirectory> Authenticator::Directory() const {
  std::lock_guard lock(mu_);
  return directory_;
}

void Authenticator::ReplaceDirectory(std::shared_ptr<const auth::PrincipalDirectory> directory) {
  std::lock_guard lock(mu_);
  directory_ = std::move(directory);
}

Result<Caller> Authenticator::Authenticate(const ApiRequest& request) const {
  if (mode_ == AuthMode::kNone) {
    // Local emulation: whoever calls acts as the server's root account.
    return Caller{Directory()->root(), PlaneOf(request)};
  }
  auth::HttpRequestView view;
  view.method = request.method;
  view.target = request.target;
  for (const auto& [k, v] : request.headers) view.headers.emplace_back(k, v);
  view.body = request.body;
  // Signatures are checked against the real time, never a test clock: clients sign with it.
  IOTJOBS_ASSIGN_OR_RETURN(auth::VerifiedRequest verified,
                           verifier_->Verify(view, SystemClock().NowMillis()));
  auto dir = Directory();
  const auto* entry = dir->Find(verified.access_key_id);
  if (!entry) {
    // The directory changed between the check and now (a reload removed the key).
    return Status(ErrorCode::kUnrecognizedClient,
                  "The security token included in the request is invalid.");
  }
  wire::Plane plane =
      verified.service == "iot-jobs-data" ? wire::Plane::kDevice : wire::Plane::kControl;
  return Caller{entry->principal, plane};
}

}  // namespace iotjobs::api
