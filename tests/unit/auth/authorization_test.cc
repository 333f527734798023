#include "auth/authorization.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "auth/error_messages.h"

namespace iotjobs::auth {
namespace {

using namespace std::string_literals;

constexpr const char* kValid =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iot/aws4_request, "
    "SignedHeaders=host;x-amz-date, "
    "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

TEST(ParseAuthorizationHeaderTest, ParsesBotocoreHeader) {
  auto parsed = ParseAuthorizationHeader(kValid);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(parsed->date, "20150830");
  EXPECT_EQ(parsed->region, "us-east-1");
  EXPECT_EQ(parsed->service, "iot");
  EXPECT_EQ(parsed->signed_headers, (std::vector<std::string>{"host", "x-amz-date"}));
  EXPECT_EQ(parsed->signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(ParseAuthorizationHeaderTest, ToleratesSpacingAndOrder) {
  for (const char* text :
       {"AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request,SignedHeaders=host,Signature=ab",
        "  AWS4-HMAC-SHA256   Signature=ab ,  SignedHeaders=host,Credential=A/20150830/r/s/"
        "aws4_request  ",
        "AWS4-HMAC-SHA256\tCredential=A/20150830/r/s/aws4_request, SignedHeaders=host, "
        "Signature=ab,"}) {
    auto parsed = ParseAuthorizationHeader(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
    EXPECT_EQ(parsed->service, "s");
    EXPECT_EQ(parsed->signature, "ab");
  }
}

TEST(ParseAuthorizationHeaderTest, ListsEveryMissingParameter) {
  auto parsed = ParseAuthorizationHeader("AWS4-HMAC-SHA256");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidSignature);
  EXPECT_EQ(parsed.status().message(), std::string(msg::kRequiresCredential) + " " +
                                           std::string(msg::kRequiresSignature) + " " +
                                           std::string(msg::kRequiresSignedHeaders));
  parsed = ParseAuthorizationHeader(
      "AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), msg::kRequiresSignature);
}

TEST(ParseAuthorizationHeaderTest, RefusesMalformedHeaders) {
  struct Case {
    std::string text;
    std::string_view message;
  };
  const std::string cred = "Credential=A/20150830/r/s/aws4_request";
  const std::string kMissingTwo =
      std::string(msg::kRequiresSignature) + " " + std::string(msg::kRequiresSignedHeaders);
  const std::vector<Case> cases = {
      {"", msg::kUnsupportedAlgorithm},
      {"   ", msg::kUnsupportedAlgorithm},
      {"Basic dXNlcjpwYXNz", msg::kUnsupportedAlgorithm},
      {"AWS4-HMAC-SHA512 " + cred + ", SignedHeaders=host, Signature=ab",
       msg::kUnsupportedAlgorithm},
      {"aws4-hmac-sha256 " + cred + ", SignedHeaders=host, Signature=ab",
       msg::kUnsupportedAlgorithm},
      {"AWS4-HMAC-SHA256" + cred, msg::kUnsupportedAlgorithm},
      // Missing commas: the credential swallows the rest and no longer ends in aws4_request.
      {"AWS4-HMAC-SHA256 " + cred + " SignedHeaders=host Signature=ab", kMissingTwo},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature", msg::kMissingEqualSign},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=ab, Signature=ab",
       msg::kDuplicateParameter},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=ab, Extra=1",
       msg::kUnknownParameter},
      {"AWS4-HMAC-SHA256 credential=A/20150830/r/s/aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kUnknownParameter},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=", msg::kRequiresSignature},
      {"AWS4-HMAC-SHA256 Credential=A/20150830/r/s, SignedHeaders=host, Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request/x, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/2015083/r/s/aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/2015083x/r/s/aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=/20150830/r/s/aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/20150830//s/aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/20150830/r//aws4_request, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_requesT, SignedHeaders=host, "
       "Signature=ab",
       msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=ab", msg::kMalformedCredential},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=, Signature=ab", msg::kMalformedSignedHeaders},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;;x-amz-date, Signature=ab",
       msg::kMalformedSignedHeaders},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host;, Signature=ab",
       msg::kMalformedSignedHeaders},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=ho st, Signature=ab",
       msg::kMalformedSignedHeaders},
      {"AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=h\xc3\xa9st, Signature=ab",
       msg::kMalformedSignedHeaders},
      {"AWS4-HMAC-SHA256 Credential=\xff\xfe/20150830/r/s/aws4_request\x80, "
       "SignedHeaders=host, Signature=ab",
       msg::kMalformedCredential},
  };
  for (const Case& c : cases) {
    auto parsed = ParseAuthorizationHeader(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidSignature) << c.text;
    EXPECT_EQ(parsed.status().message(), c.message) << c.text;
  }
}

TEST(ParseAuthorizationHeaderTest, EveryTruncationFailsWithoutCrashing) {
  const std::string valid = kValid;
  for (size_t n = 0; n < valid.size(); ++n) {
    auto parsed = ParseAuthorizationHeader(valid.substr(0, n));
    // Cutting inside the signature still parses (the verifier compares it); all else fails.
    if (parsed.ok()) {
      EXPECT_GT(n, valid.find("Signature=") + 10) << n;
    }
  }
}

TEST(ParseAuthorizationHeaderTest, HugeInputs) {
  std::string huge = "AWS4-HMAC-SHA256 Credential=" + std::string(1 << 20, 'A') +
                     "/20150830/r/s/aws4_request, SignedHeaders=" + std::string(1 << 20, 'h') +
                     ", Signature=" + std::string(1 << 20, 'f');
  auto parsed = ParseAuthorizationHeader(huge);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->access_key_id.size(), size_t{1} << 20);
  EXPECT_FALSE(ParseAuthorizationHeader(std::string(1 << 22, ',')).ok());
  EXPECT_FALSE(ParseAuthorizationHeader("AWS4-HMAC-SHA256 " + std::string(1 << 22, ',')).ok());
  EXPECT_FALSE(
      ParseAuthorizationHeader("AWS4-HMAC-SHA256 Credential=" + std::string(1 << 22, '/')).ok());
  std::string many_headers =
      "AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, "
      "Signature=ab, SignedHeaders=h";
  for (int i = 0; i < 100000; ++i) many_headers += ";h";
  EXPECT_TRUE(ParseAuthorizationHeader(many_headers).ok());
}

// A cheap stand-in for the fuzzer until it exists: random byte edits of a valid header must
// parse or fail, never crash, and SigningServiceOf must agree with the full parse.
TEST(ParseAuthorizationHeaderTest, RandomMutationsNeverCrash) {
  std::mt19937 rng(20150830);
  const std::string valid = kValid;
  const std::string alphabet =
      "AWS4-HMAC-SHA256 Credential=/,;= \t\x00\xff\x80"
      "aws4_request"s;
  for (int i = 0; i < 20000; ++i) {
    std::string text = valid;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t pos = text.empty() ? 0 : rng() % text.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          if (!text.empty()) text[pos] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<long>(pos), c);
          break;
        default:
          if (!text.empty()) text.erase(pos, 1 + rng() % 8);
          break;
      }
    }
    auto parsed = ParseAuthorizationHeader(text);
    auto service = SigningServiceOf(text);
    if (parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), ErrorCode::kOk);
      ASSERT_TRUE(service.has_value()) << text;
    } else {
      EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidSignature);
      EXPECT_FALSE(parsed.status().message().empty());
    }
  }
}

TEST(SigningServiceOfTest, ReadsTheScopeService) {
  EXPECT_EQ(SigningServiceOf(kValid), "iot");
  EXPECT_EQ(SigningServiceOf("AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/iot-jobs-data/"
                             "aws4_request, SignedHeaders=host;x-amz-date, Signature=00"),
            "iot-jobs-data");
  EXPECT_EQ(SigningServiceOf("AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/execute-api/"
                             "aws4_request,SignedHeaders=host,Signature=00"),
            "execute-api");
  EXPECT_EQ(SigningServiceOf("AWS4-HMAC-SHA256 SignedHeaders=host, Credential=AK/20260115/"
                             "us-east-1/iot/aws4_request"),
            "iot");
}

TEST(SigningServiceOfTest, NulloptWhenMalformed) {
  for (const char* bad : {"", "Credential=", "AWS4-HMAC-SHA256 Signature=00",
                          "AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/iot",
                          "AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1//aws4_request",
                          "AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/iot/x",
                          "AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/iot/aws4_request/",
                          "Credential=a/b/c/d/aws4_request/e/f"}) {
    EXPECT_FALSE(SigningServiceOf(bad).has_value()) << bad;
  }
}

constexpr const char* kPresigned =
    "includeJobDocument=true&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F"
    "20260115%2Fus-east-1%2Fiot-jobs-data%2Faws4_request&X-Amz-Date=20260115T103000Z&"
    "X-Amz-Expires=900&X-Amz-SignedHeaders=host%3Bx-custom&X-Amz-Security-Token=a%2Fb%2Bc%3D&"
    "X-Amz-Signature=f7a7";

TEST(ParsePresignedQueryTest, ParsesAllParameters) {
  EXPECT_TRUE(HasPresignedQuery(kPresigned));
  auto parsed = ParsePresignedQuery(kPresigned);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->authorization.access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(parsed->authorization.date, "20260115");
  EXPECT_EQ(parsed->authorization.region, "us-east-1");
  EXPECT_EQ(parsed->authorization.service, "iot-jobs-data");
  EXPECT_EQ(parsed->authorization.signed_headers, (std::vector<std::string>{"host", "x-custom"}));
  EXPECT_EQ(parsed->authorization.signature, "f7a7");
  EXPECT_EQ(parsed->amz_date, "20260115T103000Z");
  EXPECT_EQ(parsed->expires_seconds, 900);
  EXPECT_EQ(parsed->security_token, "a/b+c=");
}

TEST(ParsePresignedQueryTest, DetectsThePresignedForm) {
  EXPECT_FALSE(HasPresignedQuery(""));
  EXPECT_FALSE(HasPresignedQuery("force=true&namespaceId=x"));
  EXPECT_FALSE(HasPresignedQuery("X-Amz-Algorithmx=1&x-amz-signature=1"));
  EXPECT_TRUE(HasPresignedQuery("a=1&X-Amz-Signature=00"));
  EXPECT_TRUE(HasPresignedQuery("X-Amz-Algorithm"));
}

TEST(ParsePresignedQueryTest, RefusesMalformedQueries) {
  const std::string base =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20260115%2Fr%2Fs%2Faws4_request&"
      "X-Amz-Date=20260115T103000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
  ASSERT_TRUE(ParsePresignedQuery(base + "&X-Amz-Expires=1").ok());
  ASSERT_TRUE(ParsePresignedQuery(base + "&X-Amz-Expires=604800").ok());
  struct Case {
    std::string query;
    std::string_view message;
  };
  const std::vector<Case> cases = {
      {"", msg::kPresignedRequires},
      {base, msg::kPresignedRequires},
      {base + "&X-Amz-Expires=", msg::kPresignedRequires},
      {base + "&X-Amz-Expires=0", msg::kBadExpires},
      {base + "&X-Amz-Expires=604801", msg::kBadExpires},
      {base + "&X-Amz-Expires=-5", msg::kBadExpires},
      {base + "&X-Amz-Expires=1e3", msg::kBadExpires},
      {base + "&X-Amz-Expires=99999999999999999999999", msg::kBadExpires},
      {base + "&X-Amz-Expires=60&X-Amz-Expires=60", msg::kDuplicateParameter},
      {base + "&X-Amz-Expires=60&X-Amz-Date=20260115T103000Z", msg::kDuplicateParameter},
      {base + "&X-Amz-Expires=60&bad=%zz", msg::kMalformedQuery},
      {"X-Amz-Algorithm=HMAC&" + base.substr(base.find('&') + 1) + "&X-Amz-Expires=60",
       msg::kUnsupportedAlgorithm},
      {"X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20260115%2Fr&"
       "X-Amz-Date=20260115T103000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00&"
       "X-Amz-Expires=60",
       msg::kMalformedCredential},
      {"X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20260115%2Fr%2Fs%2Faws4_request&"
       "X-Amz-Date=20260115T103000Z&X-Amz-SignedHeaders=host%3B%3B&X-Amz-Signature=00&"
       "X-Amz-Expires=60",
       msg::kMalformedSignedHeaders},
  };
  for (const Case& c : cases) {
    auto parsed = ParsePresignedQuery(c.query);
    ASSERT_FALSE(parsed.ok()) << c.query;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidSignature) << c.query;
    EXPECT_EQ(parsed.status().message(), c.message) << c.query;
  }
}

TEST(ParsePresignedQueryTest, RandomMutationsNeverCrash) {
  std::mt19937 rng(604800);
  const std::string valid = kPresigned;
  const std::string alphabet = "X-Amz-%&=2F;\x00\xff"s;
  for (int i = 0; i < 20000; ++i) {
    std::string text = valid;
    for (int e = 0; e < 3; ++e) {
      size_t pos = rng() % (text.size() + 1);
      if (rng() % 2 && pos < text.size()) {
        text.erase(pos, 1 + rng() % 6);
      } else {
        text.insert(text.begin() + static_cast<long>(pos), alphabet[rng() % alphabet.size()]);
      }
    }
    auto parsed = ParsePresignedQuery(text);
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidSignature);
    }
    (void)HasPresignedQuery(text);
  }
}

}  // namespace
}  // namespace iotjobs::auth
