// Thing types.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"
#include "codec/job_configs_json.h"

namespace iotjobs::api {
namespace json = boost::json;
using jobs::ResourceKind;

namespace {

// ThingTypeProperties as given: each member absent or present, and how many MQTT 5
// propagating attributes came (the service refuses them, docs/aws-behaviour.md D54).
service::ThingTypePropertiesInput PropertiesOf(const json::object& props) {
  service::ThingTypePropertiesInput p;
  p.thing_type_description = GetString(props, "thingTypeDescription");
  if (const json::value* attributes = codec::Member(props, "searchableAttributes");
      attributes && attributes->is_array()) {
    p.searchable_attributes = GetStringList(props, "searchableAttributes");
  }
  if (const json::object* mqtt5 = codec::GetObject(props, "mqtt5Configuration")) {
    if (const json::value* list = codec::Member(*mqtt5, "propagatingAttributes");
        list && list->is_array()) {
      p.propagating_attributes = list->get_array().size();
    }
  }
  return p;
}

}  // namespace

void HandleCreateThingType(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateThingTypeRequest req;
  req.thing_type_name = Required(in, "thingTypeName");
  if (const json::object* props = codec::GetObject(in, "thingTypeProperties")) {
    req.properties = PropertiesOf(*props);
  }
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  ctx.service.CreateThingType(
      ctx.call, std::move(req),
      Reply<jobs::ThingType>(std::move(respond), [arns = ctx.arns](const jobs::ThingType& t) {
        return json::value{
            {"thingTypeName", t.thing_type_name},
            {"thingTypeArn", jobs::MakeArn(arns, ResourceKind::kThingType, t.thing_type_name)},
            {"thingTypeId", t.thing_type_id}};
      }));
}

void HandleDescribeThingType(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DescribeThingType(
      ctx.call, Required(in, "thingTypeName"),
      Reply<jobs::ThingType>(std::move(respond), [arns = ctx.arns](const jobs::ThingType& t) {
        return json::value(ThingTypeToJson(t, arns));
      }));
}

void HandleListThingTypes(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListThingTypesRequest req{PageOf(in), GetString(in, "thingTypeName")};
  using Page = service::ListResult<jobs::ThingType>;
  auto to_json = [arns = ctx.arns](const Page& r) {
    json::array list;
    for (const auto& t : r.items) list.push_back(ThingTypeDefinitionToJson(t, arns));
    json::object o{{"thingTypes", std::move(list)}};
    if (r.next_token) o["nextToken"] = *r.next_token;
    return json::value(std::move(o));
  };
  ctx.service.ListThingTypes(ctx.call, std::move(req), Reply<Page>(std::move(respond), to_json));
}

void HandleUpdateThingType(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateThingTypeRequest req;
  req.thing_type_name = Required(in, "thingTypeName");
  if (const json::object* props = codec::GetObject(in, "thingTypeProperties")) {
    req.properties = PropertiesOf(*props);
  }
  ctx.service.UpdateThingType(ctx.call, std::move(req),
                              Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                                return json::value(json::object());  // UpdateThingTypeResponse
                              }));
}

void HandleDeprecateThingType(const HandlerContext& ctx, json::object in, Respond respond) {
  service::DeprecateThingTypeRequest req{Required(in, "thingTypeName"),
                                         GetBool(in, "undoDeprecate").value_or(false)};
  ctx.service.DeprecateThingType(
      ctx.call, std::move(req),
      Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
        return json::value(json::object());  // DeprecateThingTypeResponse: {}
      }));
}

void HandleDeleteThingType(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteThingType(ctx.call, Required(in, "thingTypeName"),
                              Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                                return json::value(json::object());  // DeleteThingTypeResponse
                              }));
}

}  // namespace iotjobs::api
