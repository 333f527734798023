#include "cli/jmespath/ast.h"

#include <algorithm>
#include <utility>

namespace iotjobs::cli::jmespath {

NodePtr MakeNode(NodeKind kind, std::vector<NodePtr> children) {
  auto node = std::make_unique<Node>(kind);
  for (NodePtr& child : children) AppendChild(*node, std::move(child));
  return node;
}

void AppendChild(Node& parent, NodePtr child) {
  parent.depth = std::max(parent.depth, child->depth + 1);
  parent.children.push_back(std::move(child));
}

}  // namespace iotjobs::cli::jmespath
