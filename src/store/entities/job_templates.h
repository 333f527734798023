#pragma once

#include <optional>
#include <string_view>

#include "common/result.h"
#include "jobs/job_template.h"
#include "store/entities/page.h"

// Custom job templates (see things.h for what every entity interface promises).
namespace iotjobs::store {

class JobTemplateReads {
 public:
  virtual ~JobTemplateReads() = default;
  virtual Result<std::optional<jobs::JobTemplate>> GetJobTemplate(std::string_view id) = 0;
  // By id, keyset-paged.
  virtual Result<Page<jobs::JobTemplate>> ListJobTemplates(const PageRequest& page) = 0;
};

class JobTemplateWrites {
 public:
  virtual ~JobTemplateWrites() = default;
  virtual Status InsertJobTemplate(const jobs::JobTemplate& t) = 0;
  virtual Status DeleteJobTemplate(std::string_view id) = 0;
};

}  // namespace iotjobs::store
