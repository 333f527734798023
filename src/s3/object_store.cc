#include "s3/object_store.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "common/encoding.h"
#include "common/log.h"

namespace iotjobs::s3 {
namespace {

// The text of <Name>...</Name> in an S3 error body, or "".
std::string XmlElement(std::string_view xml, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  size_t begin = xml.find(open);
  if (begin == std::string_view::npos) return "";
  begin += open.size();
  size_t end = xml.find(close, begin);
  if (end == std::string_view::npos) return "";
  return std::string(xml.substr(begin, end - begin));
}

// Why the store said no, in words a user can act on.
std::string RefusalReason(const net::HttpResponse& response) {
  const std::string code = XmlElement(response.body, "Code");
  const std::string message = XmlElement(response.body, "Message");
  std::string what;
  if (code == "NoSuchKey") {
    what = "the object does not exist (NoSuchKey)";
  } else if (code == "NoSuchBucket") {
    what = "the bucket does not exist (NoSuchBucket)";
  } else if (response.status == 403) {
    what = "the store denied access (" + (code.empty() ? std::string("HTTP 403") : code) + ")";
  } else if (response.status == 404) {
    what = "the object does not exist (HTTP 404)";
  } else {
    what = "the store answered HTTP " + std::to_string(response.status) +
           (code.empty() ? "" : " " + code);
  }
  if (!message.empty()) what += ": " + message;
  return what;
}

std::string TransportReason(const net::TransportFailure& f, const net::Url& endpoint) {
  switch (f.kind) {
    case net::TransportError::kConnect:
      return "the store at " + endpoint.ToString() + " cannot be reached (" + f.detail + ")";
    case net::TransportError::kConnectTimeout:
    case net::TransportError::kReadTimeout:
      return "the store at " + endpoint.ToString() + " did not answer in time (" + f.detail + ")";
    case net::TransportError::kTls:
      return "TLS with the store at " + endpoint.ToString() + " failed (" + f.detail + ")";
    case net::TransportError::kBodyTooLarge:
      return "the object is " + f.detail;
    default:
      return "reading from the store at " + endpoint.ToString() + " failed (" + f.detail + ")";
  }
}

}  // namespace

Status CheckStoreConfig(const StoreConfig& config) {
  if (!config.endpoint.base_path.empty()) {
    return InvalidRequest("--s3-endpoint must be a scheme, host and port without a path, got " +
                          config.endpoint.ToString());
  }
  if (!config.public_endpoint.base_path.empty()) {
    return InvalidRequest("--s3-public-endpoint must be a scheme, host and port without a path, "
                          "got " + config.public_endpoint.ToString());
  }
  if (config.credentials.access_key_id.empty() || config.credentials.secret_access_key.empty()) {
    return InvalidRequest("--s3-endpoint needs the store's credentials: set "
                          "IOTJOBS_S3_ACCESS_KEY_ID and IOTJOBS_S3_SECRET_ACCESS_KEY, or "
                          "--s3-access-key-id and --s3-secret-access-key-file.");
  }
  return Status::Ok();
}

ObjectStore::ObjectStore(StoreConfig config)
    : config_(std::move(config)),
      own_hosts_{config_.endpoint.HostHeader(), config_.public_endpoint.HostHeader()},
      pool_(std::make_unique<boost::asio::thread_pool>(config_.fetch_threads)) {}

ObjectStore::~ObjectStore() { pool_->join(); }

Result<ObjectLocation> ObjectStore::Locate(std::string_view url) const {
  return ParseObjectUrl(url, own_hosts_);
}

std::string ObjectStore::ObjectPath(const ObjectLocation& location) {
  return "/" + location.bucket + "/" + PercentEncode(location.key, /*keep_slash=*/true);
}

auth::SigningParams ObjectStore::Signing(EpochMillis now, auth::PayloadSigning payload) const {
  auth::SigningParams params;
  params.credentials = config_.credentials;
  params.region = config_.region;
  params.service = "s3";
  params.time = now;
  params.payload = payload;
  // S3 signs the path as sent: no second encoding, no dot-segment removal (botocore's
  // S3SigV4Auth).
  params.canonical.double_encode_path = false;
  params.canonical.normalize_path = false;
  return params;
}

Result<std::string> ObjectStore::Read(const ObjectLocation& location, uint64_t max_bytes) const {
  net::HttpRequest request;
  request.method = "GET";
  request.target = ObjectPath(location);
  const std::string host = config_.endpoint.HostHeader();
  request.headers.emplace_back("Host", host);
  // Signed with the machine's clock, not the server's (a test clock may run ahead): a store
  // refuses a header signature more than 15 minutes off its own time.
  auth::HttpRequestView view{request.method, request.target, {{"Host", host}}, ""};
  IOTJOBS_ASSIGN_OR_RETURN(
      auto signed_request,
      auth::Sign(view, Signing(SystemClock().NowMillis(), auth::PayloadSigning::kHashBodyWithHeader)));
  for (auto& header : signed_request.headers) request.headers.push_back(std::move(header));

  net::HttpOptions options;
  options.connect_timeout = config_.timeout;
  options.read_timeout = config_.timeout;
  options.ca_bundle = config_.ca_file;
  options.max_body_bytes = max_bytes;
  auto [response, failure] = net::HttpClient(options).Send(config_.endpoint, request);
  if (!response) return InvalidRequest(TransportReason(failure, config_.endpoint));
  if (response->status != 200) return InvalidRequest(RefusalReason(*response));
  return std::move(response->body);
}

void ObjectStore::ReadAsync(ObjectLocation location, uint64_t max_bytes,
                            std::function<void(Result<std::string>)> done) {
  if (waiting_.fetch_add(1) >= config_.max_waiting_reads) {
    waiting_.fetch_sub(1);
    done(Unavailable("The S3 store has " + std::to_string(config_.max_waiting_reads) +
                     " reads waiting already; try again later."));
    return;
  }
  boost::asio::post(*pool_, [this, location = std::move(location), max_bytes,
                             done = std::move(done)]() {
    waiting_.fetch_sub(1);
    Result<std::string> body = Read(location, max_bytes);
    if (!body.ok()) {
      IOTJOBS_LOG(kWarn) << "s3: GET " << location.bucket << "/" << location.key << ": "
                         << body.status().message();
    }
    done(std::move(body));
  });
}

Result<std::string> ObjectStore::PresignGet(const ObjectLocation& location,
                                            int64_t expires_seconds, EpochMillis now) const {
  const std::string target = ObjectPath(location);
  const std::string host = config_.public_endpoint.HostHeader();
  auth::HttpRequestView view{"GET", target, {{"Host", host}}, ""};
  IOTJOBS_ASSIGN_OR_RETURN(
      auto presigned,
      auth::Presign(view, Signing(now, auth::PayloadSigning::kUnsignedPayload), expires_seconds));
  return config_.public_endpoint.scheme + "://" + host + presigned.target;
}

}  // namespace iotjobs::s3
