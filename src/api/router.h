#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/wire/model.h"
#include "common/result.h"

namespace iotjobs::api {

struct RouteMatch {
  const wire::Operation* operation = nullptr;
  std::map<std::string, std::string> labels;  // path labels, percent-decoded
};

// Finds the operation of one plane for a method and a raw (still percent-encoded) path,
// from the URI templates of the model. Where templates overlap, literal segments beat labels
// (`PUT /thing-groups/addThingToThingGroup` is not CreateThingGroup), and `$next` matches
// whether the client encoded it (`%24next`, as botocore does for describe) or not (as it
// does for start-next). kUnknownOperation when no template has the path,
// kMethodNotAllowed when one has it with another method.
class Router {
 public:
  explicit Router(const wire::ServiceModel& model);
  Result<RouteMatch> Match(std::string_view method, std::string_view raw_path) const;

 private:
  struct Segment {
    bool is_label;
    std::string text;  // literal text, or the label name
  };
  struct Template {
    const wire::Operation* operation;
    std::vector<Segment> segments;
    int literals;
  };
  std::vector<Template> templates_;
};

}  // namespace iotjobs::api
