// Fleet indexing.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"

namespace iotjobs::api {
namespace json = boost::json;

namespace {

// A list of Field objects; `given` tells an absent list from an empty one.
std::optional<std::vector<jobs::IndexingField>> FieldsOf(const json::object& in,
                                                         std::string_view key) {
  const json::value* list = codec::Member(in, key);
  if (!list || !list->is_array()) return std::nullopt;
  std::vector<jobs::IndexingField> out;
  for (const json::value& f : list->get_array()) {
    if (!f.is_object()) continue;
    out.push_back({GetString(f.get_object(), "name").value_or(""),
                   GetString(f.get_object(), "type").value_or("")});
  }
  return out;
}

size_t ListSize(const json::object& in, std::string_view key) {
  const json::value* list = codec::Member(in, key);
  return list && list->is_array() ? list->get_array().size() : 0;
}

jobs::ThingIndexingRequest ThingIndexingOf(const json::object& in) {
  jobs::ThingIndexingRequest r;
  r.thing_indexing_mode = Required(in, "thingIndexingMode");
  r.thing_connectivity_indexing_mode = GetString(in, "thingConnectivityIndexingMode");
  r.device_defender_indexing_mode = GetString(in, "deviceDefenderIndexingMode");
  r.named_shadow_indexing_mode = GetString(in, "namedShadowIndexingMode");
  r.managed_fields = FieldsOf(in, "managedFields");
  r.custom_fields = FieldsOf(in, "customFields");
  if (const json::object* filter = codec::GetObject(in, "filter")) {
    r.filter_entries = ListSize(*filter, "namedShadowNames") + ListSize(*filter, "geoLocations");
  }
  return r;
}

}  // namespace

void HandleGetIndexingConfiguration(const HandlerContext& ctx, json::object, Respond respond) {
  ctx.service.GetIndexingConfiguration(
      ctx.call, Reply<jobs::IndexingConfiguration>(
                    std::move(respond), [](const jobs::IndexingConfiguration& c) {
                      return json::value(IndexingConfigurationToJson(c));
                    }));
}

void HandleUpdateIndexingConfiguration(const HandlerContext& ctx, json::object in,
                                       Respond respond) {
  service::UpdateIndexingConfigurationRequest req;
  if (const json::object* things = codec::GetObject(in, "thingIndexingConfiguration")) {
    req.things = ThingIndexingOf(*things);
  }
  if (const json::object* groups = codec::GetObject(in, "thingGroupIndexingConfiguration")) {
    req.groups = jobs::ThingGroupIndexingRequest{
        Required(*groups, "thingGroupIndexingMode"),
        ListSize(*groups, "managedFields") + ListSize(*groups, "customFields")};
  }
  ctx.service.UpdateIndexingConfiguration(
      ctx.call, std::move(req),
      Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
        return json::value(json::object());  // UpdateIndexingConfigurationResponse: {}
      }));
}

void HandleDescribeIndex(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DescribeIndex(
      ctx.call, Required(in, "indexName"),
      Reply<service::IndexDescription>(std::move(respond), [](const service::IndexDescription& d) {
        return json::value{
            {"indexName", d.index_name}, {"indexStatus", d.index_status}, {"schema", d.schema}};
      }));
}

void HandleListIndices(const HandlerContext& ctx, json::object in, Respond respond) {
  using Page = service::ListResult<std::string>;
  ctx.service.ListIndices(ctx.call, PageOf(in), Reply<Page>(std::move(respond), [](const Page& r) {
                            json::object o{{"indexNames", codec::ToJsonArray(r.items)}};
                            if (r.next_token) o["nextToken"] = *r.next_token;
                            return json::value(std::move(o));
                          }));
}

void HandleSearchIndex(const HandlerContext& ctx, json::object in, Respond respond) {
  service::SearchIndexRequest req{GetString(in, "indexName"), Required(in, "queryString"),
                                  GetString(in, "queryVersion"), PageOf(in)};
  using Page = service::ListResult<service::ThingDocument>;
  ctx.service.SearchIndex(ctx.call, std::move(req),
                          Reply<Page>(std::move(respond), [](const Page& r) {
                            json::object o;
                            if (r.next_token) o["nextToken"] = *r.next_token;
                            json::array things;
                            for (const auto& d : r.items) {
                              things.push_back(ThingDocumentToJson(d.thing, d.thing_group_names));
                            }
                            o["things"] = std::move(things);
                            o["thingGroups"] = json::array();
                            return json::value(std::move(o));
                          }));
}

}  // namespace iotjobs::api
