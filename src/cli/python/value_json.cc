#include "cli/python/value_json.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cli/python/json_dumps.h"
#include "cli/python/json_loads.h"
#include "cli/python/text.h"
#include "cli/python/value_syntax.h"

namespace iotjobs::cli::python {
namespace {

// Deepest nesting read; Python's own limit is its recursion limit (about 1000).
constexpr std::size_t kMaxDepth = 901;

// Builds the Python value of what the scanner reads: the lists and dicts still open on a
// stack, each dict with the key its next member goes under.
class PyValueBuilder : public JsonLoadsHandler {
 public:
  explicit PyValueBuilder(bool ordered) : ordered_(ordered) {}

  PyValue Take() && { return std::move(result_); }

  void Null() override { Add(PyValue::None()); }
  void Bool(bool value) override { Add(PyValue::Bool(value)); }
  void Int(std::string_view decimal) override {
    std::optional<std::string> canonical = PyIntParse(decimal);  // int("-0") is 0
    Add(PyValue::IntText(canonical ? std::move(*canonical) : std::string(decimal)));
  }
  void Float(double value) override { Add(PyValue::Float(value)); }
  void String(std::string value) override { Add(PyValue::Str(std::move(value))); }
  void BeginArray() override { open_.push_back({PyValue::List(), {}}); }
  void EndArray() override { Close(); }
  void BeginObject() override { open_.push_back({PyValue::Dict(ordered_), {}}); }
  void Key(std::string key) override { open_.back().key = std::move(key); }
  void EndObject() override { Close(); }

 private:
  struct Open {
    PyValue container;
    std::string key;
  };

  void Add(PyValue value) {
    if (open_.empty()) {
      result_ = std::move(value);
    } else if (Open& top = open_.back(); top.container.is_list()) {
      top.container.items.push_back(std::move(value));
    } else {
      top.container.Set(std::move(top.key), std::move(value));  // First position, last value.
    }
  }

  void Close() {
    PyValue done = std::move(open_.back().container);
    open_.pop_back();
    Add(std::move(done));
  }

  bool ordered_;
  std::vector<Open> open_;
  PyValue result_;
};

// str(JSONDecodeError): the message, then where, counting characters as Python's str does.
std::string DecodeError(std::string_view doc, std::string_view message, size_t byte_pos) {
  const std::string_view before = doc.substr(0, byte_pos);
  const size_t pos = PyLen(before);
  const size_t lineno = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  // colno = pos - doc.rfind('\n', 0, pos), where rfind gives -1 when there is none.
  const size_t last_newline = before.rfind('\n');
  const size_t colno =
      last_newline == std::string_view::npos ? pos + 1 : PyLen(before.substr(last_newline));
  return std::string(message) + ": line " + std::to_string(lineno) + " column " +
         std::to_string(colno) + " (char " + std::to_string(pos) + ")";
}

}  // namespace

PyJsonResult PyJsonLoads(std::string_view text, bool ordered) {
  // json.loads() refuses a str that starts with U+FEFF before it scans.
  if (text.starts_with("\xEF\xBB\xBF")) {
    return {std::nullopt, DecodeError(text, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)};
  }
  PyValueBuilder builder(ordered);
  // A lone surrogate stays in the str, as Python keeps it (text.h).
  const auto append_escape = [](char32_t cp, std::string* out) { AppendSurrogateEscape(cp, *out); };
  const std::optional<JsonLoadsError> error =
      JsonLoads(text, {.max_depth = kMaxDepth, .append_escape = append_escape}, builder);
  if (error) return {std::nullopt, DecodeError(text, error->message, error->pos)};
  return {std::move(builder).Take(), ""};
}

std::string PyJsonDumpsIndented(const PyValue& value) {
  static const ValueSyntax kIndented = [] {
    ValueSyntax syntax = JsonDumpsSyntax(
        {.indent = 4, .item_separator = ",", .key_separator = ": ", .ensure_ascii = true});
    syntax.append_string = [](std::string_view text, std::string* out) {
      AppendJsonAsciiString(DecodeSurrogateEscape(text), out);  // argv's text, as text.h
    };
    return syntax;
  }();
  std::string out;
  AppendValue(value, kIndented, 0, &out);
  return out;
}

}  // namespace iotjobs::cli::python
