#include "server/root_credentials.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/ids.h"
#include "common/log.h"

namespace iotjobs::server {
namespace {

RootCredentials Generate() {
  // AWS-looking: 20-character key id starting AKIA, 40-character secret.
  return {"AKIA" + RandomUpperAlnum(16), RandomSecret(40), true};
}

}  // namespace

Result<RootCredentials> LoadRootCredentials(const std::string& data_dir) {
  const char* id = std::getenv("IOTJOBS_ROOT_ACCESS_KEY_ID");
  const char* secret = std::getenv("IOTJOBS_ROOT_SECRET_ACCESS_KEY");
  if (id && secret && *id && *secret) return RootCredentials{id, secret, false};
  if (data_dir == ":memory:") return Generate();

  const std::string path = data_dir + "/root-credentials.json";
  std::ifstream in(path);
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text.str(), ec);
    if (ec || !v.is_object() || !v.as_object().contains("accessKeyId") ||
        !v.as_object().contains("secretAccessKey")) {
      IOTJOBS_LOG(kError) << "cannot read " << path << "; remove it to generate new credentials";
      return Unavailable("The root credentials file is damaged.");
    }
    return RootCredentials{std::string(v.at("accessKeyId").as_string()),
                           std::string(v.at("secretAccessKey").as_string()), false};
  }
  RootCredentials creds = Generate();
  std::string body = boost::json::serialize(boost::json::object{
                         {"accessKeyId", creds.access_key_id},
                         {"secretAccessKey", creds.secret_access_key}}) +
                     "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 || ::write(fd, body.data(), body.size()) != static_cast<ssize_t>(body.size()) ||
      ::fsync(fd) != 0) {
    IOTJOBS_LOG(kError) << "cannot write " << path << ": " << std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return Unavailable("The root credentials could not be stored.");
  }
  ::close(fd);
  return creds;
}

}  // namespace iotjobs::server
