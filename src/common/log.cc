#include "common/log.h"

#include <unistd.h>

#include <atomic>
#include <string>

#include "common/clock.h"
#include "common/time_format.h"

namespace iotjobs::log {
namespace {
std::atomic<int> g_level{static_cast<int>(Level::kInfo)};

std::string_view Name(Level level) {
  switch (level) {
    case Level::kDebug: return "DEBUG";
    case Level::kInfo: return "INFO";
    case Level::kWarn: return "WARN";
    case Level::kError: return "ERROR";
  }
  return "INFO";
}
}  // namespace

void SetLevel(Level level) { g_level.store(static_cast<int>(level)); }
bool Enabled(Level level) { return static_cast<int>(level) >= g_level.load(); }

void Write(Level level, std::string_view message) {
  std::string line = FormatIso8601Millis(SystemClock().NowMillis());
  line += ' ';
  line += Name(level);
  line += ' ';
  line += message;
  line += '\n';
  // One write(2) per line keeps lines whole when threads log at once.
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace iotjobs::log
