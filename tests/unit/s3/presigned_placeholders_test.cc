#include "s3/presigned_placeholders.h"

#include <gtest/gtest.h>

namespace iotjobs::s3 {
namespace {

Result<std::string> Upper(std::string_view url) {
  std::string out(url);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

TEST(PresignedPlaceholdersTest, FindsEachPlaceholderInOrder) {
  const std::string doc =
      R"({"a":"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/one}",)"
      R"("b":["${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/two}"]})";
  auto found = FindPresignedUrlPlaceholders(doc);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].url, "https://s3.amazonaws.com/b/one");
  EXPECT_EQ((*found)[1].url, "https://s3.amazonaws.com/b/two");
  EXPECT_EQ(doc.substr((*found)[0].offset, (*found)[0].length),
            "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/one}");
}

TEST(PresignedPlaceholdersTest, ReplacesEveryPlaceholderAndKeepsTheRest) {
  auto out = ReplacePresignedUrlPlaceholders(
      R"({"x":"${aws:iot:s3-presigned-url:a}","y":"${aws:iot:parameter:p}","z":"${aws:iot:s3-presigned-url:b}"})",
      Upper);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, R"({"x":"A","y":"${aws:iot:parameter:p}","z":"B"})");
}

TEST(PresignedPlaceholdersTest, ADocumentWithoutPlaceholdersIsUnchanged) {
  auto out = ReplacePresignedUrlPlaceholders(R"({"url":"https://example.com/fw.bin"})", Upper);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, R"({"url":"https://example.com/fw.bin"})");
}

TEST(PresignedPlaceholdersTest, AnUnclosedPlaceholderIsRefused) {
  EXPECT_FALSE(FindPresignedUrlPlaceholders(R"({"u":"${aws:iot:s3-presigned-url:https://x/b/k"})").ok());
  EXPECT_FALSE(FindPresignedUrlPlaceholders("${aws:iot:s3-presigned-url:https://x/b/k").ok());
}

TEST(PresignedPlaceholdersTest, TheFirstFailureStopsTheReplacement) {
  auto out = ReplacePresignedUrlPlaceholders(
      R"({"x":"${aws:iot:s3-presigned-url:a}"})",
      [](std::string_view) -> Result<std::string> { return InvalidRequest("no"); });
  EXPECT_FALSE(out.ok());
}

}  // namespace
}  // namespace iotjobs::s3
