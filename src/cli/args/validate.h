#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <vector>

#include "api/wire/model.h"
#include "cli/python/value.h"
#include "common/status.h"

// botocore's client-side parameter validation (botocore/validate.py ParamValidator), which
// runs before any request is sent: missing required members, unknown members, wrong Python
// types and values below the model's `min` (a string's or list's length, a number's value).
// Like botocore it checks neither `max`, nor `pattern`, nor `enum`: those are the server's.
namespace iotjobs::cli::args {

// The report lines in botocore's order, empty when the parameters are valid. For example:
//   Missing required parameter in input: "jobId"
//   Unknown parameter in tags[0]: "Foo", must be one of: Key, Value
//   Invalid type for parameter executionNumber, value: abc, type: <class 'str'>,
//     valid types: <class 'int'>             (one line)
//   Invalid length for parameter jobId, value: 0, valid min length: 1
//   Invalid value for parameter maxResults, value: 0, valid min value: 1
std::vector<std::string> ValidateParameters(const python::PyValue& params,
                                            const api::wire::Shape& shape);

// The same for parameters held as JSON (objects as dicts); for the caller's page requests.
std::vector<std::string> ValidateParameters(const boost::json::object& params,
                                            const api::wire::Shape& shape);

// OK for no errors; else kInvalidRequest with the text the CLI writes to stderr:
// "\nParameter validation failed:\n<lines joined by \n>\n".
Status ValidationStatus(const std::vector<std::string>& errors);

}  // namespace iotjobs::cli::args
