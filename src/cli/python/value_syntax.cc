#include "cli/python/value_syntax.h"

#include <boost/json/value.hpp>

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

void Newline(const ValueSyntax& syntax, int level, std::string* out) {
  if (syntax.indent < 0) return;
  out->push_back('\n');
  out->append(static_cast<std::size_t>(syntax.indent * level), ' ');
}

// `open` items `close`, where append_item writes one item of `items` at `level` + 1.
template <typename Items, typename AppendItem>
void AppendBracketed(char open, const Items& items, char close, const ValueSyntax& syntax,
                     int level, std::string* out, AppendItem append_item) {
  out->push_back(open);
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
  out->push_back(close);
}

void Append(const json::value& value, const ValueSyntax& syntax, int level, std::string* out) {
  switch (value.kind()) {
    case json::kind::null:
      out->append(syntax.null_text);
      return;
    case json::kind::bool_:
      out->append(value.get_bool() ? syntax.true_text : syntax.false_text);
      return;
    case json::kind::int64:
      out->append(std::to_string(value.get_int64()));
      return;
    case json::kind::uint64:
      out->append(std::to_string(value.get_uint64()));
      return;
    case json::kind::double_:
      out->append(syntax.float_text(value.get_double()));
      return;
    case json::kind::string:
      syntax.append_string(value.get_string(), out);
      return;
    case json::kind::array:
      AppendBracketed('[', value.get_array(), ']', syntax, level, out,
                      [&](const json::value& element) { Append(element, syntax, level + 1, out); });
      return;
    case json::kind::object:
      AppendBracketed('{', value.get_object(), '}', syntax, level, out,
                      [&](const json::key_value_pair& member) {
                        syntax.append_string(member.key(), out);
                        out->append(syntax.key_separator);
                        Append(member.value(), syntax, level + 1, out);
                      });
      return;
  }
}

}  // namespace

void AppendValue(const json::value& value, const ValueSyntax& syntax, std::string* out) {
  Append(value, syntax, 0, out);
}

}  // namespace iotjobs::cli::python
