#pragma once

#include <string>

#include "common/result.h"

namespace iotjobs::server {

struct RootCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  bool generated_now = false;  // true on the start that made them: print them once
};

// The root account's credentials: from IOTJOBS_ROOT_ACCESS_KEY_ID and
// IOTJOBS_ROOT_SECRET_ACCESS_KEY when both are set; otherwise read from
// DATA_DIR/root-credentials.json, or generated and written there with mode 0600. With a
// ":memory:" data dir they are generated for this run only.
Result<RootCredentials> LoadRootCredentials(const std::string& data_dir);

}  // namespace iotjobs::server
