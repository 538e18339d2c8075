// /api/v1 routes of the directory. Structures and services are data·inclusion v1 objects (the
// schema's field names), with Jalon's own facts under "jalon" (its ids, the organisation, the
// lifecycle status, the stale flag), so a client that knows the national schema reads them as is.
#include <boost/json.hpp>

#include "directory/access.h"
#include "directory/actions.h"
#include "directory/exchange.h"
#include "directory/import.h"
#include "directory/routes.h"
#include "directory/store.h"
#include "http/json.h"

namespace jalon::directory {

using namespace http;
namespace json = boost::json;

namespace {

json::object structure_out(const Structure& s) {
  json::object o = structure_to_json(s);
  o["jalon"] = json::object{{"id", s.id}, {"organisation_id", s.organisation_id ? json::value(s.organisation_id) : json::value(nullptr)}};
  return o;
}

json::object service_out(const Service& s, const std::string& today) {
  json::object o = service_to_json(s);
  o["jalon"] = json::object{{"id", s.id},
                            {"structure_id", s.structure_id},
                            {"status", status_code(s.status)},
                            {"stale", is_stale(s.updated_on, today)}};
  return o;
}

Response created(json::object o, const std::string& location) {
  Response r = json_response(o, 201);
  r.header("Location", location);
  return r;
}

std::string org_api(long long org) { return "/api/v1/organisations/" + std::to_string(org); }

Response list_structures(Ctx& ctx) {
  json::array items;
  for (const auto& s : store::structures_of(ctx.tx, ctx.org())) items.push_back(structure_out(s));
  return items_response(std::move(items));
}

Response create_structure_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Validator v;
  Structure in = structure_from_json(body, Structure{}, v);
  long long id = create_structure(ctx.tx, actor_of(ctx.who), ctx.org(), in, ctx.today(), std::move(v));
  return created(structure_out(*store::find_structure(ctx.tx, id)), org_api(ctx.org()) + "/structures/" + std::to_string(id));
}

Response get_structure(Ctx& ctx) { return json_response(structure_out(org_structure(ctx, ctx.id("structure"), Action::read))); }

Response patch_structure(Ctx& ctx) {
  Structure current = org_structure(ctx, ctx.id("structure"), Action::edit);
  Validator v;
  Structure in = structure_from_json(body_object(ctx.req), current, v);
  update_structure(ctx.tx, actor_of(ctx.who), current, in, ctx.today(), std::move(v));
  return json_response(structure_out(*store::find_structure(ctx.tx, current.id)));
}

Response list_services(Ctx& ctx) {
  std::string today = ctx.today();
  json::array items;
  for (const auto& s : store::services_of(ctx.tx, ctx.org())) items.push_back(service_out(s, today));
  return items_response(std::move(items));
}

// The structure a new service belongs to: "structure_id" is Jalon's id (an integer) or the
// data·inclusion id (a string) of one of the organisation's structures.
Structure structure_of_body(Ctx& ctx, const json::object& body) {
  const json::value* v = body.if_contains("structure_id");
  const char* missing = "Indiquez la structure du service : structure_id, l'identifiant Jalon (entier) ou data·inclusion (texte) d'une structure de l'organisation.";
  if (!v || v->is_null()) throw ValidationError("structure_id", missing);
  if (v->is_int64() && v->as_int64() > 0) {
    auto s = store::find_structure(ctx.tx, v->as_int64());
    if (s && s->organisation_id == ctx.org()) return *s;
  } else if (v->is_string()) {
    for (const auto& s : store::structures_of(ctx.tx, ctx.org()))
      if (s.ext_id == v->as_string()) return s;
  } else {
    throw ValidationError("structure_id", missing);
  }
  throw ValidationError("structure_id", "Cette structure n'appartient pas à l'annuaire de votre organisation.");
}

Response create_service_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Structure st = structure_of_body(ctx, body);
  body.erase("structure_id");
  Validator v;
  Service in = service_from_json(body, Service{}, v);
  long long id = create_service(ctx.tx, actor_of(ctx.who), st, in, ctx.today(), std::move(v));
  return created(service_out(*store::find_service(ctx.tx, id), ctx.today()), org_api(ctx.org()) + "/services/" + std::to_string(id));
}

Response get_service(Ctx& ctx) {
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::read_unpublished);
  return json_response(service_out(sv, ctx.today()));
}

Response patch_service(Ctx& ctx) {
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::edit);
  auto body = body_object(ctx.req);
  body.erase("structure_id");  // a service stays with its structure
  Validator v;
  Service in = service_from_json(body, sv, v);
  update_service(ctx.tx, actor_of(ctx.who), st, sv, in, ctx.today(), std::move(v));
  return json_response(service_out(*store::find_service(ctx.tx, sv.id), ctx.today()));
}

Response service_status_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  auto to = parse_status(get_string(body, "status"));
  if (!to) throw ValidationError("status", "Le statut est « published », « archived » ou « draft ».");
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::read_unpublished);
  return json_response(service_out(change_status(ctx.tx, actor_of(ctx.who), st, sv, *to, ctx.today()), ctx.today()));
}

Response public_structure_api(Ctx& ctx) {
  auto st = store::find_structure(ctx.tx, ctx.id("structure"));
  if (!st) throw NotFound("Cette structure n'existe pas dans l'annuaire.");
  std::string today = ctx.today();
  json::object o = structure_out(*st);
  json::array services;
  for (const auto& s : store::services_of_structure(ctx.tx, st->id, true)) services.push_back(service_out(s, today));
  o["services"] = std::move(services);
  return json_response(o);
}

Response export_api(Ctx& ctx) {
  std::string format = ctx.req.query("format"), table = ctx.req.query("table");
  if (format.empty() || format == "json") return Response::json(export_json(ctx.tx));
  if (format != "csv") throw ValidationError("format", "Le format est « json » ou « csv ».");
  if (!table.empty() && table != "services" && table != "structures")
    throw ValidationError("table", "En CSV, choisissez la table : « services » (par défaut) ou « structures ».");
  bool structures = table == "structures";
  Response r = Response::text(structures ? export_structures_csv(ctx.tx) : export_services_csv(ctx.tx), 200, "text/csv; charset=utf-8");
  r.header("Content-Disposition", std::string("attachment; filename=\"") + (structures ? "structures" : "services") + ".csv\"");
  return r;
}

// OpenAPI schemas of the objects, built from the exchange's field lists.
std::string object_schema(const std::vector<std::string>& fields, const std::vector<std::string>& required, const char* jalon) {
  json::object props;
  for (const auto& f : fields) {
    json::object p;
    if (is_list_field(f)) p = {{"type", "array"}, {"items", {{"type", "string"}}}, {"nullable", true}};
    else if (f == "nombre_semaines") p = {{"type", "integer"}, {"nullable", true}};
    else if (is_number_field(f)) p = {{"type", "number"}, {"nullable", true}};
    else {
      p = {{"type", "string"}};
      if (std::find(required.begin(), required.end(), f) == required.end()) p["nullable"] = true;
    }
    props[f] = p;
  }
  json::array req;
  for (const auto& r : required) req.emplace_back(r);
  json::object schema{{"type", "object"}, {"properties", props}};
  if (jalon) schema["properties"].as_object()["jalon"] = json::parse(jalon);
  if (!req.empty()) schema["required"] = req;
  return json::serialize(schema);
}

std::string list_of(const std::string& item) {
  return std::string(R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":)J") + item + "}}}";
}

}  // namespace

void add_api_routes(Router& router) {
  const char* structure_ext = R"J({"type":"object","properties":{"id":{"type":"integer"},"organisation_id":{"type":"integer","nullable":true}}})J";
  const char* service_ext =
      R"J({"type":"object","properties":{"id":{"type":"integer"},"structure_id":{"type":"integer"},"status":{"type":"string","enum":["draft","published","archived"]},"stale":{"type":"boolean","description":"pas de mise à jour depuis 12 mois ou plus"}}})J";
  std::string structure = object_schema(structure_fields(), {"source", "id", "nom", "date_maj"}, structure_ext);
  std::string service = object_schema(service_fields(), {"source", "id", "structure_id", "nom", "description", "date_maj"}, service_ext);
  std::string structure_in = object_schema(structure_fields(), {"nom"}, nullptr);
  std::string service_in = object_schema(service_fields(), {"structure_id", "nom", "description"}, nullptr);
  std::string public_structure = structure;
  {
    auto s = json::parse(public_structure).as_object();
    s["properties"].as_object()["services"] = json::object{{"type", "array"}, {"items", json::parse(service)}};
    public_structure = json::serialize(s);
  }
  const char* tag = "Annuaire";
  router.add({Method::get, "/api/v1/organisations/{org}/structures", "api.directory.structures", Access::member, Kind::api, list_structures,
              nullptr, {"Structures de l'organisation dans l'annuaire (schéma data·inclusion v1)", tag, "", list_of(structure)}});
  router.add({Method::post, "/api/v1/organisations/{org}/structures", "api.directory.structures.create", Access::member, Kind::api,
              create_structure_api, nullptr,
              {"Créer une structure de l'organisation (champs data·inclusion ; source et id sont attribués)", tag, structure_in, structure, 201}});
  router.add({Method::get, "/api/v1/organisations/{org}/structures/{structure}", "api.directory.structure", Access::member, Kind::api,
              get_structure, nullptr, {"Une structure de l'organisation", tag, "", structure}});
  router.add({Method::patch, "/api/v1/organisations/{org}/structures/{structure}", "api.directory.structure.update", Access::member,
              Kind::api, patch_structure, nullptr, {"Modifier une structure (champs fournis seulement ; date_maj devient aujourd'hui)", tag, structure_in, structure}});
  router.add({Method::get, "/api/v1/organisations/{org}/services", "api.directory.services", Access::member, Kind::api, list_services, nullptr,
              {"Services des structures de l'organisation, tous statuts, avec l'indicateur « à vérifier » (jalon.stale)", tag, "", list_of(service)}});
  router.add({Method::post, "/api/v1/organisations/{org}/services", "api.directory.services.create", Access::member, Kind::api,
              create_service_api, nullptr,
              {"Créer un service en brouillon (structure_id : identifiant Jalon ou data·inclusion d'une structure de l'organisation)", tag,
               service_in, service, 201}});
  router.add({Method::get, "/api/v1/organisations/{org}/services/{service}", "api.directory.service", Access::member, Kind::api, get_service,
              nullptr, {"Un service de l'organisation, quel que soit son statut", tag, "", service}});
  router.add({Method::patch, "/api/v1/organisations/{org}/services/{service}", "api.directory.service.update", Access::member, Kind::api,
              patch_service, nullptr, {"Modifier un service (champs fournis seulement ; date_maj devient aujourd'hui)", tag, service_in, service}});
  router.add({Method::post, "/api/v1/organisations/{org}/services/{service}/status", "api.directory.service.status", Access::member,
              Kind::api, service_status_api, nullptr,
              {"Publier (published), archiver (archived) ou remettre en brouillon (draft) un service", tag,
               R"J({"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["draft","published","archived"]}}})J",
               service}});
  router.add({Method::get, "/api/v1/directory/structures/{structure}", "api.directory.structure.public", Access::anyone, Kind::api,
              public_structure_api, nullptr, {"Une structure de l'annuaire public et ses services publiés (sans authentification)", tag, "", public_structure}});
  router.add({Method::get, "/api/v1/directory/export", "api.directory.export", Access::anyone, Kind::api, export_api, nullptr,
              {"Export de tout l'annuaire publié au schéma data·inclusion v1 : JSON {structures, services}, ou CSV d'une table", tag, "",
               R"J({"type":"object","properties":{"structures":{"type":"array","items":{"type":"object"}},"services":{"type":"array","items":{"type":"object"}}}})J",
               200,
               {{"format", "json (par défaut) ou csv"}, {"table", "en CSV : services (par défaut) ou structures"}}}});
}

}  // namespace jalon::directory
