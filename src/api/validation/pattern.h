#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace iotjobs::api::validation {

// A compiled `pattern` constraint of the botocore models. Those are Java regular
// expressions and the AWS services match them against the whole value (String.matches), so
// this does the same, on Unicode code points, with Java's meaning of each class:
// \p{L} \p{N} \p{Z} \p{C} are Unicode categories (ICU answers), while \p{Upper} \p{Digit}
// \p{Graph} and friends are the ASCII POSIX classes (Java's default). Supported syntax is
// what the models use: literals and escapes, [classes] with ranges and negation, \s \S \d \w,
// groups, |, ^ $ and the quantifiers * + ? {n,m}.
class Pattern {
 public:
  // nullptr when the pattern uses syntax outside that subset (a test compiles every
  // pattern of the served models, so this cannot surprise at run time).
  static std::unique_ptr<Pattern> Compile(std::string_view pattern);
  ~Pattern();

  // Does the whole of `value` (UTF-8) match? Invalid UTF-8 never matches a class.
  bool FullMatch(std::string_view value) const;

  const std::string& source() const { return source_; }

  struct Node;

 private:
  Pattern() = default;
  std::string source_;
  std::unique_ptr<Node> root_;
};

}  // namespace iotjobs::api::validation
