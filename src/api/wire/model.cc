#include "api/wire/model.h"

#include <boost/json.hpp>
#include <cstdlib>
#include <iostream>

namespace iotjobs::api::wire {
std::string_view EmbeddedControlPlaneModel();
std::string_view EmbeddedDevicePlaneModel();

namespace {
namespace json = boost::json;

std::string Str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().get_string())
                                                  : std::string();
}

std::optional<double> Num(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  const json::value& v = it->value();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  if (v.is_double()) return v.get_double();
  return std::nullopt;
}

ShapeType TypeOf(std::string_view t) {
  if (t == "string") return ShapeType::kString;
  if (t == "integer") return ShapeType::kInteger;
  if (t == "long") return ShapeType::kLong;
  if (t == "boolean") return ShapeType::kBoolean;
  if (t == "double") return ShapeType::kDouble;
  if (t == "float") return ShapeType::kFloat;
  if (t == "timestamp") return ShapeType::kTimestamp;
  if (t == "blob") return ShapeType::kBlob;
  if (t == "structure") return ShapeType::kStructure;
  if (t == "list") return ShapeType::kList;
  if (t == "map") return ShapeType::kMap;
  std::cerr << "api model: unknown shape type " << t << "\n";
  std::abort();
}

Location LocationOf(std::string_view l) {
  if (l == "uri") return Location::kUri;
  if (l == "querystring") return Location::kQueryString;
  if (l == "header") return Location::kHeader;
  return Location::kBody;
}

ServiceModel Parse(std::string_view text, Plane plane, std::string service_name) {
  json::value root = json::parse(text);  // embedded and tested: a throw here is a build bug
  const json::object& r = root.as_object();
  ServiceModel model;
  model.plane = plane;
  model.service_name = std::move(service_name);
  const json::object& meta = r.at("metadata").as_object();
  model.signing_name = Str(meta, "signingName");
  model.endpoint_prefix = Str(meta, "endpointPrefix");
  model.api_version = Str(meta, "apiVersion");
  model.documentation = Str(r, "documentation");

  const json::object& shapes = r.at("shapes").as_object();
  // Two passes: create every shape, then link references (std::map nodes do not move).
  for (const auto& kv : shapes) model.shapes[std::string(kv.key())].name = kv.key();
  auto ref = [&](const json::value& v) -> const Shape* {
    return &model.shapes.at(std::string(v.as_object().at("shape").as_string()));
  };
  for (const auto& kv : shapes) {
    const json::object& s = kv.value().as_object();
    Shape& shape = model.shapes[std::string(kv.key())];
    shape.type = TypeOf(s.at("type").as_string());
    shape.min = Num(s, "min");
    shape.max = Num(s, "max");
    shape.pattern = Str(s, "pattern");
    shape.documentation = Str(s, "documentation");
    if (auto it = s.find("enum"); it != s.end()) {
      for (const auto& e : it->value().as_array()) shape.enum_values.emplace_back(e.as_string());
    }
    std::vector<std::string> required;
    if (auto it = s.find("required"); it != s.end()) {
      for (const auto& e : it->value().as_array()) required.emplace_back(e.as_string());
    }
    if (auto it = s.find("members"); it != s.end()) {
      for (const auto& m : it->value().as_object()) {
        const json::object& mo = m.value().as_object();
        Member member;
        member.name = m.key();
        member.shape = ref(m.value());
        member.location = LocationOf(Str(mo, "location"));
        member.location_name = Str(mo, "locationName");
        if (member.location_name.empty()) member.location_name = member.name;
        member.documentation = Str(mo, "documentation");
        for (const auto& req : required) member.required = member.required || req == member.name;
        shape.members.push_back(std::move(member));
      }
    }
    if (auto it = s.find("member"); it != s.end()) shape.member = ref(it->value());
    if (auto it = s.find("key"); it != s.end()) shape.key = ref(it->value());
    if (auto it = s.find("value"); it != s.end()) shape.value = ref(it->value());
    if (auto it = s.find("exception"); it != s.end()) shape.exception = it->value().as_bool();
    if (auto it = s.find("error"); it != s.end()) {
      shape.http_status = static_cast<int>(Num(it->value().as_object(), "httpStatusCode").value_or(400));
    }
  }

  for (const auto& kv : r.at("operations").as_object()) {
    const json::object& o = kv.value().as_object();
    Operation op;
    op.name = kv.key();
    const json::object& http = o.at("http").as_object();
    op.method = Str(http, "method");
    op.request_uri = Str(http, "requestUri");
    op.success_code = static_cast<int>(Num(http, "responseCode").value_or(200));
    if (auto it = o.find("input"); it != o.end()) op.input = ref(it->value());
    if (auto it = o.find("output"); it != o.end()) op.output = ref(it->value());
    if (auto it = o.find("errors"); it != o.end()) {
      for (const auto& e : it->value().as_array()) op.errors.push_back(ref(e));
    }
    op.documentation = Str(o, "documentation");
    if (auto it = o.find("paginator"); it != o.end()) {
      const json::object& p = it->value().as_object();
      Paginator pag;
      pag.input_token = Str(p, "input_token");
      pag.output_token = Str(p, "output_token");
      pag.limit_key = Str(p, "limit_key");
      const json::value& rk = p.at("result_key");
      if (rk.is_string()) {
        pag.result_keys.emplace_back(rk.as_string());
      } else {
        for (const auto& k : rk.as_array()) pag.result_keys.emplace_back(k.as_string());
      }
      op.paginator = std::move(pag);
    }
    model.operations.push_back(std::move(op));
  }
  return model;
}

}  // namespace

const Member* Shape::FindMember(std::string_view member_name) const {
  for (const auto& m : members) {
    if (m.name == member_name) return &m;
  }
  return nullptr;
}

const Operation* ServiceModel::FindOperation(std::string_view name) const {
  for (const auto& op : operations) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

const ServiceModel& ControlPlaneModel() {
  static const ServiceModel model = Parse(EmbeddedControlPlaneModel(), Plane::kControl, "iot");
  return model;
}

const ServiceModel& DevicePlaneModel() {
  static const ServiceModel model =
      Parse(EmbeddedDevicePlaneModel(), Plane::kDevice, "iot-jobs-data");
  return model;
}

const ServiceModel& ModelFor(Plane plane) {
  return plane == Plane::kControl ? ControlPlaneModel() : DevicePlaneModel();
}

}  // namespace iotjobs::api::wire
