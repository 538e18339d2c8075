#include "jobs/application_access.h"

#include <algorithm>

#include "people/access.h"
#include "people/rules.h"
#include "people/store.h"

namespace jalon::jobs {

namespace astore = application_store;

Acting acting_of(const http::Ctx& ctx) {
  bool token = ctx.who.kind == http::Principal::Kind::api_token;
  return Acting::staff(ctx.org(), token ? 0 : ctx.who.user_id);
}

bool may_read_person(db::Tx& tx, long long org, long long person) {
  people::AccessFacts facts;
  facts.organisation_has_grant = people::store::has_grant(tx, person, org);
  return people::can(people::Action::read, facts);
}

namespace {
// A refusal stays in the log; a write request is refused before it wrote anything, so its
// transaction is committed with the audit row alone.
void audit_refusal(http::Ctx& ctx, long long person) {
  people::audit(ctx, person, "refused:application");
  if (ctx.tx.mode() == db::Tx::Mode::write) ctx.tx.commit();
}
}  // namespace

LoadedApplication require_application(http::Ctx& ctx, bool act, const std::string& detail) {
  auto a = astore::find(ctx.tx, ctx.id("application"));
  if (!a) throw NotFound("Cette candidature n'existe pas.");
  LoadedApplication l;
  l.roles = roles_of(*a, acting_of(ctx));
  l.person_access = may_read_person(ctx.tx, ctx.org(), a->person_id);
  // A sender keeps the application only while it may see the person: the person's withdrawal of
  // consent ends the sharing (the employer, which received it, keeps it).
  if (!l.person_access)
    l.roles.erase(std::remove(l.roles.begin(), l.roles.end(), ApplicationActor::sender), l.roles.end());
  if (l.roles.empty() && !l.person_access) {
    audit_refusal(ctx, a->person_id);
    throw NotFound("Cette candidature n'existe pas.");
  }
  if (act && l.roles.empty()) {
    audit_refusal(ctx, a->person_id);
    throw Forbidden("Seuls l'employeur et l'organisation qui a envoyé la candidature peuvent agir sur elle.");
  }
  people::audit(ctx, a->person_id, act ? "update" : "read", detail);
  l.app = std::move(*a);
  return l;
}

astore::Application require_own_application(http::Ctx& ctx) {
  auto a = astore::find(ctx.tx, ctx.id("application"));
  if (!a || a->person_id != ctx.who.person_id) throw NotFound("Cette candidature n'existe pas.");
  return *a;
}

namespace {
void record_refusal(db::Tx& tx, const http::Request& req, const http::Principal& who) {
  auto it = req.params.find("application");
  if (it == req.params.end()) return people::record_refusal(tx, req, who);
  auto a = astore::find(tx, http::parse_id(it->second));
  if (!a) return;
  people::AuditEntry e;
  e.user_id = who.user_id;
  e.token_id = who.token_id;
  // The organisation of the address is not the caller's: the log keeps who called, not where.
  e.person_id = a->person_id;
  e.action = "refused:route";
  e.detail = std::string(http::method_name(req.method)) + " " + req.path;
  e.ip = req.remote_ip;
  people::store::audit(tx, e);
}
}  // namespace

void add_application_route(http::Router& router, http::Route r) {
  const auto& p = r.pattern;
  if (p.find("{application}") != std::string::npos || p.find("{person}") != std::string::npos)
    r.on_refused = record_refusal;
  router.add(std::move(r));
}

}  // namespace jalon::jobs
