#include "api/validation/validator.h"

#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "api/validation/documented_ranges.h"
#include "api/validation/pattern.h"
#include "common/encoding.h"
#include "common/log.h"

namespace iotjobs::api::validation {
namespace {
namespace json = boost::json;
using wire::Shape;
using wire::ShapeType;

// Every pattern of both models, compiled once.
const Pattern* PatternFor(const Shape& shape) {
  static const auto* cache = [] {
    auto* m = new std::map<const Shape*, std::unique_ptr<Pattern>>();
    for (const wire::ServiceModel* model : {&wire::ControlPlaneModel(), &wire::DevicePlaneModel()}) {
      for (const auto& [name, s] : model->shapes) {
        if (s.pattern.empty()) continue;
        auto p = Pattern::Compile(s.pattern);
        if (!p) {
          IOTJOBS_LOG(kError) << "validation: cannot compile pattern of " << name << ": "
                              << s.pattern;
          continue;
        }
        (*m)[&s] = std::move(p);
      }
    }
    return m;
  }();
  auto it = cache->find(&shape);
  return it == cache->end() ? nullptr : it->second.get();
}

std::string Shown(const json::value& v) {
  std::string text = v.is_string() ? std::string(v.get_string()) : json::serialize(v);
  if (text.size() > 256) text = text.substr(0, 256) + "...";
  return "'" + text + "'";
}

std::string FormatNumber(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

class Checker {
 public:
  void Structure(const Shape& shape, const json::object& o, const std::string& path) {
    for (const auto& m : shape.members) {
      std::string where = path.empty() ? m.name : path + "." + m.name;
      auto it = o.find(m.name);
      if (it == o.end() || it->value().is_null()) {
        if (m.required) Fail("Value null at '" + where + "' failed to satisfy constraint: "
                             "Member must not be null");
        continue;
      }
      Value(*m.shape, it->value(), where);
    }
  }

  void Value(const Shape& shape, const json::value& v, const std::string& where) {
    switch (shape.type) {
      case ShapeType::kString: {
        if (!v.is_string()) return Type(v, where, "a string");
        std::string_view s = v.get_string();
        size_t len = CodePoints(s);
        if (shape.min && len < *shape.min) {
          Constraint(v, where, "Member must have length greater than or equal to " +
                                   FormatNumber(*shape.min));
        }
        if (shape.max && len > *shape.max) {
          Constraint(v, where, "Member must have length less than or equal to " +
                                   FormatNumber(*shape.max));
        }
        if (!shape.enum_values.empty()) {
          bool found = false;
          for (const auto& e : shape.enum_values) found = found || e == s;
          if (!found) {
            std::string set;
            for (const auto& e : shape.enum_values) set += (set.empty() ? "" : ", ") + e;
            Constraint(v, where, "Member must satisfy enum value set: [" + set + "]");
          }
        }
        if (const Pattern* p = PatternFor(shape); p && !p->FullMatch(s)) {
          Constraint(v, where, "Member must satisfy regular expression pattern: " + shape.pattern);
        }
        return;
      }
      case ShapeType::kInteger:
      case ShapeType::kLong: {
        const char* expected = shape.type == ShapeType::kLong ? "a long" : "an integer";
        if (!v.is_int64() && !v.is_uint64()) return Type(v, where, expected);
        double d = v.is_int64() ? static_cast<double>(v.get_int64())
                                : static_cast<double>(v.get_uint64());
        bool fits = shape.type == ShapeType::kLong
                        ? v.is_int64()
                        : v.is_int64() && v.get_int64() >= INT32_MIN && v.get_int64() <= INT32_MAX;
        if (!fits) return Type(v, where, expected);
        Range(shape, v, d, where);
        return;
      }
      case ShapeType::kDouble:
      case ShapeType::kFloat: {
        if (!v.is_number()) return Type(v, where, "a number");
        Range(shape, v, v.to_number<double>(), where);
        return;
      }
      case ShapeType::kBoolean:
        if (!v.is_bool()) Type(v, where, "a boolean");
        return;
      case ShapeType::kTimestamp:
        if (!v.is_number() && !v.is_string()) Type(v, where, "a timestamp");
        return;
      case ShapeType::kBlob:
        if (!v.is_string()) Type(v, where, "a base64 string");
        return;
      case ShapeType::kStructure:
        if (!v.is_object()) return Type(v, where, "an object");
        Structure(shape, v.get_object(), where);
        return;
      case ShapeType::kList: {
        if (!v.is_array()) return Type(v, where, "a list");
        const json::array& a = v.get_array();
        Count(shape, v, a.size(), where);
        for (size_t i = 0; i < a.size(); ++i) {
          if (a[i].is_null()) {
            Fail("Value null at '" + where + "." + std::to_string(i + 1) +
                 ".member' failed to satisfy constraint: Member must not be null");
            continue;
          }
          Value(*shape.member, a[i], where + "." + std::to_string(i + 1) + ".member");
        }
        return;
      }
      case ShapeType::kMap: {
        if (!v.is_object()) return Type(v, where, "a map");
        const json::object& o = v.get_object();
        Count(shape, v, o.size(), where);
        for (const auto& kv : o) {
          Value(*shape.key, json::value(kv.key()), where + ".key");
          if (kv.value().is_null()) {
            Fail("Value null at '" + where + ".value' failed to satisfy constraint: "
                 "Member must not be null");
            continue;
          }
          Value(*shape.value, kv.value(), where + ".value");
        }
        return;
      }
    }
  }

  Status Result() const {
    if (errors_.empty()) return Status::Ok();
    std::string message = std::to_string(errors_.size()) + " validation error" +
                          (errors_.size() == 1 ? "" : "s") + " detected: ";
    for (size_t i = 0; i < errors_.size(); ++i) {
      if (i) message += "; ";
      message += errors_[i];
    }
    return InvalidRequest(std::move(message));
  }

 private:
  // The model's range, narrowed by what AWS documents beyond it (documented_ranges.h).
  void Range(const Shape& shape, const json::value& v, double d, const std::string& where) {
    if (!std::isfinite(d)) return Constraint(v, where, "Member must be a finite number");
    const DocumentedRange* documented = DocumentedRangeFor(shape.name);
    if (documented && documented->also && d == *documented->also) return;
    std::optional<double> min = shape.min, max = shape.max;
    if (documented && documented->min && (!min || *documented->min > *min)) min = documented->min;
    if (documented && documented->max && (!max || *documented->max < *max)) max = documented->max;
    std::string besides;
    if (documented && documented->also) {
      besides = " (or " + FormatNumber(*documented->also) + " " +
                std::string(documented->also_means) + ")";
    }
    if (min && d < *min) {
      Constraint(v, where, "Member must have value greater than or equal to " +
                               FormatNumber(*min) + besides);
    }
    if (max && d > *max) {
      Constraint(v, where, "Member must have value less than or equal to " +
                               FormatNumber(*max) + besides);
    }
  }
  void Count(const Shape& shape, const json::value& v, size_t n, const std::string& where) {
    if (shape.min && n < *shape.min) {
      Constraint(v, where, "Member must have length greater than or equal to " +
                               FormatNumber(*shape.min));
    }
    if (shape.max && n > *shape.max) {
      Constraint(v, where, "Member must have length less than or equal to " +
                               FormatNumber(*shape.max));
    }
  }
  void Type(const json::value& v, const std::string& where, const std::string& expected) {
    Constraint(v, where, "Member must be " + expected);
  }
  void Constraint(const json::value& v, const std::string& where, const std::string& what) {
    Fail("Value " + Shown(v) + " at '" + where + "' failed to satisfy constraint: " + what);
  }
  void Fail(std::string message) {
    // Like AWS, report a bounded number of problems.
    if (errors_.size() < 10) errors_.push_back(std::move(message));
  }

  std::vector<std::string> errors_;
};

}  // namespace

Status Validate(const wire::Shape& input_shape, const boost::json::object& input) {
  Checker checker;
  checker.Structure(input_shape, input, "");
  return checker.Result();
}

}  // namespace iotjobs::api::validation
