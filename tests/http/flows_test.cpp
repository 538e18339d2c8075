// Integration tests through a real socket, on both engines: sessions, CSRF, throttling,
// invitations, password reset, API tokens, errors, operations, graceful shutdown.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>
#include <regex>
#include <thread>

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/time.h"
#include "mail/outbox.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

class Flows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  void TearDown() override { time::set_clock_for_tests({}); }
  std::string org_a() const { return "/organisations/" + std::to_string(world_.org_a); }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::string last_link_to(const std::string& email) {
    db::Tx tx(*db_, db::Tx::Mode::read);
    auto msgs = mail::latest(tx, 1, email);
    if (msgs.empty()) return "";
    std::smatch m;
    static const std::regex re(R"(http://127\.0\.0\.1:\d+(/\S+))");
    return std::regex_search(msgs[0].body, m, re) ? m[1].str() : "";
  }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, Flows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(Flows, LoginRotatesTheSessionAndLogoutEndsIt) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  auto bad = c.login(world_.a_admin_email, "pas le bon mot de passe");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Adresse e-mail ou mot de passe incorrect."), std::string::npos);
  EXPECT_NE(bad.body.find("<title>Erreur : Connexion"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#email\""), std::string::npos);  // the summary links to the field
  EXPECT_NE(bad.body.find("aria-describedby=\"email-erreur\""), std::string::npos);

  auto ok = c.login(world_.a_admin_email, test::kPassword);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), "/tableau-de-bord");
  std::string first = c.cookies()["jalon_session"];
  ASSERT_FALSE(first.empty());
  auto set_cookie = ok.header("set-cookie");
  auto dash = c.get("/tableau-de-bord");
  EXPECT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("Admin A 1"), std::string::npos);

  // Logging in again replaces the session: the old id no longer works.
  c.login(world_.a_admin_email, test::kPassword);
  std::string second = c.cookies()["jalon_session"];
  EXPECT_NE(first, second);
  HttpClient old(server.port());
  old.cookies()["jalon_session"] = first;
  EXPECT_EQ(old.get("/tableau-de-bord").status, 303);

  // Cookie flags.
  bool found = false;
  auto range = ok.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it)
    if (it->second.rfind("jalon_session=", 0) == 0) {
      found = true;
      EXPECT_NE(it->second.find("HttpOnly"), std::string::npos);
      EXPECT_NE(it->second.find("SameSite=Lax"), std::string::npos);
      EXPECT_NE(it->second.find("Secure"), std::string::npos);
    }
  EXPECT_TRUE(found) << set_cookie;

  c.get("/tableau-de-bord");
  auto out = c.post_form("/deconnexion", {{"csrf", c.csrf()}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(c.cookies().count("jalon_session"), 0u);
  HttpClient replay(server.port());
  replay.cookies()["jalon_session"] = second;
  EXPECT_EQ(replay.get("/tableau-de-bord").status, 303);
}

TEST_P(Flows, LoginRedirectsBackToTheRequestedPageButNeverElsewhere) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  auto r = c.get(org_a() + "/membres");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/connexion?suivant=" + std::string("%2Forganisations%2F") + std::to_string(world_.org_a) + "%2Fmembres");
  c.get(r.header("location"));
  auto in = c.post_form("/connexion", {{"csrf", c.csrf()}, {"email", world_.a_admin_email}, {"password", test::kPassword}, {"suivant", org_a() + "/membres"}});
  EXPECT_EQ(in.header("location"), org_a() + "/membres");
  HttpClient d(server.port());
  d.get("/connexion");
  auto evil = d.post_form("/connexion", {{"csrf", d.csrf()}, {"email", world_.a_admin_email}, {"password", test::kPassword}, {"suivant", "//evil.example/"}});
  EXPECT_EQ(evil.header("location"), "/tableau-de-bord");
}

TEST_P(Flows, FormsWithoutTheRightCsrfTokenAreRefused) {
  test::TestServer server(*db_);
  HttpClient anon(server.port());
  // No CSRF cookie at all.
  auto r = anon.post_form("/connexion", {{"email", world_.a_admin_email}, {"password", test::kPassword}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Le formulaire a expiré"), std::string::npos);
  anon.get("/connexion");
  EXPECT_EQ(anon.post_form("/connexion", {{"csrf", "faux"}, {"email", world_.a_admin_email}, {"password", test::kPassword}}).status, 403);

  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(org_a() + "/invitations");
  EXPECT_EQ(admin.post_form(org_a() + "/invitations", {{"email", "x@test.fr"}, {"role", "member"}}).status, 403);
  EXPECT_EQ(admin.post_form(org_a() + "/invitations", {{"csrf", world_.s_b_admin.csrf}, {"email", "x@test.fr"}, {"role", "member"}}).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invitations WHERE email = 'x@test.fr'"), 0);
  EXPECT_EQ(admin.post_form(org_a() + "/invitations", {{"csrf", admin.csrf()}, {"email", "x@test.fr"}, {"role", "member"}}).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invitations WHERE email = 'x@test.fr'"), 1);
  // The JSON API with a session cookie needs the token in a header.
  auto api = admin.request("POST", "/api/v1/organisations/" + std::to_string(world_.org_a) + "/api-tokens", R"({"name":"t"})",
                           {{"Content-Type", "application/json"}});
  EXPECT_EQ(api.status, 403);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
}

TEST_P(Flows, IdleAndExpiredSessionsSendBackToLogin) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.cookies()["jalon_session"] = world_.s_a_admin.raw;
  EXPECT_EQ(c.get("/tableau-de-bord").status, 200);
  auto later = time::now() + std::chrono::hours(3);
  time::set_clock_for_tests([later] { return later; });
  auto r = c.get("/tableau-de-bord");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(c.cookies().count("jalon_session"), 0u);  // cleared
  auto login = c.get(r.header("location"));
  EXPECT_NE(login.body.find("Votre session a expiré"), std::string::npos);
  auto api = c.request("GET", "/api/v1/me", "", {{"Cookie", "jalon_session=" + world_.s_a_admin.raw}});
  EXPECT_EQ(api.status, 401);
}

TEST_P(Flows, RepeatedLoginFailuresAreThrottled) {
  auto config = test::test_config();
  config.login_max_failures = 3;
  test::TestServer server(*db_, config);
  HttpClient c(server.port());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(c.login(world_.a_member_email, "mauvais mot de passe").status, 422);
  auto r = c.login(world_.a_member_email, test::kPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_NE(r.body.find("Trop de tentatives"), std::string::npos);
  EXPECT_EQ(c.cookies().count("jalon_session"), 0u);
  // Another account from the same address is not locked by these failures.
  HttpClient other(server.port());
  EXPECT_EQ(other.login(world_.a_admin_email, test::kPassword).status, 303);
}

TEST_P(Flows, InviteAColleagueWhoAcceptsAndJoins) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(org_a() + "/invitations");
  auto invalid = admin.post_form(org_a() + "/invitations", {{"csrf", admin.csrf()}, {"email", "pas-un-email"}, {"role", "member"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("L&#39;adresse e-mail n&#39;est pas valide"), std::string::npos);
  EXPECT_NE(invalid.body.find("value=\"pas-un-email\""), std::string::npos);  // the input is kept
  auto sent = admin.post_form(org_a() + "/invitations", {{"csrf", admin.csrf()}, {"email", "Camille.Durand@Test.fr"}, {"role", "member"}, {"social_worker", "on"}});
  ASSERT_EQ(sent.status, 303);
  std::string link = last_link_to("camille.durand@test.fr");
  ASSERT_EQ(link.rfind("/invitation/", 0), 0u) << link;

  HttpClient camille(server.port());
  auto form = camille.get(link);
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Admin A 1"), std::string::npos);
  auto mismatch = camille.post_form(link, {{"csrf", camille.csrf()}, {"display_name", "Camille Durand"}, {"new_password", "une longue phrase secrète"}, {"confirm_password", "autre chose"}});
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_NE(mismatch.body.find("Les deux mots de passe ne sont pas identiques."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'camille.durand@test.fr'"), 0);
  auto accepted = camille.post_form(link, {{"csrf", camille.csrf()}, {"display_name", "Camille Durand"}, {"new_password", "une longue phrase secrète"}, {"confirm_password", "une longue phrase secrète"}});
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.header("location"), org_a());
  auto page = camille.get(org_a());
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Bienvenue"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'camille.durand@test.fr' AND m.social_worker = 1"), 1);
  // The link works once.
  HttpClient again(server.port());
  auto spent = again.get(link);
  EXPECT_EQ(spent.status, 410);
  EXPECT_NE(spent.body.find("Lien expiré ou déjà utilisé"), std::string::npos);
}

TEST_P(Flows, ANewInvitationReplacesThePendingOneAndLeavingEndsThem) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(org_a() + "/invitations");
  ASSERT_EQ(admin.post_form(org_a() + "/invitations", {{"csrf", admin.csrf()}, {"email", "julie@test.fr"}, {"role", "member"}}).status, 303);
  std::string as_member = last_link_to("julie@test.fr");
  ASSERT_EQ(admin.post_form(org_a() + "/invitations", {{"csrf", admin.csrf()}, {"email", "julie@test.fr"}, {"role", "admin"}}).status, 303);
  std::string as_admin = last_link_to("julie@test.fr");
  ASSERT_NE(as_member, as_admin);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invitations WHERE email = 'julie@test.fr' AND revoked_at IS NULL AND accepted_at IS NULL"), 1);
  HttpClient julie(server.port());
  EXPECT_EQ(julie.get(as_member).status, 410);  // replaced
  julie.get(as_admin);
  ASSERT_EQ(julie.post_form(as_admin, {{"csrf", julie.csrf()}, {"display_name", "Julie Dupont"}, {"new_password", "une phrase de passe"},
                                       {"confirm_password", "une phrase de passe"}}).status, 303);
  // Invited again, then removed before accepting: the pending link dies with the membership.
  long long julie_id = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT id FROM users WHERE email = 'julie@test.fr'", soci::into(julie_id);
  }
  admin.get(org_a() + "/membres");
  ASSERT_EQ(admin.post_form(org_a() + "/membres/" + std::to_string(julie_id) + "/retirer", {{"csrf", admin.csrf()}}).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invitations WHERE email = 'julie@test.fr' AND revoked_at IS NULL AND accepted_at IS NULL"), 0);
  EXPECT_EQ(julie.get(as_admin).status, 410);
}

TEST_P(Flows, AnExistingUserJoinsASecondOrganisationWithTheirPassword) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.b_admin_email, test::kPassword);
  std::string org_b = "/organisations/" + std::to_string(world_.org_b);
  admin.get(org_b + "/invitations");
  ASSERT_EQ(admin.post_form(org_b + "/invitations", {{"csrf", admin.csrf()}, {"email", world_.a_member_email}, {"role", "admin"}}).status, 303);
  std::string link = last_link_to(world_.a_member_email);
  HttpClient member(server.port());
  auto form = member.get(link);
  EXPECT_NE(form.body.find("Vous avez déjà un compte"), std::string::npos);
  EXPECT_EQ(member.post_form(link, {{"csrf", member.csrf()}, {"password", "faux mot de passe"}}).status, 422);
  EXPECT_EQ(member.post_form(link, {{"csrf", member.csrf()}, {"password", test::kPassword}}).status, 303);
  auto me = member.get("/api/v1/me");
  auto json = boost::json::parse(me.body);
  EXPECT_EQ(json.at("memberships").as_array().size(), 2u);
}

TEST_P(Flows, PasswordResetByLinkWithoutRevealingAccounts) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.get("/mot-de-passe-oublie");
  auto unknown = c.post_form("/mot-de-passe-oublie", {{"csrf", c.csrf()}, {"email", "inconnu@test.fr"}});
  c.get("/mot-de-passe-oublie");
  auto known = c.post_form("/mot-de-passe-oublie", {{"csrf", c.csrf()}, {"email", world_.a_member_email}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(known.status, 303);
  EXPECT_EQ(unknown.header("location"), known.header("location"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'inconnu@test.fr'"), 0);
  std::string link = last_link_to(world_.a_member_email);
  ASSERT_EQ(link.rfind("/mot-de-passe/", 0), 0u);
  c.get(link);
  auto weak = c.post_form(link, {{"csrf", c.csrf()}, {"new_password", "court"}, {"confirm_password", "court"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("au moins 12 caractères"), std::string::npos);
  auto done = c.post_form(link, {{"csrf", c.csrf()}, {"new_password", "nouvelle phrase de passe"}, {"confirm_password", "nouvelle phrase de passe"}});
  EXPECT_EQ(done.status, 303);
  // Existing sessions of that person end; the old password no longer works; the link is spent.
  HttpClient s(server.port());
  s.cookies()["jalon_session"] = world_.s_a_member.raw;
  EXPECT_EQ(s.get("/tableau-de-bord").status, 303);
  EXPECT_EQ(HttpClient(server.port()).login(world_.a_member_email, test::kPassword).status, 422);
  EXPECT_EQ(HttpClient(server.port()).login(world_.a_member_email, "nouvelle phrase de passe").status, 303);
  EXPECT_EQ(HttpClient(server.port()).get(link).status, 410);
}

TEST_P(Flows, UsingOneResetLinkSpendsTheOthers) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  std::vector<std::string> links;
  for (int i = 0; i < 2; ++i) {
    c.get("/mot-de-passe-oublie");
    c.post_form("/mot-de-passe-oublie", {{"csrf", c.csrf()}, {"email", world_.a_admin_email}});
    links.push_back(last_link_to(world_.a_admin_email));
  }
  ASSERT_NE(links[0], links[1]);
  c.get(links[0]);
  EXPECT_EQ(c.post_form(links[0], {{"csrf", c.csrf()}, {"new_password", "nouvelle phrase de passe"}, {"confirm_password", "nouvelle phrase de passe"}}).status, 303);
  EXPECT_EQ(HttpClient(server.port()).get(links[1]).status, 410);
}

TEST_P(Flows, ApiTokensAuthenticateForTheirOrganisationOnlyUntilRevoked) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  std::string base = "/api/v1/organisations/" + std::to_string(world_.org_a);
  admin.get("/compte");  // the session's CSRF token, read from a page
  auto created = admin.request("POST", base + "/api-tokens", R"({"name":"Import RH"})", {{"Content-Type", "application/json"}, {"X-CSRF-Token", admin.csrf()}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto token = std::string(boost::json::parse(created.body).at("token").as_string());
  long long id = boost::json::parse(created.body).at("id").as_int64();
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + crypto::hash_token(token) + "'"), 1);

  HttpClient program(server.port());
  std::map<std::string, std::string> bearer{{"Authorization", "Bearer " + token}};
  auto org = program.get(base, bearer);
  EXPECT_EQ(org.status, 200);
  EXPECT_EQ(boost::json::parse(org.body).at("siret").as_string(), test::siret(2));
  EXPECT_EQ(program.get(base + "/members", bearer).status, 200);
  EXPECT_EQ(program.get("/api/v1/organisations/" + std::to_string(world_.org_b), bearer).status, 403);
  EXPECT_EQ(program.get(base + "/api-tokens", bearer).status, 403);  // administrator routes need a person
  auto list = program.get("/api/v1/organisations", bearer);
  EXPECT_EQ(boost::json::parse(list.body).at("items").as_array().size(), 1u);

  admin.get("/compte");
  auto revoked = admin.request("DELETE", base + "/api-tokens/" + std::to_string(id), "", {{"X-CSRF-Token", admin.csrf()}});
  EXPECT_EQ(revoked.status, 204);
  auto refused = program.get(base, bearer);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  EXPECT_EQ(program.get(base, {{"Authorization", "Bearer jln_inconnu"}}).status, 401);
}

TEST_P(Flows, BadInputGetsAClearAnswerAndWritesNothing) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get("/compte");
  std::map<std::string, std::string> h{{"Content-Type", "application/json"}, {"X-CSRF-Token", admin.csrf()}};
  std::string base = "/api/v1/organisations/" + std::to_string(world_.org_a);

  auto malformed = admin.request("PATCH", base, "{\"name\": ", h);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.header("content-type"), "application/problem+json");
  auto problem = boost::json::parse(malformed.body);
  EXPECT_EQ(problem.at("status").as_int64(), 400);
  EXPECT_NE(std::string(problem.at("detail").as_string()).find("JSON"), std::string::npos);

  EXPECT_EQ(admin.request("PATCH", base, "[1,2]", h).status, 400);
  auto wrong_type = admin.request("PATCH", base, R"({"name": 12})", h);
  EXPECT_EQ(wrong_type.status, 422);

  auto invalid = admin.request("PATCH", base, R"({"name":"X","commune_code":"00000"})", h);
  EXPECT_EQ(invalid.status, 422);
  auto errors = boost::json::parse(invalid.body).at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field").as_string(), "name");
  EXPECT_EQ(errors[1].at("field").as_string(), "commune_code");
  EXPECT_EQ(boost::json::parse(admin.get(base).body).at("name").as_string(), "Mission Locale 1");
  // The SIRET and the type are the platform's to change.
  EXPECT_EQ(admin.request("PATCH", base, R"({"siret":"73282932000074"})", h).status, 403);
  HttpClient platform_api(server.port());
  platform_api.cookies()["jalon_session"] = world_.s_platform.raw;
  auto bad_siret = platform_api.request("PATCH", base, R"({"siret":"12345678901234"})",
                                        {{"Content-Type", "application/json"}, {"X-CSRF-Token", world_.s_platform.csrf}});
  EXPECT_EQ(bad_siret.status, 422);
  EXPECT_EQ(boost::json::parse(bad_siret.body).at("errors").as_array()[0].at("field").as_string(), "siret");

  auto form_type = admin.request("PATCH", base, "name=x", {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-CSRF-Token", admin.csrf()}});
  EXPECT_EQ(form_type.status, 400);

  std::string huge(server.config().max_body_bytes + 10, 'a');
  auto too_big = admin.request("PATCH", base, huge, h);
  EXPECT_EQ(too_big.status, 413);

  EXPECT_EQ(admin.get("/api/v1/organisations/999999").status, 403);  // not a member: refused before lookup
  EXPECT_EQ(admin.get("/organisations/abc").status, 404);
  auto missing = admin.get("/cette-page-n-existe-pas");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("La page demandée n&#39;existe pas"), std::string::npos);
  auto not_allowed = admin.request("DELETE", "/connexion", "", {});
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.header("allow"), "GET, POST");
  EXPECT_EQ(admin.get("/connexion?x=" + std::string(9000, 'a')).status, 414);
  EXPECT_EQ(admin.get("/connexion", {{"X-Long", std::string(9000, 'b')}}).status, 431);
  // A form that is not UTF-8 (Windows-1252 "é") is refused, not stored.
  auto latin1 = admin.post_form(org_a() + "/jetons-api", {{"csrf", admin.csrf()}, {"name", "R\xe9seau"}});
  EXPECT_EQ(latin1.status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens WHERE name LIKE 'R%seau'"), 0);
  // The session's CSRF token is given to API clients that use a session.
  EXPECT_EQ(boost::json::parse(admin.get("/api/v1/me").body).at("csrf_token").as_string(), admin.csrf());
  EXPECT_EQ(admin.get("/api/v1/inconnu").header("content-type"), "application/problem+json");
  // Unknown ids under an organisation the caller belongs to.
  EXPECT_EQ(admin.request("DELETE", base + "/api-tokens/987654", "", {{"X-CSRF-Token", admin.csrf()}}).status, 404);
  EXPECT_EQ(admin.post_form(org_a() + "/membres/987654/retirer", {{"csrf", admin.csrf()}}).status, 404);
  // A platform admin reaches organisations by id: an unknown one is a 404.
  HttpClient platform(server.port());
  platform.cookies()["jalon_session"] = world_.s_platform.raw;
  EXPECT_EQ(platform.get("/organisations/987654/modifier").status, 404);
}

TEST_P(Flows, AHandlerThatFailsAfterWritingLeavesNothingWritten) {
  http::Route probe{http::Method::post, "/test/ecrit-puis-echoue", "test.fail", http::Access::anyone, http::Kind::api,
                    [](http::Ctx& ctx) -> http::Response {
                      db::set_setting(ctx.tx, "half-written", "yes");
                      throw ValidationError("x", "refusé après écriture");
                    }};
  test::TestServer server(*db_, test::test_config(), {probe});
  HttpClient c(server.port());
  c.cookies()["jalon_csrf"] = "csrf-cookie-value-0123456789";
  auto r = c.request("POST", "/test/ecrit-puis-echoue", "{}", {{"Content-Type", "application/json"}, {"X-CSRF-Token", "csrf-cookie-value-0123456789"}});
  EXPECT_EQ(r.status, 422);
  db::Tx tx(*db_, db::Tx::Mode::read);
  EXPECT_FALSE(db::setting(tx, "half-written"));
}

TEST_P(Flows, MembersAreManagedButAnOrganisationKeepsAnAdmin) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(org_a() + "/membres");
  std::string self = org_a() + "/membres/" + std::to_string(world_.a_admin);
  auto demote = admin.post_form(self, {{"csrf", admin.csrf()}, {"role", "member"}});
  EXPECT_EQ(demote.status, 422);
  EXPECT_NE(demote.body.find("au moins un administrateur"), std::string::npos);
  EXPECT_NE(demote.body.find("Membres de"), std::string::npos);  // shown on the members page itself
  auto promote = admin.post_form(org_a() + "/membres/" + std::to_string(world_.a_member), {{"csrf", admin.csrf()}, {"role", "admin"}, {"social_worker", "on"}});
  EXPECT_EQ(promote.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE role = 'admin' AND social_worker = 1 AND user_id = " + std::to_string(world_.a_member)), 1);
  auto removed = admin.post_form(org_a() + "/membres/" + std::to_string(world_.a_target) + "/retirer", {{"csrf", admin.csrf()}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(world_.a_target)), 0);
  // The removed person's session no longer opens the organisation.
  HttpClient target(server.port());
  target.login("cible.a1@test.fr", test::kPassword);
  EXPECT_EQ(target.get(org_a()).status, 403);
}

TEST_P(Flows, PlatformAdminCreatesAnOrganisationAndInvitesItsAdmin) {
  test::TestServer server(*db_);
  HttpClient p(server.port());
  p.cookies()["jalon_session"] = world_.s_platform.raw;
  p.get("/admin/organisations/nouvelle");
  auto bad = p.post_form("/admin/organisations", {{"csrf", p.csrf()}, {"name", "E"}, {"kind", "inconnu"}, {"siret", "123"}, {"commune_code", "1"}, {"admin_email", "x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Le formulaire contient 5 erreurs"), std::string::npos);
  auto ok = p.post_form("/admin/organisations", {{"csrf", p.csrf()}, {"name", "École de la 2e Chance"}, {"kind", "e2c"}, {"siret", test::siret(999)},
                                                 {"commune_code", "86194"}, {"admin_email", "direction@e2c.test.fr"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE kind = 'e2c'"), 1);
  EXPECT_EQ(last_link_to("direction@e2c.test.fr").rfind("/invitation/", 0), 0u);
  auto list = p.get("/admin/organisations");
  EXPECT_NE(list.body.find("École de la 2e Chance"), std::string::npos);
}

TEST_P(Flows, OperationsEndpointsAndSecurityHeaders) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  auto health = c.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(boost::json::parse(health.body).at("database").as_string(), GetParam() == db::Engine::sqlite ? "sqlite" : "postgresql");
  auto page = c.get("/connexion");
  EXPECT_EQ(page.header("x-frame-options"), "DENY");
  EXPECT_EQ(page.header("x-content-type-options"), "nosniff");
  EXPECT_NE(page.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(page.body.find("<html lang=\"fr\">"), std::string::npos);
  auto css = c.get("/static/css/jalon.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(c.get("/static/css/jalon.css", {{"If-None-Match", css.header("etag")}}).status, 304);
  EXPECT_EQ(c.get("/static/../CMakeLists.txt").status, 404);
  auto metrics = c.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("jalon_http_requests_total{route=\"login.form\",method=\"GET\",status=\"200\"} 1"), std::string::npos);
  EXPECT_NE(metrics.body.find("jalon_http_request_duration_seconds_bucket{route=\"ops.health\""), std::string::npos);
  EXPECT_NE(metrics.body.find("jalon_db_pool_connections{state=\"total\"} 12"), std::string::npos);
}

TEST_P(Flows, ShutdownAnswersQueuedRequestsToo) {
  http::Route slow{http::Method::get, "/test/lent", "test.slow", http::Access::anyone, http::Kind::api, [](http::Ctx&) {
                     std::this_thread::sleep_for(std::chrono::milliseconds(400));
                     return http::Response::json("{\"fini\":true}");
                   }};
  auto config = test::test_config();
  config.threads = 1;  // the second request waits in the queue behind the first
  test::TestServer server(*db_, config, {slow});
  auto first = std::async(std::launch::async, [&] { return HttpClient(server.port()).get("/test/lent"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto second = std::async(std::launch::async, [&] { return HttpClient(server.port()).get("/test/lent"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  EXPECT_EQ(first.get().status, 200);
  EXPECT_EQ(second.get().status, 200);  // accepted before the stop: answered, not refused
}

TEST_P(Flows, SessionsEndAfterTheirAbsoluteLifetimeEvenWhenActive) {
  auto config = test::test_config();
  config.session_idle_minutes = 24 * 60;
  config.session_hours = 12;
  test::TestServer server(*db_, config);
  HttpClient c(server.port());
  ASSERT_EQ(c.login(world_.a_admin_email, test::kPassword).status, 303);
  auto soon = time::now() + std::chrono::hours(11);
  time::set_clock_for_tests([soon] { return soon; });
  EXPECT_EQ(c.get("/tableau-de-bord").status, 200);
  auto late = time::now() + std::chrono::hours(2);  // 13 h after login
  time::set_clock_for_tests([late] { return late; });
  EXPECT_EQ(c.get("/tableau-de-bord").status, 303);
}

TEST_P(Flows, ThePlatformAdminCannotBecomeAMember) {
  test::TestServer server(*db_);
  HttpClient p(server.port());
  p.cookies()["jalon_session"] = world_.s_platform.raw;
  p.get(org_a() + "/invitations");
  ASSERT_EQ(p.post_form(org_a() + "/invitations", {{"csrf", p.csrf()}, {"email", world_.platform_email}, {"role", "admin"}}).status, 303);
  std::string link = last_link_to(world_.platform_email);
  p.get(link);
  auto r = p.post_form(link, {{"csrf", p.csrf()}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(world_.platform_admin)), 0);
  EXPECT_EQ(p.get(org_a() + "/jetons-api").status, 403);
}

TEST_P(Flows, ShutdownLetsInFlightRequestsFinish) {
  http::Route slow{http::Method::get, "/test/lent", "test.slow", http::Access::anyone, http::Kind::api, [](http::Ctx&) {
                     std::this_thread::sleep_for(std::chrono::milliseconds(600));
                     return http::Response::json("{\"fini\":true}");
                   }};
  test::TestServer server(*db_, test::test_config(), {slow});
  auto pending = std::async(std::launch::async, [&] { return HttpClient(server.port()).get("/test/lent"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  server.stop();  // the same path as SIGTERM
  auto r = pending.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"fini\":true}");
  EXPECT_THROW(HttpClient(server.port()).get("/healthz"), std::runtime_error);  // no longer listening
}
