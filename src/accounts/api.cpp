// /api/v1 routes of the accounts room.
#include "accounts/actions.h"
#include "accounts/routes.h"
#include "accounts/rules.h"
#include "accounts/store.h"
#include "base/siret.h"
#include "base/text.h"
#include "base/time.h"
#include "http/json.h"
#include "referentials/communes.h"

namespace jalon::accounts {

using namespace http;
namespace json = boost::json;

namespace {

const char* kOrgSchema = R"J({"type":"object","required":["id","name","kind","siret","commune_code","authorised_prescriber"],
"properties":{"id":{"type":"integer"},"name":{"type":"string"},"kind":{"type":"string"},"kind_label":{"type":"string"},
"siret":{"type":"string","pattern":"^[0-9]{14}$"},"commune_code":{"type":"string"},"commune_name":{"type":"string"},
"authorised_prescriber":{"type":"boolean"},"created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})J";

const char* kOrgCreateSchema = R"J({"type":"object","required":["name","kind","siret","commune_code","admin_email"],
"properties":{"name":{"type":"string","minLength":2,"maxLength":200},"kind":{"type":"string","description":"code d'un type d'organisation (GET /api/v1/organisation-kinds)"},
"siret":{"type":"string","description":"14 chiffres, clé de Luhn (exception La Poste)"},"commune_code":{"type":"string","description":"code INSEE de la commune"},
"authorised_prescriber":{"type":"boolean","description":"réservé à l'administrateur de la plateforme"},
"admin_email":{"type":"string","format":"email","description":"invité comme premier administrateur"}}})J";

const char* kOrgPatchSchema = R"J({"type":"object","description":"seuls les champs fournis changent",
"properties":{"name":{"type":"string","minLength":2,"maxLength":200},"kind":{"type":"string"},"siret":{"type":"string"},
"commune_code":{"type":"string"},"authorised_prescriber":{"type":"boolean","description":"réservé à l'administrateur de la plateforme"}}})J";

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type = "";
  return r;
}

json::object member_json(const Member& m) {
  return {{"user_id", m.user_id}, {"display_name", m.display_name}, {"email", m.email}, {"role", m.role},
          {"social_worker", m.social_worker}, {"since", m.since}};
}

json::object org_json(const Organisation& o) {
  auto* k = find_org_kind(o.kind);
  auto* c = referentials::communes().find(o.commune_code);
  return {{"id", o.id},
          {"name", o.name},
          {"kind", o.kind},
          {"kind_label", k ? k->label : o.kind},
          {"siret", o.siret},
          {"commune_code", o.commune_code},
          {"commune_name", c ? c->name : ""},
          {"authorised_prescriber", o.authorised_prescriber},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

std::string list_of(const char* item_schema) {
  return std::string(R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":)J") + item_schema + "}}}";
}

json::object invitation_json(const Invitation& i) {
  return {{"id", i.id},           {"email", i.email},           {"role", i.role},
          {"social_worker", i.social_worker}, {"invited_by", i.invited_by_name}, {"created_at", i.created_at},
          {"expires_at", i.expires_at}};
}

const char* kInvitationSchema = R"J({"type":"object","required":["id","email","role","expires_at"],"properties":{"id":{"type":"integer"},
"email":{"type":"string"},"role":{"type":"string","enum":["admin","member"]},"social_worker":{"type":"boolean"},
"invited_by":{"type":"string"},"created_at":{"type":"string"},"expires_at":{"type":"string"}}})J";

const char* kMemberSchema = R"J({"type":"object","required":["user_id","display_name","email","role"],"properties":{"user_id":{"type":"integer"},"display_name":{"type":"string"},"email":{"type":"string"},"role":{"type":"string","enum":["admin","member"]},"social_worker":{"type":"boolean"},"since":{"type":"string"}}})J";

const char* kTokenSchema = R"J({"type":"object","required":["id","name","prefix"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},
"prefix":{"type":"string"},"created_by":{"type":"string"},"created_at":{"type":"string"},"last_used_at":{"type":"string","nullable":true},
"revoked_at":{"type":"string","nullable":true},"token":{"type":"string","description":"le jeton, montré une seule fois à la création"}}})J";

json::object token_json(const ApiToken& t) {
  json::object o{{"id", t.id}, {"name", t.name}, {"prefix", t.prefix}, {"created_by", t.created_by_name}, {"created_at", t.created_at}};
  o["last_used_at"] = t.last_used_at.empty() ? json::value(nullptr) : json::value(t.last_used_at);
  o["revoked_at"] = t.revoked_at.empty() ? json::value(nullptr) : json::value(t.revoked_at);
  return o;
}

// The organisation described by `body`, fields absent keeping `current`'s values.
OrganisationInput read_org(const json::object& body, const Organisation& current, const Principal& who) {
  OrganisationInput in;
  in.name = get_string(body, "name", current.name);
  in.kind = get_string(body, "kind", current.kind);
  in.siret = get_string(body, "siret", current.siret);
  in.commune_code = get_string(body, "commune_code", current.commune_code);
  in.authorised_prescriber = current.authorised_prescriber;
  if (has(body, "authorised_prescriber")) {
    bool v = get_bool(body, "authorised_prescriber");
    if (!who.platform_admin && v != in.authorised_prescriber)
      throw Forbidden("Seul l'administrateur de la plateforme peut changer l'habilitation de prescripteur.");
    in.authorised_prescriber = v;
  }
  if (!who.platform_admin && (in.kind != current.kind || siret::normalise(in.siret) != current.siret))
    throw Forbidden("Seul l'administrateur de la plateforme peut changer le type ou le SIRET d'une organisation.");
  return validate_organisation(in, commune_exists, communes_by_postal_code);
}

Response me(Ctx& ctx) {
  json::object o;
  if (ctx.who.kind == Principal::Kind::api_token) {
    o["kind"] = "api_token";
    o["token_id"] = ctx.who.token_id;
    o["organisation"] = org_json(store::get_organisation(ctx.tx, ctx.who.token_organisation_id));
  } else {
    o["kind"] = "user";
    o["id"] = ctx.who.user_id;
    o["email"] = ctx.who.email;
    o["display_name"] = ctx.who.display_name;
    o["platform_admin"] = ctx.who.platform_admin;
    o["csrf_token"] = ctx.who.csrf_token;  // the X-CSRF-Token header of this session's writes
    json::array ms;
    for (const auto& m : ctx.who.memberships)
      ms.push_back({{"organisation_id", m.organisation_id}, {"organisation_name", m.organisation_name}, {"role", m.role}, {"social_worker", m.social_worker}});
    o["memberships"] = ms;
  }
  return json_response(o);
}

Response kinds(Ctx&) {
  json::array items;
  for (const auto& k : org_kinds())
    items.push_back({{"code", k.code}, {"label", k.label}, {"family", k.family}, {"family_label", family_label(k.family)},
                     {"authorised_prescriber_by_default", k.prescriber_by_default}});
  return items_response(std::move(items));
}

Response list_orgs(Ctx& ctx) {
  std::vector<Organisation> orgs;
  if (ctx.who.kind == Principal::Kind::api_token) orgs.push_back(store::get_organisation(ctx.tx, ctx.who.token_organisation_id));
  else if (ctx.who.platform_admin) orgs = store::list_organisations(ctx.tx);
  else orgs = store::organisations_of_user(ctx.tx, ctx.who.user_id);
  json::array items;
  for (const auto& o : orgs) items.push_back(org_json(o));
  return items_response(std::move(items));
}

Response create_org(Ctx& ctx) {
  auto body = body_object(ctx.req);
  OrganisationInput in{get_string(body, "name"), get_string(body, "kind"), get_string(body, "siret"), get_string(body, "commune_code"),
                       get_bool(body, "authorised_prescriber")};
  long long id = create_organisation(ctx.tx, ctx.config, ctx.who, in, get_string(body, "admin_email"), true);
  auto r = json_response(org_json(store::get_organisation(ctx.tx, id)), 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(id));
  return r;
}

Response get_org(Ctx& ctx) { return json_response(org_json(store::get_organisation(ctx.tx, ctx.org()))); }

Response patch_org(Ctx& ctx) {
  auto current = store::get_organisation(ctx.tx, ctx.org());
  auto in = read_org(body_object(ctx.req), current, ctx.who);
  store::update_organisation(ctx.tx, current.id, in);
  return json_response(org_json(store::get_organisation(ctx.tx, current.id)));
}

Response list_members(Ctx& ctx) {
  store::get_organisation(ctx.tx, ctx.org());
  json::array items;
  for (const auto& m : store::members(ctx.tx, ctx.org())) items.push_back(member_json(m));
  return items_response(std::move(items));
}

Response list_invitations(Ctx& ctx) {
  store::get_organisation(ctx.tx, ctx.org());
  json::array items;
  for (const auto& i : store::pending_invitations(ctx.tx, ctx.org(), time::iso_now())) items.push_back(invitation_json(i));
  return items_response(std::move(items));
}

Response create_invitation(Ctx& ctx) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  auto body = body_object(ctx.req);
  long long id = invite(ctx.tx, ctx.config, o, get_string(body, "email"), get_string(body, "role", "member"),
                        get_bool(body, "social_worker"), ctx.who);
  return json_response(invitation_json(*store::find_invitation(ctx.tx, o.id, id)), 201);
}

Response cancel_invitation(Ctx& ctx) {
  auto inv = store::find_invitation(ctx.tx, ctx.org(), ctx.id("invitation"));
  if (!inv) throw NotFound("Cette invitation n'existe pas.");
  store::revoke_invitation(ctx.tx, inv->id);
  return no_content();
}

Response update_member(Ctx& ctx) {
  auto body = body_object(ctx.req);
  long long org = ctx.org(), user = ctx.id("user");
  auto before = store::member(ctx.tx, org, user);
  if (!before) throw NotFound("Cette personne n'est pas membre de l'organisation.");
  change_member(ctx.tx, org, user, get_string(body, "role", before->role), get_bool(body, "social_worker", before->social_worker));
  return json_response(member_json(*store::member(ctx.tx, org, user)));
}

Response delete_member(Ctx& ctx) {
  remove_member(ctx.tx, ctx.org(), ctx.id("user"));
  return no_content();
}

Response list_tokens(Ctx& ctx) {
  store::get_organisation(ctx.tx, ctx.org());
  json::array items;
  for (const auto& t : store::api_tokens(ctx.tx, ctx.org())) items.push_back(token_json(t));
  return items_response(std::move(items));
}

Response create_token(Ctx& ctx) {
  store::get_organisation(ctx.tx, ctx.org());
  auto body = body_object(ctx.req);
  std::string name = text::trim(get_string(body, "name"));
  Validator v;
  check_token_name(v, "name", name);
  v.throw_if_any();
  auto t = store::create_api_token(ctx.tx, ctx.org(), name, ctx.who.user_id);
  auto o = token_json(*store::find_api_token(ctx.tx, ctx.org(), t.id));
  o["token"] = t.raw;
  return json_response(o, 201);
}

Response revoke_token(Ctx& ctx) {
  auto t = store::find_api_token(ctx.tx, ctx.org(), ctx.id("token"));
  if (!t) throw NotFound("Ce jeton n'existe pas.");
  store::revoke_api_token(ctx.tx, ctx.org(), t->id);
  return no_content();
}

}  // namespace

void add_api_routes(Router& router) {
  const std::string org_list = list_of(kOrgSchema);
  router.add({Method::get, "/api/v1/me", "api.me", Access::authenticated, Kind::api, me, nullptr,
              {"Qui appelle : l'utilisateur connecté ou le jeton d'API et son organisation", "Comptes", "", R"J({"type":"object","required":["kind"]})J"}});
  router.add({Method::get, "/api/v1/organisation-kinds", "api.organisation_kinds", Access::anyone, Kind::api, kinds, nullptr,
              {"Types d'organisations", "Organisations", "", list_of(R"J({"type":"object","required":["code","label","family"]})J")}});
  router.add({Method::get, "/api/v1/organisations", "api.organisations.list", Access::authenticated, Kind::api, list_orgs, nullptr,
              {"Organisations visibles par l'appelant (toutes pour l'administrateur de la plateforme)", "Organisations", "", org_list}});
  router.add({Method::post, "/api/v1/organisations", "api.organisations.create", Access::platform_admin, Kind::api, create_org, nullptr,
              {"Créer une organisation et inviter son premier administrateur", "Organisations", kOrgCreateSchema, kOrgSchema, 201}});
  router.add({Method::get, "/api/v1/organisations/{org}", "api.organisations.get", Access::org_reader, Kind::api, get_org, nullptr,
              {"Une organisation", "Organisations", "", kOrgSchema}});
  router.add({Method::patch, "/api/v1/organisations/{org}", "api.organisations.update", Access::org_manager, Kind::api, patch_org, nullptr,
              {"Modifier une organisation (champs fournis seulement ; type et SIRET : administrateur de la plateforme)", "Organisations",
               kOrgPatchSchema, kOrgSchema}});
  router.add({Method::get, "/api/v1/organisations/{org}/members", "api.members.list", Access::org_reader, Kind::api, list_members, nullptr,
              {"Membres d'une organisation", "Organisations", "",
               list_of(kMemberSchema)}});
  router.add({Method::get, "/api/v1/organisations/{org}/invitations", "api.invitations.list", Access::org_manager, Kind::api, list_invitations, nullptr,
              {"Invitations en attente", "Organisations", "", list_of(kInvitationSchema)}});
  router.add({Method::post, "/api/v1/organisations/{org}/invitations", "api.invitations.create", Access::org_manager, Kind::api, create_invitation, nullptr,
              {"Inviter un collègue (le lien part par e-mail)", "Organisations",
               R"J({"type":"object","required":["email"],"properties":{"email":{"type":"string","format":"email"},"role":{"type":"string","enum":["admin","member"]},"social_worker":{"type":"boolean"}}})J",
               kInvitationSchema, 201}});
  router.add({Method::del, "/api/v1/organisations/{org}/invitations/{invitation}", "api.invitations.cancel", Access::org_manager, Kind::api,
              cancel_invitation, nullptr, {"Annuler une invitation en attente", "Organisations", "", "", 204}});
  router.add({Method::patch, "/api/v1/organisations/{org}/members/{user}", "api.members.update", Access::org_admin, Kind::api, update_member,
              nullptr,
              {"Changer le rôle d'un membre", "Organisations",
               R"J({"type":"object","properties":{"role":{"type":"string","enum":["admin","member"]},"social_worker":{"type":"boolean"}}})J",
               kMemberSchema}});
  router.add({Method::del, "/api/v1/organisations/{org}/members/{user}", "api.members.remove", Access::org_admin, Kind::api, delete_member,
              nullptr, {"Retirer un membre de l'organisation", "Organisations", "", "", 204}});
  router.add({Method::get, "/api/v1/organisations/{org}/api-tokens", "api.tokens.list", Access::org_admin, Kind::api, list_tokens, nullptr,
              {"Jetons d'API de l'organisation", "Organisations", "", list_of(kTokenSchema)}});
  router.add({Method::post, "/api/v1/organisations/{org}/api-tokens", "api.tokens.create", Access::org_admin, Kind::api, create_token, nullptr,
              {"Créer un jeton d'API (montré une seule fois)", "Organisations",
               R"J({"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":100}}})J", kTokenSchema, 201}});
  router.add({Method::del, "/api/v1/organisations/{org}/api-tokens/{token}", "api.tokens.revoke", Access::org_admin, Kind::api, revoke_token, nullptr,
              {"Révoquer un jeton d'API", "Organisations", "", "", 204}});
}

}  // namespace jalon::accounts
