#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace iotjobs {

// The closed vocabulary of failures. Each code is named after the AWS exception of the
// botocore models that carries it on the wire; api/wire/errors.cc is the one table that maps
// a code to its HTTP status and x-amzn-ErrorType.
enum class ErrorCode {
  kOk = 0,
  kInvalidRequest,          // InvalidRequestException, 400
  kInvalidQuery,            // InvalidQueryException, 400 (a fleet indexing query)
  kResourceNotFound,        // ResourceNotFoundException, 404
  kResourceAlreadyExists,   // ResourceAlreadyExistsException, 409
  kInvalidStateTransition,  // InvalidStateTransitionException, 409
  kVersionConflict,         // VersionConflictException, 409
  kVersionMismatch,         // a stale expectedVersion on the device plane: 409 over HTTP
                            // (InvalidStateTransitionException), VersionMismatch over MQTT
  kConflict,                // ConflictException, 409
  kLimitExceeded,           // LimitExceededException, 410
  kTerminalState,           // TerminalStateException, 410 (device plane)
  kThrottling,              // ThrottlingException, 400 control plane / 429 device plane
  kUnauthorized,            // UnauthorizedException, 401
  kAccessDenied,            // AccessDeniedException, 403
  kMissingAuthenticationToken,  // 403, unsigned request
  kUnrecognizedClient,      // 403, unknown access key
  kInvalidSignature,        // 403, wrong signature or stale date
  kUnknownOperation,        // 404, no route for the path
  kMethodNotAllowed,        // 405, the path exists but not with this method
  kPayloadTooLarge,         // 413, body over the limit
  kServiceUnavailable,      // ServiceUnavailableException, 503
  kInternalFailure,         // InternalFailureException, 500
};

// Outcome of an operation: kOk or a code with a message. The message is safe to show a
// client (it is sent as the JSON `message`); causes such as SQL text or errno are logged
// where they happen and never put here.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ResourceNotFound: no such job" — for logs and test failure output.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// The AWS-style name of a code without the "Exception" suffix ("ResourceNotFound").
std::string_view ErrorCodeName(ErrorCode code);

// Shorthands used throughout; each returns a Status with that code.
inline Status InvalidRequest(std::string m) { return {ErrorCode::kInvalidRequest, std::move(m)}; }
inline Status InvalidQuery(std::string m) { return {ErrorCode::kInvalidQuery, std::move(m)}; }
inline Status NotFound(std::string m) { return {ErrorCode::kResourceNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) {
  return {ErrorCode::kResourceAlreadyExists, std::move(m)};
}
inline Status InvalidStateTransition(std::string m) {
  return {ErrorCode::kInvalidStateTransition, std::move(m)};
}
inline Status VersionConflict(std::string m) {
  return {ErrorCode::kVersionConflict, std::move(m)};
}
inline Status LimitExceeded(std::string m) { return {ErrorCode::kLimitExceeded, std::move(m)}; }
inline Status Internal(std::string m) { return {ErrorCode::kInternalFailure, std::move(m)}; }
inline Status Unavailable(std::string m) {
  return {ErrorCode::kServiceUnavailable, std::move(m)};
}

}  // namespace iotjobs

// Returns from the enclosing function when `expr` yields a failed Status.
#define IOTJOBS_RETURN_IF_ERROR(expr)                 \
  do {                                                \
    ::iotjobs::Status iotjobs_status_ = (expr);       \
    if (!iotjobs_status_.ok()) return iotjobs_status_; \
  } while (0)
