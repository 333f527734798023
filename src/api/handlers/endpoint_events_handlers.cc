// DescribeEndpoint, UpdateEventConfigurations, DescribeEventConfigurations.
#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/endpoints.h"
#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"

namespace iotjobs::api {
namespace json = boost::json;

void HandleDescribeEndpoint(const HandlerContext& ctx, json::object in, Respond respond) {
  static const PublicEndpoints kNone;
  std::optional<std::string> type = GetString(in, "endpointType");
  Result<std::string> address = EndpointAddress(
      ctx.endpoints ? *ctx.endpoints : kNone, type,
      ctx.host ? std::optional<std::string_view>(*ctx.host) : std::nullopt);
  if (!address.ok()) return respond(address.status());
  respond(json::value{{"endpointAddress", std::move(*address)}});
}

void HandleUpdateEventConfigurations(const HandlerContext& ctx, json::object in,
                                     Respond respond) {
  service::UpdateEventConfigurationsRequest req;
  if (const json::object* configs = codec::GetObject(in, "eventConfigurations")) {
    for (const auto& kv : *configs) {
      // Validation checked the key against the model's enum and the value's shape.
      std::optional<jobs::EventType> type = jobs::ParseEventType(kv.key());
      const json::object* config = kv.value().if_object();
      if (!type || !config) continue;
      // A Configuration without Enabled asks for nothing (docs/aws-behaviour.md, D43).
      if (std::optional<bool> on = GetBool(*config, "Enabled")) req.changes[*type] = *on;
    }
  }
  ctx.service.UpdateEventConfigurations(ctx.call, std::move(req), ReplyEmpty(std::move(respond)));
}

void HandleDescribeEventConfigurations(const HandlerContext& ctx, json::object /*in*/,
                                       Respond respond) {
  ctx.service.DescribeEventConfigurations(
      ctx.call, Reply<jobs::EventConfigurations>(
                    std::move(respond), [](const jobs::EventConfigurations& c) {
                      // By name, as AWS lists them (the AWS CLI's example).
                      std::vector<std::pair<std::string_view, bool>> types;
                      for (const auto& [type, on] : c.enabled) {
                        types.emplace_back(jobs::ToString(type), on);
                      }
                      std::sort(types.begin(), types.end());
                      json::object configs;
                      for (const auto& [name, on] : types) {
                        configs[name] = json::object{{"Enabled", on}};
                      }
                      json::object o{{"eventConfigurations", std::move(configs)}};
                      if (c.created_at != 0) o["creationDate"] = EpochSeconds(c.created_at);
                      if (c.last_modified_at != 0) {
                        o["lastModifiedDate"] = EpochSeconds(c.last_modified_at);
                      }
                      return json::value(std::move(o));
                    }));
}

}  // namespace iotjobs::api
