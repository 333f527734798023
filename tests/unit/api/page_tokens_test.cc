#include "api/page_tokens.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/encoding.h"

namespace iotjobs::api {
namespace {

const wire::Operation& Op(std::string_view name) {
  const wire::Operation* op = wire::ControlPlaneModel().FindOperation(name);
  EXPECT_NE(op, nullptr) << name;
  return *op;
}

boost::json::object Input(std::string_view json) { return boost::json::parse(json).as_object(); }

TEST(PageTokens, ASealedTokenOpensInItsOwnListing) {
  PageTokens tokens(PageTokens::NewKey());
  std::string scope = PageTokens::Scope(Op("ListJobs"), "111111111111",
                                        Input(R"({"status":"IN_PROGRESS"})"));
  std::string sealed = tokens.Seal("am9iLTAwMQ==", scope);
  EXPECT_NE(sealed, "am9iLTAwMQ==");
  auto opened = tokens.Open(sealed, scope);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "am9iLTAwMQ==");
}

TEST(PageTokens, TheScopeIgnoresTheTokenAndThePageSizeButNotTheFilters) {
  const wire::Operation& list = Op("ListJobs");
  std::string base = PageTokens::Scope(list, "111111111111", Input(R"({"status":"QUEUED"})"));
  // maxResults may change from page to page, as boto3's paginators allow.
  EXPECT_EQ(base, PageTokens::Scope(list, "111111111111",
                                    Input(R"({"status":"QUEUED","maxResults":5,"nextToken":"x"})")));
  // Member order on the wire does not matter.
  EXPECT_EQ(PageTokens::Scope(list, "1", Input(R"({"status":"QUEUED","thingGroupName":"g"})")),
            PageTokens::Scope(list, "1", Input(R"({"thingGroupName":"g","status":"QUEUED"})")));
  EXPECT_NE(base, PageTokens::Scope(list, "111111111111", Input(R"({"status":"CANCELED"})")));
  EXPECT_NE(base, PageTokens::Scope(list, "222222222222", Input(R"({"status":"QUEUED"})")));
  EXPECT_NE(base, PageTokens::Scope(Op("ListThings"), "111111111111",
                                    Input(R"({"status":"QUEUED"})")));
}

TEST(PageTokens, RefusesTokensItDidNotSealForThisListing) {
  PageTokens tokens(PageTokens::NewKey());
  std::string scope = PageTokens::Scope(Op("ListThings"), "111111111111", Input("{}"));
  std::string other = PageTokens::Scope(Op("ListThings"), "222222222222", Input("{}"));
  std::string sealed = tokens.Seal("aW5uZXI=", scope);

  const std::string forged[] = {
      "",                                 // empty
      "not base64!",                      // not base64
      Base64Encode("garbage"),            // shorter than a tag
      Base64Encode(std::string(40, 'x')), // a tag that is not one
      "aW5uZXI=",                         // an unsealed (old-style) store-key token
  };
  for (const std::string& token : forged) {
    auto opened = tokens.Open(token, scope);
    ASSERT_FALSE(opened.ok()) << token;
    EXPECT_EQ(opened.status().code(), ErrorCode::kInvalidRequest);
  }
  EXPECT_FALSE(tokens.Open(sealed, other).ok());  // another account's listing
  EXPECT_FALSE(PageTokens(PageTokens::NewKey()).Open(sealed, scope).ok());  // another key

  // Any one bit flipped anywhere is refused.
  std::string raw = *Base64Decode(sealed);
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string flipped = raw;
    flipped[i] = static_cast<char>(flipped[i] ^ 1);
    EXPECT_FALSE(tokens.Open(Base64Encode(flipped), scope).ok()) << "byte " << i;
  }
}

TEST(PageTokens, OpensInputsAndSealsOutputsOfPagedOperationsOnly) {
  PageTokens tokens(PageTokens::NewKey());
  const wire::Operation& list = Op("ListThings");
  boost::json::object in = Input(R"({"attributeName":"a"})");
  std::string scope = PageTokens::Scope(list, "1", in);

  boost::json::value out = boost::json::parse(R"({"things":[],"nextToken":"aW5uZXI="})");
  tokens.SealOutput(list, scope, out);
  std::string sealed(out.as_object()["nextToken"].as_string());
  EXPECT_NE(sealed, "aW5uZXI=");

  in["nextToken"] = sealed;
  ASSERT_TRUE(tokens.OpenInput(list, scope, in).ok());
  EXPECT_EQ(in["nextToken"].as_string(), "aW5uZXI=");

  boost::json::object bad = Input(R"({"attributeName":"a","nextToken":"Z2FyYmFnZQ=="})");
  EXPECT_EQ(tokens.OpenInput(list, scope, bad).code(), ErrorCode::kInvalidRequest);

  // No token, or an operation without pages: nothing to do.
  boost::json::object none = Input(R"({"attributeName":"a"})");
  EXPECT_TRUE(tokens.OpenInput(list, scope, none).ok());
  boost::json::value described = boost::json::parse(R"({"thingName":"t"})");
  tokens.SealOutput(Op("DescribeThing"), scope, described);
  EXPECT_EQ(boost::json::serialize(described), R"({"thingName":"t"})");
}

}  // namespace
}  // namespace iotjobs::api
