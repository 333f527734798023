#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>

#include "api/endpoints.h"
#include "api/wire/model.h"
#include "common/result.h"
#include "jobs/arn.h"
#include "service/service.h"

namespace iotjobs::api {

// What a handler may use: the service it calls and who is calling. Handlers hold no logic:
// they move validated wire input into a service request and the result back to wire output.
struct HandlerContext {
  service::Service& service;
  service::CallContext call;
  jobs::ArnContext arns;
  wire::Plane plane;
  // The jobs a device plane request may see: over MQTT the topic's namespace; the HTTPS
  // device plane has none and sees every job.
  std::optional<service::NamespaceScope> scope;
  // DescribeEndpoint's answers: this deployment's addresses (null over MQTT), and the Host
  // header the HTTP request came with.
  const PublicEndpoints* endpoints = nullptr;
  std::optional<std::string> host;
};

// The handler's answer: the output shape as JSON (null: no output, an empty 200), or an
// error. May be called on any thread, exactly once.
using Respond = std::function<void(Result<boost::json::value>)>;

// One AWS operation. `input` passed the model's validation already.
using Handler = void (*)(const HandlerContext& ctx, boost::json::object input, Respond respond);

// Adapts a service callback of T to Respond through `to_json`.
template <typename T, typename ToJson>
service::Callback<T> Reply(Respond respond, ToJson to_json) {
  return [respond = std::move(respond), to_json = std::move(to_json)](Result<T> r) {
    if (!r.ok()) {
      respond(r.status());
      return;
    }
    respond(to_json(r.value()));
  };
}

// For operations without output.
inline service::Callback<service::Empty> ReplyEmpty(Respond respond) {
  return [respond = std::move(respond)](Result<service::Empty> r) {
    if (!r.ok()) {
      respond(r.status());
    } else {
      respond(boost::json::value(nullptr));
    }
  };
}

// One handler per operation, by area (things_handlers.cc, ...).
void HandleCreateThing(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeThing(const HandlerContext&, boost::json::object, Respond);
void HandleListThings(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateThing(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteThing(const HandlerContext&, boost::json::object, Respond);
void HandleCreateThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleListThingGroups(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleAddThingToThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleRemoveThingFromThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleListThingsInThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleListThingGroupsForThing(const HandlerContext&, boost::json::object, Respond);
// Dynamic thing groups.
void HandleCreateDynamicThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateDynamicThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteDynamicThingGroup(const HandlerContext&, boost::json::object, Respond);
void HandleCreateThingType(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeThingType(const HandlerContext&, boost::json::object, Respond);
void HandleListThingTypes(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateThingType(const HandlerContext&, boost::json::object, Respond);
void HandleDeprecateThingType(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteThingType(const HandlerContext&, boost::json::object, Respond);
void HandleGetIndexingConfiguration(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateIndexingConfiguration(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeIndex(const HandlerContext&, boost::json::object, Respond);
void HandleListIndices(const HandlerContext&, boost::json::object, Respond);
void HandleSearchIndex(const HandlerContext&, boost::json::object, Respond);
void HandleCreateJob(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeJob(const HandlerContext&, boost::json::object, Respond);
void HandleListJobs(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateJob(const HandlerContext&, boost::json::object, Respond);
void HandleCancelJob(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteJob(const HandlerContext&, boost::json::object, Respond);
void HandleGetJobDocument(const HandlerContext&, boost::json::object, Respond);
void HandleAssociateTargetsWithJob(const HandlerContext&, boost::json::object, Respond);
void HandleCreateJobTemplate(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeJobTemplate(const HandlerContext&, boost::json::object, Respond);
void HandleListJobTemplates(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteJobTemplate(const HandlerContext&, boost::json::object, Respond);
void HandleListManagedJobTemplates(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeManagedJobTemplate(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeEndpoint(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateEventConfigurations(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeEventConfigurations(const HandlerContext&, boost::json::object, Respond);
void HandleTagResource(const HandlerContext&, boost::json::object, Respond);
void HandleUntagResource(const HandlerContext&, boost::json::object, Respond);
void HandleListTagsForResource(const HandlerContext&, boost::json::object, Respond);
void HandleDescribeJobExecution(const HandlerContext&, boost::json::object, Respond);
void HandleListJobExecutionsForJob(const HandlerContext&, boost::json::object, Respond);
void HandleListJobExecutionsForThing(const HandlerContext&, boost::json::object, Respond);
void HandleCancelJobExecution(const HandlerContext&, boost::json::object, Respond);
void HandleDeleteJobExecution(const HandlerContext&, boost::json::object, Respond);
void HandleGetPendingJobExecutions(const HandlerContext&, boost::json::object, Respond);
void HandleStartNextPendingJobExecution(const HandlerContext&, boost::json::object, Respond);
void HandleDeviceDescribeJobExecution(const HandlerContext&, boost::json::object, Respond);
void HandleUpdateJobExecution(const HandlerContext&, boost::json::object, Respond);

}  // namespace iotjobs::api
