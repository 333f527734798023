#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/thing.h"

// AWS IoT fleet indexing's query language, over the registry fields of a thing: the queries of
// SearchIndex on AWS_Things and of dynamic thing groups (issue 17). Parsed once into a tree;
// a thing is tested against it in memory (a dynamic group's membership when one thing
// changes). The syntax, from AWS's "Query syntax" and "Example thing queries":
//
//   thingName:my*          a term, with * (any run) and ? (one character) wildcards
//   attributes.site:"plant 7"   a quoted phrase: the whole value
//   attributes.n:[75 TO 80]  {75 TO 80]  [* TO 80}   inclusive / exclusive bounds, * open
//   attributes.n:>75  >=  <  <=   one-sided ranges
//   a AND b, a OR b, NOT a, -a, a b (AND by default), ( ... ), field:(a OR -b)
//   abc                    a term in any field;  *  every thing
//
// Fields (case-sensitive): thingName, thingId, thingTypeName, thingGroupNames (any of the
// thing's groups), attributes.NAME. Values match case-insensitively, each value as one word
// (registry values are not split into words). A range compares numbers when both bounds and
// the value are numbers, text otherwise. At most 12 terms, and at most one with a leading
// wildcard (the query then at most 100 characters), as AWS allows.
//
// Refused, with a message saying what and where (kInvalidQuery: AWS's InvalidQueryException): a syntax error, a field iotjobsd does not index (shadow.*,
// connectivity.*, deviceDefender.*: iotjobsd indexes the registry only), AWS's unsupported
// special characters (` @ # % / ' ; ,) unescaped, and the limits above.
namespace iotjobs::jobs {

// One node of the parsed tree: a boolean combination, or a test of one field (or any field).
// The store translates it to SQL (store/sql/fleet_query_sql.h) with the same meaning as
// Matches below.
struct QueryNode {
  enum class Kind { kAnd, kOr, kNot, kTerm, kRange, kAll };
  Kind kind = Kind::kAll;
  std::vector<QueryNode> children;  // kAnd, kOr: two or more; kNot: one
  std::string field;                // kTerm, kRange: "" for any field
  std::string pattern;              // kTerm: lower-case, '*' and '?' as wildcards unless...
  bool literal = false;             // ...a phrase: the pattern is matched as written
  std::optional<std::string> lower, upper;  // kRange: absent = open, lower-case
  bool lower_inclusive = true, upper_inclusive = true;
};

// A range compares numbers when the value and its bounds are numbers, written
// -?[0-9]+(.[0-9]+)? (decimal, no exponent); everything else compares as lower-case text.
std::optional<double> FleetQueryNumber(std::string_view s);

class FleetQuery {
 public:
  // The parsed query; see the syntax above.
  static Result<FleetQuery> Parse(std::string_view text);

  // Whether `thing`, in the groups `group_names`, matches.
  bool Matches(const Thing& thing, const std::vector<std::string>& group_names) const;
  const QueryNode& root() const;

  FleetQuery(FleetQuery&&) noexcept;
  FleetQuery& operator=(FleetQuery&&) noexcept;
  ~FleetQuery();

 private:
  explicit FleetQuery(std::unique_ptr<QueryNode> root);
  std::unique_ptr<QueryNode> root_;
};

}  // namespace iotjobs::jobs
