#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/http_request.h"
#include "auth/signer.h"
#include "common/clock.h"

// Test support: reads the SigV4 vectors under tests/testdata/, which share one layout
// (sigv4-test-suite/README.md): the published suite (sigv4-test-suite/) and the SDK captures
// (sigv4-botocore/, sigv4-js/, each made by the generate script beside it).
namespace iotjobs::auth::testing {

// An owned HTTP request in the vectors' text form: "METHOD TARGET HTTP/1.1", "Name:value"
// lines (a line starting with a space or tab continues the previous value, joined with
// '\n'), then, only when there is a body, a blank line and the body.
struct RawRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // A view borrowing from this object; it dangles once the object changes or dies.
  HttpRequestView View() const;
  // Back to the text form, in the layout of the suite's *-signed-request.txt files: the
  // header block always ends with a blank line.
  std::string Serialize() const;
  // Replaces the value of every header called `name` (any case); adds one if none.
  void SetHeader(std::string_view name, std::string value);
  void RemoveHeader(std::string_view name);
  const std::string* FindHeader(std::string_view name) const;
};

RawRequest ParseRawRequest(std::string_view text);

struct SigV4Case {
  std::string name;
  std::filesystem::path dir;
  Credentials credentials;
  std::string region;
  std::string service;
  EpochMillis time = 0;
  bool normalize = true;
  bool double_encode_path = true;
  bool sign_body = false;           // x-amz-content-sha256 sent and signed
  bool unsigned_payload = false;    // botocore sent X-Amz-Content-SHA256: UNSIGNED-PAYLOAD
  bool omit_session_token = false;  // the token is added after signing
  int64_t expires_seconds = 3600;
  RawRequest request;  // request.txt

  // The contents of a file of the case; nullopt when it has none (botocore's cases have
  // only the header-* or only the query-* files).
  std::optional<std::string> Read(std::string_view file) const;
  // The SigningParams that reproduce the case.
  SigningParams Params() const;
  CanonicalOptions Canonical() const { return {double_encode_path, normalize}; }
};

// tests/testdata/<folder>, from the IOTJOBS_TESTDATA_DIR compile definition.
std::filesystem::path TestdataDir();

// Every case folder of tests/testdata/<folder> that holds `required_file` (any when empty),
// sorted by name. Aborts the test binary with a message when the folder is missing, a case
// is unreadable or none is left, so a broken checkout cannot pass by running no vector.
std::vector<SigV4Case> LoadCases(std::string_view folder, std::string_view required_file = "");

// gtest's parameter-name printer for TEST_P over LoadCases.
std::string CaseName(const SigV4Case& c);

// How gtest prints a case in a failure message: its folder name.
inline void PrintTo(const SigV4Case& c, std::ostream* os) { *os << c.name; }

}  // namespace iotjobs::auth::testing
