#pragma once

#include <optional>
#include <string>
#include <string_view>

// Every MQTT topic iotjobs publishes or serves, in one place (docs/aws-behaviour.md, "MQTT
// jobs API" and "Namespaces").
// Requests and replies live under $aws/things/THING/jobs/; a job created with a namespaceId
// uses the namespaced forms AWS IoT Greengrass uses, and notifications also go to the form
// the AWS CLI's documentation of delete-job-execution prints.
namespace iotjobs::notify::topics {

// $aws/things/THING/jobs/notify and .../notify-namespace-NS.
std::string Notify(std::string_view thing, const std::optional<std::string>& ns);
// $aws/things/THING/jobs/notify-next and .../notify-next-namespace-NS.
std::string NotifyNext(std::string_view thing, const std::optional<std::string>& ns);
// $aws/things/THING/jobs/JOB/notify-namespace-NS/ (the AWS CLI documentation's form).
std::string NotifyForJob(std::string_view thing, std::string_view job, std::string_view ns);
// $aws/events/job/JOB/OPERATION and $aws/events/jobExecution/JOB/OPERATION.
std::string JobEvent(std::string_view job, std::string_view operation);
std::string JobExecutionEvent(std::string_view job, std::string_view operation);

// What a device asks for on a request topic.
enum class RequestKind {
  kGetPending,  // get
  kStartNext,   // start-next
  kDescribe,    // JOB/get (JOB may be $next)
  kUpdate,      // JOB/update
};

struct Request {
  RequestKind kind;
  std::string thing;
  std::string job_id;                // kDescribe, kUpdate
  std::optional<std::string> ns;     // the namespace of a namespaced request topic
};

enum class TopicClass {
  kRequest,   // a request to serve
  kOurs,      // a reply or notification (published by us): ignore
  kInvalid,   // under the jobs prefix but no API: answer InvalidTopic
  kElsewhere  // not a jobs topic at all: ignore
};

// Classifies an incoming topic; `request` is filled for kRequest.
TopicClass Classify(std::string_view topic, Request* request);

// The reply topics of a request topic.
std::string Accepted(std::string_view request_topic);
std::string Rejected(std::string_view request_topic);

// The subscription that receives every device request: $aws/things/+/jobs/#, or with a share
// group the MQTT 5 shared subscription $share/GROUP/$aws/things/+/jobs/#, so that several
// iotjobsd instances split the requests and each is handled once. (Mosquitto 2.0.11, the one
// in Debian 12, delivers no $-prefixed topic to shared subscriptions; the share group is for
// brokers that do.)
std::string RequestSubscription(const std::optional<std::string>& share_group);

}  // namespace iotjobs::notify::topics
