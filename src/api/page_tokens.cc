#include "api/page_tokens.h"

#include <openssl/rand.h>

#include <boost/json/serialize.hpp>
#include <map>
#include <stdexcept>

#include "auth/crypto.h"
#include "common/encoding.h"

namespace iotjobs::api {
namespace {

// 128 bits of HMAC-SHA256: guessing a tag takes 2^128 tries (NIST SP 800-107 allows a
// truncated HMAC; 128 bits is the usual floor).
constexpr size_t kTagBytes = 16;

Status InvalidToken() { return InvalidRequest("The nextToken is not valid for this request."); }

}  // namespace

std::string PageTokens::NewKey() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    throw std::runtime_error("the operating system's random generator failed");
  }
  return HexEncode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

PageTokens::PageTokens(std::string key) : key_(std::move(key)) {}

std::string PageTokens::Scope(const wire::Operation& op, std::string_view account_id,
                              const boost::json::object& input) {
  std::map<std::string_view, std::string> members;
  for (const auto& [name, value] : input) {
    if (op.paginator && (name == op.paginator->input_token || name == op.paginator->limit_key)) {
      continue;
    }
    members.emplace(name, boost::json::serialize(value));
  }
  // Names are model member names and values are JSON texts: neither holds a newline unless
  // escaped, so the newline-separated form cannot make two listings look alike.
  std::string scope = op.name + "\n" + std::string(account_id);
  for (const auto& [name, value] : members) {
    scope.append("\n").append(name).append("=").append(value);
  }
  return scope;
}

std::string PageTokens::Tag(std::string_view inner, std::string_view scope) const {
  std::string data(scope);
  data.push_back('\0');
  data.append(inner);
  return auth::HmacSha256(key_, data).substr(0, kTagBytes);
}

std::string PageTokens::Seal(std::string_view inner, std::string_view scope) const {
  return Base64Encode(std::string(inner) + Tag(inner, scope));
}

Result<std::string> PageTokens::Open(std::string_view token, std::string_view scope) const {
  std::optional<std::string> raw = Base64Decode(token);
  if (!raw || raw->size() <= kTagBytes) return InvalidToken();
  std::string_view inner = std::string_view(*raw).substr(0, raw->size() - kTagBytes);
  std::string_view tag = std::string_view(*raw).substr(raw->size() - kTagBytes);
  if (!auth::ConstantTimeEquals(tag, Tag(inner, scope))) return InvalidToken();
  return std::string(inner);
}

Status PageTokens::OpenInput(const wire::Operation& op, std::string_view scope,
                             boost::json::object& input) const {
  if (!op.paginator) return Status::Ok();
  boost::json::value* token = input.if_contains(op.paginator->input_token);
  // An empty token is no token (AWS's CLI sends none; some SDKs send "").
  if (!token || !token->is_string() || token->as_string().empty()) return Status::Ok();
  IOTJOBS_ASSIGN_OR_RETURN(std::string inner, Open(token->as_string(), scope));
  *token = inner;
  return Status::Ok();
}

void PageTokens::SealOutput(const wire::Operation& op, std::string_view scope,
                            boost::json::value& output) const {
  if (!op.paginator || !output.is_object()) return;
  boost::json::value* token = output.as_object().if_contains(op.paginator->output_token);
  if (!token || !token->is_string()) return;
  *token = Seal(token->as_string(), scope);
}

}  // namespace iotjobs::api
