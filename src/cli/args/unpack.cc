#include "cli/args/unpack.h"

#include "cli/args/param_file.h"
#include "cli/args/shorthand.h"
#include "cli/python/text.h"
#include "cli/python/value_json.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

bool IsComplex(wire::ShapeType t) {
  return t == wire::ShapeType::kStructure || t == wire::ShapeType::kList ||
         t == wire::ShapeType::kMap;
}

// value[0] of a str: its first character.
std::string FirstChar(const std::string& text) {
  std::u32string s = python::DecodeSurrogateEscape(text);
  return s.empty() ? "" : python::EncodeSurrogateEscape(s.substr(0, 1));
}

// The bare class name for TypeError texts: "list", "dict".
std::string ClassName(const PyValue& v) {
  std::string t = python::PyTypeName(v);  // <class 'list'>
  return t.substr(8, t.size() - 10);
}

// _unpack_json_cli_arg: json.loads(value, object_pairs_hook=OrderedDict).
Result<PyValue> UnpackJson(const std::string& text, const std::string& cli_name) {
  python::PyJsonResult r = python::PyJsonLoads(text, /*ordered=*/true);
  if (!r.value) {
    return InvalidRequest(
        ParamErrorText(cli_name, "Invalid JSON: " + r.error + "\nJSON received: " + text));
  }
  return std::move(*r.value);
}

// unpack_scalar_cli_arg: int() and float() for numbers (of a str, or of bytes from fileb://),
// everything else as it is.
Result<PyValue> UnpackScalar(const wire::Shape& shape, const PyValue& value) {
  const std::string* text = value.is_str() ? &value.text : value.is_bytes() ? &value.raw : nullptr;
  switch (shape.type) {
    case wire::ShapeType::kInteger:
    case wire::ShapeType::kLong:
      if (value.kind == PyValue::Kind::kInt) return value;
      if (value.kind == PyValue::Kind::kBool) return PyValue::Int(value.boolean ? 1 : 0);
      if (text) {
        if (auto i = python::PyIntParse(*text)) return PyValue::IntText(*i);
        return Internal("invalid literal for int() with base 10: " +
                        (value.is_str() ? python::PyReprString(*text) : value.text));
      }
      return Internal(
          "int() argument must be a string, a bytes-like object or a real number, "
          "not '" +
          ClassName(value) + "'");
    case wire::ShapeType::kFloat:
    case wire::ShapeType::kDouble:
      if (value.kind == PyValue::Kind::kFloat) return value;
      if (value.kind == PyValue::Kind::kInt) return PyValue::Float(std::stod(value.text));
      if (text) {
        if (auto f = python::PyFloatParse(*text)) return PyValue::Float(*f);
        return Internal("could not convert string to float: " +
                        (value.is_str() ? python::PyReprString(*text) : value.text));
      }
      return Internal("float() argument must be a string or a real number, not '" +
                      ClassName(value) + "'");
    default:
      return value;
  }
}

Result<PyValue> Unpack(const wire::Shape& shape, const PyValue& value, const std::string& cli_name);

// _unpack_complex_cli_arg for lists.
Result<PyValue> UnpackList(const wire::Shape& shape, const PyValue& value,
                           const std::string& cli_name) {
  if (value.is_str()) {
    std::string stripped = python::PyLStrip(value.text);
    if (stripped.empty()) return Internal("string index out of range");
    if (stripped[0] == '[') return UnpackJson(value.text, cli_name);
  } else if (value.is_list() && value.items.size() == 1 && value.items[0].is_str()) {
    std::string single = python::PyStrip(value.items[0].text);
    if (!single.empty() && single[0] == '[') return UnpackJson(value.items[0].text, cli_name);
  }
  // Each element, or each character of a string that came from a file.
  std::vector<PyValue> elements;
  std::string first;
  if (value.is_str()) {
    for (char32_t c : python::DecodeSurrogateEscape(value.text)) {
      elements.push_back(PyValue::Str(python::EncodeSurrogateEscape(std::u32string(1, c))));
    }
    first = FirstChar(value.text);
  } else if (value.is_bytes()) {
    // Iterating bytes gives ints.
    for (unsigned char b : value.raw) elements.push_back(PyValue::Int(b));
    if (!elements.empty()) first = elements[0].text;
  } else if (value.is_list()) {
    elements = value.items;
    if (!elements.empty()) first = python::PyStr(elements[0]);
  }
  PyValue out = PyValue::List();
  for (const auto& e : elements) {
    auto r = Unpack(*shape.member, e, cli_name);
    if (!r.ok()) {
      // A ValueError or TypeError inside becomes ParamError(cli_name, value[0]).
      if (r.status().code() == ErrorCode::kInternalFailure &&
          r.status().message().find("' object has no attribute") == std::string::npos &&
          r.status().message() != "string index out of range") {
        return InvalidRequest(ParamErrorText(cli_name, first));
      }
      return r.status();
    }
    out.items.push_back(std::move(r).value());
  }
  return out;
}

Result<PyValue> Unpack(const wire::Shape& shape, const PyValue& value,
                       const std::string& cli_name) {
  if (!IsComplex(shape.type)) return UnpackScalar(shape, value);
  if (shape.type == wire::ShapeType::kList) return UnpackList(shape, value, cli_name);
  if (!value.is_str()) return Internal("'" + ClassName(value) + "' object is not subscriptable");
  std::string stripped = python::PyLStrip(value.text);
  if (stripped.empty()) return Internal("string index out of range");
  if (stripped[0] == '{') return UnpackJson(value.text, cli_name);
  return InvalidRequest(ParamErrorText(cli_name, "Invalid JSON:\n" + value.text));
}

// ParamShorthandParser._should_parse_as_shorthand and _supports_shorthand_syntax.
bool UsesShorthand(const wire::Shape& shape, const PyValue& value) {
  const PyValue* check = value.is_list() && !value.items.empty() ? &value.items[0] : &value;
  if (check->is_str()) {
    std::string stripped = python::PyStrip(check->text);
    if (!stripped.empty() && (stripped[0] == '[' || stripped[0] == '{')) return false;
  }
  if (!IsComplex(shape.type)) return false;
  return shape.type != wire::ShapeType::kList || IsComplex(shape.member->type);
}

Result<PyValue> ParseOneShorthand(const PyValue& v, const std::string& cli_name) {
  if (!v.is_str()) {
    // The parser indexes the bytes as if they were text.
    return Internal(v.text == "b''" ? "a bytes-like object is required, not 'str'"
                                    : "'in <string>' requires string as left operand, not int");
  }
  auto parsed = ParseShorthand(v.text);
  if (!parsed.ok()) return InvalidRequest(ParamErrorText(cli_name, parsed.status().message()));
  return parsed;
}

}  // namespace

std::string ParamErrorText(const std::string& cli_name, const std::string& message) {
  return "Error parsing parameter '" + cli_name + "': " + message;
}

Result<PyValue> LoadOptionFile(const std::string& cli_name, PyValue value) {
  const PyValue* path = &value;
  if (value.is_list() && value.items.size() == 1) path = &value.items[0];
  if (!path->is_str()) return value;
  auto loaded = LoadParamFile(path->text);
  if (!loaded.ok()) return InvalidRequest(ParamErrorText(cli_name, loaded.status().message()));
  if (!loaded->has_value()) return value;
  return std::move(**loaded);
}

Result<PyValue> UnpackMemberValue(const CliOption& option, PyValue value) {
  const wire::Shape& shape = *option.member->shape;
  std::string cli_name = "--" + option.name;
  if (shape.type == wire::ShapeType::kBoolean) return value;  // store_true / store_false
  if (UsesShorthand(shape, value)) {
    // The structure-of-one-"Value" special case: --x shutdown means {"Value": "shutdown"}.
    if (shape.type == wire::ShapeType::kStructure && shape.members.size() == 1 &&
        shape.members[0].name == "Value" &&
        shape.members[0].shape->type == wire::ShapeType::kString && value.is_str() &&
        value.text.find('=') == std::string::npos) {
      PyValue d = PyValue::Dict();
      d.Set("Value", value);
      return d;
    }
    PyValue parsed;
    if (value.is_list()) {
      parsed = PyValue::List();
      for (const auto& v : value.items) {
        IOTJOBS_ASSIGN_OR_RETURN(PyValue one, ParseOneShorthand(v, cli_name));
        parsed.items.push_back(std::move(one));
      }
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(parsed, ParseOneShorthand(value, cli_name));
    }
    IOTJOBS_RETURN_IF_ERROR(ApplyShorthandModel(parsed, shape));
    return parsed;
  }
  return Unpack(shape, value, cli_name);
}

}  // namespace iotjobs::cli::args
