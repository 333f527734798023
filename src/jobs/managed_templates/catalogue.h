#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobs/managed_templates/managed_job_template.h"

// The AWS managed job templates iotjobs serves, compiled in (catalogue.cc; where each one comes
// from: README.md beside it).
namespace iotjobs::jobs {

// Every version of every template, ordered by name, then by version (oldest first).
const std::vector<ManagedJobTemplate>& ManagedJobTemplates();

// The template of that name and version; without a version, its latest. nullptr when there is
// none.
const ManagedJobTemplate* FindManagedJobTemplate(std::string_view name,
                                                 const std::optional<std::string>& version);

// Orders versions as numbers, part by part ("1.10" after "1.9"). Negative, zero or positive.
int CompareTemplateVersions(std::string_view a, std::string_view b);

// arn:aws:iot:REGION::jobtemplate/NAME:VERSION, the ARN of a managed template (no account).
std::string ManagedJobTemplateArn(std::string_view region, const ManagedJobTemplate& t);

// Splits the resource name of a managed template's ARN, NAME:VERSION. nullopt without a
// version.
struct ManagedTemplateRef {
  std::string name;
  std::string version;
};
std::optional<ManagedTemplateRef> ParseManagedTemplateName(std::string_view name_and_version);

}  // namespace iotjobs::jobs
