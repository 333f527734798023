#include "cli/args/invalid_choice.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {
namespace {

const std::vector<std::string> kSkeleton = {"input", "output", "yaml-input"};

TEST(InvalidChoice, ListsChoicesTwoToALine) {
  EXPECT_EQ(InvalidChoiceMessage("json", kSkeleton),
            "Invalid choice, valid choices are:\n\n" + std::string("input") + std::string(35, ' ') +
                " | output" + std::string(34, ' ') + "\nyaml-input" + std::string(30, ' '));
}

TEST(InvalidChoice, AddsCloseMatches) {
  // What v2 prints for --generate-cli-skeleton inpt.
  EXPECT_EQ(InvalidChoiceMessage("inpt", kSkeleton),
            InvalidChoiceMessage("json", kSkeleton) +
                "\n\n\nInvalid choice: 'inpt', maybe you meant:\n\n  * input");
}

TEST(InvalidChoice, CloseMatchesLikeDifflib) {
  // difflib.get_close_matches('delete-jobs', [...]) ranks by SequenceMatcher.ratio().
  std::vector<std::string> ops = {"delete-job", "delete-job-execution", "describe-job",
                                  "delete-thing"};
  EXPECT_EQ(CloseMatches("delete-jobs", ops),
            (std::vector<std::string>{"delete-job", "delete-job-execution", "describe-job"}));
  EXPECT_EQ(CloseMatches("xyz", ops), std::vector<std::string>{});
  EXPECT_EQ(CloseMatches("appel", {"ape", "apple", "peach", "puppy"}),
            (std::vector<std::string>{"apple", "ape"}));
}

}  // namespace
}  // namespace iotjobs::cli::args
