#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "api/wire/model.h"
#include "common/result.h"

// The nextToken a client sees. Inside the server a page continues from a store key
// (service/pagination.h); on the wire that key travels sealed: followed by a tag, an
// HMAC-SHA256 under a key the server keeps in its store (store/entities/server_keys.h), over
// the key and the listing it belongs to (operation, account, and every filter of the
// request). So a token that no listing gave out, or that a listing of another operation, with
// other filters or in another account gave out, is refused with InvalidRequestException, as
// AWS refuses it, instead of being read as a place to continue from. Every instance on one
// database shares the key, so a token from one is good on another and after a restart.
namespace iotjobs::api {

class PageTokens {
 public:
  // A fresh random key (64 hex characters, from the operating system's generator).
  static std::string NewKey();

  explicit PageTokens(std::string key);

  // The listing a request belongs to: its operation, its account and its input members
  // other than the page token and the page size, sorted by name.
  static std::string Scope(const wire::Operation& op, std::string_view account_id,
                           const boost::json::object& input);

  std::string Seal(std::string_view inner, std::string_view scope) const;
  // The inner token, or kInvalidRequest when `token` was not sealed for `scope` by this key.
  Result<std::string> Open(std::string_view token, std::string_view scope) const;

  // On a paged operation's decoded input: replaces the client's token by the inner one.
  Status OpenInput(const wire::Operation& op, std::string_view scope,
                   boost::json::object& input) const;
  // On a paged operation's output: replaces the inner token by a sealed one.
  void SealOutput(const wire::Operation& op, std::string_view scope,
                  boost::json::value& output) const;

 private:
  std::string Tag(std::string_view inner, std::string_view scope) const;

  std::string key_;
};

}  // namespace iotjobs::api
