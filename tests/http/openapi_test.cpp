#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/openapi.h"
#include "support/test_db.h"
#include "support/test_server.h"

using namespace jalon;

TEST(OpenApi, ListsEveryApiRouteOfTheRouterWithItsMethod) {
  auto db = test::fresh_database(db::Engine::sqlite);
  test::TestServer server(*db);
  auto doc = boost::json::parse(test::HttpClient(server.port()).get("/api/v1/openapi.json").body);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  const auto& paths = doc.at("paths").as_object();
  int api_routes = 0;
  for (const auto& r : server.app().router().routes()) {
    if (r.kind != http::Kind::api) continue;
    ++api_routes;
    ASSERT_TRUE(paths.contains(r.pattern)) << r.pattern;
    std::string m = http::method_name(r.method);
    for (auto& c : m) c = static_cast<char>(std::tolower(c));
    const auto& op = paths.at(r.pattern).as_object();
    ASSERT_TRUE(op.contains(m)) << r.pattern << " " << m;
    EXPECT_FALSE(op.at(m).at("summary").as_string().empty()) << r.pattern;
    EXPECT_EQ(r.pattern.rfind("/api/v1/", 0), 0u) << "API routes live under /api/v1: " << r.pattern;
  }
  EXPECT_GE(api_routes, 12);
}
