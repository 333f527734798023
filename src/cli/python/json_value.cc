#include "cli/python/json_value.h"

#include <boost/json/value.hpp>

#include "cli/python/repr.h"
#include "cli/python/utf8.h"
#include "cli/python/value_syntax.h"

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

void AppendStringRepr(std::string_view text, std::string* out) {
  AppendStrRepr(DecodeUtf8(text), out);
}

}  // namespace

ValueSyntax ReprSyntax() {
  // list.__repr__ and dict.__repr__ around the scalars' repr().
  return ValueSyntax{.null_text = "None",
                     .true_text = "True",
                     .false_text = "False",
                     .float_text = FloatRepr,
                     .append_string = AppendStringRepr,
                     .item_separator = ", ",
                     .key_separator = ": ",
                     .indent = -1,
                     .python_repr = true};
}

std::string Repr(const json::value& value) {
  static const ValueSyntax kRepr = ReprSyntax();
  std::string out;
  AppendValue(value, kRepr, &out);
  return out;
}

std::string Str(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  return Repr(value);
}

std::string_view TypeName(const json::value& value) {
  return TypeName(ValueModel<json::value>::Kind(value));
}

bool Truthy(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return false;
    case json::kind::bool_:
      return value.get_bool();
    case json::kind::int64:
      return value.get_int64() != 0;
    case json::kind::uint64:
      return value.get_uint64() != 0;
    case json::kind::double_:
      return value.get_double() != 0;
    case json::kind::string:
      return !value.get_string().empty();
    case json::kind::array:
      return !value.get_array().empty();
    case json::kind::object:
      return !value.get_object().empty();
  }
  return true;
}

}  // namespace iotjobs::cli::python
