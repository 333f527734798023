#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "cli/output/format.h"

// The golden files of tests/testdata/cli-output, made by make_golden.py from AWS CLI v2's own
// code (see that script for how to regenerate them).
namespace iotjobs::cli::output::golden {

// The parsed JSON of tests/testdata/cli-output/<file_name>; fails the test (and returns null)
// when it cannot be read.
boost::json::value Load(const std::string& file_name);

// Renders every case of format-<format>.json with Render() and the case's options
// (color, autoreset, width, title; "DescribeJob" and 80 columns by default) and expects
// exactly its bytes, and its error message when the CLI crashes. Reports the first
// mismatches in full and returns how many cases passed.
int ExpectFormat(const std::string& file_name, Format format);

}  // namespace iotjobs::cli::output::golden
