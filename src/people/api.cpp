// /api/v1 routes of the people room.
#include <boost/json.hpp>

#include "base/text.h"
#include "http/json.h"
#include "people/access.h"
#include "people/actions.h"
#include "people/json.h"
#include "people/routes.h"
#include "people/store.h"

namespace jalon::people {

using namespace http;
namespace json = boost::json;

json::value nullable(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::object person_json(const Person& p) {
  return {{"id", p.id},
          {"first_name", p.first_name},
          {"last_name", p.last_name},
          {"birth_name", p.birth_name},
          {"birth_date", nullable(p.birth_date)},
          {"sex", p.sex},
          {"email", p.email},
          {"phone", p.phone},
          {"address", p.address},
          {"postal_code", p.postal_code},
          {"commune_code", p.commune_code},
          {"ft_id", p.ft_id},
          {"qualification_level", p.qualification_level},
          {"consent_sharing", p.consent_sharing},
          {"consent_at", nullable(p.consent_at)},
          {"created_by_org", p.created_by_org},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

namespace {

const char* kPersonSchema = R"J({"type":"object","required":["id","first_name","last_name"],"properties":{
"id":{"type":"integer"},"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_name":{"type":"string"},
"birth_date":{"type":"string","format":"date","nullable":true},"sex":{"type":"string","enum":["","F","M"]},
"email":{"type":"string"},"phone":{"type":"string"},"address":{"type":"string"},"postal_code":{"type":"string"},
"commune_code":{"type":"string"},"ft_id":{"type":"string"},"qualification_level":{"type":"string"},
"consent_sharing":{"type":"boolean"},"consent_at":{"type":"string","nullable":true},"created_by_org":{"type":"integer"},
"created_at":{"type":"string"},"updated_at":{"type":"string"}}})J";

const char* kPersonInputSchema = R"J({"type":"object","properties":{
"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_name":{"type":"string"},"birth_date":{"type":"string","format":"date"},
"sex":{"type":"string","enum":["","F","M"]},"email":{"type":"string"},"phone":{"type":"string"},"address":{"type":"string"},
"postal_code":{"type":"string"},"commune_code":{"type":"string"},"ft_id":{"type":"string"},"qualification_level":{"type":"string"},
"consent_sharing":{"type":"boolean"},"confirm_not_duplicate":{"type":"boolean","description":"à la création : créer malgré des doublons probables"}}})J";

// Fields present in `body` replace those of `base`.
Person read_person(const json::object& body, Person base) {
  for (auto [name, field] : std::initializer_list<std::pair<const char*, std::string Person::*>>{
           {"first_name", &Person::first_name}, {"last_name", &Person::last_name}, {"birth_name", &Person::birth_name},
           {"birth_date", &Person::birth_date}, {"sex", &Person::sex}, {"email", &Person::email}, {"phone", &Person::phone},
           {"address", &Person::address}, {"postal_code", &Person::postal_code}, {"commune_code", &Person::commune_code},
           {"ft_id", &Person::ft_id}, {"qualification_level", &Person::qualification_level}})
    base.*field = get_string(body, name, base.*field);
  base.consent_sharing = get_bool(body, "consent_sharing", base.consent_sharing);
  return base;
}

Response list(Ctx& ctx) {
  store::Query q;
  q.birth_date = ctx.req.query("birth_date");
  q.commune_code = ctx.req.query("commune");
  q.after = ctx.req.query("after");
  q.limit = 51;
  auto rows = search_people(ctx.tx, ctx.org(), q, ctx.req.query("name"));
  audit(ctx, 0, "search", ctx.req.raw_query);
  bool more = rows.size() > 50;
  if (more) rows.pop_back();
  // A list shows who the people are, not their contact details (data minimisation): the full
  // record is one GET away, read and audited person by person. The list is the API's busiest
  // answer, so it is written straight into the body (same fields, order and escaping as
  // Boost.JSON would give): building and freeing a tree of 250 values cost a sixth of a search.
  std::string body;
  body.reserve(40 + rows.size() * 128);
  body += "{\"items\":[";
  for (const auto& r : rows) {
    if (&r != &rows.front()) body += ',';
    body += "{\"id\":" + std::to_string(r.id) + ",\"first_name\":";
    text::append_json_string(body, r.first_name);
    body += ",\"last_name\":";
    text::append_json_string(body, r.last_name);
    body += ",\"birth_date\":";
    if (r.birth_date.empty()) body += "null";
    else text::append_json_string(body, r.birth_date);
    body += ",\"commune_code\":";
    text::append_json_string(body, r.commune_code);
    body += '}';
  }
  body += "],\"next\":";
  if (more) text::append_json_string(body, rows.back().sort_key);
  else body += "null";
  body += '}';
  return Response::json(std::move(body));
}

Response create(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Person in = read_person(body, Person{});
  auto c = create_person(ctx.tx, ctx.org(), in, ctx.today(), get_bool(body, "confirm_not_duplicate"));
  for (long long id : c.hidden) audit(ctx, id, "duplicate-check", "ressemblance signalée à une autre organisation");
  if (!c.duplicates.empty()) {
    json::array dups;
    for (const auto& d : c.duplicates)
      dups.push_back({{"id", d.id ? json::value(d.id) : json::value(nullptr)}, {"name", nullable(d.name)}, {"reason", d.reason}});
    json::object problem{{"type", "about:blank"}, {"title", "Doublon probable"}, {"status", 409},
                         {"detail", "Une ou plusieurs fiches ressemblent à cette personne. Vérifiez, puis renvoyez avec confirm_not_duplicate: true s'il s'agit d'une autre personne."},
                         {"duplicates", dups}};
    Response r = json_response(problem, 409);
    r.content_type = "application/problem+json";
    return r;
  }
  audit(ctx, c.id, "create");
  Response r = json_response(person_json(*store::find(ctx.tx, c.id)), 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(ctx.org()) + "/people/" + std::to_string(c.id));
  return r;
}

Response get(Ctx& ctx) { return json_response(person_json(require(ctx, ctx.id("person"), Action::read, "read"))); }

Response patch(Ctx& ctx) {
  Person current = require(ctx, ctx.id("person"), Action::write, "update");
  update_person(ctx.tx, current, read_person(body_object(ctx.req), current), ctx.today());
  return json_response(person_json(*store::find(ctx.tx, current.id)));
}

json::array grants_json(db::Tx& tx, long long person) {
  json::array items;
  for (const auto& g : store::grants(tx, person))
    items.push_back({{"organisation_id", g.organisation_id}, {"organisation_name", g.organisation_name}, {"reason", g.reason},
                     {"granted_at", g.granted_at}, {"revoked_at", nullable(g.revoked_at)}});
  return items;
}

Response list_grants(Ctx& ctx) {
  Person p = require(ctx, ctx.id("person"), Action::read, "read");
  return json_response(json::object{{"items", grants_json(ctx.tx, p.id)}});
}

Response add_grant(Ctx& ctx) {
  Person p = check(ctx, ctx.id("person"), Action::share, "share");
  auto body = body_object(ctx.req);
  auto it = body.find("organisation_id");
  long long target = it != body.end() && it->value().is_int64() ? it->value().as_int64() : 0;
  share_with(ctx.tx, p.id, target, ctx.org());
  audit(ctx, p.id, "share", "organisation " + std::to_string(target));
  return json_response(json::object{{"items", grants_json(ctx.tx, p.id)}}, 201);
}

Response delete_grant(Ctx& ctx) {
  long long target = ctx.id("target");
  Person p = check(ctx, ctx.id("person"), Action::revoke_grant, "revoke");
  revoke_access(ctx.tx, p.id, target);
  audit(ctx, p.id, "revoke", "organisation " + std::to_string(target));
  Response r;
  r.status = 204;
  r.content_type = "";
  return r;
}

Response merge(Ctx& ctx) {
  auto body = body_object(ctx.req);
  auto it = body.find("other_id");
  if (it == body.end() || !it->value().is_int64() || it->value().as_int64() <= 0)
    throw ValidationError("other_id", "Indiquez l'identifiant (entier) de la fiche en double.");
  long long kept_id = ctx.id("person"), other = it->value().as_int64();
  if (other == kept_id) throw ValidationError("other_id", "Choisissez une autre fiche que celle-ci.");
  Person kept = check(ctx, kept_id, Action::merge, "merge");
  Person absorbed = check(ctx, other, Action::merge, "merge");
  merge_people(ctx.tx, ctx.org(), kept, absorbed.id);
  audit(ctx, kept.id, "merge", "fiche n° " + std::to_string(absorbed.id) + " fusionnée dans celle-ci");
  audit(ctx, absorbed.id, "merged", "fusionnée dans la fiche n° " + std::to_string(kept.id));
  return json_response(person_json(*store::find(ctx.tx, kept.id)));
}

Response audit_log(Ctx& ctx) {
  store::AuditQuery q;
  q.person = parse_id(ctx.req.query("person"));
  q.action = ctx.req.query("action");
  q.before_id = parse_id(ctx.req.query("before"));
  q.limit = 101;
  auto entries = store::audit_of(ctx.tx, ctx.org(), q);
  bool more = entries.size() > 100;
  if (more) entries.pop_back();
  json::array items;
  for (const auto& e : entries)
    items.push_back({{"id", e.id}, {"at", e.at}, {"user", nullable(e.user_name)}, {"token_id", e.token_id ? json::value(e.token_id) : json::value(nullptr)},
                     {"organisation", e.organisation_name}, {"person_id", e.person_id}, {"action", e.action}, {"detail", e.detail}, {"ip", e.ip}});
  json::object out;
  out["items"] = std::move(items);
  out["next_before"] = more ? json::value(entries.back().id) : json::value(nullptr);
  return json_response(out);
}

std::string list_of(const char* item) {
  return std::string(R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":)J") + item + "}}}";
}

}  // namespace

void add_api_routes(Router& router) {
  const char* grant_schema = R"J({"type":"object","properties":{"organisation_id":{"type":"integer"},"organisation_name":{"type":"string"},"reason":{"type":"string"},"granted_at":{"type":"string"},"revoked_at":{"type":"string","nullable":true}}})J";
  router.add({Method::get, "/api/v1/organisations/{org}/people", "api.people.list", Access::member, Kind::api, list, nullptr,
              {"Personnes que l'organisation voit, par ordre alphabétique (50 par page) : identité et commune ; la fiche complète par son lien", "Personnes", "",
               R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":{"type":"object","required":["id","first_name","last_name"],"properties":{"id":{"type":"integer"},"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_date":{"type":"string","nullable":true},"commune_code":{"type":"string"}}}},"next":{"type":"string","nullable":true}}})J",
               200,
               {{"name", "début du nom (sans accents ni majuscules obligatoires)"}, {"birth_date", "date de naissance AAAA-MM-JJ"},
                {"commune", "code INSEE de la commune"}, {"after", "valeur « next » de la page précédente"}}}});
  router.add({Method::post, "/api/v1/organisations/{org}/people", "api.people.create", Access::member, Kind::api, create, nullptr,
              {"Créer une fiche (409 avec les doublons probables, sauf confirm_not_duplicate)", "Personnes", kPersonInputSchema, kPersonSchema, 201}});
  add_person_route(router, {Method::get, "/api/v1/organisations/{org}/people/{person}", "api.people.get", Access::member, Kind::api, get, nullptr,
              {"Une fiche (accès journalisé)", "Personnes", "", kPersonSchema}});
  add_person_route(router, {Method::patch, "/api/v1/organisations/{org}/people/{person}", "api.people.update", Access::member, Kind::api, patch, nullptr,
              {"Modifier une fiche (champs fournis seulement)", "Personnes", kPersonInputSchema, kPersonSchema}});
  add_person_route(router, {Method::get, "/api/v1/organisations/{org}/people/{person}/grants", "api.people.grants", Access::member, Kind::api, list_grants,
              nullptr, {"Organisations qui ont accès à la fiche", "Personnes", "", list_of(grant_schema)}});
  add_person_route(router, {Method::post, "/api/v1/organisations/{org}/people/{person}/grants", "api.people.share", Access::member, Kind::api, add_grant,
              nullptr,
              {"Partager la fiche avec une organisation (consentement requis)", "Personnes",
               R"J({"type":"object","required":["organisation_id"],"properties":{"organisation_id":{"type":"integer"}}})J", list_of(grant_schema), 201}});
  add_person_route(router, {Method::del, "/api/v1/organisations/{org}/people/{person}/grants/{target}", "api.people.revoke", Access::org_admin, Kind::api,
              delete_grant, nullptr, {"Retirer l'accès d'une organisation", "Personnes", "", "", 204}});
  add_person_route(router, {Method::post, "/api/v1/organisations/{org}/people/{person}/merge", "api.people.merge", Access::org_admin, Kind::api, merge,
              nullptr,
              {"Fusionner une fiche en double dans celle-ci (accès et historique conservés)", "Personnes",
               R"J({"type":"object","required":["other_id"],"properties":{"other_id":{"type":"integer"}}})J", kPersonSchema}});
  router.add({Method::get, "/api/v1/organisations/{org}/audit", "api.people.audit", Access::org_admin, Kind::api, audit_log, nullptr,
              {"Journal des accès aux fiches de l'organisation (du plus récent au plus ancien)", "Personnes", "",
               list_of(R"J({"type":"object"})J"), 200,
               {{"person", "identifiant d'une personne"}, {"action", "read, create, update, share, revoke, search, refused:…"},
                {"before", "identifiant d'entrée : les plus anciennes que celle-ci"}}}});
}

}  // namespace jalon::people
