// PyJsonDumpsIndented of py_json.h.
#include "cli/args/py_json.h"

#include <cstdio>
#include <string>

#include "cli/args/py_text.h"

namespace iotjobs::cli::args {
namespace {

// json.dumps string escaping with ensure_ascii: \", \\, \n, \r, \t, \b, \f, other controls
// and all non-ASCII as \uXXXX (surrogate pairs above U+FFFF).
void AppendJsonString(std::string_view text, std::string& out) {
  out += '"';
  char buf[16];
  for (char32_t c : DecodeUtf8(text)) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c >= 0x20 && c < 0x7F) {
          out += static_cast<char>(c);
        } else if (c <= 0xFFFF) {
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          char32_t v = c - 0x10000;
          std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x",
                        static_cast<unsigned>(0xD800 + (v >> 10)),
                        static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
          out += buf;
        }
    }
  }
  out += '"';
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
    case PyValue::Kind::kFloat: {
      std::string r = PyFloatRepr(v.number);
      if (r == "nan") r = "NaN";
      if (r == "inf") r = "Infinity";
      if (r == "-inf") r = "-Infinity";
      out += r;
      return;
    }
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
