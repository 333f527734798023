#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "auth/signer.h"
#include "common/clock.h"
#include "common/result.h"
#include "net/http_client.h"
#include "s3/object_url.h"

namespace boost::asio {
class thread_pool;
}

// The one S3-compatible store of a server (--s3-endpoint): AWS S3 itself, MinIO, Ceph RGW,
// SeaweedFS, Garage, ... addressed path-style (ENDPOINT/BUCKET/KEY), which they all serve.
// It reads job documents (documentSource) and presigns the download URLs devices get
// (${aws:iot:s3-presigned-url:URL}); docs/s3-documents.md.
namespace iotjobs::s3 {

struct StoreConfig {
  net::Url endpoint;         // where iotjobsd reaches the store
  net::Url public_endpoint;  // where devices reach it (the host presigned URLs carry)
  std::string region;        // the SigV4 scope's region
  auth::Credentials credentials;
  std::string ca_file;  // PEM; "" for the system's CAs
  std::chrono::milliseconds timeout{10'000};  // connect, and again the whole answer
  int fetch_threads = 2;
  // Reads waiting for a fetch thread beyond this are refused at once, so a store that hangs
  // cannot pile up requests without bound.
  int max_waiting_reads = 64;
};

// A check of the configuration: kInvalidRequest naming the flag when an endpoint has a path
// (path-style URLs are signed from the bucket down, so a prefix would break every signature).
Status CheckStoreConfig(const StoreConfig& config);

class ObjectStore {
 public:
  explicit ObjectStore(StoreConfig config);
  ~ObjectStore();  // waits for the reads in flight
  ObjectStore(const ObjectStore&) = delete;
  ObjectStore& operator=(const ObjectStore&) = delete;

  // The object `url` names in this store (ParseObjectUrl with the store's own hosts).
  Result<ObjectLocation> Locate(std::string_view url) const;

  // GetObject of `location`: its body, or kInvalidRequest saying why not (no such bucket or
  // key, access denied, the store unreachable or slower than the timeout, longer than
  // `max_bytes`, which it is read no further than). Blocks for up to twice the timeout: call it from ReadAsync's threads.
  Result<std::string> Read(const ObjectLocation& location, uint64_t max_bytes) const;

  // Read on one of the store's own threads; `done` runs there. The HTTP threads and the
  // writer never wait for the store.
  void ReadAsync(ObjectLocation location, uint64_t max_bytes,
                 std::function<void(Result<std::string>)> done);

  // A SigV4 query-signed GET URL of `location` on the public endpoint, signed at `now` and
  // valid for `expires_seconds` (1..604800).
  Result<std::string> PresignGet(const ObjectLocation& location, int64_t expires_seconds,
                                 EpochMillis now) const;

 private:
  // "/BUCKET/KEY", the key encoded as S3 expects (every byte but unreserved ones and '/').
  static std::string ObjectPath(const ObjectLocation& location);
  auth::SigningParams Signing(EpochMillis now, auth::PayloadSigning payload) const;

  StoreConfig config_;
  std::vector<std::string> own_hosts_;
  std::unique_ptr<boost::asio::thread_pool> pool_;
  std::atomic<int> waiting_{0};
};

}  // namespace iotjobs::s3
