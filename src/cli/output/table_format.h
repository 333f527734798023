#pragma once

#include <boost/json/fwd.hpp>

#include "cli/output/format.h"

// `--output table`: AWS CLI v2's TableFormatter (awscli/formatter.py) over MultiTable
// (multi_table.h).
namespace iotjobs::cli::output {

// The table for `value`, titled options.command_name. A dict becomes a section whose scalar
// members form one header row and one value row (a single scalar member: a `key | value` row),
// each non-scalar member a nested section titled with its key; a list of dicts becomes one
// section with a row per dict (the union of their scalar keys as headers) and a section per
// dict when they have nested members; a list of scalars a one-column section; a scalar only
// the title. Keys are sorted; cells are Python's str() of the value. Nothing for a falsy
// value (see ShouldPrint).
// Failure: where TableFormatter crashes, with Python's message and no output: rows of
// different lengths ("Row should have 2 elements, instead it has 1"), a list that starts with
// a dict but holds a non-dict ("'int' object is not iterable", "string indices must be
// integers, not 'str'", ...), headers longer than earlier rows ("list index out of range").
// For a list item that is itself a list inside a list of dicts, Python's error depends on the
// item's contents and on set ordering; this reports the first failure Python can hit before
// rendering, which matches it except when the item's integers happen to be valid indexes.
Rendered FormatTable(const boost::json::value& value, const RenderOptions& options);

}  // namespace iotjobs::cli::output
