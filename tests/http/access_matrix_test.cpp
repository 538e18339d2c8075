// Walks every route of the router's own table as every kind of caller and checks the answer,
// so a route added tomorrow is covered the day it is added.
#include <gtest/gtest.h>

#include <set>

#include "http/route.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using http::Access;

namespace {

enum class Caller { anonymous, other_org_admin, member, org_admin, platform_admin, api_token, person };

const char* caller_name(Caller c) {
  switch (c) {
    case Caller::anonymous: return "anonymous";
    case Caller::other_org_admin: return "admin of another organisation";
    case Caller::member: return "member";
    case Caller::org_admin: return "organisation admin";
    case Caller::platform_admin: return "platform admin";
    case Caller::api_token: return "API token of the organisation";
    case Caller::person: return "person in their own space";
  }
  return "?";
}

// Who may call a route of each access level, written out independently of http::allows.
// API tokens act at member level, on API routes only; the platform admin never reaches people;
// the person in their own space reaches public routes and their space's pages, and nobody else
// reaches those.
bool allowed(Access a, Caller c, http::Kind kind) {
  if (c == Caller::api_token && kind == http::Kind::page) return a == Access::anyone;
  if (c == Caller::person) return a == Access::anyone || (a == Access::person && kind == http::Kind::page);
  if (a == Access::person) return false;
  switch (a) {
    case Access::anyone: return true;
    case Access::authenticated: return c != Caller::anonymous;
    case Access::member: return c == Caller::member || c == Caller::org_admin || c == Caller::api_token;
    case Access::org_reader: return c == Caller::member || c == Caller::org_admin || c == Caller::api_token || c == Caller::platform_admin;
    case Access::org_admin: return c == Caller::org_admin;
    case Access::org_manager: return c == Caller::org_admin || c == Caller::platform_admin;
    case Access::platform_admin: return c == Caller::platform_admin;
    case Access::person: return false;
  }
  return false;
}

std::string fill(const http::Route& r, const test::World& w) {
  std::string path = r.pattern;
  auto put = [&](const std::string& name, const std::string& value) {
    auto pos = path.find("{" + name + "}");
    if (pos != std::string::npos) path.replace(pos, name.size() + 2, value);
  };
  put("org", std::to_string(w.org_a));
  put("user", std::to_string(w.a_target));
  put("invitation", std::to_string(w.invitation_a));
  put("token", std::to_string(w.token_a));
  put("person", std::to_string(w.person_a));
  put("structure", std::to_string(w.structure_a));
  put("service", std::to_string(w.service_a));
  put("diagnosis", std::to_string(w.diagnosis_a));
  put("offer", std::to_string(w.offer_a));
  put("target", std::to_string(w.org_b));
  put("pathway", std::to_string(w.pathway_a));
  put("objective", std::to_string(w.objective_a));
  put("action", std::to_string(w.action_a));
  put("step", std::to_string(w.step_a));
  put("note", std::to_string(w.note_a));
  put("orientation", std::to_string(w.orientation_to_a));
  put("sent", std::to_string(w.orientation_from_a));
  put("appointment", std::to_string(w.appointment_a));
  put("document", std::to_string(w.document_a));
  put("application", std::to_string(w.application_a));
  put("code", r.pattern.rfind("/invitation/", 0) == 0   ? w.invitation_code
              : r.pattern.rfind("/mon-espace/", 0) == 0 ? w.space_code
                                                        : w.reset_code);
  return path;
}

const char* method_text(http::Method m) { return http::method_name(m); }

}  // namespace

class AccessMatrix : public ::testing::TestWithParam<db::Engine> {};
INSTANTIATE_TEST_SUITE_P(Engines, AccessMatrix, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(AccessMatrix, EveryRouteAnswersEveryCallerAsItsAccessLevelSays) {
  auto db = test::fresh_database(GetParam(), 12);
  test::TestServer server(*db);
  int world_count = 0, checked = 0;
  std::set<std::string> routes_seen;
  for (const auto& route : server.app().router().routes()) {
    bool api = route.kind == http::Kind::api;
    bool unsafe = route.method != http::Method::get;
    std::vector<Caller> callers = {Caller::anonymous, Caller::other_org_admin, Caller::member, Caller::org_admin, Caller::platform_admin,
                                   Caller::api_token, Caller::person};
    // Refused callers first, on one world; each allowed caller on a fresh world, since an
    // allowed write (removing a member, revoking a token) changes what the next one finds.
    std::stable_sort(callers.begin(), callers.end(), [&](Caller a, Caller b) { return !allowed(route.access, a, route.kind) && allowed(route.access, b, route.kind); });
    auto world = test::make_world(*db, ++world_count);
    for (Caller caller : callers) {
      bool ok = allowed(route.access, caller, route.kind);
      if (ok) world = test::make_world(*db, ++world_count);
      test::HttpClient client(server.port());
      std::map<std::string, std::string> headers;
      std::string csrf = "anonymous-csrf-token-0123456789";
      const test::Session* session = nullptr;
      switch (caller) {
        case Caller::anonymous: client.cookies()["jalon_csrf"] = csrf; break;
        case Caller::other_org_admin: session = &world.s_b_admin; break;
        case Caller::member: session = &world.s_a_member; break;
        case Caller::org_admin: session = &world.s_a_admin; break;
        case Caller::platform_admin: session = &world.s_platform; break;
        case Caller::api_token: headers["Authorization"] = "Bearer " + world.token_a_raw; break;
        case Caller::person: break;
      }
      if (session) {
        client.cookies()["jalon_session"] = session->raw;
        csrf = session->csrf;
      }
      if (caller == Caller::person) {
        client.cookies()["jalon_espace"] = world.s_person.raw;
        csrf = world.s_person.csrf;
      }
      std::string path = fill(route, world), body;
      if (unsafe) {
        headers["X-CSRF-Token"] = csrf;
        if (api) {
          headers["Content-Type"] = "application/json";
          body = "{}";
        } else {
          headers["Content-Type"] = "application/x-www-form-urlencoded";
          body = "csrf=" + csrf;
        }
      }
      auto resp = client.request(method_text(route.method), path, body, headers);
      std::string where = std::string(method_text(route.method)) + " " + route.pattern + " as " + caller_name(caller) + " on " +
                          test::engine_name(GetParam()) + ": " + std::to_string(resp.status) + " " + resp.body.substr(0, 300);
      EXPECT_LT(resp.status, 500) << where;
      if (ok) {
        EXPECT_NE(resp.status, 401) << where;
        EXPECT_NE(resp.status, 403) << where;
        EXPECT_NE(resp.status, 404) << where;  // the fixture's ids exist: a 404 would hide a wrong check
      } else if (caller == Caller::anonymous) {
        if (!api && !unsafe) {
          EXPECT_EQ(resp.status, 303) << where;
          // The person's space has its own way in; everything else asks staff to log in.
          EXPECT_EQ(resp.header("location").rfind(route.access == Access::person ? "/mon-espace" : "/connexion?suivant=", 0), 0u) << where;
        } else {
          EXPECT_EQ(resp.status, 401) << where;
          if (api) {
            EXPECT_EQ(resp.header("www-authenticate").rfind("Bearer", 0), 0u) << where;
          }
        }
      } else {
        EXPECT_EQ(resp.status, 403) << where;
      }
      if (api && resp.status >= 400) {
        EXPECT_EQ(resp.header("content-type"), "application/problem+json") << where;
      }
      ++checked;
    }
    routes_seen.insert(std::string(method_text(route.method)) + " " + route.pattern);
  }
  EXPECT_EQ(routes_seen.size(), server.app().router().routes().size()) << "two routes share a method and pattern";
  EXPECT_EQ(checked, 7 * static_cast<int>(server.app().router().routes().size()));
}
