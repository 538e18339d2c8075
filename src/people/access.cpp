#include "people/access.h"

#include "people/store.h"

namespace jalon::people {

namespace {
AuditEntry entry(const http::Ctx& ctx, long long person, const std::string& action, const std::string& detail) {
  AuditEntry e;
  e.user_id = ctx.who.user_id;
  e.token_id = ctx.who.token_id;
  auto it = ctx.req.params.find("org");
  e.organisation_id = it == ctx.req.params.end() ? 0 : http::parse_id(it->second);
  e.person_id = person;
  e.action = action;
  e.detail = detail;
  e.ip = ctx.req.remote_ip;
  return e;
}
}  // namespace

void record_refusal(db::Tx& tx, const http::Request& req, const http::Principal& who) {
  auto person = req.params.find("person");
  long long id = person == req.params.end() ? 0 : http::parse_id(person->second);
  if (id <= 0 || !store::find(tx, id)) return;
  AuditEntry e;
  e.user_id = who.user_id;
  e.token_id = who.token_id;
  auto org = req.params.find("org");
  e.organisation_id = org == req.params.end() ? 0 : http::parse_id(org->second);
  // An organisation id that does not exist would break nothing but the log's joins: keep it 0.
  int exists = 0;
  tx.sql() << "SELECT COUNT(*) FROM organisations WHERE id = :o", soci::use(e.organisation_id), soci::into(exists);
  if (!exists) e.organisation_id = 0;
  e.person_id = id;
  e.action = "refused:route";
  e.detail = std::string(http::method_name(req.method)) + " " + req.path;
  e.ip = req.remote_ip;
  store::audit(tx, e);
}

void audit(http::Ctx& ctx, long long person, const std::string& action, const std::string& detail) {
  if (ctx.tx.mode() == db::Tx::Mode::write || !ctx.db) {
    store::audit(ctx.tx, entry(ctx, person, action, detail));
    return;
  }
  // Reads of many requests share one commit; the answer still waits for its row to be written.
  AuditEntry e = entry(ctx, person, action, detail);
  db::transact_together(*ctx.db, [&](db::Tx& own) { store::audit(own, e); });
}

void audit_many(http::Ctx& ctx, const std::vector<long long>& people, const std::string& action, const std::string& detail) {
  auto write = [&](db::Tx& tx) {
    for (long long person : people) store::audit(tx, entry(ctx, person, action, detail));
  };
  if (ctx.tx.mode() == db::Tx::Mode::write || !ctx.db) write(ctx.tx);
  else db::transact_together(*ctx.db, write);
}

Person require(http::Ctx& ctx, long long id, Action a, const std::string& action, const std::string& detail) {
  Person p = check(ctx, id, a, action);
  audit(ctx, id, action, detail);
  return p;
}

Person check(http::Ctx& ctx, long long id, Action a, const std::string& action) {
  long long org = ctx.org();
  auto p = store::find(ctx.tx, id);
  // A merged record points those who see the record it became to that one.
  if (p && p->merged_into && store::has_grant(ctx.tx, p->merged_into, org))
    throw NotFound("Cette fiche a été fusionnée avec la fiche n° " + std::to_string(p->merged_into) + ".");
  AccessFacts facts;
  if (p) {
    facts.organisation_has_grant = store::has_grant(ctx.tx, id, org);
    const auto* m = ctx.who.membership(org);
    facts.caller_is_org_admin = m && m->role == "admin";
    facts.person_consents = p->consent_sharing;
  }
  if (!p || !can(a, facts)) {
    if (p) {
      audit(ctx, id, "refused:" + action);
      // A write request is refused before it wrote anything: keep the audit row.
      if (ctx.tx.mode() == db::Tx::Mode::write) ctx.tx.commit();
    }
    if (p && facts.organisation_has_grant)
      throw Forbidden(a == Action::share ? "La personne n'a pas consenti au partage de sa fiche entre organisations."
                                         : "Cette action est réservée aux administrateurs de l'organisation.");
    throw NotFound("Cette personne n'existe pas ou votre organisation n'a pas accès à sa fiche.");
  }
  return *p;
}

}  // namespace jalon::people
