// iotjobsd: reads its options and runs the server (server.h) until a signal, or copies its
// store (`iotjobsd backup`, backup_command.h).
#include <iostream>

#include "common/log.h"
#include "common/log_format.h"
#include "server/backup_command.h"
#include "server/flags.h"
#include "server/server.h"

int main(int argc, char** argv) {
  using namespace iotjobs;
  auto config = server::ParseArgs(argc, argv);
  if (!config.ok()) {
    std::cerr << "iotjobsd: " << config.status().message() << "\n";
    return 2;
  }
  if (config->help) {
    std::cout << config->help_text;
    return 0;
  }
  if (config->version) {
    std::cout << "iotjobsd " << server::Server::kVersion << "\n";
    return 0;
  }
  log::SetLevel(config->log_level);
  log::SetFormat(config->log_format);
  if (config->backup) return server::RunBackup(*config);
  server::StartFailure failure;
  auto iotjobsd = server::Server::Create(*config, failure);
  if (!iotjobsd) {
    log::WriteFatal("iotjobsd", failure.message);
    return failure.exit_code;
  }
  return iotjobsd->Run();
}
