#include "cli/jmespath/interpreter.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "cli/jmespath/error_messages.h"
#include "cli/jmespath/functions.h"
#include "cli/jmespath/value_ops.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

json::value Copy(const json::value& value) { return json::value(value, json::storage_ptr()); }

// a.b.c, a[0][1] and a | b: each child applied to what the previous one gave.
Result<Value> EvaluateChain(const Node& node, const json::value& current) {
  Value result = Value::Borrow(current);
  for (const NodePtr& child : node.children) {
    IOTJOBS_ASSIGN_OR_RETURN(Value next, Evaluate(*child, result.get()));
    // `next` may point into `result`, which is about to go: give it its own copy first.
    if (result.is_owned() && !next.is_owned()) next = Value::Own(std::move(next).Take());
    result = std::move(next);
  }
  return result;
}

Result<Value> EvaluateIndex(const Node& node, const json::value& current) {
  if (!current.is_array()) return Value();
  const json::array& array = current.get_array();
  const auto size = static_cast<std::int64_t>(array.size());
  const std::int64_t i = node.index < 0 ? node.index + size : node.index;
  if (i < 0 || i >= size) return Value();
  return Value::Borrow(array[static_cast<std::size_t>(i)]);
}

// Python's list slicing (PySlice_Unpack and PySlice_AdjustIndices).
Result<Value> EvaluateSlice(const Node& node, const json::value& current) {
  if (!current.is_array()) return Value();
  std::int64_t step = node.slice_step.value_or(1);
  if (step == 0) return InvalidRequest(std::string(msg::kSliceStepZero));
  // Python clamps the step likewise, so that -step cannot overflow.
  step = std::max(step, -std::numeric_limits<std::int64_t>::max());
  const json::array& array = current.get_array();
  const auto length = static_cast<std::int64_t>(array.size());
  const auto adjust = [&](const std::optional<std::int64_t>& bound, bool is_start) {
    if (!bound) {
      if (step < 0) return is_start ? length - 1 : std::int64_t{-1};
      return is_start ? std::int64_t{0} : length;
    }
    std::int64_t i = *bound;
    if (i < 0) {
      i += length;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= length) {
      i = step < 0 ? length - 1 : length;
    }
    return i;
  };
  const std::int64_t start = adjust(node.slice_start, true);
  const std::int64_t stop = adjust(node.slice_stop, false);
  json::array out;
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop;) {
    out.push_back(Copy(array[static_cast<std::size_t>(i)]));
    if (__builtin_add_overflow(i, step, &i)) break;
  }
  return Value::Own(std::move(out));
}

// Calls `fn` on each element of an array or each value of an object, stopping at an error.
template <typename Json, typename Fn>
Status ForEachElement(Json& container, Fn&& fn) {
  if (container.is_array()) {
    for (auto& element : container.get_array()) IOTJOBS_RETURN_IF_ERROR(fn(element));
  } else {
    for (auto& member : container.get_object()) IOTJOBS_RETURN_IF_ERROR(fn(member.value()));
  }
  return Status::Ok();
}

// Applies `right` to each element of `base` (an array, or an object's values), dropping
// nulls and, for a filter, the elements whose `condition` is false. When `base` is owned, an
// element that `right` returns unchanged is moved into the result instead of copied.
Result<Value> Project(Value base, const Node& right, const Node* condition) {
  json::array collected;
  // `movable` is the element itself when the caller may take it.
  const auto collect = [&](const json::value& element, json::value* movable) -> Status {
    if (condition != nullptr) {
      IOTJOBS_ASSIGN_OR_RETURN(Value test, Evaluate(*condition, element));
      if (IsFalse(test.get())) return Status::Ok();
    }
    IOTJOBS_ASSIGN_OR_RETURN(Value projected, Evaluate(right, element));
    if (projected.get().is_null()) return Status::Ok();
    if (movable != nullptr && projected.borrows(element)) {
      collected.push_back(std::move(*movable));
    } else {
      collected.push_back(std::move(projected).Take());
    }
    return Status::Ok();
  };
  if (base.is_owned()) {
    json::value owned = std::move(base).Take();
    IOTJOBS_RETURN_IF_ERROR(
        ForEachElement(owned, [&](json::value& element) { return collect(element, &element); }));
  } else {
    IOTJOBS_RETURN_IF_ERROR(ForEachElement(
        base.get(), [&](const json::value& element) { return collect(element, nullptr); }));
  }
  return Value::Own(std::move(collected));
}

Result<Value> EvaluateProjection(const Node& node, const json::value& current) {
  IOTJOBS_ASSIGN_OR_RETURN(Value base, Evaluate(*node.children[0], current));
  if (!base.get().is_array()) return Value();
  const Node* condition =
      node.kind == NodeKind::kFilterProjection ? node.children[2].get() : nullptr;
  return Project(std::move(base), *node.children[1], condition);
}

// foo.*: a projection over the object's values.
Result<Value> EvaluateValueProjection(const Node& node, const json::value& current) {
  IOTJOBS_ASSIGN_OR_RETURN(Value base, Evaluate(*node.children[0], current));
  if (!base.get().is_object()) return Value();
  return Project(std::move(base), *node.children[1], nullptr);
}

Result<Value> EvaluateFlatten(const Node& node, const json::value& current) {
  IOTJOBS_ASSIGN_OR_RETURN(Value base, Evaluate(*node.children[0], current));
  if (!base.get().is_array()) return Value();
  json::array merged;
  if (!base.is_owned()) {
    for (const json::value& element : base.get().get_array()) {
      if (element.is_array()) {
        for (const json::value& inner : element.get_array()) merged.push_back(Copy(inner));
      } else {
        merged.push_back(Copy(element));
      }
    }
    return Value::Own(std::move(merged));
  }
  json::value owned = std::move(base).Take();
  for (json::value& element : owned.get_array()) {
    if (element.is_array()) {
      for (json::value& inner : element.get_array()) merged.push_back(std::move(inner));
    } else {
      merged.push_back(std::move(element));
    }
  }
  return Value::Own(std::move(merged));
}

Result<Value> EvaluateComparator(const Node& node, const json::value& current) {
  IOTJOBS_ASSIGN_OR_RETURN(Value left, Evaluate(*node.children[0], current));
  IOTJOBS_ASSIGN_OR_RETURN(Value right, Evaluate(*node.children[1], current));
  const json::value& a = left.get();
  const json::value& b = right.get();
  if (node.comparator == Comparator::kEq) return Value::Own(JmespathEquals(a, b));
  if (node.comparator == Comparator::kNe) return Value::Own(!JmespathEquals(a, b));
  // Ordering: numbers with numbers and, as in Python jmespath (which the AWS CLI uses), strings
  // with strings; any other pair gives null (Python raises TypeError for a number against a
  // string).
  const auto order = PythonCompare(a, b);
  if (!order) return Value();
  switch (node.comparator) {
    case Comparator::kLt:
      return Value::Own(*order < 0);
    case Comparator::kLte:
      return Value::Own(*order <= 0);
    case Comparator::kGt:
      return Value::Own(*order > 0);
    default:
      return Value::Own(*order >= 0);
  }
}

Result<Value> EvaluateMultiSelect(const Node& node, const json::value& current) {
  if (current.is_null()) return Value();
  if (node.kind == NodeKind::kMultiSelectList) {
    json::array out;
    out.reserve(node.children.size());
    for (const NodePtr& child : node.children) {
      IOTJOBS_ASSIGN_OR_RETURN(Value element, Evaluate(*child, current));
      out.push_back(std::move(element).Take());
    }
    return Value::Own(std::move(out));
  }
  json::object out;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(Value member, Evaluate(*node.children[i], current));
    out[node.keys[i]] = std::move(member).Take();  // A repeated key: first place, last value.
  }
  return Value::Own(std::move(out));
}

Result<Value> EvaluateFunction(const Node& node, const json::value& current) {
  std::vector<Argument> args;
  args.reserve(node.children.size());
  for (const NodePtr& child : node.children) {
    if (child->kind == NodeKind::kExpref) {
      args.push_back(Argument{Value(), child->children[0].get()});
      continue;
    }
    IOTJOBS_ASSIGN_OR_RETURN(Value value, Evaluate(*child, current));
    args.push_back(Argument{std::move(value), nullptr});
  }
  IOTJOBS_ASSIGN_OR_RETURN(json::value result, CallFunction(node.name, args));
  return Value::Own(std::move(result));
}

}  // namespace

Result<Value> Evaluate(const Node& node, const json::value& current) {
  switch (node.kind) {
    case NodeKind::kIdentity:
    case NodeKind::kCurrent:
      return Value::Borrow(current);
    case NodeKind::kField:
      if (current.is_object()) {
        if (const json::value* member = current.get_object().if_contains(node.name)) {
          return Value::Borrow(*member);
        }
      }
      return Value();
    case NodeKind::kSubexpression:
    case NodeKind::kIndexExpression:
    case NodeKind::kPipe:
      return EvaluateChain(node, current);
    case NodeKind::kIndex:
      return EvaluateIndex(node, current);
    case NodeKind::kSlice:
      return EvaluateSlice(node, current);
    case NodeKind::kLiteral:
      return Value::Borrow(node.literal);
    case NodeKind::kProjection:
    case NodeKind::kFilterProjection:
      return EvaluateProjection(node, current);
    case NodeKind::kValueProjection:
      return EvaluateValueProjection(node, current);
    case NodeKind::kFlatten:
      return EvaluateFlatten(node, current);
    case NodeKind::kComparator:
      return EvaluateComparator(node, current);
    case NodeKind::kOr: {
      IOTJOBS_ASSIGN_OR_RETURN(Value left, Evaluate(*node.children[0], current));
      if (!IsFalse(left.get())) return left;
      return Evaluate(*node.children[1], current);
    }
    case NodeKind::kAnd: {
      IOTJOBS_ASSIGN_OR_RETURN(Value left, Evaluate(*node.children[0], current));
      if (IsFalse(left.get())) return left;
      return Evaluate(*node.children[1], current);
    }
    case NodeKind::kNot: {
      IOTJOBS_ASSIGN_OR_RETURN(Value operand, Evaluate(*node.children[0], current));
      return Value::Own(IsFalse(operand.get()));
    }
    case NodeKind::kMultiSelectList:
    case NodeKind::kMultiSelectHash:
      return EvaluateMultiSelect(node, current);
    case NodeKind::kFunction:
      return EvaluateFunction(node, current);
    case NodeKind::kExpref:
      return InvalidRequest(std::string(msg::kExprefOutsideFunction));
  }
  return Value();
}

}  // namespace iotjobs::cli::jmespath
