#pragma once

#include <map>
#include <optional>
#include <string>

#include "api/wire/model.h"
#include "auth/signer.h"
#include "cli/args/global_args.h"
#include "common/result.h"

namespace iotjobs::cli {

// Reads the environment (an injectable map, so tests need not touch the real one).
using Environment = std::map<std::string, std::string>;
Environment ProcessEnvironment();

// Everything the CLI needs to call one service, resolved as AWS CLI v2 does from, in order:
// the command line, the AWS_* environment variables, ~/.aws/config and ~/.aws/credentials
// (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE move them).
struct Settings {
  std::string profile;
  std::string region;  // "" when none is configured (an error only when a call needs it)
  std::optional<auth::Credentials> credentials;
  std::string endpoint_url;  // the default AWS endpoint of the region when none is configured
  std::string output = "json";
  int max_attempts = 3;  // standard retry mode
  int connect_timeout_seconds = 60;
  int read_timeout_seconds = 60;
  std::string ca_bundle;
};

// Fails only for a profile that no file defines: "The config profile (name) could not be
// found". REQUIRES: args::CheckGlobalArgs(globals) passed (the timeouts are integers).
Result<Settings> ResolveSettings(const args::GlobalArgs& globals,
                                 const api::wire::ServiceModel& service, const Environment& env);

}  // namespace iotjobs::cli
