#include "api/console_endpoint.h"

#include <gtest/gtest.h>

#include "api/api.h"

namespace iotjobs::api {
namespace {

const std::string* HeaderOf(const ApiResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return &v;
  }
  return nullptr;
}

ApiRequest Get(std::string target) {
  ApiRequest req;
  req.method = "GET";
  req.target = std::move(target);
  return req;
}

const EmbeddedFile kFiles[] = {{"index.html", "<!doctype html>"},
                               {"js/app.js", "export {};"},
                               {"style.css", "body{}"}};
const ConsoleEndpoint kEndpoint{"eu-west-1", false};

void ExpectSecurityHeaders(const ApiResponse& r) {
  const std::string* csp = HeaderOf(r, "Content-Security-Policy");
  ASSERT_NE(csp, nullptr);
  EXPECT_NE(csp->find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp->find("connect-src 'self'"), std::string::npos);
  EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos);
  ASSERT_NE(HeaderOf(r, "X-Content-Type-Options"), nullptr);
  EXPECT_EQ(*HeaderOf(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(*HeaderOf(r, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(*HeaderOf(r, "X-Frame-Options"), "DENY");
}

TEST(ConsoleEndpointTest, ConsolePaths) {
  EXPECT_TRUE(IsConsolePath("/console"));
  EXPECT_TRUE(IsConsolePath("/console/"));
  EXPECT_TRUE(IsConsolePath("/console/js/app.js"));
  EXPECT_FALSE(IsConsolePath("/consoles"));
  EXPECT_FALSE(IsConsolePath("/jobs"));
}

TEST(ConsoleEndpointTest, ServesFilesWithTypesAndHeaders) {
  ApiResponse index = ServeConsole(Get("/console/"), kEndpoint, kFiles);
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html>");
  EXPECT_EQ(*HeaderOf(index, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(*HeaderOf(index, "Cache-Control"), "no-cache");
  ExpectSecurityHeaders(index);

  ApiResponse js = ServeConsole(Get("/console/js/app.js?v=1"), kEndpoint, kFiles);
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(*HeaderOf(js, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(*HeaderOf(ServeConsole(Get("/console/style.css"), kEndpoint, kFiles), "Content-Type"),
            "text/css; charset=utf-8");
}

TEST(ConsoleEndpointTest, EtagRevalidatesToA304) {
  ApiResponse first = ServeConsole(Get("/console/style.css"), kEndpoint, kFiles);
  const std::string* etag = HeaderOf(first, "ETag");
  ASSERT_NE(etag, nullptr);
  ApiRequest again = Get("/console/style.css");
  again.headers = {{"if-none-match", *etag}};
  ApiResponse second = ServeConsole(again, kEndpoint, kFiles);
  EXPECT_EQ(second.status, 304);
  EXPECT_EQ(second.body, "");
  EXPECT_NE(*HeaderOf(ServeConsole(Get("/console/index.html"), kEndpoint, kFiles), "ETag"), *etag);
}

TEST(ConsoleEndpointTest, UnknownFilesAre404WithTheSameHeaders) {
  for (std::string target : {"/console/nope.js", "/console/js/", "/console/../README.md",
                             "/console/js%2Fapp.js", "/console/./style.css"}) {
    ApiResponse r = ServeConsole(Get(target), kEndpoint, kFiles);
    EXPECT_EQ(r.status, 404) << target;
    ExpectSecurityHeaders(r);
  }
}

TEST(ConsoleEndpointTest, BarePathRedirectsAndConfigNamesTheRegion) {
  ApiResponse bare = ServeConsole(Get("/console"), kEndpoint, kFiles);
  EXPECT_EQ(bare.status, 301);
  EXPECT_EQ(*HeaderOf(bare, "Location"), "/console/");

  ApiResponse config = ServeConsole(Get("/console/config.json"), kEndpoint, kFiles);
  EXPECT_EQ(config.status, 200);
  EXPECT_EQ(config.body, R"({"region":"eu-west-1","auth":"sigv4"})");
  EXPECT_EQ(*HeaderOf(config, "Cache-Control"), "no-store");
  EXPECT_EQ(ServeConsole(Get("/console/config.json"), {"us-east-1", true}, kFiles).body,
            R"({"region":"us-east-1","auth":"none"})");
}

TEST(ConsoleEndpointTest, HeadHasNoBody) {
  ApiRequest head = Get("/console/");
  head.method = "HEAD";
  ApiResponse r = ServeConsole(head, kEndpoint, kFiles);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
}

TEST(ConsoleEndpointTest, TheBuiltConsoleIsEmbeddedSortedWithAnIndex) {
  auto files = ConsoleFiles();
  ASSERT_FALSE(files.empty());
  for (size_t i = 1; i < files.size(); ++i) EXPECT_LT(files[i - 1].path, files[i].path);
  bool index = false;
  for (const auto& f : files) {
    index = index || f.path == "index.html";
    EXPECT_NE(ConsoleContentType(f.path), "application/octet-stream") << f.path;
  }
  EXPECT_TRUE(index);
}

}  // namespace
}  // namespace iotjobs::api
