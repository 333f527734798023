#pragma once

#include <sstream>
#include <string_view>

namespace iotjobs::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// Lines below this level are dropped. Default kInfo. Thread-safe.
void SetLevel(Level level);
bool Enabled(Level level);

// Writes one line "2026-11-26T06:07:15.123Z INFO message" to stderr. Thread-safe: a line
// is written with one write(2), so lines from different threads never interleave.
void Write(Level level, std::string_view message);

// Builds a line with << and writes it when destroyed.
class Line {
 public:
  explicit Line(Level level) : level_(level) {}
  ~Line() { Write(level_, out_.str()); }
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  template <typename T>
  Line& operator<<(const T& value) {
    out_ << value;
    return *this;
  }

 private:
  Level level_;
  std::ostringstream out_;
};

}  // namespace iotjobs::log

// `IOTJOBS_LOG(kInfo) << "text";` — a statement that builds nothing when the level is off.
// The for-loop form (rather than if/else) keeps it safe inside an unbraced if.
#define IOTJOBS_LOG(level)                                                            \
  for (bool iotjobs_log_on_ = ::iotjobs::log::Enabled(::iotjobs::log::Level::level); \
       iotjobs_log_on_; iotjobs_log_on_ = false)                                      \
  ::iotjobs::log::Line(::iotjobs::log::Level::level)
