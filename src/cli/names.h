#pragma once

#include <string>
#include <string_view>

// The AWS CLI's spelling of model names: botocore's xform_name with '-' as separator.
namespace iotjobs::cli {

// "DeleteJobExecution" -> "delete-job-execution", "thingName" -> "thing-name",
// "thingGroupArn" -> "thing-group-arn", "ListThingGroupsForThing" ->
// "list-thing-groups-for-thing"; a trailing run of capitals before 's' stays one word
// ("ARNs" -> "arns"), exactly as botocore.xform_name does.
std::string CliName(std::string_view model_name);

}  // namespace iotjobs::cli
