#pragma once

#include <string>

#include "common/result.h"
#include "server/config.h"

namespace iotjobs::server {

// iotjobsd's command line. One table of flag definitions (flags.cc) parses argv and writes
// the --help text, so the two cannot drift apart.

// Parses argv. kInvalidRequest with a message naming the bad option. A flag given twice
// takes its last value.
Result<Config> ParseArgs(int argc, char** argv);

// The --help text.
std::string Usage();

}  // namespace iotjobs::server
