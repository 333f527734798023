#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

// How repr() and json.dumps() spell a value. They walk it the same way and differ only in the
// words for None, True and False, how floats and strings look, the separators and the
// indentation: "[" items "]" and "{" key separator value "}", the items joined by a separator
// and, with an indent, each on a line of its own; empty ones are "[]" and "{}" either way.
// Integers are their decimal digits in both.
//
// The CLI holds values in two models (Boost.JSON for responses and jmespath, PyValue for what
// args/ parses, see json_loads.h for why), so the walk is a template over the model: a model
// describes itself to the walker in a ValueModel specialisation (Boost.JSON's is below;
// PyValue's is in value.h), and the spelling is the same for both.
namespace iotjobs::cli::python {

struct ValueSyntax {
  std::string_view null_text;
  std::string_view true_text;
  std::string_view false_text;
  std::string (*float_text)(double value);
  void (*append_string)(std::string_view utf8, std::string* out);  // Values and keys.
  std::string_view item_separator;
  std::string_view key_separator;
  int indent;  // Spaces per level; negative puts everything on one line.
  // repr() spells an OrderedDict OrderedDict([('k', 1)]) (OrderedDict() when empty) and shows
  // dict keys as the values they are; json.dumps() writes it as any dict, and every key, and
  // every object it cannot serialise, as a JSON string of its str().
  bool python_repr = false;
};

// Python's types as the CLI tells values apart: None, bool, int, float, str, list, dict, and
// any other object (bytes, datetime).
enum class ValueKind { kNone, kBool, kInt, kFloat, kStr, kList, kDict, kObject };

// type(value).__name__ of each kind but kObject ("NoneType", "bool", ..., "dict").
std::string_view TypeName(ValueKind kind);

// How a value model shows itself to the walker. A specialisation for V provides:
//   static ValueKind Kind(const V&);
//   static bool Bool(const V&);
//   static void AppendInt(const V&, std::string* out);
//   static double Float(const V&);
//   static std::string_view Text(const V&);          // a str's UTF-8, or str() of an object
//   static const auto& Items(const V&);              // a list's elements, each a V
//   static const auto& Entries(const V&);            // a dict's entries, in order
//   static const V& EntryValue(const Entry&);
//   static void AppendKey(const Entry&, const ValueSyntax&, std::string* out);
//   static bool IsOrderedDict(const V&);
template <typename V>
struct ValueModel;

namespace value_syntax_internal {

inline void Newline(const ValueSyntax& syntax, int level, std::string* out) {
  if (syntax.indent < 0) return;
  out->push_back('\n');
  out->append(static_cast<std::size_t>(syntax.indent * level), ' ');
}

// `open` items `close`, where append_item writes one item of `items` at `level` + 1.
template <typename Items, typename AppendItem>
void AppendBracketed(std::string_view open, const Items& items, std::string_view close,
                     const ValueSyntax& syntax, int level, std::string* out,
                     AppendItem append_item) {
  out->append(open);
  if (!items.empty()) {
    bool first = true;
    for (const auto& item : items) {
      if (!first) out->append(syntax.item_separator);
      first = false;
      Newline(syntax, level + 1, out);
      append_item(item);
    }
    Newline(syntax, level, out);
  }
  out->append(close);
}

}  // namespace value_syntax_internal

// Appends `value` at nesting `level` (for the indentation of what it holds).
template <typename V>
void AppendValue(const V& value, const ValueSyntax& syntax, int level, std::string* out) {
  using Model = ValueModel<V>;
  using value_syntax_internal::AppendBracketed;
  switch (Model::Kind(value)) {
    case ValueKind::kNone:
      out->append(syntax.null_text);
      return;
    case ValueKind::kBool:
      out->append(Model::Bool(value) ? syntax.true_text : syntax.false_text);
      return;
    case ValueKind::kInt:
      Model::AppendInt(value, out);
      return;
    case ValueKind::kFloat:
      out->append(syntax.float_text(Model::Float(value)));
      return;
    case ValueKind::kStr:
      syntax.append_string(Model::Text(value), out);
      return;
    case ValueKind::kObject:
      if (syntax.python_repr) {
        out->append(Model::Text(value));
      } else {
        syntax.append_string(Model::Text(value), out);
      }
      return;
    case ValueKind::kList:
      AppendBracketed("[", Model::Items(value), "]", syntax, level, out,
                      [&](const V& item) { AppendValue(item, syntax, level + 1, out); });
      return;
    case ValueKind::kDict:
      if (syntax.python_repr && Model::IsOrderedDict(value)) {
        if (Model::Entries(value).empty()) {
          out->append("OrderedDict()");
          return;
        }
        AppendBracketed("OrderedDict([", Model::Entries(value), "])", syntax, level, out,
                        [&](const auto& entry) {
                          out->push_back('(');
                          Model::AppendKey(entry, syntax, out);
                          out->append(syntax.item_separator);
                          AppendValue(Model::EntryValue(entry), syntax, level + 1, out);
                          out->push_back(')');
                        });
        return;
      }
      AppendBracketed("{", Model::Entries(value), "}", syntax, level, out,
                      [&](const auto& entry) {
                        Model::AppendKey(entry, syntax, out);
                        out->append(syntax.key_separator);
                        AppendValue(Model::EntryValue(entry), syntax, level + 1, out);
                      });
      return;
  }
}

// Boost.JSON, as json.loads() would have made it: null is None, an object a dict (never
// ordered), keys are str.
template <>
struct ValueModel<boost::json::value> {
  static ValueKind Kind(const boost::json::value& value);
  static bool Bool(const boost::json::value& value);
  static void AppendInt(const boost::json::value& value, std::string* out);
  static double Float(const boost::json::value& value);
  static std::string_view Text(const boost::json::value& value);
  static const boost::json::array& Items(const boost::json::value& value);
  static const boost::json::object& Entries(const boost::json::value& value);
  static const boost::json::value& EntryValue(const boost::json::key_value_pair& entry);
  static void AppendKey(const boost::json::key_value_pair& entry, const ValueSyntax& syntax,
                        std::string* out);
  static bool IsOrderedDict(const boost::json::value&) { return false; }
};

void AppendValue(const boost::json::value& value, const ValueSyntax& syntax, std::string* out);

}  // namespace iotjobs::cli::python
