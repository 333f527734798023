// documentParameters: the one substitution every device-facing document goes through, and the
// check of a job's values against a managed template's schema
// (jobs/managed_templates/document_parameters.h).
#include "jobs/managed_templates/document_parameters.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "jobs/managed_templates/catalogue.h"

namespace iotjobs::jobs {
namespace {

using Values = std::map<std::string, std::string>;

TEST(SubstituteDocumentParameters, ReplacesEveryPlaceholderWithItsValue) {
  EXPECT_EQ(
      SubstituteDocumentParameters(
          R"({"a":"${aws:iot:parameter:x}","b":["${aws:iot:parameter:y}-${aws:iot:parameter:x}"]})",
          {{"x", "1"}, {"y", "two"}}),
      R"({"a":"1","b":["two-1"]})");
}

TEST(SubstituteDocumentParameters, AnOptionalParameterLeftOutBecomesEmpty) {
  EXPECT_EQ(SubstituteDocumentParameters(R"({"user":"${aws:iot:parameter:runAsUser}"})", {}),
            R"({"user":""})");
}

TEST(SubstituteDocumentParameters, ValuesAreEscapedAsJsonStringText) {
  std::string doc = SubstituteDocumentParameters(R"({"v":"${aws:iot:parameter:v}"})",
                                                 {{"v", "say \"hi\" \\ C:\\dir\n\t\x01 é €"}});
  EXPECT_EQ(doc, R"({"v":"say \"hi\" \\ C:\\dir\n\t\u0001 é €"})");
  EXPECT_EQ(boost::json::parse(doc).at("v"), "say \"hi\" \\ C:\\dir\n\t\x01 é €");
  // A value cannot end the string and add members of its own.
  doc = SubstituteDocumentParameters(R"({"v":"${aws:iot:parameter:v}"})",
                                     {{"v", R"(x","admin":"yes)"}});
  auto parsed = boost::json::parse(doc).as_object();
  EXPECT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed.at("v"), R"(x","admin":"yes)");
}

TEST(SubstituteDocumentParameters, ValuesAreNotSubstitutedAgain) {
  EXPECT_EQ(SubstituteDocumentParameters(R"(["${aws:iot:parameter:a}","${aws:iot:parameter:b}"])",
                                         {{"a", "${aws:iot:parameter:b}"}, {"b", "B"}}),
            R"(["${aws:iot:parameter:b}","B"])");
}

TEST(SubstituteDocumentParameters, WhatIsNotAPlaceholderStaysAsItIs) {
  for (const char* doc : {R"({"a":"${aws:iot:parameter:}"})", R"({"a":"${aws:iot:parameter:a b}"})",
                          R"({"a":"${aws:iot:parameter:a"})", R"({"a":"$${aws:iot:param:a}"})",
                          R"({"a":"${aws:iot:parameter:${aws:iot:parameter:"})", "",
                          R"({"plain":"document"})", "${aws:iot:parameter:a"}) {
    EXPECT_EQ(SubstituteDocumentParameters(doc, {{"a", "A"}}), doc);
  }
  // ... while a placeholder right after such text is still replaced.
  EXPECT_EQ(
      SubstituteDocumentParameters("${aws:iot:parameter:${aws:iot:parameter:a}", {{"a", "A"}}),
      "${aws:iot:parameter:A");
}

class CheckDocumentParametersTest : public ::testing::Test {
 protected:
  const ManagedJobTemplate& download = *FindManagedJobTemplate("AWS-Download-File", "1.0");
  const ManagedJobTemplate& reboot = *FindManagedJobTemplate("AWS-Reboot", "1.0");

  static std::string Message(const Status& s) { return s.message(); }
};

TEST_F(CheckDocumentParametersTest, RequiredGivenOptionalMayBeLeftOut) {
  EXPECT_TRUE(CheckDocumentParameters(
                  download, {{"downloadUrl", "https://example.com/f"}, {"filePath", "/tmp/f"}})
                  .ok());
  EXPECT_TRUE(CheckDocumentParameters(download, {{"downloadUrl", "https://example.com/f"},
                                                 {"filePath", "/tmp/f"},
                                                 {"runAsUser", "root"},
                                                 {"pathToHandler", "/opt/handlers"}})
                  .ok());
  EXPECT_TRUE(CheckDocumentParameters(reboot, {}).ok());
}

TEST_F(CheckDocumentParametersTest, AMissingRequiredKeyIsNamed) {
  Status s = CheckDocumentParameters(download, {{"downloadUrl", "https://example.com/f"}});
  EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Message(s),
            "documentParameters lacks the key 'filePath', which AWS-Download-File requires.");
}

TEST_F(CheckDocumentParametersTest, AnUnknownKeyIsNamed) {
  Status s = CheckDocumentParameters(reboot, {{"delay", "5"}});
  EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Message(s), "documentParameters has the key 'delay', which AWS-Reboot does not take.");
}

TEST_F(CheckDocumentParametersTest, AValueMustMatchItsRegexWhole) {
  Status s = CheckDocumentParameters(reboot, {{"runAsUser", std::string(257, 'u')}});
  EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Message(s),
            "documentParameters.runAsUser of AWS-Reboot must match the regular expression "
            "(.){0,256}.");
  EXPECT_TRUE(CheckDocumentParameters(reboot, {{"runAsUser", std::string(256, 'u')}}).ok());
  // Characters, not bytes: 256 two-byte characters still match.
  std::string two_byte;
  for (int i = 0; i < 256; ++i) two_byte += "é";
  EXPECT_TRUE(CheckDocumentParameters(reboot, {{"runAsUser", two_byte}}).ok());
  // The largest value the model allows (30720 characters) is matched without trouble.
  EXPECT_TRUE(CheckDocumentParameters(
                  download, {{"downloadUrl", std::string(30720, 'x')}, {"filePath", "/f"}})
                  .ok());
}

TEST(FullMatch, MatchesTheWholeValueWithJavasSyntax) {
  EXPECT_TRUE(FullMatch("a+", "aaa"));
  EXPECT_FALSE(FullMatch("a+", "aab"));
  EXPECT_FALSE(FullMatch("a", "ba"));
  EXPECT_TRUE(FullMatch(R"(\p{Upper}{2}\d)", "AB1"));
  EXPECT_TRUE(FullMatch("(.*?)", ""));
  EXPECT_FALSE(FullMatch(".", "\n"));                // as in Java, . is not a line terminator
  EXPECT_FALSE(FullMatch("(unclosed", "unclosed"));  // does not compile: no match
}

}  // namespace
}  // namespace iotjobs::jobs
