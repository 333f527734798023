#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"
#include "jobs/managed_templates/managed_job_template.h"

namespace iotjobs::jobs {

// CreateJob's documentParameters against the template's schema: every key must be one of its
// parameters, every parameter that is not optional must be given, and each value must match
// its parameter's regex as a whole (Java's String.matches, which the regexes are written for;
// ICU's regular expressions follow Java's syntax). The first failure is an
// InvalidRequest naming documentParameters and the key.
Status CheckDocumentParameters(const ManagedJobTemplate& t,
                               const std::map<std::string, std::string>& values);

// The document a device gets of a job made from a managed template: every placeholder
// ${aws:iot:parameter:KEY} replaced by the job's value for KEY, or by nothing when the job gave
// none (an optional parameter left out). The value goes in as the text of a JSON string, its
// quotes, backslashes and control characters escaped, so that the document stays valid JSON
// whatever the value (docs/aws-behaviour.md, D31). Every other character of the document is
// kept as it is.
std::string SubstituteDocumentParameters(std::string_view document,
                                         const std::map<std::string, std::string>& values);

// Does the whole of `value` (UTF-8) match the Java regular expression `regex`? False also when
// the expression does not compile or the match runs past ICU's time limit.
bool FullMatch(const std::string& regex, const std::string& value);

}  // namespace iotjobs::jobs
