// Custom job templates, and AWS managed ones.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"
#include "codec/job_configs_json.h"
#include "codec/job_template_json.h"

namespace iotjobs::api {
namespace json = boost::json;
using jobs::ResourceKind;

void HandleCreateJobTemplate(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateJobTemplateRequest req;
  jobs::JobTemplate& t = req.job_template;
  t.job_template_id = Required(in, "jobTemplateId");
  t.description = Required(in, "description");
  codec::ReadJobTemplateConfigs(in, t);
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  req.document = GetString(in, "document");
  req.document_source = GetString(in, "documentSource");
  req.job_arn = GetString(in, "jobArn");
  ctx.service.CreateJobTemplate(
      ctx.call, std::move(req),
      Reply<jobs::JobTemplate>(std::move(respond), [arns = ctx.arns](const jobs::JobTemplate& t) {
        return json::value{
            {"jobTemplateArn", jobs::MakeArn(arns, ResourceKind::kJobTemplate, t.job_template_id)},
            {"jobTemplateId", t.job_template_id}};
      }));
}

void HandleDescribeJobTemplate(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DescribeJobTemplate(
      ctx.call, Required(in, "jobTemplateId"),
      Reply<jobs::JobTemplate>(std::move(respond), [arns = ctx.arns](const jobs::JobTemplate& t) {
        return json::value(JobTemplateToJson(t, arns));
      }));
}

void HandleListJobTemplates(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListJobTemplatesRequest req{PageOf(in)};
  ctx.service.ListJobTemplates(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::JobTemplate>>(
          std::move(respond),
          [arns = ctx.arns](const service::ListResult<jobs::JobTemplate>& r) {
            json::array list;
            for (const auto& t : r.items) list.push_back(JobTemplateSummaryToJson(t, arns));
            json::object o{{"jobTemplates", std::move(list)}};
            if (r.next_token) o["nextToken"] = *r.next_token;
            return json::value(std::move(o));
          }));
}

void HandleDeleteJobTemplate(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteJobTemplate(ctx.call, Required(in, "jobTemplateId"),
                                ReplyEmpty(std::move(respond)));
}

void HandleListManagedJobTemplates(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListManagedJobTemplatesRequest req{GetString(in, "templateName"), PageOf(in)};
  using Page = service::ListResult<const jobs::ManagedJobTemplate*>;
  ctx.service.ListManagedJobTemplates(
      ctx.call, std::move(req),
      Reply<Page>(std::move(respond), [region = ctx.arns.region](const Page& r) {
        json::array list;
        for (const auto* t : r.items) list.push_back(ManagedJobTemplateSummaryToJson(*t, region));
        json::object o{{"managedJobTemplates", std::move(list)}};
        if (r.next_token) o["nextToken"] = *r.next_token;
        return json::value(std::move(o));
      }));
}

void HandleDescribeManagedJobTemplate(const HandlerContext& ctx, json::object in,
                                      Respond respond) {
  service::DescribeManagedJobTemplateRequest req{Required(in, "templateName"),
                                                 GetString(in, "templateVersion")};
  ctx.service.DescribeManagedJobTemplate(
      ctx.call, std::move(req),
      Reply<const jobs::ManagedJobTemplate*>(
          std::move(respond), [region = ctx.arns.region](const jobs::ManagedJobTemplate* t) {
            return json::value(ManagedJobTemplateToJson(*t, region));
          }));
}

}  // namespace iotjobs::api
