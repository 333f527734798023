#include "cli/args/global_args.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {
namespace {

const std::vector<std::string> kCommands = {"iot", "iot-jobs-data"};

TEST(GlobalArgs, TakesGlobalsFromAnywhere) {
  auto g = ParseGlobalArgs({"--reg", "eu-west-1", "iot", "delete-job", "--job-id", "j",
                            "--output=text", "--no-paginate", "--color", "off"},
                           kCommands);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->command, "iot");
  EXPECT_EQ(g->region, "eu-west-1");
  EXPECT_EQ(g->output, "text");
  EXPECT_FALSE(g->paginate);
  EXPECT_EQ(g->color, "off");
  EXPECT_TRUE(g->verify_ssl);
  EXPECT_EQ(g->remaining, (std::vector<std::string>{"delete-job", "--job-id", "j"}));
}

TEST(GlobalArgs, ErrorsLikeTheMainParser) {
  auto g = ParseGlobalArgs({"iot", "delete-job", "--cli"}, kCommands);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find(
                "aws: error: ambiguous option: --cli could match --cli-read-timeout, "
                "--cli-connect-timeout, --cli-binary-format, --cli-auto-prompt\n"),
            std::string::npos);
  auto bad = ParseGlobalArgs({"iot", "--output", "xml"}, kCommands);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("argument --output: Invalid choice"), std::string::npos);
  auto none = ParseGlobalArgs({}, kCommands);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("the following arguments are required: command"),
            std::string::npos);
}

TEST(GlobalArgs, VersionEndsParsing) {
  auto g = ParseGlobalArgs({"iot", "--version", "--output", "xml"}, kCommands);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->version);
}

TEST(GlobalArgs, ChecksAfterParsing) {
  GlobalArgs g;
  EXPECT_TRUE(CheckGlobalArgs(g).ok());
  g.endpoint_url = "localhost:8080";  // "localhost" is taken as the scheme, as by urlparse
  EXPECT_TRUE(CheckGlobalArgs(g).ok());
  g.endpoint_url = " http://x";
  EXPECT_TRUE(CheckGlobalArgs(g).ok());
  g.endpoint_url = "127.0.0.1:8080";
  EXPECT_EQ(CheckGlobalArgs(g).message(),
            "\nBad value for --endpoint-url \"127.0.0.1:8080\": scheme is missing.  Must be of "
            "the form http://<hostname>/ or https://<hostname>/\n");
  g.endpoint_url.reset();
  g.cli_connect_timeout = "abc";
  Status s = CheckGlobalArgs(g);
  EXPECT_EQ(s.code(), ErrorCode::kInternalFailure);
  EXPECT_EQ(s.message(), "\ninvalid literal for int() with base 10: 'abc'\n");
}

TEST(ServiceArgs, TakesTheOperationWord) {
  auto s = ParseServiceArgs({"--job-id=j", "delete-job", "x"}, {"delete-job"});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->operation, "delete-job");
  EXPECT_EQ(s->remaining, (std::vector<std::string>{"--job-id=j", "x"}));
  // This parser knows no options, so a negative number is the first positional.
  EXPECT_FALSE(ParseServiceArgs({"--job-id", "-1", "delete-job"}, {"delete-job"}).ok());
  auto bad = ParseServiceArgs({"delete-jobs"}, {"delete-job", "describe-job"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("argument operation: Invalid choice"), std::string::npos);
  EXPECT_NE(bad.status().message().find("maybe you meant:\n\n  * delete-job"), std::string::npos);
}

}  // namespace
}  // namespace iotjobs::cli::args
