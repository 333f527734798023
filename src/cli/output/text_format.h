#pragma once

#include <boost/json/fwd.hpp>

#include "cli/output/format.h"

// `--output text`: awscli/text.py format_text, which AWS CLI v2's TextFormatter runs.
namespace iotjobs::cli::output {

// format_text(value). A scalar prints as Python's str() and a newline ("None", "True",
// "1e-07"). A dict prints its scalar values on one tab-separated line in sorted key order,
// prefixed by the upper-cased key it sits under when nested, then each non-scalar value under
// its key, also in key order. A list of scalars is one tab-separated line (one "KEY\tvalue"
// line per item when nested); in a list of dicts every dict prints the union of the dicts'
// scalar keys, '' where it lacks one; a nested list or dict in a scalar position prints as
// its Python repr().
// Failure: a list holding a dict and a non-dict crashes text.py ("'str' object has no
// attribute 'items'"); `status` then carries that message and `text` what was written
// before it, which the CLI has already flushed to stdout.
// Paginated responses: the CLI formats each page on its own (the first with the
// non-paginated members, the rest with only the result keys, each through --query) and
// concatenates the outputs; the caller does that with one call per page.
Rendered FormatText(const boost::json::value& value);

}  // namespace iotjobs::cli::output
