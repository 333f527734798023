#include "cli/output/table_format.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/output/multi_table.h"
#include "cli/python/json_value.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

bool IsScalar(const json::value& value) { return !value.is_array() && !value.is_object(); }

// A header key as TableFormatter collects it: a dict's key, or, when a list item sits among
// the dicts, an integer it indexed that list with (Python orders those numerically and
// cannot order them against strings).
struct Key {
  std::string text;
  std::optional<std::int64_t> index;
};

// An exception TableFormatter would raise, with its message.
Status PythonError(std::string message) { return InvalidRequest(std::move(message)); }

// _group_scalar_keys(item) for an item that is not a dict: Python iterates it and indexes it
// with what it yields.
Status GroupNonDictKeys(const json::value& item, std::vector<Key>* headers,
                        std::vector<Key>* more) {
  if (item.is_string()) {
    if (item.get_string().empty()) return Status::Ok();
    return PythonError("string indices must be integers, not 'str'");
  }
  if (!item.is_array()) {
    return PythonError("'" + std::string(python::TypeName(item)) + "' object is not iterable");
  }
  const json::array& list = item.get_array();
  for (const json::value& element : list) {
    std::int64_t index = 0;
    if (element.is_bool()) {
      index = element.get_bool() ? 1 : 0;
    } else if (element.is_int64()) {
      index = element.get_int64();
    } else if (element.is_uint64()) {  // past int64: more than a Py_ssize_t holds
      return PythonError("cannot fit 'int' into an index-sized integer");
    } else {
      return PythonError("list indices must be integers or slices, not " +
                         std::string(python::TypeName(element)));
    }
    const auto size = static_cast<std::int64_t>(list.size());
    if (index < -size || index >= size) return PythonError("list index out of range");
    const json::value& indexed = list[static_cast<std::size_t>(index < 0 ? index + size : index)];
    (IsScalar(indexed) ? headers : more)->push_back({std::to_string(index), index});
  }
  return Status::Ok();
}

// list(sorted(set(keys))).
Status SortedUnique(std::vector<Key>* keys) {
  const bool any_index =
      std::any_of(keys->begin(), keys->end(), [](const Key& k) { return k.index.has_value(); });
  const bool any_text =
      std::any_of(keys->begin(), keys->end(), [](const Key& k) { return !k.index.has_value(); });
  if (any_index && any_text) {
    return PythonError("'<' not supported between instances of 'int' and 'str'");
  }
  const auto less = [](const Key& a, const Key& b) {
    return a.index.has_value() ? *a.index < *b.index : a.text < b.text;
  };
  std::sort(keys->begin(), keys->end(), less);
  keys->erase(std::unique(keys->begin(), keys->end(),
                          [&](const Key& a, const Key& b) { return !less(a, b) && !less(b, a); }),
              keys->end());
  return Status::Ok();
}

std::vector<std::string> Texts(const std::vector<Key>& keys) {
  std::vector<std::string> texts;
  for (const Key& key : keys) texts.push_back(key.text);
  return texts;
}

// TableFormatter._build_table and its helpers, statement for statement.
class TableBuilder {
 public:
  explicit TableBuilder(MultiTable* table) : table_(table) {}

  Status BuildTable(const std::optional<std::string>& title, const json::value& current,
                    int indent_level) {
    if (!python::Truthy(current)) return Status::Ok();
    if (title.has_value()) table_->NewSection(title, indent_level);
    if (current.is_array()) {
      const json::array& list = current.get_array();
      if (list[0].is_object()) return BuildSubTableFromList(list, indent_level, title);
      for (const json::value& item : list) {
        if (IsScalar(item)) {
          IOTJOBS_RETURN_IF_ERROR(table_->AddRow({python::Str(item)}));
        } else if (item.is_object()) {  // all() over a dict's keys: always scalars
          std::vector<std::string> keys;
          for (const json::key_value_pair& member : item.get_object()) {
            keys.emplace_back(member.key());
          }
          IOTJOBS_RETURN_IF_ERROR(table_->AddRow(std::move(keys)));
        } else if (std::all_of(item.get_array().begin(), item.get_array().end(), IsScalar)) {
          std::vector<std::string> cells;
          for (const json::value& cell : item.get_array()) cells.push_back(python::Str(cell));
          IOTJOBS_RETURN_IF_ERROR(table_->AddRow(std::move(cells)));
        } else {
          IOTJOBS_RETURN_IF_ERROR(BuildTable(std::nullopt, item, 0));
        }
      }
      return Status::Ok();
    }
    if (current.is_object()) return BuildSubTableFromDict(current.get_object(), indent_level);
    return Status::Ok();  // a scalar: only its title
  }

 private:
  Status BuildSubTableFromDict(const json::object& current, int indent_level) {
    std::vector<Key> headers, more;
    GroupDictKeys(current, &headers, &more);
    IOTJOBS_RETURN_IF_ERROR(SortedUnique(&headers));
    IOTJOBS_RETURN_IF_ERROR(SortedUnique(&more));
    if (headers.size() == 1) {
      IOTJOBS_RETURN_IF_ERROR(
          table_->AddRow({headers[0].text, python::Str(current.at(headers[0].text))}));
    } else if (!headers.empty()) {
      IOTJOBS_RETURN_IF_ERROR(table_->AddRowHeader(Texts(headers)));
      std::vector<std::string> row;
      for (const Key& key : headers) row.push_back(python::Str(current.at(key.text)));
      IOTJOBS_RETURN_IF_ERROR(table_->AddRow(std::move(row)));
    }
    for (const Key& remaining : more) {
      IOTJOBS_RETURN_IF_ERROR(
          BuildTable(remaining.text, current.at(remaining.text), indent_level + 1));
    }
    return Status::Ok();
  }

  Status BuildSubTableFromList(const json::array& current, int indent_level,
                               const std::optional<std::string>& title) {
    std::vector<Key> headers, more;
    for (const json::value& item : current) {
      if (item.is_object()) {
        GroupDictKeys(item.get_object(), &headers, &more);
      } else {
        IOTJOBS_RETURN_IF_ERROR(GroupNonDictKeys(item, &headers, &more));
      }
    }
    IOTJOBS_RETURN_IF_ERROR(SortedUnique(&headers));
    IOTJOBS_RETURN_IF_ERROR(SortedUnique(&more));
    IOTJOBS_RETURN_IF_ERROR(table_->AddRowHeader(Texts(headers)));
    bool first = true;
    for (const json::value& element : current) {
      if (!first && !more.empty()) {
        table_->NewSection(title, indent_level);
        IOTJOBS_RETURN_IF_ERROR(table_->AddRowHeader(Texts(headers)));
      }
      first = false;
      if (!element.is_object()) {
        return InvalidRequest("'" + std::string(python::TypeName(element)) +
                              "' object has no attribute 'get'");
      }
      const json::object& object = element.get_object();
      std::vector<std::string> row;
      for (const Key& header : headers) {
        const json::value* cell = header.index ? nullptr : object.if_contains(header.text);
        row.push_back(cell != nullptr ? python::Str(*cell) : std::string());
      }
      IOTJOBS_RETURN_IF_ERROR(table_->AddRow(std::move(row)));
      for (const Key& remaining : more) {
        const json::value* value = remaining.index ? nullptr : object.if_contains(remaining.text);
        if (value != nullptr) {
          IOTJOBS_RETURN_IF_ERROR(BuildTable(remaining.text, *value, indent_level + 1));
        }
      }
    }
    return Status::Ok();
  }

  static void GroupDictKeys(const json::object& item, std::vector<Key>* headers,
                            std::vector<Key>* more) {
    for (const json::key_value_pair& member : item) {
      (IsScalar(member.value()) ? headers : more)->push_back({std::string(member.key()), {}});
    }
  }

  MultiTable* table_;
};

}  // namespace

Rendered FormatTable(const json::value& value, const RenderOptions& options) {
  if (!python::Truthy(value)) return {};
  MultiTable table(options.terminal_width, options.color, options.colorama_autoreset);
  TableBuilder builder(&table);
  Status status = builder.BuildTable(options.command_name, value, 0);
  if (!status.ok()) return {std::string(), std::move(status)};
  return {table.Render(), Status::Ok()};
}

}  // namespace iotjobs::cli::output
