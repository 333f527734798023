// Dynamic thing groups: CreateDynamicThingGroup, UpdateDynamicThingGroup,
// DeleteDynamicThingGroup. The reads are the thing group handlers' (things_handlers.cc).
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"
#include "codec/job_configs_json.h"

namespace iotjobs::api {
namespace json = boost::json;
using jobs::ResourceKind;

void HandleCreateDynamicThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateDynamicThingGroupRequest req;
  req.thing_group_name = Required(in, "thingGroupName");
  if (const json::object* props = codec::GetObject(in, "thingGroupProperties")) {
    req.description = GetString(*props, "thingGroupDescription");
    req.attribute_payload = AttributePayloadOf(*props, "attributePayload");
  }
  req.index_name = GetString(in, "indexName");
  req.query_string = Required(in, "queryString");
  req.query_version = GetString(in, "queryVersion");
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  ctx.service.CreateDynamicThingGroup(
      ctx.call, std::move(req),
      Reply<jobs::ThingGroup>(std::move(respond), [arns = ctx.arns](const jobs::ThingGroup& g) {
        json::object o{
            {"thingGroupName", g.thing_group_name},
            {"thingGroupArn", jobs::MakeArn(arns, ResourceKind::kThingGroup, g.thing_group_name)},
            {"thingGroupId", g.thing_group_id}};
        if (g.dynamic) {
          o["indexName"] = g.dynamic->index_name;
          o["queryString"] = g.dynamic->query_string;
          o["queryVersion"] = g.dynamic->query_version;
        }
        return json::value(std::move(o));
      }));
}

void HandleUpdateDynamicThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateDynamicThingGroupRequest req;
  req.thing_group_name = Required(in, "thingGroupName");
  req.expected_version = GetInt(in, "expectedVersion");
  if (const json::object* props = codec::GetObject(in, "thingGroupProperties")) {
    req.description = GetString(*props, "thingGroupDescription");
    req.attribute_payload = AttributePayloadOf(*props, "attributePayload");
  }
  req.index_name = GetString(in, "indexName");
  req.query_string = GetString(in, "queryString");
  req.query_version = GetString(in, "queryVersion");
  ctx.service.UpdateDynamicThingGroup(ctx.call, std::move(req),
                                      Reply<int64_t>(std::move(respond), [](int64_t version) {
                                        return json::value{{"version", version}};
                                      }));
}

void HandleDeleteDynamicThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteDynamicThingGroup(
      ctx.call, {Required(in, "thingGroupName"), GetInt(in, "expectedVersion")},
      Reply<service::Empty>(std::move(respond),
                            [](const service::Empty&) { return json::value(json::object()); }));
}

}  // namespace iotjobs::api
