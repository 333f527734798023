#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The API description both programs read: the botocore models of the operations iotjobs
// serves (src/api/wire/model/*.json, made by tools/trim_model.py and embedded at build time).
// iotjobsd routes, decodes and validates requests with it; iotjobs builds its commands,
// options, skeletons and help from it. One description of the API, two programs.
namespace iotjobs::api::wire {

enum class Plane { kControl, kDevice };

enum class ShapeType {
  kString, kInteger, kLong, kBoolean, kDouble, kFloat, kTimestamp, kBlob, kStructure, kList, kMap,
};

enum class Location { kBody, kUri, kQueryString, kHeader };

struct Shape;

struct Member {
  std::string name;
  const Shape* shape = nullptr;
  Location location = Location::kBody;
  std::string location_name;  // the path label, query key or header name
  bool required = false;
  std::string documentation;
};

struct Shape {
  std::string name;
  ShapeType type = ShapeType::kString;
  std::optional<double> min;  // length for strings, lists and maps; value for numbers
  std::optional<double> max;
  std::string pattern;
  std::vector<std::string> enum_values;
  std::vector<Member> members;  // structures, in the model's order
  const Shape* member = nullptr;  // lists
  const Shape* key = nullptr;     // maps
  const Shape* value = nullptr;   // maps
  std::string documentation;
  bool exception = false;
  int http_status = 0;  // exceptions

  const Member* FindMember(std::string_view member_name) const;
};

struct Paginator {
  std::string input_token;   // "nextToken"
  std::string output_token;  // "nextToken"
  std::string limit_key;     // "maxResults"
  std::vector<std::string> result_keys;
};

struct Operation {
  std::string name;          // "DeleteJobExecution"
  std::string method;        // "DELETE"
  std::string request_uri;   // "/things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}"
  int success_code = 200;
  const Shape* input = nullptr;
  const Shape* output = nullptr;  // null for operations without output
  std::vector<const Shape*> errors;
  std::string documentation;
  std::optional<Paginator> paginator;
};

struct ServiceModel {
  Plane plane;
  std::string service_name;   // CLI service word: "iot" / "iot-jobs-data"
  std::string signing_name;   // "iot" / "iot-jobs-data"
  std::string endpoint_prefix;
  std::string api_version;
  std::string documentation;
  std::vector<Operation> operations;  // in the order of the trimmed model
  std::map<std::string, Shape> shapes;

  const Operation* FindOperation(std::string_view name) const;
};

// The models, parsed once on first use (thread-safe). Never fails: the embedded JSON is
// part of the binary and checked by the tests.
const ServiceModel& ControlPlaneModel();
const ServiceModel& DevicePlaneModel();
const ServiceModel& ModelFor(Plane plane);

}  // namespace iotjobs::api::wire
