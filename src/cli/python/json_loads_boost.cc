#include "cli/python/json_loads_boost.h"

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/python/json_loads.h"
#include "cli/python/numbers.h"
#include "cli/python/utf8.h"

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

// Builds the Boost.JSON value of what the scanner reads: the arrays and objects still open on
// a stack, each object with the key its next member goes under.
class BoostJsonBuilder : public JsonLoadsHandler {
 public:
  json::value Take() && { return std::move(result_); }

  void Null() override { Add(nullptr); }
  void Bool(bool value) override { Add(value); }
  void Int(std::string_view decimal) override { Add(MakeInteger(decimal)); }
  void Float(double value) override { Add(value); }
  void String(std::string value) override { Add(json::string(value)); }
  void BeginArray() override { open_.push_back({json::array(), {}}); }
  void EndArray() override { Close(); }
  void BeginObject() override { open_.push_back({json::object(), {}}); }
  void Key(std::string key) override { open_.back().key = std::move(key); }
  void EndObject() override { Close(); }

 private:
  struct Open {
    json::value container;
    std::string key;
  };

  void Add(json::value value) {
    if (open_.empty()) {
      result_ = std::move(value);
    } else if (Open& top = open_.back(); top.container.is_array()) {
      top.container.get_array().push_back(std::move(value));
    } else {
      top.container.get_object()[top.key] = std::move(value);  // First position, last value.
    }
  }

  void Close() {
    json::value done = std::move(open_.back().container);
    open_.pop_back();
    Add(std::move(done));
  }

  std::vector<Open> open_;
  json::value result_;
};

}  // namespace

Result<json::value> JsonLoadsBoost(std::string_view text) {
  BoostJsonBuilder builder;
  const std::optional<JsonLoadsError> error =
      JsonLoads(text, {.max_depth = kJsonLoadsBoostMaxDepth, .append_escape = AppendUtf8}, builder);
  if (!error) return std::move(builder).Take();
  if (error->too_deep) return Status(ErrorCode::kLimitExceeded, "JSON nested too deeply");
  return InvalidRequest(std::string(error->message));
}

}  // namespace iotjobs::cli::python
