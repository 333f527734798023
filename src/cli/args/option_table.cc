#include "cli/args/option_table.h"

#include <algorithm>

#include "cli/names.h"

namespace iotjobs::cli::args {

namespace wire = api::wire;

const char* ShapeTypeName(wire::ShapeType type) {
  switch (type) {
    case wire::ShapeType::kString:
      return "string";
    case wire::ShapeType::kInteger:
      return "integer";
    case wire::ShapeType::kLong:
      return "long";
    case wire::ShapeType::kBoolean:
      return "boolean";
    case wire::ShapeType::kDouble:
      return "double";
    case wire::ShapeType::kFloat:
      return "float";
    case wire::ShapeType::kTimestamp:
      return "timestamp";
    case wire::ShapeType::kBlob:
      return "blob";
    case wire::ShapeType::kStructure:
      return "structure";
    case wire::ShapeType::kList:
      return "list";
    case wire::ShapeType::kMap:
      return "map";
  }
  return "string";
}

std::string CliOption::dest() const {
  std::string base = role == OptionRole::kNegation ? CliName(member->name) : name;
  std::replace(base.begin(), base.end(), '-', '_');
  return base;
}

std::vector<CliOption> OperationOptions(const wire::Operation& op) {
  std::vector<CliOption> table;
  for (const auto& m : op.input->members) {
    CliOption opt;
    opt.name = CliName(m.name);
    opt.member = &m;
    opt.required = m.required;
    opt.type_name = ShapeTypeName(m.shape->type);
    table.push_back(opt);
    if (m.shape->type == wire::ShapeType::kBoolean) {
      // BooleanArgument.add_to_arg_table: the negative twin right after, never required.
      CliOption neg = opt;
      neg.name = "no-" + opt.name;
      neg.role = OptionRole::kNegation;
      neg.required = false;
      table.push_back(neg);
    }
  }
  table.push_back({"cli-input-json", OptionRole::kCliInputJson, nullptr, false, false, "string"});
  table.push_back({"cli-input-yaml", OptionRole::kCliInputYaml, nullptr, false, false, "string"});
  if (op.paginator) {
    // customizations/paginate.py unify_paging_params: hide the operation's own token and
    // limit options, add the CLI's; an existing option of the same name is replaced in place.
    auto hide = [&](const std::string& member_name) {
      for (auto& o : table) {
        if (o.role == OptionRole::kMember && o.member->name == member_name) o.hidden = true;
      }
    };
    hide(op.paginator->input_token);
    if (!op.paginator->limit_key.empty()) hide(op.paginator->limit_key);
    auto add = [&](CliOption o) {
      auto it = std::find_if(table.begin(), table.end(),
                             [&](const CliOption& e) { return e.name == o.name; });
      if (it != table.end()) {
        *it = o;
      } else {
        table.push_back(o);
      }
    };
    std::string limit_type = "integer";
    add({"starting-token", OptionRole::kStartingToken, nullptr, false, false, "string"});
    if (!op.paginator->limit_key.empty()) {
      if (const wire::Member* limit = op.input->FindMember(op.paginator->limit_key)) {
        limit_type = ShapeTypeName(limit->shape->type);
      }
      add({"page-size", OptionRole::kPageSize, nullptr, false, false, limit_type});
    }
    add({"max-items", OptionRole::kMaxItems, nullptr, false, false, limit_type});
  }
  table.push_back(
      {"generate-cli-skeleton", OptionRole::kGenerateCliSkeleton, nullptr, false, false, "string"});
  return table;
}

}  // namespace iotjobs::cli::args
