// Things and thing groups.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"
#include "codec/job_configs_json.h"

namespace iotjobs::api {
namespace json = boost::json;
using jobs::ResourceKind;

namespace {
json::object GroupNameAndArn(const std::string& name, const jobs::ArnContext& arns) {
  return {{"groupName", name}, {"groupArn", jobs::MakeArn(arns, ResourceKind::kThingGroup, name)}};
}

json::value GroupNameList(const service::ListResult<std::string>& r, const jobs::ArnContext& arns) {
  json::array groups;
  for (const auto& name : r.items) groups.push_back(GroupNameAndArn(name, arns));
  json::object o{{"thingGroups", std::move(groups)}};
  if (r.next_token) o["nextToken"] = *r.next_token;
  return o;
}
}  // namespace

void HandleCreateThing(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateThingRequest req;
  req.thing_name = Required(in, "thingName");
  req.thing_type_name = GetString(in, "thingTypeName");
  req.attribute_payload = AttributePayloadOf(in, "attributePayload");
  req.billing_group_name = GetString(in, "billingGroupName");
  ctx.service.CreateThing(ctx.call, std::move(req),
                          Reply<jobs::Thing>(std::move(respond), [arns = ctx.arns](const jobs::Thing& t) {
                            return json::value{
                                {"thingName", t.thing_name},
                                {"thingArn", jobs::MakeArn(arns, ResourceKind::kThing, t.thing_name)},
                                {"thingId", t.thing_id}};
                          }));
}

void HandleDescribeThing(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DescribeThing(
      ctx.call, Required(in, "thingName"),
      Reply<jobs::Thing>(std::move(respond), [arns = ctx.arns](const jobs::Thing& t) {
        json::object o;
        o["defaultClientId"] = t.thing_name;
        o["thingName"] = t.thing_name;
        o["thingId"] = t.thing_id;
        o["thingArn"] = jobs::MakeArn(arns, ResourceKind::kThing, t.thing_name);
        if (t.thing_type_name) o["thingTypeName"] = *t.thing_type_name;
        o["attributes"] = codec::ToJsonObject(t.attributes);
        o["version"] = t.version;
        if (t.billing_group_name) o["billingGroupName"] = *t.billing_group_name;
        return json::value(std::move(o));
      }));
}

void HandleListThings(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListThingsRequest req;
  req.page = PageOf(in);
  req.filter.attribute_name = GetString(in, "attributeName");
  req.filter.attribute_value = GetString(in, "attributeValue");
  req.filter.thing_type_name = GetString(in, "thingTypeName");
  req.filter.use_prefix_attribute_value = GetBool(in, "usePrefixAttributeValue").value_or(false);
  ctx.service.ListThings(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::Thing>>(
          std::move(respond), [arns = ctx.arns](const service::ListResult<jobs::Thing>& r) {
            json::array things;
            for (const auto& t : r.items) {
              json::object o;
              o["thingName"] = t.thing_name;
              if (t.thing_type_name) o["thingTypeName"] = *t.thing_type_name;
              o["thingArn"] = jobs::MakeArn(arns, ResourceKind::kThing, t.thing_name);
              o["attributes"] = codec::ToJsonObject(t.attributes);
              o["version"] = t.version;
              things.push_back(std::move(o));
            }
            json::object out{{"things", std::move(things)}};
            if (r.next_token) out["nextToken"] = *r.next_token;
            return json::value(std::move(out));
          }));
}

void HandleUpdateThing(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateThingRequest req;
  req.thing_name = Required(in, "thingName");
  req.thing_type_name = GetString(in, "thingTypeName");
  req.attribute_payload = AttributePayloadOf(in, "attributePayload");
  req.expected_version = GetInt(in, "expectedVersion");
  req.remove_thing_type = GetBool(in, "removeThingType").value_or(false);
  ctx.service.UpdateThing(ctx.call, std::move(req),
                          Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                            return json::value(json::object());  // UpdateThingResponse: {}
                          }));
}

void HandleDeleteThing(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteThing(ctx.call, {Required(in, "thingName"), GetInt(in, "expectedVersion")},
                          Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                            return json::value(json::object());  // DeleteThingResponse: {}
                          }));
}

void HandleCreateThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateThingGroupRequest req;
  req.thing_group_name = Required(in, "thingGroupName");
  req.parent_group_name = GetString(in, "parentGroupName");
  if (const json::object* props = codec::GetObject(in, "thingGroupProperties")) {
    req.description = GetString(*props, "thingGroupDescription");
    req.attribute_payload = AttributePayloadOf(*props, "attributePayload");
  }
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  ctx.service.CreateThingGroup(
      ctx.call, std::move(req),
      Reply<jobs::ThingGroup>(std::move(respond), [arns = ctx.arns](const jobs::ThingGroup& g) {
        return json::value{
            {"thingGroupName", g.thing_group_name},
            {"thingGroupArn", jobs::MakeArn(arns, ResourceKind::kThingGroup, g.thing_group_name)},
            {"thingGroupId", g.thing_group_id}};
      }));
}

void HandleDescribeThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DescribeThingGroup(
      ctx.call, Required(in, "thingGroupName"),
      Reply<service::ThingGroupView>(
          std::move(respond), [arns = ctx.arns](const service::ThingGroupView& v) {
            const jobs::ThingGroup& g = v.group;
            json::object props;
            if (g.description) props["thingGroupDescription"] = *g.description;
            props["attributePayload"] =
                json::object{{"attributes", codec::ToJsonObject(g.attributes)}};
            json::object meta;
            if (g.parent_group_name) meta["parentGroupName"] = *g.parent_group_name;
            json::array chain;
            for (const auto& name : v.root_to_parent) chain.push_back(GroupNameAndArn(name, arns));
            meta["rootToParentThingGroups"] = std::move(chain);
            meta["creationDate"] = EpochSeconds(g.creation_date);
            json::object o;
            o["thingGroupName"] = g.thing_group_name;
            o["thingGroupId"] = g.thing_group_id;
            o["thingGroupArn"] = jobs::MakeArn(arns, ResourceKind::kThingGroup, g.thing_group_name);
            o["version"] = g.version;
            o["thingGroupProperties"] = std::move(props);
            o["thingGroupMetadata"] = std::move(meta);
            if (g.dynamic) {
              o["indexName"] = g.dynamic->index_name;
              o["queryString"] = g.dynamic->query_string;
              o["queryVersion"] = g.dynamic->query_version;
              o["status"] = g.dynamic->status;
            }
            return json::value(std::move(o));
          }));
}

void HandleListThingGroups(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListThingGroupsRequest req;
  req.page = PageOf(in);
  req.parent_group = GetString(in, "parentGroup");
  req.name_prefix_filter = GetString(in, "namePrefixFilter");
  req.recursive = GetBool(in, "recursive").value_or(false);
  ctx.service.ListThingGroups(
      ctx.call, std::move(req),
      Reply<service::ListResult<std::string>>(
          std::move(respond), [arns = ctx.arns](const service::ListResult<std::string>& r) {
            return GroupNameList(r, arns);
          }));
}

void HandleUpdateThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateThingGroupRequest req;
  req.thing_group_name = Required(in, "thingGroupName");
  req.expected_version = GetInt(in, "expectedVersion");
  if (const json::object* props = codec::GetObject(in, "thingGroupProperties")) {
    req.description = GetString(*props, "thingGroupDescription");
    req.attribute_payload = AttributePayloadOf(*props, "attributePayload");
  }
  ctx.service.UpdateThingGroup(ctx.call, std::move(req),
                               Reply<int64_t>(std::move(respond), [](int64_t version) {
                                 return json::value{{"version", version}};
                               }));
}

void HandleDeleteThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteThingGroup(
      ctx.call, {Required(in, "thingGroupName"), GetInt(in, "expectedVersion")},
      Reply<service::Empty>(std::move(respond),
                            [](const service::Empty&) { return json::value(json::object()); }));
}

namespace {
service::ThingGroupMembershipRequest MembershipOf(const json::object& in) {
  return {GetString(in, "thingGroupName"), GetString(in, "thingGroupArn"),
          GetString(in, "thingName"), GetString(in, "thingArn"),
          GetBool(in, "overrideDynamicGroups").value_or(false)};
}
}  // namespace

void HandleAddThingToThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.AddThingToThingGroup(
      ctx.call, MembershipOf(in),
      Reply<service::Empty>(std::move(respond),
                            [](const service::Empty&) { return json::value(json::object()); }));
}

void HandleRemoveThingFromThingGroup(const HandlerContext& ctx, json::object in,
                                     Respond respond) {
  ctx.service.RemoveThingFromThingGroup(
      ctx.call, MembershipOf(in),
      Reply<service::Empty>(std::move(respond),
                            [](const service::Empty&) { return json::value(json::object()); }));
}

void HandleListThingsInThingGroup(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListThingsInThingGroupRequest req;
  req.thing_group_name = Required(in, "thingGroupName");
  req.recursive = GetBool(in, "recursive").value_or(false);
  req.page = PageOf(in);
  ctx.service.ListThingsInThingGroup(
      ctx.call, std::move(req),
      Reply<service::ListResult<std::string>>(
          std::move(respond), [](const service::ListResult<std::string>& r) {
            json::object o{{"things", codec::ToJsonArray(r.items)}};
            if (r.next_token) o["nextToken"] = *r.next_token;
            return json::value(std::move(o));
          }));
}

void HandleListThingGroupsForThing(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.ListThingGroupsForThing(
      ctx.call, {Required(in, "thingName"), PageOf(in)},
      Reply<service::ListResult<std::string>>(
          std::move(respond), [arns = ctx.arns](const service::ListResult<std::string>& r) {
            return GroupNameList(r, arns);
          }));
}

}  // namespace iotjobs::api
