#include "cli/python/yaml_load.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/python/text.h"
#include "cli/python/yaml_resolver.h"
#include "common/encoding.h"

namespace iotjobs::cli::python {
namespace {

const std::string kTag = "tag:yaml.org,2002:";

// util.timestamp_regexp, whose groups the timestamp constructor reads: year, month, day, hour,
// minute, second, fraction, tz, tz hour, tz minute. Compiled on first use: std::regex takes
// milliseconds to build, and a run that reads no YAML must not pay for it.
const std::regex& TimestampPartsPattern() {
  static const std::regex re(
      "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):"
      "([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ "
      "\\t]*(Z|[-+]([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$");
  return re;
}

// construct_yaml_int for 1.2: underscores dropped, 0b/0o/0x prefixes, otherwise decimal.
std::optional<PyValue> MakeInt(const std::string& value) {
  std::string v;
  for (char c : value) {
    if (c != '_') v += c;
  }
  bool negative = false;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    negative = v[0] == '-';
    v.erase(0, 1);
  }
  int base = 10;
  if (v.rfind("0b", 0) == 0)
    base = 2, v.erase(0, 2);
  else if (v.rfind("0x", 0) == 0)
    base = 16, v.erase(0, 2);
  else if (v.rfind("0o", 0) == 0)
    base = 8, v.erase(0, 2);
  if (v.empty()) return std::nullopt;
  if (base == 10) {
    auto d = PyIntParse(v);
    if (!d) return std::nullopt;
    return PyValue::IntText(negative && *d != "0" ? "-" + *d : *d);
  }
  errno = 0;
  char* end = nullptr;
  unsigned long long u = std::strtoull(v.c_str(), &end, base);
  if (errno != 0 || *end != '\0') return std::nullopt;
  std::string d = std::to_string(u);
  return PyValue::IntText(negative && d != "0" ? "-" + d : d);
}

std::optional<PyValue> MakeFloat(const std::string& value) {
  std::string v;
  for (char c : value) {
    if (c != '_') v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  double sign = 1;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    sign = v[0] == '-' ? -1 : 1;
    v.erase(0, 1);
  }
  if (v == ".inf") return PyValue::Float(sign * HUGE_VAL);
  if (v == ".nan") return PyValue::Float(NAN);
  auto f = PyFloatParse(v);
  if (!f) return std::nullopt;
  return PyValue::Float(sign * *f);
}

// ruamel.yaml.util.create_timestamp: a date, or a naive datetime moved to UTC by its offset;
// str() of it. nullopt for a day that does not exist (Python raises ValueError there).
std::optional<PyValue> MakeTimestamp(const std::smatch& m) {
  using namespace std::chrono;
  year_month_day ymd{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                     day{static_cast<unsigned>(std::stoi(m[3]))}};
  if (!ymd.ok()) return std::nullopt;
  PyValue v;
  v.kind = PyValue::Kind::kObject;
  char buf[64];
  if (!m[4].matched) {
    v.class_name = "datetime.date";
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    v.text = buf;
    return v;
  }
  int h = std::stoi(m[4]), mi = std::stoi(m[5]), sec = std::stoi(m[6]);
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  long long micro = 0;
  if (m[7].matched && m[7].length() > 0) {
    std::string f = m[7].str().substr(0, 6);
    while (f.size() < 6) f += '0';
    micro = std::stoll(f);
    if (m[7].length() > 6 && m[7].str()[6] > '4') ++micro;
  }
  long long delta = 0;  // seconds to subtract
  if (m[8].matched && m[8].str() != "Z") {
    delta = std::stoll(m[9]) * 3600 + (m[10].matched ? std::stoll(m[10]) * 60 : 0);
    if (micro > 999999) delta += 1;
    if (m[8].str()[0] == '-') delta = -delta;
  } else if (micro > 999999) {
    delta = -1;
  }
  if (micro > 999999) micro = 0;
  long long total =
      sys_days(ymd).time_since_epoch().count() * 86400LL + h * 3600 + mi * 60 + sec - delta;
  long long days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
  long long rem = total - days * 86400;
  year_month_day d{sys_days{std::chrono::days{days}}};
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld:%02lld", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), rem / 3600,
                rem % 3600 / 60, rem % 60);
  v.class_name = "datetime.datetime";
  v.text = buf;
  if (micro) {
    std::snprintf(buf, sizeof buf, ".%06lld", micro);
    v.text += buf;
  }
  return v;
}

bool IsBool(const std::string& value) { return ResolveYamlPlain(value) == YamlPlainTag::kBool; }

// A plain scalar through the implicit resolvers and SafeConstructor. Merge keys (<<), "=" and
// the single characters "!", "&" and "*" stay strings here.
std::optional<PyValue> ResolvePlain(const std::string& value) {
  switch (ResolveYamlPlain(value)) {
    case YamlPlainTag::kBool:
      return PyValue::Bool(value[0] == 't' || value[0] == 'T');
    case YamlPlainTag::kFloat:
      return MakeFloat(value);
    case YamlPlainTag::kInt:
      return MakeInt(value);
    case YamlPlainTag::kNull:
      return PyValue::None();
    case YamlPlainTag::kTimestamp: {
      std::smatch m;
      if (std::regex_match(value, m, TimestampPartsPattern())) return MakeTimestamp(m);
      break;
    }
    default:
      break;
  }
  return PyValue::Str(value);
}

std::optional<PyValue> ResolveTagged(const std::string& tag, const std::string& value) {
  if (tag == "?") return ResolvePlain(value);
  if (tag == "!" || tag == kTag + "str") return PyValue::Str(value);
  if (tag == kTag + "int") return MakeInt(value);
  if (tag == kTag + "float") return MakeFloat(value);
  if (tag == kTag + "null") return PyValue::None();
  if (tag == kTag + "bool") {
    if (IsBool(value)) return PyValue::Bool(value[0] == 't' || value[0] == 'T');
    return std::nullopt;
  }
  if (tag == kTag + "binary") {
    std::string compact;
    for (char c : value) {
      if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    auto raw = Base64Decode(compact);
    if (!raw) return std::nullopt;
    return PyValue::Bytes(*raw);
  }
  return std::nullopt;  // ConstructorError: no constructor for the tag
}

// Builds Python values from yaml-cpp's events; `failed` records anything ruamel refuses.
class Builder : public YAML::EventHandler {
 public:
  bool failed = false;
  std::vector<PyValue> documents;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { Add(PyValue::None(), anchor); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      failed = true;
      Add(PyValue::None(), 0);
      return;
    }
    Add(it->second, 0);
  }
  void OnScalar(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto v = ResolveTagged(tag, value);
    if (!v) failed = true;
    Add(v ? std::move(*v) : PyValue::None(), anchor);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    if (tag != "?" && tag != "!" && tag != kTag + "seq") failed = true;
    stack_.push_back({PyValue::List(), anchor, std::nullopt});
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    if (tag != "?" && tag != "!" && tag != kTag + "map") failed = true;
    stack_.push_back({PyValue::Dict(), anchor, std::nullopt});
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    PyValue value;
    YAML::anchor_t anchor;
    std::optional<PyValue> pending_key;
  };

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.pending_key) failed = true;
    Add(std::move(f.value), f.anchor);
  }

  void Add(PyValue v, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = v;
    if (stack_.empty()) {
      documents.push_back(std::move(v));
      return;
    }
    Frame& top = stack_.back();
    if (top.value.is_list()) {
      top.value.items.push_back(std::move(v));
    } else if (!top.pending_key) {
      if (v.is_dict()) failed = true;  // "found unacceptable key"; a list key becomes a tuple
      top.pending_key = std::move(v);
    } else {
      for (const auto& [k, existing] : top.value.entries) {
        if (k == *top.pending_key) failed = true;  // DuplicateKeyError
      }
      top.value.entries.emplace_back(std::move(*top.pending_key), std::move(v));
      top.pending_key.reset();
    }
  }

  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, PyValue> anchors_;
};

}  // namespace

std::optional<PyValue> PyYamlLoad(std::string_view text) {
  std::istringstream in{std::string(text)};
  Builder builder;
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (builder.failed || builder.documents.size() > 1) return std::nullopt;
  if (builder.documents.empty()) return PyValue::None();
  return std::move(builder.documents[0]);
}

}  // namespace iotjobs::cli::python
