#include "pathways/access.h"

#include "pathways/actions.h"
#include "pathways/store.h"
#include "people/access.h"
#include "people/store.h"

namespace jalon::pathways {

Actor actor_of(const http::Ctx& ctx) {
  Actor a;
  a.org = ctx.org();
  a.token = ctx.who.kind == http::Principal::Kind::api_token;
  if (!a.token) {
    a.user = ctx.who.user_id;
    if (const auto* m = ctx.who.membership(a.org)) a.social_worker = m->social_worker;
  }
  return a;
}

NoteViewer viewer_of(const http::Ctx& ctx, bool member) {
  NoteViewer v;
  Actor a = actor_of(ctx);
  v.kind = a.token ? NoteViewer::Kind::token : NoteViewer::Kind::staff;
  v.organisation_id = a.org;
  v.member = member;
  v.social_worker = a.social_worker;
  return v;
}

namespace {
// A refusal is kept in the log; a write request is refused before it wrote anything, so its
// transaction is committed with the audit row alone.
void audit_refusal(http::Ctx& ctx, long long person, const std::string& action) {
  people::audit(ctx, person, action);
  if (ctx.tx.mode() == db::Tx::Mode::write) ctx.tx.commit();
}
}  // namespace

Loaded require(http::Ctx& ctx, PathwayAction a, const std::string& detail) {
  long long org = ctx.org();
  auto p = store::find_pathway(ctx.tx, ctx.id("pathway"));
  if (!p) throw NotFound("Ce parcours n'existe pas ou votre organisation n'y a pas accès.");
  bool reads = a == PathwayAction::see;
  Loaded l;
  l.person =
      people::check(ctx, p->person_id, reads ? people::Action::read : people::Action::write, reads ? "read" : "update");
  l.pathway = *p;
  l.facts = facts_of(ctx.tx, *p, org);
  try {
    ensure(a, l.facts);
  } catch (const Forbidden&) {
    audit_refusal(ctx, p->person_id, "refused:pathway");
    throw;
  }
  people::audit(ctx, p->person_id, reads ? "read" : "update",
                detail.empty() ? "parcours n° " + std::to_string(p->id) : detail);
  l.actor = actor_of(ctx);
  l.viewer = viewer_of(ctx, l.facts.member);
  return l;
}

Orientation require_orientation(http::Ctx& ctx, OrientationAction a, const std::string& detail,
                                const std::string& param) {
  long long org = ctx.org();
  auto o = store::find_orientation(ctx.tx, ctx.id(param));
  if (!o) throw NotFound("Cette orientation n'existe pas.");
  OrientationSide side = side_of(*o, org);
  if (side == OrientationSide::other) {
    audit_refusal(ctx, o->person_id, "refused:orientation");
    throw NotFound("Cette orientation n'existe pas.");
  }
  if (!can(a, side, o->status)) {
    if (!can(a, side, OrientationStatus::pending)) {
      audit_refusal(ctx, o->person_id, "refused:orientation");
      throw Forbidden(a == OrientationAction::cancel
                          ? "Seule l'organisation qui a envoyé l'orientation peut l'annuler."
                          : "Seule l'organisation qui reçoit l'orientation peut y répondre.");
    }
    throw Conflict(std::string("Cette orientation a déjà reçu une suite : « ") + label(o->status) + " ».");
  }
  people::audit(ctx, o->person_id, a == OrientationAction::see ? "read" : "update", detail);
  return *o;
}

namespace {
void record_refusal(db::Tx& tx, const http::Request& req, const http::Principal& who) {
  long long person = 0;
  auto param = [&](const char* name) {
    auto it = req.params.find(name);
    return it == req.params.end() ? 0LL : http::parse_id(it->second);
  };
  if (long long id = param("pathway")) {
    if (auto p = store::find_pathway(tx, id)) person = p->person_id;
  } else if (long long oid = param("orientation") ? param("orientation") : param("sent")) {
    if (auto o = store::find_orientation(tx, oid)) person = o->person_id;
  }
  if (!person) return;
  people::AuditEntry e;
  e.user_id = who.user_id;
  e.token_id = who.token_id;
  // The organisation of the address is not the caller's: the log keeps who called, not where.
  e.person_id = person;
  e.action = "refused:route";
  e.detail = std::string(http::method_name(req.method)) + " " + req.path;
  e.ip = req.remote_ip;
  people::store::audit(tx, e);
}
}  // namespace

void add_route(http::Router& router, http::Route r) {
  const auto& p = r.pattern;
  if (p.find("{pathway}") != std::string::npos || p.find("{orientation}") != std::string::npos ||
      p.find("{sent}") != std::string::npos)
    r.on_refused = record_refusal;
  else if (p.find("{person}") != std::string::npos)
    r.on_refused = people::record_refusal;
  router.add(std::move(r));
}

}  // namespace jalon::pathways
