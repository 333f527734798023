#include "server/config.h"

#include <fstream>
#include <sstream>

namespace iotjobs::server {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidRequest("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace iotjobs::server
