#include "cli/args/param_file.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "cli/python/text.h"

namespace iotjobs::cli::args {

using python::PyValue;

namespace {

constexpr std::string_view kFilePrefix = "file://";
constexpr std::string_view kFilebPrefix = "fileb://";

bool IsWordChar(char c) {  // \w under re.ASCII
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// posixpath.expanduser.
std::string ExpandUser(std::string_view path) {
  if (path.empty() || path[0] != '~') return std::string(path);
  size_t i = path.find('/', 1);
  if (i == std::string_view::npos) i = path.size();
  std::string home;
  if (i == 1) {
    if (const char* h = std::getenv("HOME")) {
      home = h;
    } else if (const passwd* pw = getpwuid(getuid())) {
      home = pw->pw_dir;
    } else {
      return std::string(path);
    }
  } else {
    std::string name(path.substr(1, i - 1));
    const passwd* pw = getpwnam(name.c_str());
    if (pw == nullptr) return std::string(path);
    home = pw->pw_dir;
  }
  while (!home.empty() && home.back() == '/') home.pop_back();
  std::string out = home + std::string(path.substr(i));
  return out.empty() ? "/" : out;
}

// posixpath.expandvars: $name and ${name} of defined variables; others stay.
std::string ExpandVars(std::string_view path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] != '$') {
      out += path[i++];
      continue;
    }
    size_t end = i + 1;
    std::string name;
    if (end < path.size() && path[end] == '{') {
      size_t close = path.find('}', end + 1);
      if (close == std::string_view::npos) {
        out += path[i++];
        continue;
      }
      name = std::string(path.substr(end + 1, close - end - 1));
      end = close + 1;
    } else {
      while (end < path.size() && IsWordChar(path[end])) ++end;
      if (end == i + 1) {
        out += path[i++];
        continue;
      }
      name = std::string(path.substr(i + 1, end - i - 1));
    }
    if (const char* v = std::getenv(name.c_str())) {
      out += v;
    } else {
      out += path.substr(i, end - i);
    }
    i = end;
  }
  return out;
}

// str(OSError): "[Errno 2] No such file or directory: 'path'".
std::string OsError(int err, const std::string& path) {
  return "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " +
         python::PyReprString(path);
}

// Reads the whole file the way Python's open() does, including its refusal of directories.
bool ReadFile(const std::string& path, std::string& data, int& err) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    err = errno;
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    err = EISDIR;
    return false;
  }
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

}  // namespace

std::string ExpandPath(std::string_view path) { return ExpandVars(ExpandUser(path)); }

Result<std::optional<PyValue>> LoadParamFile(std::string_view value) {
  bool binary;
  if (value.rfind(kFilePrefix, 0) == 0) {
    binary = false;
  } else if (value.rfind(kFilebPrefix, 0) == 0) {
    binary = true;
  } else {
    return std::optional<PyValue>();
  }
  std::string path = ExpandPath(value.substr(binary ? kFilebPrefix.size() : kFilePrefix.size()));
  std::string data;
  int err = 0;
  if (!ReadFile(path, data, err)) {
    return InvalidRequest("Unable to load paramfile " + std::string(value) + ": " +
                          OsError(err, path));
  }
  if (binary) return std::optional<PyValue>(PyValue::Bytes(data));
  std::u32string text = python::DecodeSurrogateEscape(data);
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDFFF) {  // undecodable bytes or an encoded surrogate
      return InvalidRequest("Unable to load paramfile (" + path +
                            "), text contents could not be decoded.  If this is a binary file, "
                            "please use the fileb:// prefix instead of the file:// prefix.");
    }
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      c = '\n';
    }
    out += c;
  }
  return std::optional<PyValue>(PyValue::Str(python::EncodeSurrogateEscape(out)));
}

}  // namespace iotjobs::cli::args
