#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "api/api.h"
#include "api/wire/model.h"
#include "auth/principals.h"
#include "auth/verifier.h"
#include "common/result.h"

namespace iotjobs::api {

// The caller of an authenticated request.
struct Caller {
  std::shared_ptr<const auth::Principal> principal;
  wire::Plane plane = wire::Plane::kControl;
};

// Checks every request's SigV4 signature (header or presigned query) against the principal
// directory and says who signed it and for which plane. With --auth none every request acts
// as the root principal and the plane comes from the signature's scope or the Host.
// Thread-safe; the directory can be swapped while requests run (SIGHUP reload).
class Authenticator {
 public:
  Authenticator(AuthMode mode, std::string region,
                std::shared_ptr<const auth::PrincipalDirectory> directory);

  // kMissingAuthenticationToken, kUnrecognizedClient or kInvalidSignature, with AWS's
  // messages, for a request that does not prove who sent it.
  Result<Caller> Authenticate(const ApiRequest& request) const;

  void ReplaceDirectory(std::shared_ptr<const auth::PrincipalDirectory> directory);

 private:
  std::shared_ptr<const auth::PrincipalDirectory> Directory() const;

  AuthMode mode_;
  mutable std::mutex mu_;
  std::shared_ptr<const auth::PrincipalDirectory> directory_;  // GUARDED_BY(mu_)
  std::unique_ptr<auth::Verifier> verifier_;
};

}  // namespace iotjobs::api
