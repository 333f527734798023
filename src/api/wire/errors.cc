#include "api/wire/errors.h"

#include <boost/json.hpp>

#include "common/encoding.h"

namespace iotjobs::api::wire {

ErrorInfo ErrorInfoFor(ErrorCode code, Plane plane) {
  switch (code) {
    case ErrorCode::kOk: return {200, ""};
    case ErrorCode::kInvalidRequest: return {400, "InvalidRequestException"};
    case ErrorCode::kInvalidQuery: return {400, "InvalidQueryException"};
    case ErrorCode::kResourceNotFound: return {404, "ResourceNotFoundException"};
    case ErrorCode::kResourceAlreadyExists: return {409, "ResourceAlreadyExistsException"};
    case ErrorCode::kInvalidStateTransition: return {409, "InvalidStateTransitionException"};
    case ErrorCode::kVersionConflict: return {409, "VersionConflictException"};
    // The HTTP device plane models no version error for UpdateJobExecution: its only 409
    // carries it (docs/aws-behaviour.md, D8).
    case ErrorCode::kVersionMismatch: return {409, "InvalidStateTransitionException"};
    case ErrorCode::kConflict: return {409, "ConflictException"};
    case ErrorCode::kLimitExceeded: return {410, "LimitExceededException"};
    case ErrorCode::kTerminalState: return {410, "TerminalStateException"};
    case ErrorCode::kThrottling:
      return {plane == Plane::kDevice ? 429 : 400, "ThrottlingException"};
    case ErrorCode::kUnauthorized: return {401, "UnauthorizedException"};
    case ErrorCode::kAccessDenied: return {403, "AccessDeniedException"};
    case ErrorCode::kMissingAuthenticationToken:
      return {403, "MissingAuthenticationTokenException"};
    case ErrorCode::kUnrecognizedClient: return {403, "UnrecognizedClientException"};
    case ErrorCode::kInvalidSignature: return {403, "InvalidSignatureException"};
    case ErrorCode::kUnknownOperation: return {404, "UnknownOperationException"};
    case ErrorCode::kMethodNotAllowed: return {405, "MethodNotAllowedException"};
    case ErrorCode::kPayloadTooLarge: return {413, "RequestEntityTooLargeException"};
    case ErrorCode::kServiceUnavailable: return {503, "ServiceUnavailableException"};
    case ErrorCode::kInternalFailure: return {500, "InternalFailureException"};
  }
  return {500, "InternalFailureException"};
}

std::string ErrorBody(const Status& status) {
  // Messages quote what the client sent (a path, a query value), which may not be UTF-8.
  return boost::json::serialize(boost::json::object{{"message", ToValidUtf8(status.message())}});
}

}  // namespace iotjobs::api::wire
