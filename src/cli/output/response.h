#pragma once

#include <boost/json/fwd.hpp>

namespace iotjobs::api::wire {
struct Shape;
}  // namespace iotjobs::api::wire

// What AWS CLI v2 makes of a rest-json response body before --query and the formatters see
// it: botocore's RestJSONParser driven by the operation's output shape, with the CLI's
// parsers plugged in (timestamps as iso8601 text, blobs left as their base64 text).
namespace iotjobs::cli::output {

// The response as the CLI holds it, for the body `raw` (parsed JSON) of an operation whose
// output shape is `output_shape`:
//  - structures keep only the model's members, in the MODEL's order (not the wire's), and
//    drop members that are null or absent; a structure that is null stays null;
//  - lists and maps keep their order and their null items (map keys in wire order);
//  - timestamps become CliTimestamp() text ("2019-06-17T15:57:03.636000+00:00", in the local
//    time zone for epoch values: TZ matters);
//  - everything else (strings, numbers, booleans, blobs) is passed through untouched, even
//    where its JSON type is not the model's (botocore does not convert either).
// An operation without output (`output_shape` null) or a body that is not an object gives
// {} (botocore reads an empty body as {}; on a non-object body it would crash). Where botocore
// would crash on a value of the wrong kind (a structure or map that is not an object, a list
// that is not an array, an unreadable timestamp) the value is passed through unchanged.
// Only body members are read; iotjobs's output shapes have no header or status-code members.
// Read the body the way Python's json.loads does (python/json_loads_boost.h): Boost.JSON
// 1.81's parse() can land a float with a long mantissa one unit in the last place away from
// the correctly rounded value Python prints.
// The result owns its memory (default resource). Thread-safe (reads TZ via localtime_r).
boost::json::value ShapeResponse(const boost::json::value& raw,
                                 const api::wire::Shape* output_shape);

}  // namespace iotjobs::cli::output
