#include "cli/output/text_format.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/python/json_value.h"
#include "cli/python/upper.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

bool IsScalar(const json::value& value) { return !value.is_array() && !value.is_object(); }

// Ports of text.py's functions; a failed Status is the exception Python would raise.
class TextWriter {
 public:
  explicit TextWriter(std::string* out) : out_(out) {}

  Status Format(const json::value& item, const std::string* identifier,
                const std::vector<std::string>* scalar_keys) {
    if (item.is_object()) return FormatDict(item.get_object(), identifier, scalar_keys);
    if (item.is_array()) return FormatList(item.get_array(), identifier);
    *out_ += python::Str(item);
    *out_ += '\n';
    return Status::Ok();
  }

 private:
  Status FormatList(const json::array& item, const std::string* identifier) {
    if (item.empty()) return Status::Ok();
    if (std::any_of(item.begin(), item.end(), [](const auto& e) { return e.is_object(); })) {
      std::vector<std::string> all_keys;
      IOTJOBS_RETURN_IF_ERROR(AllScalarKeys(item, &all_keys));
      for (const json::value& element : item) {
        IOTJOBS_RETURN_IF_ERROR(Format(element, identifier, &all_keys));
      }
      return Status::Ok();
    }
    if (std::any_of(item.begin(), item.end(), [](const auto& e) { return e.is_array(); })) {
      std::vector<const json::value*> scalars, non_scalars;
      for (const json::value& element : item) {
        (IsScalar(element) ? scalars : non_scalars).push_back(&element);
      }
      if (!scalars.empty()) FormatScalarList(scalars, identifier);
      for (const json::value* non_scalar : non_scalars) {
        IOTJOBS_RETURN_IF_ERROR(Format(*non_scalar, identifier, nullptr));
      }
      return Status::Ok();
    }
    std::vector<const json::value*> elements;
    for (const json::value& element : item) elements.push_back(&element);
    FormatScalarList(elements, identifier);
    return Status::Ok();
  }

  void FormatScalarList(const std::vector<const json::value*>& elements,
                        const std::string* identifier) {
    if (identifier != nullptr) {
      const std::string upper = python::Upper(*identifier);
      for (const json::value* item : elements) {
        *out_ += upper + '\t' + python::Str(*item) + '\n';
      }
      return;
    }
    bool first = true;
    for (const json::value* item : elements) {
      if (!first) *out_ += '\t';
      first = false;
      *out_ += python::Str(*item);
    }
    *out_ += '\n';
  }

  Status FormatDict(const json::object& item, const std::string* identifier,
                    const std::vector<std::string>* scalar_keys) {
    std::vector<std::string> scalars;
    std::vector<std::pair<std::string, const json::value*>> non_scalars;
    PartitionDict(item, scalar_keys, &scalars, &non_scalars);
    if (!scalars.empty()) {
      if (identifier != nullptr) scalars.insert(scalars.begin(), python::Upper(*identifier));
      for (std::size_t i = 0; i < scalars.size(); ++i) {
        if (i > 0) *out_ += '\t';
        *out_ += scalars[i];
      }
      *out_ += '\n';
    }
    for (const auto& [new_identifier, non_scalar] : non_scalars) {
      IOTJOBS_RETURN_IF_ERROR(Format(*non_scalar, &new_identifier, nullptr));
    }
    return Status::Ok();
  }

  // _all_scalar_keys: item_dict.items() fails on the first element that is not a dict.
  static Status AllScalarKeys(const json::array& list_of_dicts, std::vector<std::string>* keys) {
    for (const json::value& element : list_of_dicts) {
      if (!element.is_object()) {
        return InvalidRequest("'" + std::string(python::TypeName(element)) +
                              "' object has no attribute 'items'");
      }
      for (const json::key_value_pair& member : element.get_object()) {
        if (IsScalar(member.value())) keys->emplace_back(member.key());
      }
    }
    std::sort(keys->begin(), keys->end());
    keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
    return Status::Ok();
  }

  static void PartitionDict(const json::object& item, const std::vector<std::string>* scalar_keys,
                            std::vector<std::string>* scalars,
                            std::vector<std::pair<std::string, const json::value*>>* non_scalars) {
    std::vector<const json::key_value_pair*> members;
    for (const json::key_value_pair& member : item) members.push_back(&member);
    std::sort(members.begin(), members.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    if (scalar_keys == nullptr) {
      for (const json::key_value_pair* member : members) {
        if (IsScalar(member->value())) {
          scalars->push_back(python::Str(member->value()));
        } else {
          non_scalars->emplace_back(std::string(member->key()), &member->value());
        }
      }
      return;
    }
    for (const std::string& key : *scalar_keys) {
      const json::value* value = item.if_contains(key);
      scalars->push_back(value != nullptr ? python::Str(*value) : std::string());
    }
    for (const json::key_value_pair* member : members) {
      if (!std::binary_search(scalar_keys->begin(), scalar_keys->end(), member->key())) {
        non_scalars->emplace_back(std::string(member->key()), &member->value());
      }
    }
  }

  std::string* out_;
};

}  // namespace

Rendered FormatText(const json::value& value) {
  Rendered rendered;
  TextWriter writer(&rendered.text);
  rendered.status = writer.Format(value, nullptr, nullptr);
  return rendered;
}

}  // namespace iotjobs::cli::output
