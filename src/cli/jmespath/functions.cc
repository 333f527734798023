#include "cli/jmespath/functions.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <string>

#include "cli/jmespath/builtins.h"
#include "cli/jmespath/error_messages.h"
#include "cli/jmespath/value_ops.h"
#include "cli/python/json_value.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

// One parameter: the accepted types in jmespath's notation ("number", "array-string",
// "expref"); empty accepts any value.
using Param = std::vector<std::string_view>;

struct FunctionSpec {
  std::string_view name;
  std::vector<Param> params;
  bool variadic;  // The last parameter repeats (at least once).
  Result<json::value> (*body)(std::vector<Argument>&);
};

// Every built-in with the signature jmespath's @signature decorator gives it.
const std::vector<FunctionSpec>& FunctionTable() {
  static const std::vector<FunctionSpec> kTable = {
      {"abs", {{"number"}}, false, builtins::Abs},
      {"avg", {{"array-number"}}, false, builtins::Avg},
      {"ceil", {{"number"}}, false, builtins::Ceil},
      {"contains", {{"array", "string"}, {}}, false, builtins::Contains},
      {"ends_with", {{"string"}, {"string"}}, false, builtins::EndsWith},
      {"floor", {{"number"}}, false, builtins::Floor},
      {"join", {{"string"}, {"array-string"}}, false, builtins::Join},
      {"keys", {{"object"}}, false, builtins::Keys},
      {"length", {{"string", "array", "object"}}, false, builtins::Length},
      {"map", {{"expref"}, {"array"}}, false, builtins::Map},
      {"max", {{"array-number", "array-string"}}, false, builtins::Max},
      {"max_by", {{"array"}, {"expref"}}, false, builtins::MaxBy},
      {"merge", {{"object"}}, true, builtins::Merge},
      {"min", {{"array-number", "array-string"}}, false, builtins::Min},
      {"min_by", {{"array"}, {"expref"}}, false, builtins::MinBy},
      {"not_null", {{}}, true, builtins::NotNull},
      {"reverse", {{"array", "string"}}, false, builtins::Reverse},
      {"sort", {{"array-string", "array-number"}}, false, builtins::Sort},
      {"sort_by", {{"array"}, {"expref"}}, false, builtins::SortBy},
      {"starts_with", {{"string"}, {"string"}}, false, builtins::StartsWith},
      {"sum", {{"array-number"}}, false, builtins::Sum},
      {"to_array", {{}}, false, builtins::ToArray},
      {"to_number", {{}}, false, builtins::ToNumber},
      {"to_string", {{}}, false, builtins::ToString},
      {"type", {{}}, false, builtins::Type},
      {"values", {{"object"}}, false, builtins::Values},
  };
  return kTable;
}

// An expression reference has no JSON form; Python would show its object repr here.
constexpr std::string_view kExprefText = "<expression reference>";
constexpr std::string_view kExprefType = "expref";

std::string_view TypeOf(const Argument& arg) {
  return arg.expref != nullptr ? kExprefType : JmespathTypeName(arg.value.get());
}

std::string TextOf(const Argument& arg) {
  return arg.expref != nullptr ? std::string(kExprefText) : python::Str(arg.value.get());
}

Status TypeError(std::string_view function, const std::string& value, const Param& expected,
                 std::string_view received) {
  return InvalidRequest(msg::TypeErrorMessage(function, value, expected, received));
}

// Python's _type_check_single and _subtype_check. Element errors name the element's Python
// type ("str", "int"), as jmespath's do.
Status CheckType(std::string_view function, const Argument& arg, const Param& types) {
  std::vector<std::string_view> subtypes;
  bool allowed = false;
  const std::string_view actual = TypeOf(arg);
  for (std::string_view type : types) {
    const std::size_t dash = type.find('-');
    if (dash != std::string_view::npos) subtypes.push_back(type.substr(dash + 1));
    if (type.substr(0, dash) == actual) allowed = true;
  }
  if (!allowed) return TypeError(function, TextOf(arg), types, actual);
  if (subtypes.empty() || !arg.value.get().is_array()) return Status::Ok();
  const json::array& elements = arg.value.get().get_array();
  if (elements.empty()) return Status::Ok();
  std::string_view subtype = subtypes.front();
  if (subtypes.size() > 1) {
    // The first element's type picks which of the typed arrays the rest must be.
    const std::string_view first = JmespathTypeName(elements.front());
    if (std::find(subtypes.begin(), subtypes.end(), first) == subtypes.end()) {
      return TypeError(function, python::Str(elements.front()), types,
                       python::TypeName(elements.front()));
    }
    subtype = first;
  }
  for (const json::value& element : elements) {
    if (JmespathTypeName(element) != subtype) {
      return TypeError(function, python::Str(element), types, python::TypeName(element));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<json::value> CallFunction(std::string_view name, std::vector<Argument>& args) {
  const std::vector<FunctionSpec>& table = FunctionTable();
  const auto spec = std::find_if(table.begin(), table.end(),
                                 [&](const FunctionSpec& f) { return f.name == name; });
  if (spec == table.end()) return InvalidRequest(msg::UnknownFunctionMessage(name));
  const std::size_t expected = spec->params.size();
  if (spec->variadic ? args.size() < expected : args.size() != expected) {
    return InvalidRequest(msg::ArityMessage(expected, args.size(), name, spec->variadic));
  }
  // Python checks only the declared parameters, so merge(a, 1) would fail inside dict.update;
  // the repeated parameter's type is checked here for every argument instead.
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Param& types = spec->params[std::min(i, expected - 1)];
    if (!types.empty()) {
      IOTJOBS_RETURN_IF_ERROR(CheckType(name, args[i], types));
    } else if (args[i].expref != nullptr) {
      // Python would pass the reference on; there is no JSON value to pass.
      return TypeError(name, std::string(kExprefText),
                       {"array", "boolean", "null", "number", "object", "string"}, kExprefType);
    }
  }
  return spec->body(args);
}

}  // namespace iotjobs::cli::jmespath
