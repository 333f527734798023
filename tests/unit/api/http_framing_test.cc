#include "api/http_framing.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <utility>
#include <vector>

namespace iotjobs::api {
namespace {
namespace http = boost::beast::http;

http::fields Fields(std::vector<std::pair<http::field, const char*>> list) {
  http::fields f;
  for (auto& [name, value] : list) f.insert(name, value);
  return f;
}

TEST(FramingProblem, AcceptsOneFramingPerRequest) {
  EXPECT_FALSE(FramingProblem(Fields({}), 11));
  EXPECT_FALSE(FramingProblem(Fields({{http::field::content_length, "5"}}), 11));
  EXPECT_FALSE(FramingProblem(Fields({{http::field::content_length, "5"}}), 10));
  EXPECT_FALSE(FramingProblem(Fields({{http::field::transfer_encoding, "chunked"}}), 11));
  EXPECT_FALSE(FramingProblem(Fields({{http::field::transfer_encoding, " Chunked\t"}}), 11));
}

// The smuggling vectors of the defect: each would let the body be read as another request.
TEST(FramingProblem, RefusesEveryOtherTransferEncoding) {
  for (const char* coding : {"identity", "gzip", "xchunked", "chunked, identity",
                             "gzip, chunked", "chunked,chunked", ""}) {
    EXPECT_TRUE(FramingProblem(Fields({{http::field::transfer_encoding, coding}}), 11)) << coding;
  }
  EXPECT_TRUE(FramingProblem(Fields({{http::field::transfer_encoding, "chunked"},
                                     {http::field::transfer_encoding, "chunked"}}),
                             11));
  EXPECT_TRUE(FramingProblem(Fields({{http::field::transfer_encoding, "chunked"},
                                     {http::field::content_length, "5"}}),
                             11));
  EXPECT_TRUE(FramingProblem(Fields({{http::field::transfer_encoding, "chunked"}}), 10));
}

}  // namespace
}  // namespace iotjobs::api
