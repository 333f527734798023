#pragma once

#include <string>
#include <vector>

// AWS managed job templates (ListManagedJobTemplates, DescribeManagedJobTemplate, CreateJob
// with arn:aws:iot:REGION::jobtemplate/NAME:VERSION): a job document with
// ${aws:iot:parameter:KEY} placeholders and the schema of the values a job gives them
// (CreateJob's documentParameters). Field names follow the iot model's members.
namespace iotjobs::jobs {

// DocumentParameter of the iot model: one placeholder of the document.
struct DocumentParameter {
  std::string key;
  std::string description;
  std::string regex;  // a Java regular expression the whole value must match
  std::string example;
  bool optional = false;
};

struct ManagedJobTemplate {
  std::string template_name;     // AWS-Reboot, ...
  std::string template_version;  // 1.0, ...
  std::string description;
  std::vector<std::string> environments;
  std::string document;  // JSON text, placeholders included
  std::vector<DocumentParameter> document_parameters;
};

}  // namespace iotjobs::jobs
