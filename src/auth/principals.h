#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/policy.h"
#include "auth/verifier.h"
#include "common/result.h"

// Who may call: the root credentials of the server's account, and the accounts, users, keys
// and policies of a credentials file (--credentials-file). A PrincipalDirectory is an
// immutable snapshot; the server swaps in a new one when the file is reloaded (SIGHUP).
namespace iotjobs::auth {

struct Principal {
  std::string account_id;
  std::string user_name;  // "root" for the root credentials
  bool root = false;      // root may do everything in its account
  std::vector<Policy> policies;

  // arn:aws:iam::ACCOUNT:root or arn:aws:iam::ACCOUNT:user/NAME, as AWS names callers.
  std::string Arn() const;
};

class PrincipalDirectory {
 public:
  struct Entry {
    Secret secret;
    std::shared_ptr<const Principal> principal;
  };

  // The root key of `root_account`, plus every user of `credentials_file_json` (empty: none).
  // kInvalidRequest naming what is wrong with the file: not JSON, an account id that is not
  // 12 digits, a key without a secret, a key used twice, a policy that does not parse.
  static Result<std::shared_ptr<const PrincipalDirectory>> Build(
      const std::string& root_account, const std::string& root_key_id,
      const std::string& root_secret, const std::string& credentials_file_json);

  const Entry* Find(std::string_view access_key_id) const;
  size_t size() const { return entries_.size(); }
  // The root principal of the server's account.
  const std::shared_ptr<const Principal>& root() const { return root_; }

 private:
  std::unordered_map<std::string, Entry> entries_;
  std::shared_ptr<const Principal> root_;
};

}  // namespace iotjobs::auth
