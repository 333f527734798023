// iotjobs: AWS CLI v2's `aws iot` and `aws iot-jobs-data`, in C++.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>

#include "cli/run.h"

namespace {

// Ctrl-C: exit 130, as AWS CLI v2 does.
void OnInterrupt(int) { _exit(130); }

}  // namespace

int main(int argc, char** argv) {
  signal(SIGINT, OnInterrupt);
  signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> words(argv + 1, argv + argc);
  iotjobs::cli::Streams streams;
  streams.out = [](const std::string& text) { std::cout << text << std::flush; };
  streams.err = [](const std::string& text) { std::cerr << text << std::flush; };
  streams.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
  winsize size{};
  if (streams.stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    streams.terminal_width = size.ws_col;
  }
  return iotjobs::cli::Run(words, iotjobs::cli::ProcessEnvironment(), streams);
}
