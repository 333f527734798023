// TagResource, UntagResource, ListTagsForResource.
#include <boost/json.hpp>
#include <utility>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "codec/job_configs_json.h"

namespace iotjobs::api {
namespace json = boost::json;

void HandleTagResource(const HandlerContext& ctx, json::object in, Respond respond) {
  service::TagResourceRequest req;
  req.resource_arn = Required(in, "resourceArn");
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  ctx.service.TagResource(ctx.call, std::move(req),
                          Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                            return json::value(json::object());  // TagResourceResponse: {}
                          }));
}

void HandleUntagResource(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UntagResourceRequest req;
  req.resource_arn = Required(in, "resourceArn");
  req.tag_keys = GetStringList(in, "tagKeys");
  ctx.service.UntagResource(ctx.call, std::move(req),
                            Reply<service::Empty>(std::move(respond), [](const service::Empty&) {
                              return json::value(json::object());  // UntagResourceResponse: {}
                            }));
}

void HandleListTagsForResource(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListTagsForResourceRequest req;
  req.resource_arn = Required(in, "resourceArn");
  req.page = PageOf(in);
  ctx.service.ListTagsForResource(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::Tag>>(std::move(respond),
                                            [](const service::ListResult<jobs::Tag>& r) {
                                              json::object out{{"tags", codec::ToJson(r.items)}};
                                              if (r.next_token) out["nextToken"] = *r.next_token;
                                              return json::value(std::move(out));
                                            }));
}

}  // namespace iotjobs::api
