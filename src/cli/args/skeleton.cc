#include "cli/args/skeleton.h"

#include <algorithm>
#include <cstring>
#include <regex>

#include "cli/python/char_class.h"
#include "cli/python/repr.h"
#include "cli/python/text.h"
#include "cli/python/value_json.h"
#include "cli/python/yaml_load.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

// One node of the YAML document: a scalar's text, or a mapping/sequence of nodes. Mappings
// from structures carry a comment per key.
struct YamlEntry;
struct YamlNode {
  enum class Kind { kScalar, kMap, kSeq } kind = Kind::kScalar;
  std::string scalar;
  std::vector<YamlEntry> entries;
  std::vector<YamlNode> items;
};
struct YamlEntry {
  std::string key;
  YamlNode value;
  std::string comment;       // "# ...", empty for none
  bool extra_space = false;  // ruamel found no column to align with: "  # ..."
};

// ArgumentGenerator._generate_skeleton (use_member_names for output skeletons).
PyValue Generate(const wire::Shape& shape, std::vector<std::string>& stack, const std::string& name,
                 bool member_names) {
  stack.push_back(shape.name);
  PyValue out;
  switch (shape.type) {
    case wire::ShapeType::kStructure:
      out = PyValue::Dict();
      if (std::count(stack.begin(), stack.end(), shape.name) > 1) break;
      for (const auto& m : shape.members) {
        out.Set(m.name, Generate(*m.shape, stack, m.name, member_names));
      }
      break;
    case wire::ShapeType::kList:
      out = PyValue::List(
          {Generate(*shape.member, stack, member_names ? shape.member->name : "", member_names)});
      break;
    case wire::ShapeType::kMap:
      out = PyValue::Dict();
      out.Set("KeyName", Generate(*shape.value, stack, "", member_names));
      break;
    case wire::ShapeType::kString:
      out = PyValue::Str(member_names                ? name
                         : shape.enum_values.empty() ? ""
                                                     : shape.enum_values[0]);
      break;
    case wire::ShapeType::kInteger:
    case wire::ShapeType::kLong:
      out = PyValue::Int(0);
      break;
    case wire::ShapeType::kFloat:
    case wire::ShapeType::kDouble:
      out = PyValue::Float(0.0);
      break;
    case wire::ShapeType::kBoolean:
      out = PyValue::Bool(true);
      break;
    case wire::ShapeType::kTimestamp:
      out = PyValue::Epoch();
      break;
    case wire::ShapeType::kBlob:
      break;  // None
  }
  stack.pop_back();
  return out;
}

std::string MemberDoc(const wire::Member& m) {
  return m.documentation.empty() ? m.shape->documentation : m.documentation;
}

// How ruamel writes a scalar of the skeleton: plain when it reads back as the same string.
std::string YamlScalar(const PyValue& v) {
  switch (v.kind) {
    case PyValue::Kind::kBool:
      return v.boolean ? "true" : "false";
    case PyValue::Kind::kInt:
      return v.text;
    case PyValue::Kind::kFloat:
      return python::FloatRepr(v.number);
    case PyValue::Kind::kNone:
      return "";
    case PyValue::Kind::kObject:
      return v.class_name == "bytes" ? "!!binary |" : v.text;
    default:
      break;
  }
  static const std::regex plain("^[A-Za-z_][A-Za-z0-9_./-]*$");
  auto reread = python::PyYamlLoad(v.text);
  if (std::regex_match(v.text, plain) && reread && reread->is_str()) return v.text;
  std::string out = "'";
  for (char c : v.text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// YAMLArgumentGenerator: structures as commented maps, maps as plain dicts.
YamlNode GenerateYaml(const wire::Shape& shape, std::vector<std::string>& stack) {
  stack.push_back(shape.name);
  YamlNode node;
  if (shape.type == wire::ShapeType::kStructure) {
    node.kind = YamlNode::Kind::kMap;
    if (std::count(stack.begin(), stack.end(), shape.name) <= 1) {
      for (const auto& m : shape.members) {
        YamlEntry e{m.name, GenerateYaml(*m.shape, stack), "", false};
        std::string comment = m.required ? "[REQUIRED] " : "";
        comment += DocOverview(MemberDoc(m));
        if (!m.shape->enum_values.empty()) {
          comment += " Valid values are: ";
          for (size_t i = 0; i < m.shape->enum_values.size(); ++i) {
            comment += (i ? ", " : "") + m.shape->enum_values[i];
          }
          comment += ".";
        }
        bool blank = std::all_of(comment.begin(), comment.end(), [](char c) {
          return python::IsSpace(static_cast<unsigned char>(c));
        });
        if (!comment.empty() && !blank) {
          // CommentedMap._yaml_get_column: align with the previous key's comment, else with
          // the last commented key that sorts before this one; with neither, the comment gets
          // an extra leading space.
          bool found = !node.entries.empty() && !node.entries.back().comment.empty();
          for (size_t k = 0; !found && k < node.entries.size(); ++k) {
            if (node.entries[k].key >= m.name) break;
            found = !node.entries[k].comment.empty();
          }
          e.comment = "# " + comment;
          e.extra_space = !found;
        }
        node.entries.push_back(std::move(e));
      }
    }
  } else if (shape.type == wire::ShapeType::kList) {
    node.kind = YamlNode::Kind::kSeq;
    node.items.push_back(GenerateYaml(*shape.member, stack));
  } else if (shape.type == wire::ShapeType::kMap) {
    node.kind = YamlNode::Kind::kMap;
    node.entries.push_back({"KeyName", GenerateYaml(*shape.value, stack), "", false});
  } else {
    std::vector<std::string> inner;
    node.scalar = YamlScalar(Generate(shape, inner, "", false));
  }
  stack.pop_back();
  return node;
}

void EmitSeq(const YamlNode& node, size_t indent, std::string& out);

// Block mapping at `indent`; `first_prefix` replaces the indentation of the first line (a
// sequence item's "- ").
void EmitMap(const YamlNode& node, size_t indent, const std::string& first_prefix,
             std::string& out) {
  for (size_t i = 0; i < node.entries.size(); ++i) {
    const auto& e = node.entries[i];
    out += i == 0 ? first_prefix : std::string(indent, ' ');
    out += e.key + ":";
    bool block = (e.value.kind == YamlNode::Kind::kMap && !e.value.entries.empty()) ||
                 (e.value.kind == YamlNode::Kind::kSeq && !e.value.items.empty());
    if (!block) {
      if (e.value.kind == YamlNode::Kind::kMap)
        out += " {}";
      else if (e.value.kind == YamlNode::Kind::kSeq)
        out += " []";
      else
        out += " " + e.value.scalar;
    }
    if (!e.comment.empty()) out += (e.extra_space ? "  " : " ") + e.comment;
    out += "\n";
    if (block && e.value.kind == YamlNode::Kind::kMap) {
      EmitMap(e.value, indent + 2, std::string(indent + 2, ' '), out);
    } else if (block) {
      EmitSeq(e.value, indent, out);
    }
  }
}

void EmitSeq(const YamlNode& node, size_t indent, std::string& out) {
  for (const auto& item : node.items) {
    std::string dash = std::string(indent, ' ') + "- ";
    if (item.kind == YamlNode::Kind::kMap && !item.entries.empty()) {
      EmitMap(item, indent + 2, dash, out);
    } else if (item.kind == YamlNode::Kind::kSeq && !item.items.empty()) {
      out += dash.substr(0, dash.size() - 1) + "\n";
      EmitSeq(item, indent + 2, out);
    } else {
      out += dash +
             (item.kind == YamlNode::Kind::kScalar ? item.scalar
              : item.kind == YamlNode::Kind::kMap  ? "{}"
                                                   : "[]") +
             "\n";
    }
  }
}

// xml.dom.minidom's view of the text: markup removed and the five entities decoded when the
// documentation parses as XML, the text as it is otherwise.
std::string StripXml(const std::string& doc) {
  if (doc.find_first_of("<&") == std::string::npos) return doc;
  static const std::regex tag(R"(<(/?)([A-Za-z_][\w.-]*)(\s+[^<>]*?)?(/?)>)");
  std::string text;
  std::vector<std::string> open;
  size_t pos = 0;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), tag); it != std::sregex_iterator();
       ++it) {
    text += doc.substr(pos, it->position() - pos);
    pos = it->position() + it->length();
    if ((*it)[1].length()) {
      if (open.empty() || open.back() != (*it)[2].str()) return doc;
      open.pop_back();
    } else if (!(*it)[4].length()) {
      open.push_back((*it)[2].str());
    }
  }
  text += doc.substr(pos);
  if (!open.empty() || text.find('<') != std::string::npos) return doc;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool matched = false;
    for (const auto& [name, ch] : kEntities) {
      if (text.compare(i, std::strlen(name), name) == 0) {
        out += ch;
        i += std::strlen(name) - 1;
        matched = true;
        break;
      }
    }
    if (!matched) return doc;
  }
  return out;
}

}  // namespace

std::string DocOverview(const std::string& documentation) {
  std::string content = StripXml(documentation);
  size_t cut = content.find_first_of(".:");
  if (cut != std::string::npos) content = content.substr(0, cut);
  if (!content.empty()) content += ".";
  std::u32string s = python::DecodeSurrogateEscape(content);
  for (auto& c : s) {
    if (c == '\n' || c == 0x2028) c = ' ';
  }
  return python::EncodeSurrogateEscape(s);
}

std::string InputSkeletonJson(const wire::Operation& op) {
  std::vector<std::string> stack;
  PyValue skeleton = op.input ? Generate(*op.input, stack, "", false) : PyValue::Dict();
  return python::PyJsonDumpsIndented(skeleton) + "\n";
}

std::string InputSkeletonYaml(const wire::Operation& op) {
  if (op.input == nullptr) return "{}\n";
  std::vector<std::string> stack;
  YamlNode root = GenerateYaml(*op.input, stack);
  if (root.entries.empty()) return "{}\n";
  std::string out;
  EmitMap(root, 0, "", out);
  return out;
}

std::optional<PyValue> OutputSkeleton(const wire::Operation& op) {
  if (op.output == nullptr) return std::nullopt;
  std::vector<std::string> stack;
  return Generate(*op.output, stack, "", true);
}

}  // namespace iotjobs::cli::args
