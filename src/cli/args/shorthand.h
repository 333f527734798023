#pragma once

#include <string_view>

#include "api/wire/model.h"
#include "cli/python/value.h"
#include "common/result.h"

// The CLI's shorthand syntax (awscli/shorthand.py), for structure, map and list-of-structure
// options: `Key=team,Value=fleet`, `a=1,b=2`, `criteriaList=[{failureType=ALL,action=CANCEL}]`,
// csv lists (`Value=a,b`), quoting with ' or " (\' and \\ escapes), `\,` for a literal comma.
// Two steps, as in the CLI: ParseShorthand reads the text without the model (every leaf is a
// string), ApplyShorthandModel then converts leaves the model types as numbers or booleans
// and wraps a lone value where a list is expected (BackCompatVisitor).
namespace iotjobs::cli::args {

// ShorthandParser.parse(). Failure: kInvalidRequest whose message is str() of the parse error,
// e.g. "Expected: '=', received: 'EOF' for input:\nKey\n   ^" (the caller prefixes it with
// "Error parsing parameter '--tags': ").
Result<python::PyValue> ParseShorthand(std::string_view value);

// BackCompatVisitor().visit(parsed, shape), changing `parsed` in place. A value Python cannot
// convert makes the CLI crash with exit code 255; that comes back as kInternalFailure with
// Python's exception text ("invalid literal for int() with base 10: 'abc'").
Status ApplyShorthandModel(python::PyValue& parsed, const api::wire::Shape& shape);

}  // namespace iotjobs::cli::args
