#include "cli/python/value.h"

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>
#include <utility>

#include "cli/python/json_value.h"
#include "cli/python/repr.h"
#include "cli/python/text.h"

namespace iotjobs::cli::python {

namespace json = boost::json;

namespace {

// A value of `kind` whose `member` is `value`; the factories below differ only in these.
template <typename Member, typename T>
PyValue Make(PyValue::Kind kind, Member PyValue::*member, T&& value) {
  PyValue v;
  v.kind = kind;
  v.*member = std::forward<T>(value);
  return v;
}

}  // namespace

PyValue PyValue::Bool(bool b) { return Make(Kind::kBool, &PyValue::boolean, b); }

PyValue PyValue::Int(long long i) { return IntText(std::to_string(i)); }

PyValue PyValue::IntText(std::string decimal) {
  return Make(Kind::kInt, &PyValue::text, std::move(decimal));
}

PyValue PyValue::Float(double d) { return Make(Kind::kFloat, &PyValue::number, d); }

PyValue PyValue::Str(std::string s) { return Make(Kind::kStr, &PyValue::text, std::move(s)); }

PyValue PyValue::List(std::vector<PyValue> items) {
  return Make(Kind::kList, &PyValue::items, std::move(items));
}

PyValue PyValue::Dict(bool ordered) { return Make(Kind::kDict, &PyValue::ordered, ordered); }

PyValue PyValue::Bytes(std::string_view raw) {
  PyValue v = Make(Kind::kObject, &PyValue::class_name, "bytes");
  v.text = BytesRepr(raw);
  v.raw = std::string(raw);
  return v;
}

PyValue PyValue::Epoch() {
  PyValue v = Make(Kind::kObject, &PyValue::class_name, "datetime.datetime");
  v.text = "1970-01-01 00:00:00";
  return v;
}

bool PyValue::Truthy() const {
  switch (kind) {
    case Kind::kNone:
      return false;
    case Kind::kBool:
      return boolean;
    case Kind::kInt:
      return text != "0";
    case Kind::kFloat:
      return number != 0;
    case Kind::kStr:
      return !text.empty();
    case Kind::kList:
      return !items.empty();
    case Kind::kDict:
      return !entries.empty();
    case Kind::kObject:
      return class_name != "bytes" || !raw.empty();
  }
  return false;
}

const PyValue* PyValue::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.kind == Kind::kStr && k.text == key) return &v;
  }
  return nullptr;
}

PyValue* PyValue::Find(std::string_view key) {
  return const_cast<PyValue*>(static_cast<const PyValue*>(this)->Find(key));
}

void PyValue::Set(PyValue key, PyValue value) {
  for (auto& [k, v] : entries) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  entries.emplace_back(std::move(key), std::move(value));
}

bool operator==(const PyValue& a, const PyValue& b) {
  // Python equality: True == 1, 1 == 1.0; containers element by element.
  auto as_number = [](const PyValue& v, double& out) {
    if (v.kind == PyValue::Kind::kBool) return out = v.boolean, true;
    if (v.kind == PyValue::Kind::kInt) return out = std::strtod(v.text.c_str(), nullptr), true;
    if (v.kind == PyValue::Kind::kFloat) return out = v.number, true;
    return false;
  };
  double x, y;
  if (as_number(a, x) && as_number(b, y)) {
    if (a.kind == PyValue::Kind::kInt && b.kind == PyValue::Kind::kInt) return a.text == b.text;
    return x == y;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case PyValue::Kind::kNone:
      return true;
    case PyValue::Kind::kStr:
      return a.text == b.text;
    case PyValue::Kind::kObject:
      return a.class_name == b.class_name && a.text == b.text;
    case PyValue::Kind::kList:
      return a.items == b.items;
    case PyValue::Kind::kDict:
      return a.entries == b.entries;
    default:
      return false;
  }
}

std::string PyRepr(const PyValue& v) {
  static const ValueSyntax kRepr = [] {
    ValueSyntax syntax = ReprSyntax();
    syntax.append_string = [](std::string_view text, std::string* out) {
      out->append(PyReprString(text));  // argv's text, decoded as text.h does
    };
    return syntax;
  }();
  std::string out;
  AppendValue(v, kRepr, 0, &out);
  return out;
}

std::string PyStr(const PyValue& v) { return v.kind == PyValue::Kind::kStr ? v.text : PyRepr(v); }

std::string PyTypeName(const PyValue& v) {
  if (v.kind == PyValue::Kind::kDict && v.ordered) return "<class 'collections.OrderedDict'>";
  const std::string_view name = v.kind == PyValue::Kind::kObject ? v.class_name : TypeName(v.kind);
  return "<class '" + std::string(name) + "'>";
}

json::value ToJson(const PyValue& v) {
  switch (v.kind) {
    case PyValue::Kind::kNone:
      return nullptr;
    case PyValue::Kind::kBool:
      return v.boolean;
    case PyValue::Kind::kInt: {
      errno = 0;
      char* end = nullptr;
      long long i = std::strtoll(v.text.c_str(), &end, 10);
      if (errno == 0) return i;
      errno = 0;
      unsigned long long u = std::strtoull(v.text.c_str(), &end, 10);
      if (errno == 0 && v.text[0] != '-') return u;
      return std::strtod(v.text.c_str(), nullptr);
    }
    case PyValue::Kind::kFloat:
      return v.number;
    case PyValue::Kind::kStr:
      return json::string(v.text);
    case PyValue::Kind::kObject:
      // A skeleton's datetime prints as isoformat(), the way the CLI's JSON encoder writes it.
      if (v.class_name == "datetime.datetime") return json::string("1970-01-01T00:00:00");
      return json::string(v.text);
    case PyValue::Kind::kList: {
      json::array a;
      for (const auto& item : v.items) a.push_back(ToJson(item));
      return a;
    }
    case PyValue::Kind::kDict: {
      json::object o;
      for (const auto& [k, val] : v.entries) o[PyStr(k)] = ToJson(val);
      return o;
    }
  }
  return nullptr;
}

PyValue FromJson(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return PyValue::None();
    case json::kind::bool_:
      return PyValue::Bool(v.get_bool());
    case json::kind::int64:
      return PyValue::Int(v.get_int64());
    case json::kind::uint64:
      return PyValue::IntText(std::to_string(v.get_uint64()));
    case json::kind::double_:
      return PyValue::Float(v.get_double());
    case json::kind::string:
      return PyValue::Str(std::string(v.get_string()));
    case json::kind::array: {
      PyValue out = PyValue::List();
      for (const auto& item : v.get_array()) out.items.push_back(FromJson(item));
      return out;
    }
    case json::kind::object: {
      PyValue out = PyValue::Dict();
      for (const auto& kv : v.get_object()) {
        out.entries.emplace_back(PyValue::Str(std::string(kv.key())), FromJson(kv.value()));
      }
      return out;
    }
  }
  return PyValue::None();
}

void ValueModel<PyValue>::AppendKey(const Entry& entry, const ValueSyntax& syntax,
                                    std::string* out) {
  if (syntax.python_repr) {
    AppendValue(entry.first, syntax, 0, out);
  } else {
    syntax.append_string(PyStr(entry.first), out);
  }
}

}  // namespace iotjobs::cli::python
