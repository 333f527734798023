#include "cli/jmespath/value_ops.h"

#include <boost/json/value.hpp>
#include <string_view>

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

// long double holds every int64, uint64 and double exactly on the targets we build for
// (x87 80-bit or IEEE quad), so comparing there is Python's exact int/float comparison.
long double AsLongDouble(const json::value& value) {
  switch (value.kind()) {
    case json::kind::int64:
      return static_cast<long double>(value.get_int64());
    case json::kind::uint64:
      return static_cast<long double>(value.get_uint64());
    case json::kind::double_:
      return static_cast<long double>(value.get_double());
    case json::kind::bool_:
      return value.get_bool() ? 1.0L : 0.0L;
    default:
      return 0.0L;
  }
}

static_assert(sizeof(long double) > sizeof(double), "exact int/float comparison needs it");

bool IsNumberOrBool(const json::value& value) { return IsNumber(value) || value.is_bool(); }

}  // namespace

std::string_view JmespathTypeName(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "null";
}

bool IsNumber(const json::value& value) {
  return value.is_int64() || value.is_uint64() || value.is_double();
}

bool IsFalse(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return true;
    case json::kind::bool_:
      return !value.get_bool();
    case json::kind::string:
      return value.get_string().empty();
    case json::kind::array:
      return value.get_array().empty();
    case json::kind::object:
      return value.get_object().empty();
    default:
      return false;
  }
}

bool PythonEquals(const json::value& a, const json::value& b) {
  if (IsNumberOrBool(a) && IsNumberOrBool(b)) {
    if (a.is_bool() && b.is_bool()) return a.get_bool() == b.get_bool();
    return AsLongDouble(a) == AsLongDouble(b);
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case json::kind::null:
      return true;
    case json::kind::string:
      return a.get_string() == b.get_string();
    case json::kind::array: {
      const json::array& x = a.get_array();
      const json::array& y = b.get_array();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!PythonEquals(x[i], y[i])) return false;
      }
      return true;
    }
    case json::kind::object: {
      const json::object& x = a.get_object();
      const json::object& y = b.get_object();
      if (x.size() != y.size()) return false;
      for (const json::key_value_pair& member : x) {
        const json::value* other = y.if_contains(member.key());
        if (other == nullptr || !PythonEquals(member.value(), *other)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

bool JmespathEquals(const json::value& a, const json::value& b) {
  if ((IsNumber(a) && b.is_bool()) || (a.is_bool() && IsNumber(b))) return false;
  return PythonEquals(a, b);
}

std::optional<std::partial_ordering> PythonCompare(const json::value& a, const json::value& b) {
  if (IsNumber(a) && IsNumber(b)) return AsLongDouble(a) <=> AsLongDouble(b);
  if (a.is_string() && b.is_string()) {
    // std::string_view compares bytes as unsigned char; on UTF-8 that is code point order.
    const std::string_view x = a.get_string();
    const std::string_view y = b.get_string();
    return x <=> y;
  }
  return std::nullopt;
}

}  // namespace iotjobs::cli::jmespath
