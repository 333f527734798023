#pragma once

#include "cli/python/value.h"
#include "common/result.h"

// --cli-input-json and --cli-input-yaml (customizations/cliinput.py): the whole input as one
// document, inline or from file:// / fileb://, keyed by model member names. Its top-level
// members fill in what the command line left unset; unknown keys and wrong types are left to
// parameter validation, as in v2.
namespace iotjobs::cli::args {

enum class CliInputFormat { kJson, kYaml };

// Reads the option's value into the top-level dict. Failure (kInvalidRequest, the stderr
// text; v2 names the option without dashes in the first two and with them in the third):
//   \nError parsing parameter 'cli-input-json': Invalid JSON received.\n
//   \nError parsing parameter 'cli-input-yaml': Invalid YAML received.\n
//   \nError parsing parameter '--cli-input-json': Invalid type: expecting map,
//     received <class 'list'>\n                                    (one line)
Result<python::PyValue> LoadCliInput(const python::PyValue& value, CliInputFormat format);

// The shallow merge: each top-level key of `document` not already in `params` is appended.
void MergeCliInput(python::PyValue& params, const python::PyValue& document);

}  // namespace iotjobs::cli::args
