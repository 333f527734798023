// PyJsonDumpsIndented of py_json.h.
#include "cli/args/py_json.h"

#include <string>

#include "cli/args/py_text.h"
#include "cli/python/json_dumps.h"

namespace iotjobs::cli::args {
namespace {

// json.dumps's ensure_ascii string encoding, of the text as Python holds it (py_text.h).
void AppendJsonString(std::string_view text, std::string& out) {
  python::AppendJsonAsciiString(DecodeUtf8(text), &out);
}

void Dump(const PyValue& v, int depth, std::string& out) {
  std::string pad(4 * (depth + 1), ' ');
  std::string close_pad(4 * depth, ' ');
  switch (v.kind) {
    case PyValue::Kind::kNone:
      out += "null";
      return;
    case PyValue::Kind::kBool:
      out += v.boolean ? "true" : "false";
      return;
    case PyValue::Kind::kInt:
      out += v.text;
      return;
    case PyValue::Kind::kFloat:
      out += python::JsonFloat(v.number);
      return;
    case PyValue::Kind::kStr:
      AppendJsonString(v.text, out);
      return;
    case PyValue::Kind::kObject:
      AppendJsonString(v.text, out);
      return;
    case PyValue::Kind::kList:
      if (v.items.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      for (size_t i = 0; i < v.items.size(); ++i) {
        out += pad;
        Dump(v.items[i], depth + 1, out);
        out += i + 1 < v.items.size() ? ",\n" : "\n";
      }
      out += close_pad + "]";
      return;
    case PyValue::Kind::kDict:
      if (v.entries.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (size_t i = 0; i < v.entries.size(); ++i) {
        out += pad;
        AppendJsonString(PyStr(v.entries[i].first), out);
        out += ": ";
        Dump(v.entries[i].second, depth + 1, out);
        out += i + 1 < v.entries.size() ? ",\n" : "\n";
      }
      out += close_pad + "}";
      return;
  }
}

}  // namespace

std::string PyJsonDumpsIndented(const PyValue& value) {
  std::string out;
  Dump(value, 0, out);
  return out;
}

}  // namespace iotjobs::cli::args
