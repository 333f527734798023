#include "cli/python/value_syntax.h"

#include <boost/json/value.hpp>

namespace iotjobs::cli::python {

namespace json = boost::json;

std::string_view TypeName(ValueKind kind) {
  static constexpr std::string_view kNames[] = {"NoneType", "bool", "int",  "float",
                                                "str",      "list", "dict", "object"};
  return kNames[static_cast<int>(kind)];
}

ValueKind ValueModel<json::value>::Kind(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return ValueKind::kNone;
    case json::kind::bool_:
      return ValueKind::kBool;
    case json::kind::int64:
    case json::kind::uint64:
      return ValueKind::kInt;
    case json::kind::double_:
      return ValueKind::kFloat;
    case json::kind::string:
      return ValueKind::kStr;
    case json::kind::array:
      return ValueKind::kList;
    case json::kind::object:
      return ValueKind::kDict;
  }
  return ValueKind::kNone;
}

bool ValueModel<json::value>::Bool(const json::value& value) { return value.get_bool(); }

void ValueModel<json::value>::AppendInt(const json::value& value, std::string* out) {
  out->append(value.is_int64() ? std::to_string(value.get_int64())
                               : std::to_string(value.get_uint64()));
}

double ValueModel<json::value>::Float(const json::value& value) { return value.get_double(); }

std::string_view ValueModel<json::value>::Text(const json::value& value) {
  return value.get_string();
}

const json::array& ValueModel<json::value>::Items(const json::value& value) {
  return value.get_array();
}

const json::object& ValueModel<json::value>::Entries(const json::value& value) {
  return value.get_object();
}

const json::value& ValueModel<json::value>::EntryValue(const json::key_value_pair& entry) {
  return entry.value();
}

void ValueModel<json::value>::AppendKey(const json::key_value_pair& entry,
                                        const ValueSyntax& syntax, std::string* out) {
  syntax.append_string(entry.key(), out);
}

void AppendValue(const json::value& value, const ValueSyntax& syntax, std::string* out) {
  AppendValue(value, syntax, 0, out);
}

}  // namespace iotjobs::cli::python
