#include "common/status.h"

namespace iotjobs {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "Ok";
    case ErrorCode::kInvalidRequest: return "InvalidRequest";
    case ErrorCode::kInvalidQuery: return "InvalidQuery";
    case ErrorCode::kResourceNotFound: return "ResourceNotFound";
    case ErrorCode::kResourceAlreadyExists: return "ResourceAlreadyExists";
    case ErrorCode::kInvalidStateTransition: return "InvalidStateTransition";
    case ErrorCode::kVersionConflict: return "VersionConflict";
    case ErrorCode::kVersionMismatch: return "VersionMismatch";
    case ErrorCode::kConflict: return "Conflict";
    case ErrorCode::kLimitExceeded: return "LimitExceeded";
    case ErrorCode::kTerminalState: return "TerminalState";
    case ErrorCode::kThrottling: return "Throttling";
    case ErrorCode::kUnauthorized: return "Unauthorized";
    case ErrorCode::kAccessDenied: return "AccessDenied";
    case ErrorCode::kMissingAuthenticationToken: return "MissingAuthenticationToken";
    case ErrorCode::kUnrecognizedClient: return "UnrecognizedClient";
    case ErrorCode::kInvalidSignature: return "InvalidSignature";
    case ErrorCode::kUnknownOperation: return "UnknownOperation";
    case ErrorCode::kMethodNotAllowed: return "MethodNotAllowed";
    case ErrorCode::kPayloadTooLarge: return "PayloadTooLarge";
    case ErrorCode::kServiceUnavailable: return "ServiceUnavailable";
    case ErrorCode::kInternalFailure: return "InternalFailure";
  }
  return "InternalFailure";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(ErrorCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

}  // namespace iotjobs
