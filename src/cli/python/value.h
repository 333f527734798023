#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/python/value_syntax.h"

// A value as the AWS CLI's Python code holds it between the command line and the request.
// The CLI's messages print values with Python's str() and name their classes
// ("value: OrderedDict([('a', 1)]), type: <class 'collections.OrderedDict'>"), and its
// validator applies Python's isinstance() (a bool is an int), so the parser keeps the Python
// type of every value until the input is handed out as JSON.
//
// Only the argument parser (args/) holds PyValues, but the model is Python's, so it lives here
// with what reads into it (value_json.h, yaml_load.h) and the text its strings are (text.h).
// Its functions carry a Py prefix, to tell them from those on Boost.JSON values (json_value.h).
namespace iotjobs::cli::python {

struct PyValue {
  // kInt is any size: `text` holds the decimal spelling. A kDict is a
  // collections.OrderedDict when `ordered` (JSON read for an option). kObject is anything
  // else (bytes, datetime): `class_name`, and str() in `text`.
  using Kind = ValueKind;

  Kind kind = Kind::kNone;
  bool boolean = false;
  double number = 0;
  std::string text;
  bool ordered = false;
  std::string class_name;
  std::string raw;  // bytes: the bytes themselves
  std::vector<PyValue> items;
  std::vector<std::pair<PyValue, PyValue>> entries;  // insertion order, keys unique

  static PyValue None() { return PyValue(); }
  static PyValue Bool(bool b);
  static PyValue Int(long long i);
  static PyValue IntText(std::string decimal);
  static PyValue Float(double d);
  static PyValue Str(std::string s);
  static PyValue List(std::vector<PyValue> items = {});
  static PyValue Dict(bool ordered = false);
  // bytes read by fileb://: str() is b'...'.
  static PyValue Bytes(std::string_view raw);
  // datetime.datetime(1970, 1, 1): what skeletons put in timestamps.
  static PyValue Epoch();

  bool is_str() const { return kind == Kind::kStr; }
  bool is_dict() const { return kind == Kind::kDict; }
  bool is_list() const { return kind == Kind::kList; }
  // isinstance(x, int): ints and bools.
  bool is_int_like() const { return kind == Kind::kInt || kind == Kind::kBool; }
  bool is_bytes() const { return kind == Kind::kObject && class_name == "bytes"; }

  // Python truthiness.
  bool Truthy() const;

  // Dict lookup and assignment by str key; Set keeps an existing key's position, as dict does.
  const PyValue* Find(std::string_view key) const;
  PyValue* Find(std::string_view key);
  void Set(PyValue key, PyValue value);
  void Set(std::string key, PyValue value) { Set(Str(std::move(key)), std::move(value)); }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  friend bool operator==(const PyValue& a, const PyValue& b);
};

// How the repr()/json.dumps() walker (value_syntax.h) reads a PyValue.
template <>
struct ValueModel<PyValue> {
  using Entry = std::pair<PyValue, PyValue>;

  static ValueKind Kind(const PyValue& value) { return value.kind; }
  static bool Bool(const PyValue& value) { return value.boolean; }
  static void AppendInt(const PyValue& value, std::string* out) { out->append(value.text); }
  static double Float(const PyValue& value) { return value.number; }
  static std::string_view Text(const PyValue& value) { return value.text; }
  static const std::vector<PyValue>& Items(const PyValue& value) { return value.items; }
  static const std::vector<Entry>& Entries(const PyValue& value) { return value.entries; }
  static const PyValue& EntryValue(const Entry& entry) { return entry.second; }
  // repr() shows a key as the value it is; json.dumps() writes str() of it.
  static void AppendKey(const Entry& entry, const ValueSyntax& syntax, std::string* out);
  static bool IsOrderedDict(const PyValue& value) { return value.ordered; }
};

// repr(): None, True, 12, 1.5, 'text', [1, 'a'], {'k': None}, OrderedDict([('k', 1)]).
std::string PyRepr(const PyValue& value);

// str(): a str as itself, anything else as repr().
std::string PyStr(const PyValue& value);

// "<class 'str'>", "<class 'collections.OrderedDict'>", "<class 'NoneType'>".
std::string PyTypeName(const PyValue& value);

// The value as JSON. Ints past 64 bits become doubles, other objects their str().
boost::json::value ToJson(const PyValue& value);

// JSON as Python's json.loads() gives it (objects as plain dicts).
PyValue FromJson(const boost::json::value& value);

}  // namespace iotjobs::cli::python
