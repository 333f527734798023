// The catalogue of AWS managed job templates (jobs/managed_templates/catalogue.h): every
// template's document is a JSON object whose placeholders are exactly its parameters, each
// parameter's example matches its regex, and the documents AWS prints are copied exactly.
#include "jobs/managed_templates/catalogue.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "jobs/managed_templates/document_parameters.h"

namespace iotjobs::jobs {
namespace {
namespace json = boost::json;

// The keys of every ${aws:iot:parameter:KEY} in a document.
std::set<std::string> Placeholders(const std::string& document) {
  static const std::regex placeholder(R"(\$\{aws:iot:parameter:([a-zA-Z0-9_-]+)\})");
  std::set<std::string> keys;
  for (std::sregex_iterator it(document.begin(), document.end(), placeholder), end; it != end;
       ++it) {
    keys.insert((*it)[1]);
  }
  return keys;
}

// Every string of a JSON value, depth first.
void Strings(const json::value& v, std::vector<std::string>& out) {
  if (v.is_string()) out.emplace_back(v.get_string());
  if (v.is_array()) {
    for (const auto& item : v.get_array()) Strings(item, out);
  }
  if (v.is_object()) {
    for (const auto& kv : v.get_object()) Strings(kv.value(), out);
  }
}

TEST(ManagedJobTemplates, TheCatalogueHasAwsTemplatesInOrder) {
  std::vector<std::string> names;
  for (const auto& t : ManagedJobTemplates()) names.push_back(t.template_name);
  EXPECT_EQ(names, (std::vector<std::string>{"AWS-Download-File", "AWS-Install-Application",
                                             "AWS-Reboot", "AWS-Remove-Application",
                                             "AWS-Restart-Application", "AWS-Run-Command",
                                             "AWS-Start-Application", "AWS-Stop-Application"}));
}

TEST(ManagedJobTemplates, EveryTemplateIsWellFormed) {
  // The model's ManagedTemplateVersion and ParameterKey patterns; descriptions and examples
  // are JobDescription and Example: no control characters.
  const std::regex version(R"([1-9]+.[0-9]+)");
  const std::regex key(R"([a-zA-Z0-9_-]{1,128})");
  for (const auto& t : ManagedJobTemplates()) {
    SCOPED_TRACE(t.template_name);
    EXPECT_TRUE(std::regex_match(t.template_version, version));
    EXPECT_FALSE(t.description.empty());
    EXPECT_EQ(t.environments, std::vector<std::string>{"LINUX"});
    EXPECT_LE(t.document.size(), 32768u);
    boost::system::error_code ec;
    json::value doc = json::parse(t.document, ec);
    ASSERT_FALSE(ec) << t.document;
    ASSERT_TRUE(doc.is_object());
    EXPECT_EQ(doc.at("version"), "1.0");
    EXPECT_TRUE(doc.at("steps").is_array());
    std::set<std::string> keys;
    for (const auto& p : t.document_parameters) {
      SCOPED_TRACE(p.key);
      EXPECT_TRUE(std::regex_match(p.key, key));
      EXPECT_TRUE(keys.insert(p.key).second) << "a key twice";
      EXPECT_FALSE(p.description.empty());
      EXPECT_TRUE(FullMatch(p.regex, p.example)) << p.regex << " / " << p.example;
    }
    // Every placeholder of the document is a parameter, and every parameter has a place.
    EXPECT_EQ(Placeholders(t.document), keys);
    // Placeholders only inside JSON strings: values with JSON's special characters keep the
    // document valid, and each string reads back with the value in it.
    std::map<std::string, std::string> values;
    for (const auto& k : keys) values[k] = "a \"quoted\" \\ value\n of " + k;
    std::string substituted = SubstituteDocumentParameters(t.document, values);
    json::value parsed = json::parse(substituted, ec);
    ASSERT_FALSE(ec) << substituted;
    std::vector<std::string> strings;
    Strings(parsed, strings);
    for (const auto& [k, v] : values) {
      bool found = false;
      for (const auto& s : strings) found = found || s.find(v) != std::string::npos;
      EXPECT_TRUE(found) << k;
    }
  }
}

TEST(ManagedJobTemplates, DocumentsAreAwsText) {
  // As DescribeManagedJobTemplate prints AWS-Download-File in the Developer Guide
  // (job-template-manage-cli-create).
  EXPECT_EQ(FindManagedJobTemplate("AWS-Download-File", "1.0")->document,
            R"({"version":"1.0","steps":[{"action":{"name":"Download-File","type":"runHandler",)"
            R"("input":{"handler":"download-file.sh","args":["${aws:iot:parameter:downloadUrl}",)"
            R"("${aws:iot:parameter:filePath}"],"path":"${aws:iot:parameter:pathToHandler}"},)"
            R"("runAsUser":"${aws:iot:parameter:runAsUser}"}}]})");
  // The Developer Guide's AWS-Reboot (job-templates-managed), compacted: no args.
  json::value reboot = json::parse(FindManagedJobTemplate("AWS-Reboot", std::nullopt)->document);
  EXPECT_EQ(reboot, json::parse(R"({"version": "1.0", "steps": [{"action": {
      "name": "Reboot", "type": "runHandler",
      "input": {"handler": "reboot.sh", "path": "${aws:iot:parameter:pathToHandler}"},
      "runAsUser": "${aws:iot:parameter:runAsUser}"}}]})"));
  json::value install =
      json::parse(FindManagedJobTemplate("AWS-Install-Application", "1.0")->document);
  EXPECT_EQ(install.at("steps").at(0).at("action").at("input").at("args"),
            json::parse(R"(["${aws:iot:parameter:packages}"])"));
}

TEST(ManagedJobTemplates, FindByNameAndVersion) {
  EXPECT_EQ(FindManagedJobTemplate("AWS-Reboot", std::nullopt)->template_version, "1.0");
  EXPECT_EQ(FindManagedJobTemplate("AWS-Reboot", "1.0")->template_name, "AWS-Reboot");
  EXPECT_EQ(FindManagedJobTemplate("AWS-Reboot", "2.0"), nullptr);
  EXPECT_EQ(FindManagedJobTemplate("AWS-Nothing", std::nullopt), nullptr);
  EXPECT_EQ(FindManagedJobTemplate("aws-reboot", std::nullopt), nullptr);  // names are exact
}

TEST(ManagedJobTemplates, VersionsCompareAsNumbers) {
  EXPECT_LT(CompareTemplateVersions("1.9", "1.10"), 0);
  EXPECT_GT(CompareTemplateVersions("2.0", "1.10"), 0);
  EXPECT_EQ(CompareTemplateVersions("1.0", "1.0"), 0);
}

TEST(ManagedJobTemplates, ArnsHaveNoAccount) {
  const ManagedJobTemplate& t = *FindManagedJobTemplate("AWS-Reboot", "1.0");
  EXPECT_EQ(ManagedJobTemplateArn("eu-west-1", t),
            "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0");
  auto ref = ParseManagedTemplateName("AWS-Reboot:1.0");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->name, "AWS-Reboot");
  EXPECT_EQ(ref->version, "1.0");
  EXPECT_FALSE(ParseManagedTemplateName("AWS-Reboot"));
  EXPECT_FALSE(ParseManagedTemplateName("AWS-Reboot:"));
  EXPECT_FALSE(ParseManagedTemplateName(":1.0"));
}

}  // namespace
}  // namespace iotjobs::jobs
