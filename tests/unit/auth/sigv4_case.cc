#include "sigv4_case.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/time_format.h"

namespace iotjobs::auth::testing {
namespace {

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "sigv4 test data: %s\n", why.c_str());
  std::abort();
}

std::string ReadFileOrDie(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

HttpRequestView RawRequest::View() const {
  HttpRequestView view{method, target, {}, body};
  for (const auto& [name, value] : headers) view.headers.emplace_back(name, value);
  return view;
}

std::string RawRequest::Serialize() const {
  std::string out = method + " " + target + " HTTP/1.1\n";
  for (const auto& [name, value] : headers) out += name + ":" + value + "\n";
  out += "\n";
  out += body;
  return out;
}

void RawRequest::SetHeader(std::string_view name, std::string value) {
  bool found = false;
  for (auto& [header_name, header_value] : headers) {
    if (EqualsIgnoreCase(header_name, name)) {
      header_value = value;
      found = true;
    }
  }
  if (!found) headers.emplace_back(std::string(name), std::move(value));
}

void RawRequest::RemoveHeader(std::string_view name) {
  std::erase_if(headers, [name](const auto& h) { return EqualsIgnoreCase(h.first, name); });
}

const std::string* RawRequest::FindHeader(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (EqualsIgnoreCase(header_name, name)) return &value;
  }
  return nullptr;
}

RawRequest ParseRawRequest(std::string_view text) {
  RawRequest request;
  size_t blank = text.find("\n\n");
  std::string_view head = text.substr(0, blank);
  if (blank != std::string_view::npos) request.body = std::string(text.substr(blank + 2));
  size_t line_end = head.find('\n');
  std::string_view line = head.substr(0, line_end);
  // The target may hold spaces (get-space-*): it runs from the first space to the last.
  size_t first = line.find(' ');
  size_t last = line.rfind(' ');
  if (first == std::string_view::npos || last <= first) Die("bad request line");
  request.method = line.substr(0, first);
  request.target = line.substr(first + 1, last - first - 1);
  while (line_end != std::string_view::npos) {
    size_t start = line_end + 1;
    line_end = head.find('\n', start);
    line = head.substr(start, line_end == std::string_view::npos ? line_end : line_end - start);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !request.headers.empty()) {
      request.headers.back().second += "\n" + std::string(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) Die("bad header line: " + std::string(line));
    request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  return request;
}

std::optional<std::string> SigV4Case::Read(std::string_view file) const {
  std::filesystem::path path = dir / file;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return ReadFileOrDie(path);
}

SigningParams SigV4Case::Params() const {
  SigningParams params;
  params.credentials = credentials;
  params.region = region;
  params.service = service;
  params.time = time;
  params.payload = unsigned_payload ? PayloadSigning::kUnsignedPayload
                   : sign_body      ? PayloadSigning::kHashBodyWithHeader
                                    : PayloadSigning::kHashBody;
  params.sign_session_token = !omit_session_token;
  params.canonical = Canonical();
  return params;
}

std::filesystem::path TestdataDir() { return IOTJOBS_TESTDATA_DIR; }

std::vector<SigV4Case> LoadCases(std::string_view folder, std::string_view required_file) {
  std::filesystem::path root = TestdataDir() / folder;
  if (!std::filesystem::is_directory(root)) Die("missing folder " + root.string());
  std::vector<SigV4Case> cases;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    if (!required_file.empty() && !std::filesystem::exists(entry.path() / required_file)) {
      continue;
    }
    SigV4Case c;
    c.name = entry.path().filename().string();
    c.dir = entry.path();
    boost::json::object context =
        boost::json::parse(ReadFileOrDie(c.dir / "context.json")).as_object();
    const boost::json::object& creds = context.at("credentials").as_object();
    c.credentials.access_key_id = creds.at("access_key_id").as_string().c_str();
    c.credentials.secret_access_key = creds.at("secret_access_key").as_string().c_str();
    if (creds.contains("token")) c.credentials.session_token = creds.at("token").as_string();
    c.region = context.at("region").as_string();
    c.service = context.at("service").as_string();
    auto time = ParseIsoDateTime(context.at("timestamp").as_string());
    if (!time) Die("bad timestamp in " + c.name);
    c.time = *time;
    auto flag = [&context](const char* key, bool fallback) {
      return context.contains(key) ? context.at(key).as_bool() : fallback;
    };
    c.normalize = flag("normalize", true);
    c.double_encode_path = flag("double_encode_path", true);
    c.sign_body = flag("sign_body", false);
    c.unsigned_payload = flag("unsigned_payload", false);
    c.omit_session_token = flag("omit_session_token", false);
    if (context.contains("expiration_in_seconds")) {
      c.expires_seconds = context.at("expiration_in_seconds").to_number<int64_t>();
    }
    c.request = ParseRawRequest(ReadFileOrDie(c.dir / "request.txt"));
    cases.push_back(std::move(c));
  }
  if (cases.empty()) Die("no cases in " + root.string());
  std::sort(cases.begin(), cases.end(),
            [](const SigV4Case& a, const SigV4Case& b) { return a.name < b.name; });
  return cases;
}

std::string CaseName(const SigV4Case& c) {
  std::string out;
  for (char ch : c.name) out += (std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return out;
}

}  // namespace iotjobs::auth::testing
