#include "cli/jmespath/builtins.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

#include "cli/jmespath/error_messages.h"
#include "cli/jmespath/interpreter.h"
#include "cli/jmespath/value_ops.h"
#include "cli/python/json_dumps.h"
#include "cli/python/json_value.h"
#include "cli/python/numbers.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::jmespath::builtins {
namespace {

namespace json = boost::json;

const json::value& Arg(const Args& args, std::size_t i) { return args[i].value.get(); }

json::value Copy(const json::value& value) { return json::value(value, json::storage_ptr()); }

// An exact integer result as Boost.JSON can hold it: int64, else uint64, else the nearest
// double (Python would keep the exact integer).
json::value IntegerValue(__int128 value) {
  if (value >= std::numeric_limits<std::int64_t>::min() &&
      value <= std::numeric_limits<std::int64_t>::max()) {
    return static_cast<std::int64_t>(value);
  }
  if (value >= 0 && value <= static_cast<__int128>(std::numeric_limits<std::uint64_t>::max())) {
    return static_cast<std::uint64_t>(value);
  }
  return static_cast<double>(value);
}

__int128 IntegerOf(const json::value& value) {
  return value.is_int64() ? value.get_int64() : static_cast<__int128>(value.get_uint64());
}

double DoubleOf(const json::value& value) {
  if (value.is_double()) return value.get_double();
  return static_cast<double>(IntegerOf(value));
}

// Python's sum(): exact while every term is an int, float arithmetic from the first float on.
json::value PythonSum(const json::array& numbers) {
  __int128 exact = 0;
  double real = 0;
  bool is_real = false;
  for (const json::value& number : numbers) {
    if (is_real) {
      real += DoubleOf(number);
    } else if (number.is_double()) {
      is_real = true;
      real = static_cast<double>(exact) + number.get_double();
    } else {
      exact += IntegerOf(number);
    }
  }
  return is_real ? json::value(real) : IntegerValue(exact);
}

// math.ceil / math.floor: an int result, and Python's errors for NaN and infinity.
Result<json::value> RoundToInteger(const json::value& number, double (*round)(double)) {
  if (!number.is_double()) return Copy(number);
  const double d = number.get_double();
  if (std::isnan(d))
    return Status(ErrorCode::kInvalidRequest, std::string(msg::kFloatNanToInteger));
  if (std::isinf(d)) {
    return Status(ErrorCode::kInvalidRequest, std::string(msg::kFloatInfinityToInteger));
  }
  const double r = round(d);
  if (std::fabs(r) < 1.6e38) return IntegerValue(static_cast<__int128>(r));
  return json::value(r);
}

Status KeyTypeError(std::string_view function, const json::value& key,
                    const std::vector<std::string_view>& expected) {
  return InvalidRequest(
      msg::TypeErrorMessage(function, python::Str(key), expected, JmespathTypeName(key)));
}

bool IsNumberOrString(const json::value& value) { return IsNumber(value) || value.is_string(); }

// max_by / min_by: Python's max(array, key=...) keeps the first of equal keys. Keys must be
// numbers or strings, and all of one kind (Python fails comparing a str with an int).
Result<json::value> ExtremeBy(Args& args, std::string_view function, bool want_max) {
  const json::array& array = Arg(args, 0).get_array();
  if (array.empty()) return json::value(nullptr);
  std::size_t best = 0;
  Value best_key;
  for (std::size_t i = 0; i < array.size(); ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(Value key, Evaluate(*args[1].expref, array[i]));
    if (!IsNumberOrString(key.get())) {
      return KeyTypeError(function, key.get(), {"number", "string"});
    }
    if (i == 0) {
      best_key = std::move(key);
      continue;
    }
    const auto order = PythonCompare(key.get(), best_key.get());
    if (!order) return KeyTypeError(function, key.get(), {JmespathTypeName(best_key.get())});
    if (want_max ? *order > 0 : *order < 0) {
      best = i;
      best_key = std::move(key);
    }
  }
  return Copy(array[best]);
}

// max / min over an array already checked to hold only numbers or only strings.
json::value Extreme(const json::array& array, bool want_max) {
  if (array.empty()) return nullptr;
  std::size_t best = 0;
  for (std::size_t i = 1; i < array.size(); ++i) {
    const auto order = PythonCompare(array[i], array[best]);
    if (order && (want_max ? *order > 0 : *order < 0)) best = i;
  }
  return Copy(array[best]);
}

}  // namespace

Result<json::value> Abs(Args& args) {
  const json::value& number = Arg(args, 0);
  if (number.is_double()) return json::value(std::fabs(number.get_double()));
  const __int128 value = IntegerOf(number);
  return IntegerValue(value < 0 ? -value : value);
}

Result<json::value> Avg(Args& args) {
  const json::array& numbers = Arg(args, 0).get_array();
  if (numbers.empty()) return json::value(nullptr);
  const json::value sum = PythonSum(numbers);
  if (sum.is_double()) return json::value(sum.get_double() / static_cast<double>(numbers.size()));
  return json::value(static_cast<double>(static_cast<long double>(IntegerOf(sum)) /
                                         static_cast<long double>(numbers.size())));
}

Result<json::value> Ceil(Args& args) { return RoundToInteger(Arg(args, 0), std::ceil); }

Result<json::value> Floor(Args& args) { return RoundToInteger(Arg(args, 0), std::floor); }

Result<json::value> Contains(Args& args) {
  const json::value& subject = Arg(args, 0);
  const json::value& search = Arg(args, 1);
  if (subject.is_string()) {
    // Python raises TypeError for a non-string needle; the specification says false.
    if (!search.is_string()) return json::value(false);
    return json::value(std::string_view(subject.get_string()).find(search.get_string()) !=
                       std::string_view::npos);
  }
  const json::array& array = subject.get_array();
  return json::value(std::any_of(array.begin(), array.end(), [&](const json::value& element) {
    return PythonEquals(search, element);
  }));
}

Result<json::value> EndsWith(Args& args) {
  return json::value(
      std::string_view(Arg(args, 0).get_string()).ends_with(Arg(args, 1).get_string()));
}

Result<json::value> StartsWith(Args& args) {
  return json::value(
      std::string_view(Arg(args, 0).get_string()).starts_with(Arg(args, 1).get_string()));
}

Result<json::value> Join(Args& args) {
  const std::string_view separator = Arg(args, 0).get_string();
  std::string out;
  bool first = true;
  for (const json::value& element : Arg(args, 1).get_array()) {
    if (!first) out.append(separator);
    first = false;
    out.append(element.get_string());
  }
  return json::value(json::string(out));
}

Result<json::value> Keys(Args& args) {
  json::array keys;
  for (const json::key_value_pair& member : Arg(args, 0).get_object()) {
    keys.push_back(json::value(json::string(member.key())));
  }
  return json::value(std::move(keys));
}

Result<json::value> Values(Args& args) {
  json::array values;
  for (const json::key_value_pair& member : Arg(args, 0).get_object()) {
    values.push_back(Copy(member.value()));
  }
  return json::value(std::move(values));
}

Result<json::value> Length(Args& args) {
  const json::value& subject = Arg(args, 0);
  std::size_t length = 0;
  if (subject.is_string()) {
    length = python::CountCodePoints(subject.get_string());
  } else if (subject.is_array()) {
    length = subject.get_array().size();
  } else {
    length = subject.get_object().size();
  }
  return json::value(static_cast<std::int64_t>(length));
}

// Unlike a projection, map() keeps the nulls.
Result<json::value> Map(Args& args) {
  json::array out;
  for (const json::value& element : Arg(args, 1).get_array()) {
    IOTJOBS_ASSIGN_OR_RETURN(Value mapped, Evaluate(*args[0].expref, element));
    out.push_back(std::move(mapped).Take());
  }
  return json::value(std::move(out));
}

Result<json::value> Max(Args& args) { return Extreme(Arg(args, 0).get_array(), true); }

Result<json::value> Min(Args& args) { return Extreme(Arg(args, 0).get_array(), false); }

Result<json::value> MaxBy(Args& args) { return ExtremeBy(args, "max_by", true); }

Result<json::value> MinBy(Args& args) { return ExtremeBy(args, "min_by", false); }

// dict.update: a key seen again keeps its first position and takes the later value.
Result<json::value> Merge(Args& args) {
  json::object merged;
  for (const Argument& arg : args) {
    for (const json::key_value_pair& member : arg.value.get().get_object()) {
      merged[member.key()] = Copy(member.value());
    }
  }
  return json::value(std::move(merged));
}

Result<json::value> NotNull(Args& args) {
  for (Argument& arg : args) {
    if (!arg.value.get().is_null()) return std::move(arg.value).Take();
  }
  return json::value(nullptr);
}

// A string reverses by code point, as Python's s[::-1].
Result<json::value> Reverse(Args& args) {
  const json::value& subject = Arg(args, 0);
  if (subject.is_string()) {
    std::u32string chars = python::DecodeUtf8(subject.get_string());
    std::reverse(chars.begin(), chars.end());
    return json::value(json::string(python::EncodeUtf8(chars)));
  }
  const json::array& array = subject.get_array();
  json::array out;
  out.reserve(array.size());
  for (auto it = array.rbegin(); it != array.rend(); ++it) out.push_back(Copy(*it));
  return json::value(std::move(out));
}

// The argument's JSON to return rearranged: moved out when the argument owns it (the result
// of a filter, say), copied when it borrows from the document.
json::value TakeArgument(Argument& arg) { return std::move(arg.value).Take(); }

// Python's sorted(): stable, ordering by `<` only.
Result<json::value> Sort(Args& args) {
  json::value sorted = TakeArgument(args[0]);
  json::array& array = sorted.get_array();
  std::stable_sort(array.begin(), array.end(), [](const json::value& a, const json::value& b) {
    const auto order = PythonCompare(a, b);
    return order && *order < 0;
  });
  return sorted;
}

// The first element's key decides the key type (number or string); every key must have it.
Result<json::value> SortBy(Args& args) {
  json::value input = TakeArgument(args[0]);
  json::array& array = input.get_array();
  if (array.empty()) return input;
  const Node& expref = *args[1].expref;
  IOTJOBS_ASSIGN_OR_RETURN(Value first, Evaluate(expref, array[0]));
  const std::string_view required = JmespathTypeName(first.get());
  if (required != "number" && required != "string") {
    return InvalidRequest(
        msg::TypeErrorMessage("sort_by", python::Str(array[0]), {"string", "number"}, required));
  }
  std::vector<Value> keys;  // They may point into `array`: no element moves until the end.
  keys.reserve(array.size());
  for (const json::value& element : array) {
    IOTJOBS_ASSIGN_OR_RETURN(Value key, Evaluate(expref, element));
    if (JmespathTypeName(key.get()) != required) {
      return KeyTypeError("sort_by", key.get(), {required});
    }
    keys.push_back(std::move(key));
  }
  std::vector<std::size_t> order(array.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto o = PythonCompare(keys[a].get(), keys[b].get());
    return o && *o < 0;
  });
  json::array out;
  out.reserve(array.size());
  for (std::size_t i : order) out.push_back(std::move(array[i]));
  return json::value(std::move(out));
}

Result<json::value> Sum(Args& args) { return PythonSum(Arg(args, 0).get_array()); }

Result<json::value> ToArray(Args& args) {
  json::value value = std::move(args[0].value).Take();
  if (value.is_array()) return value;
  json::array wrapped;
  wrapped.push_back(std::move(value));
  return json::value(std::move(wrapped));
}

Result<json::value> ToNumber(Args& args) {
  const json::value& value = Arg(args, 0);
  if (IsNumber(value)) return Copy(value);
  if (value.is_string()) {
    if (auto number = python::StringToNumber(value.get_string())) return std::move(*number);
  }
  return json::value(nullptr);
}

// Python's json.dumps(value, separators=(',', ':')) for anything but a string.
Result<json::value> ToString(Args& args) {
  const json::value& value = Arg(args, 0);
  if (value.is_string()) return Copy(value);
  return json::value(json::string(python::JsonDumps(
      value, {.indent = -1, .item_separator = ",", .key_separator = ":", .ensure_ascii = true})));
}

Result<json::value> Type(Args& args) {
  return json::value(json::string(JmespathTypeName(Arg(args, 0))));
}

}  // namespace iotjobs::cli::jmespath::builtins
