#include "jobs/managed_templates/document_parameters.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>

namespace iotjobs::jobs {
namespace {

// ICU measures a match in ticks of its engine, each on the order of a millisecond; a value
// that needs more than about a second does not match, rather than hold the store's writer.
constexpr int32_t kMatchTimeLimit = 1000;

constexpr std::string_view kPlaceholderStart = "${aws:iot:parameter:";

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

// A parameter key as the model writes it (ParameterKey): [a-zA-Z0-9_-]+.
bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// `value` as the content of a JSON string (RFC 8259, section 7).
void AppendJsonStringContent(std::string_view value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
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
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
}

}  // namespace

std::string SubstituteDocumentParameters(std::string_view document,
                                         const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(document.size());
  size_t pos = 0;
  for (;;) {
    size_t start = document.find(kPlaceholderStart, pos);
    if (start == std::string_view::npos) break;
    size_t key_begin = start + kPlaceholderStart.size();
    size_t key_end = key_begin;
    while (key_end < document.size() && IsKeyChar(document[key_end])) ++key_end;
    if (key_end == key_begin || key_end == document.size() || document[key_end] != '}') {
      // Not a placeholder after all: keep its first character and look further.
      out.append(document.substr(pos, start + 1 - pos));
      pos = start + 1;
      continue;
    }
    out.append(document.substr(pos, start - pos));
    auto value = values.find(std::string(document.substr(key_begin, key_end - key_begin)));
    if (value != values.end()) AppendJsonStringContent(value->second, out);
    pos = key_end + 1;
  }
  out.append(document.substr(pos));
  return out;
}

bool FullMatch(const std::string& regex, const std::string& value) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(regex), 0, parse_error, status));
  if (U_FAILURE(status)) return false;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(value);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(text, status));
  if (U_FAILURE(status)) return false;
  matcher->setTimeLimit(kMatchTimeLimit, status);
  bool matched = matcher->matches(status);
  return U_SUCCESS(status) && matched;
}

Status CheckDocumentParameters(const ManagedJobTemplate& t,
                               const std::map<std::string, std::string>& values) {
  const std::string& name = t.template_name;
  for (const auto& [key, value] : values) {
    const DocumentParameter* p = nullptr;
    for (const auto& candidate : t.document_parameters) {
      if (candidate.key == key) p = &candidate;
    }
    if (!p) {
      return InvalidRequest("documentParameters has the key " + Quoted(key) + ", which " + name +
                            " does not take.");
    }
    if (!FullMatch(p->regex, value)) {
      return InvalidRequest("documentParameters." + key + " of " + name +
                            " must match the regular expression " + p->regex + ".");
    }
  }
  for (const auto& p : t.document_parameters) {
    if (!p.optional && !values.count(p.key)) {
      return InvalidRequest("documentParameters lacks the key " + Quoted(p.key) + ", which " +
                            name + " requires.");
    }
  }
  return Status::Ok();
}

}  // namespace iotjobs::jobs
