#include "auth/principals.h"

#include <boost/json.hpp>

namespace iotjobs::auth {
namespace json = boost::json;

std::string Principal::Arn() const {
  return root ? "arn:aws:iam::" + account_id + ":root"
              : "arn:aws:iam::" + account_id + ":user/" + user_name;
}

namespace {

bool IsAccountId(std::string_view s) {
  if (s.size() != 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<std::shared_ptr<const PrincipalDirectory>> PrincipalDirectory::Build(
    const std::string& root_account, const std::string& root_key_id, const std::string& root_secret,
    const std::string& credentials_file_json) {
  auto dir = std::make_shared<PrincipalDirectory>();
  auto root = std::make_shared<Principal>();
  root->account_id = root_account;
  root->user_name = "root";
  root->root = true;
  dir->entries_[root_key_id] = Entry{{root_secret, ""}, root};
  dir->root_ = root;
  if (credentials_file_json.empty()) return std::shared_ptr<const PrincipalDirectory>(dir);

  boost::system::error_code ec;
  json::value file = json::parse(credentials_file_json, ec);
  if (ec) return InvalidRequest("The credentials file is not valid JSON: " + ec.message());
  const json::value* accounts = file.is_object() ? file.get_object().if_contains("accounts") : nullptr;
  if (!accounts || !accounts->is_object()) {
    return InvalidRequest("The credentials file needs an \"accounts\" object.");
  }
  for (const auto& [account_id, account] : accounts->get_object()) {
    if (!IsAccountId(account_id)) {
      return InvalidRequest("Account id " + std::string(account_id) + " is not 12 digits.");
    }
    const json::value* users = account.is_object() ? account.get_object().if_contains("users") : nullptr;
    if (!users || !users->is_object()) {
      return InvalidRequest("Account " + std::string(account_id) + " needs a \"users\" object.");
    }
    for (const auto& [user_name, user] : users->get_object()) {
      std::string where = "User " + std::string(user_name) + " of account " + std::string(account_id);
      if (!user.is_object()) return InvalidRequest(where + " must be an object.");
      auto principal = std::make_shared<Principal>();
      principal->account_id = account_id;
      principal->user_name = user_name;
      const json::object& u = user.get_object();
      std::vector<const json::value*> documents;
      if (const json::value* p = u.if_contains("policy")) documents.push_back(p);
      if (const json::value* ps = u.if_contains("policies")) {
        if (!ps->is_array()) return InvalidRequest(where + ": \"policies\" must be a list.");
        for (const auto& p : ps->get_array()) documents.push_back(&p);
      }
      for (const json::value* doc : documents) {
        auto policy = ParsePolicy(*doc);
        if (!policy.ok()) return InvalidRequest(where + ": " + policy.status().message());
        principal->policies.push_back(std::move(*policy));
      }
      const json::value* keys = u.if_contains("accessKeys");
      if (!keys || !keys->is_array() || keys->get_array().empty()) {
        return InvalidRequest(where + " needs a non-empty \"accessKeys\" list.");
      }
      for (const auto& key : keys->get_array()) {
        const json::value* id = key.is_object() ? key.get_object().if_contains("accessKeyId") : nullptr;
        const json::value* secret =
            key.is_object() ? key.get_object().if_contains("secretAccessKey") : nullptr;
        const json::value* token = key.is_object() ? key.get_object().if_contains("sessionToken") : nullptr;
        if (!id || !id->is_string() || !secret || !secret->is_string() ||
            id->get_string().empty() || secret->get_string().empty()) {
          return InvalidRequest(where + ": each access key needs accessKeyId and secretAccessKey.");
        }
        std::string key_id(id->get_string());
        if (dir->entries_.count(key_id)) {
          return InvalidRequest("Access key " + key_id + " is listed more than once.");
        }
        dir->entries_[key_id] =
            Entry{{std::string(secret->get_string()),
                   token && token->is_string() ? std::string(token->get_string()) : ""},
                  principal};
      }
    }
  }
  return std::shared_ptr<const PrincipalDirectory>(dir);
}

const PrincipalDirectory::Entry* PrincipalDirectory::Find(std::string_view access_key_id) const {
  auto it = entries_.find(std::string(access_key_id));
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace iotjobs::auth
