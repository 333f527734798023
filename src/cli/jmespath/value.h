#pragma once

#include <boost/json/value.hpp>
#include <utility>

// What evaluating one node gives: either a reference into JSON that outlives the evaluation
// step (the searched document, a literal in the tree, or a value an enclosing step owns) or a
// value built by the step. Field lookups and indexing then cost nothing; only results that
// are assembled (projections, multi-selects, function results) copy.
namespace iotjobs::cli::jmespath {

class Value {
 public:
  // An owned null.
  Value() = default;

  // Refers to `value`, which the caller keeps alive as long as this Value or anything
  // borrowed from it.
  static Value Borrow(const boost::json::value& value) {
    Value v;
    v.borrowed_ = &value;
    return v;
  }
  static Value Own(boost::json::value value) {
    Value v;
    v.owned_ = std::move(value);
    return v;
  }

  const boost::json::value& get() const { return borrowed_ != nullptr ? *borrowed_ : owned_; }
  bool is_owned() const { return borrowed_ == nullptr; }
  // Whether this refers to exactly `value` (not to a copy or a part of it).
  bool borrows(const boost::json::value& value) const { return borrowed_ == &value; }

  // The JSON itself: moved out when owned, copied (into the default memory resource, whatever
  // the borrowed document used) when borrowed.
  boost::json::value Take() && {
    if (borrowed_ != nullptr) return boost::json::value(*borrowed_, boost::json::storage_ptr());
    return std::move(owned_);
  }

 private:
  const boost::json::value* borrowed_ = nullptr;
  boost::json::value owned_;
};

}  // namespace iotjobs::cli::jmespath
