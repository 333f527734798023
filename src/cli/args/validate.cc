#include "cli/args/validate.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>

#include "cli/args/error_messages.h"
#include "cli/python/repr.h"
#include "cli/python/text.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

namespace wire = api::wire;

constexpr const char* kStr = "<class 'str'>";
constexpr const char* kInt = "<class 'int'>";

// ValidationErrors._get_name.
std::string DisplayName(const std::string& name) {
  if (name.empty()) return "input";
  if (name[0] == '.') return name.substr(1);
  return name;
}

// A model bound as Python holds it: the models give integers.
std::string MinText(double min) {
  if (std::floor(min) == min && std::fabs(min) < 1e15) {
    return std::to_string(static_cast<long long>(min));
  }
  return python::FloatRepr(min);
}

long double NumericValue(const PyValue& v) {
  if (v.kind == PyValue::Kind::kBool) return v.boolean ? 1 : 0;
  if (v.kind == PyValue::Kind::kFloat) return v.number;
  return std::strtold(v.text.c_str(), nullptr);
}

class Validator {
 public:
  std::vector<std::string> errors;

  void Validate(const PyValue& p, const wire::Shape& shape, const std::string& name) {
    switch (shape.type) {
      case wire::ShapeType::kStructure:
        return Structure(p, shape, name);
      case wire::ShapeType::kString:
        if (!TypeCheck(p, p.is_str(), {kStr}, name)) return;
        return Range(name, python::PyLen(p.text), shape, "length");
      case wire::ShapeType::kList:
        if (!TypeCheck(p, p.is_list(), {"<class 'list'>", "<class 'tuple'>"}, name)) return;
        Range(name, static_cast<long double>(p.items.size()), shape, "length");
        for (size_t i = 0; i < p.items.size(); ++i) {
          Validate(p.items[i], *shape.member, name + "[" + std::to_string(i) + "]");
        }
        return;
      case wire::ShapeType::kMap:
        if (!TypeCheck(p, p.is_dict(), {"<class 'dict'>"}, name)) return;
        for (const auto& [k, v] : p.entries) {
          Validate(k, *shape.key, name + " (key: " + python::PyStr(k) + ")");
          Validate(v, *shape.value, name + "." + python::PyStr(k));
        }
        return;
      case wire::ShapeType::kInteger:
      case wire::ShapeType::kLong:
        if (!TypeCheck(p, p.is_int_like(), {kInt}, name)) return;
        return Range(name, NumericValue(p), shape, "value", &p);
      case wire::ShapeType::kBoolean:
        TypeCheck(p, p.kind == PyValue::Kind::kBool, {"<class 'bool'>"}, name);
        return;
      case wire::ShapeType::kDouble:
      case wire::ShapeType::kFloat:
        if (!TypeCheck(p, p.is_int_like() || p.kind == PyValue::Kind::kFloat,
                       {"<class 'float'>", "<class 'decimal.Decimal'>", kInt}, name)) {
          return;
        }
        return Range(name, NumericValue(p), shape, "value", &p);
      case wire::ShapeType::kBlob:
        if (!p.is_str() && !p.is_bytes()) {
          Report(name, p, {"<class 'bytes'>", "<class 'bytearray'>", "file-like object"});
        }
        return;
      case wire::ShapeType::kTimestamp: {
        // botocore accepts datetimes, epoch numbers and strings dateutil can read; the last is
        // approximated as "holds a digit".
        bool ok = (p.kind == PyValue::Kind::kObject && p.class_name.rfind("datetime", 0) == 0) ||
                  p.is_int_like() || p.kind == PyValue::Kind::kFloat ||
                  (p.is_str() && p.text.find_first_of("0123456789") != std::string::npos);
        if (!ok) Report(name, p, {"<class 'datetime.datetime'>", "timestamp-string"});
        return;
      }
    }
  }

 private:
  void Structure(const PyValue& p, const wire::Shape& shape, const std::string& name) {
    if (!TypeCheck(p, p.is_dict(), {"<class 'dict'>"}, name)) return;
    for (const auto& m : shape.members) {
      if (m.required && !p.Contains(m.name)) {
        errors.push_back("Missing required parameter in " + DisplayName(name) + ": \"" + m.name +
                         "\"");
      }
    }
    std::vector<std::pair<const PyValue*, const wire::Member*>> known;
    for (const auto& [k, v] : p.entries) {
      const wire::Member* m = k.is_str() ? shape.FindMember(k.text) : nullptr;
      if (m == nullptr) {
        std::string names;
        for (const auto& mm : shape.members) names += (names.empty() ? "" : ", ") + mm.name;
        errors.push_back("Unknown parameter in " + DisplayName(name) + ": \"" + python::PyStr(k) +
                         "\", must be one of: " + names);
      } else {
        known.emplace_back(&v, m);
      }
    }
    for (const auto& [v, m] : known) Validate(*v, *m->shape, name + "." + m->name);
  }

  bool TypeCheck(const PyValue& p, bool ok, std::initializer_list<const char*> valid,
                 const std::string& name) {
    if (!ok) Report(name, p, valid);
    return ok;
  }

  void Report(const std::string& name, const PyValue& p, std::initializer_list<const char*> valid) {
    std::string types;
    for (const char* t : valid) types += (types.empty() ? "" : ", ") + std::string(t);
    errors.push_back("Invalid type for parameter " + DisplayName(name) +
                     ", value: " + python::PyStr(p) + ", type: " + python::PyTypeName(p) +
                     ", valid types: " + types);
  }

  // range_check: only `min`, and only when the model has one.
  void Range(const std::string& name, long double value, const wire::Shape& shape, const char* what,
             const PyValue* param = nullptr) {
    if (!shape.min || !(value < static_cast<long double>(*shape.min))) return;
    std::string shown =
        param ? python::PyStr(*param) : std::to_string(static_cast<long long>(value));
    errors.push_back(std::string("Invalid ") + what + " for parameter " + DisplayName(name) +
                     ", value: " + shown + ", valid min " + what + ": " + MinText(*shape.min));
  }
};

}  // namespace

std::vector<std::string> ValidateParameters(const PyValue& params, const wire::Shape& shape) {
  Validator v;
  v.Validate(params, shape, "");
  return std::move(v.errors);
}

std::vector<std::string> ValidateParameters(const boost::json::object& params,
                                            const wire::Shape& shape) {
  return ValidateParameters(python::FromJson(boost::json::value(params)), shape);
}

Status ValidationStatus(const std::vector<std::string>& errors) {
  if (errors.empty()) return Status::Ok();
  std::string text = std::string("\n") + kParamValidationFailed;
  for (size_t i = 0; i < errors.size(); ++i) text += (i ? "\n" : "") + errors[i];
  return InvalidRequest(text + "\n");
}

}  // namespace iotjobs::cli::args
