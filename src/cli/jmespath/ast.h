#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// The syntax tree of a compiled expression. Its shapes are those of the reference Python
// jmespath (jmespath/ast.py), including its quirks, so evaluation matches it case by case:
// `a.b.c` is one kSubexpression with three children, and `a[0][1:2]` is one kIndexExpression
// whose slice, unlike `a[1:2]`, does not start a projection.
namespace iotjobs::cli::jmespath {

enum class NodeKind {
  kIdentity,          // The current value; the implicit left or right side of a projection.
  kCurrent,           // @
  kField,             // name: the key looked up in an object
  kSubexpression,     // children applied in turn: a.b.c
  kIndexExpression,   // children applied in turn: a[0][1]
  kIndex,             // index: a[-1]
  kSlice,             // slice_start, slice_stop, slice_step: a[::-1]
  kLiteral,           // literal: `json` or 'raw'
  kProjection,        // children {left, right}: right on each element of the array left gives
  kValueProjection,   // children {left, right}: right on each value of the object left gives
  kFilterProjection,  // children {left, right, condition}: a[?condition].right
  kFlatten,           // children {child}: child[]
  kComparator,        // comparator, children {left, right}
  kOr,                // children {left, right}
  kAnd,               // children {left, right}
  kNot,               // children {child}
  kPipe,              // children {left, right}
  kMultiSelectList,   // children: the elements of [a, b]
  kMultiSelectHash,   // keys[i]: children[i] for {k: a, ...}
  kFunction,          // name(children...)
  kExpref,            // children {child}: &child
};

enum class Comparator { kEq, kNe, kLt, kLte, kGt, kGte };

struct Node {
  explicit Node(NodeKind k) : kind(k) {}

  NodeKind kind;
  std::string name;
  boost::json::value literal;
  std::int64_t index = 0;
  std::optional<std::int64_t> slice_start;
  std::optional<std::int64_t> slice_stop;
  std::optional<std::int64_t> slice_step;
  Comparator comparator = Comparator::kEq;
  std::vector<std::string> keys;
  std::vector<std::unique_ptr<Node>> children;
  // Height of the tree below and including this node; evaluation recurses this deep.
  std::size_t depth = 1;
};

using NodePtr = std::unique_ptr<Node>;

// A node of `kind` over `children`, its depth computed.
NodePtr MakeNode(NodeKind kind, std::vector<NodePtr> children = {});

// Appends `child` to parent.children and updates parent.depth.
void AppendChild(Node& parent, NodePtr child);

}  // namespace iotjobs::cli::jmespath
