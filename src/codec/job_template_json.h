#pragma once

#include <boost/json/object.hpp>

#include "jobs/job_template.h"

// A job template's configurations <-> JSON members, in the iot model's shapes and in the
// order DescribeJobTemplate's output lists them (presignedUrlConfig ... destinationPackage
// Versions). The same members are CreateJobTemplate's input and the stored form, so the
// handler, the wire output and the store read and write them here.
namespace iotjobs::codec {

// Adds each configuration the template has to `out`, absent ones left out.
void AppendJobTemplateConfigs(const jobs::JobTemplate& t, boost::json::object& out);
// Reads the configuration members present in `in` into `t` (absent ones are left as they are).
void ReadJobTemplateConfigs(const boost::json::object& in, jobs::JobTemplate& t);

}  // namespace iotjobs::codec
