#include "directory/access.h"

#include "directory/store.h"

namespace jalon::directory {

Actor actor_of(const http::Principal& who) {
  Actor a;
  if (who.kind == http::Principal::Kind::api_token) {
    a.organisations.push_back(who.token_organisation_id);
    return a;
  }
  a.platform_admin = who.platform_admin;
  for (const auto& m : who.memberships) a.organisations.push_back(m.organisation_id);
  return a;
}

Structure org_structure(http::Ctx& ctx, long long id, Action a) {
  auto s = store::find_structure(ctx.tx, id);
  if (!s || s->organisation_id != ctx.org()) throw NotFound("Cette structure n'existe pas dans l'annuaire de votre organisation.");
  if (!can(actor_of(ctx.who), *s, a)) throw Forbidden("Cette action est réservée aux membres de l'organisation qui publie la structure.");
  return *s;
}

std::pair<Structure, Service> org_service(http::Ctx& ctx, long long id, Action a) {
  auto sv = store::find_service(ctx.tx, id);
  if (!sv) throw NotFound("Ce service n'existe pas dans l'annuaire de votre organisation.");
  auto st = store::find_structure(ctx.tx, sv->structure_id);
  if (!st || st->organisation_id != ctx.org()) throw NotFound("Ce service n'existe pas dans l'annuaire de votre organisation.");
  if (!can(actor_of(ctx.who), *st, a)) throw Forbidden("Cette action est réservée aux membres de l'organisation qui publie la structure.");
  return {*st, *sv};
}

}  // namespace jalon::directory
