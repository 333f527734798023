#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/settings.h"

namespace iotjobs::cli {

// Where a run writes (the real stdout and stderr, or strings in tests).
struct Streams {
  std::function<void(const std::string&)> out;
  std::function<void(const std::string&)> err;
  bool stdout_is_terminal = false;
  int terminal_width = 80;
};

// One invocation of iotjobs: `words` without the program name. Returns the exit code, the
// AWS CLI v2 one: 0 success, 252 command line or parameters, 253 configuration, 254 a service
// error, 255 anything else (130 on Ctrl-C is main's).
int Run(const std::vector<std::string>& words, const Environment& env, const Streams& streams);

}  // namespace iotjobs::cli
