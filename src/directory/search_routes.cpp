// The public search of the directory: the page /annuaire (no login) and
// GET /api/v1/directory/services, both through directory::find on the live index.
#include <boost/json.hpp>
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "base/text.h"
#include "directory/exchange.h"
#include "directory/find.h"
#include "directory/routes.h"
#include "directory/rules.h"
#include "http/json.h"
#include "http/page.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"

namespace jalon::directory {

using namespace http;
namespace json = boost::json;

namespace {

const std::vector<int> kRadii = {5, 10, 20, 30, 50, 100};

// A number from the query string, or `fallback` when absent; ValidationError when not a number.
double number(const Ctx& ctx, const char* name, const char* field, double fallback) {
  std::string v = text::trim(ctx.req.query(name));
  if (v.empty()) return fallback;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0' || !std::isfinite(d)) throw ValidationError(field, "Indiquez un nombre.");
  return d;
}

// Index::search names its errors after Query's members; `names` gives the caller's names.
ValidationError renamed(const ValidationError& e, const std::map<std::string, std::string>& names) {
  std::vector<FieldError> fields;
  for (const auto& f : e.fields()) {
    auto it = names.find(f.field);
    fields.push_back({it == names.end() ? f.field : it->second, f.message});
  }
  return ValidationError(fields);
}

const std::map<std::string, std::string> kPageNames = {{"radius_km", "rayon"},  {"thematics", "thematique"}, {"barrier", "frein"},
                                                        {"audiences", "public"}, {"fees", "frais"},           {"reception_modes", "accueil"},
                                                        {"place", "lieu"},       {"limit", "page"}};

std::string query_string(const FindRequest& r, double radius, int page) {
  std::string q = "quoi=" + text::url_encode(r.text) + "&lieu=" + text::url_encode(r.place) + "&rayon=" + fmt::format("{:g}", radius) +
                  "&frein=" + text::url_encode(r.barrier) + "&thematique=" + text::url_encode(r.thematic) +
                  "&public=" + text::url_encode(r.audience) + "&frais=" + text::url_encode(r.fees) + "&accueil=" + text::url_encode(r.reception);
  if (page > 1) q += "&page=" + std::to_string(page);
  return q;
}

Response search_page(Ctx& ctx, Live& live) {
  FindRequest r;
  r.text = ctx.req.query("quoi");
  r.barrier = ctx.req.query("frein");
  r.thematic = ctx.req.query("thematique");
  r.audience = ctx.req.query("public");
  r.fees = ctx.req.query("frais");
  r.reception = ctx.req.query("accueil");
  r.place = ctx.req.query("lieu");
  std::string radius_text = ctx.req.query("rayon");
  Page page(ctx, "directory/search", "Annuaire des services d'insertion");
  auto& b = page.body();
  std::vector<Page::Option> radii;
  for (int k : kRadii) radii.push_back({std::to_string(k), std::to_string(k) + " km", ""});
  std::vector<Page::Option> barriers{{"", "Toutes", ""}};
  for (const auto& x : referentials::barriers().all()) barriers.push_back({x.code, x.label, ""});
  std::vector<Page::Option> thematics{{"", "Toutes", ""}};
  for (const auto& c : referentials::inclusion().thematic_categories()) {
    thematics.push_back({c.value, c.label + " (toute la thématique)", c.label});
    for (const auto* t : c.thematics) thematics.push_back({t->value, t->label, c.label});
  }
  auto vocabulary = [](const referentials::Vocabulary& v, const char* any) {
    std::vector<Page::Option> out{{"", any, ""}};
    for (const auto& t : v.terms()) out.push_back({t.value, t.label, ""});
    return out;
  };
  const auto& di = referentials::inclusion();
  page.field("quoi", "Que cherchez-vous ?", "search", r.text,
             {"Des mots, par exemple « permis », « logement jeunes », « français ».", "off", false, false});
  page.field("lieu", "Où ?", "text", r.place, {"Code postal ou commune, par exemple 86000 ou Poitiers.", "off", false, false});
  page.select("rayon", "Distance", radii, radius_text.empty() ? "10" : radius_text, "", false);
  page.select("frein", "Difficulté rencontrée", barriers, r.barrier, "", false);
  page.select("thematique", "Thématique", thematics, r.thematic, "", false);
  page.select("public", "Public", vocabulary(di.audiences(), "Tous"), r.audience, "", false);
  page.select("frais", "Frais", vocabulary(di.fees(), "Gratuit ou payant"), r.fees, "", false);
  page.select("accueil", "Accueil", vocabulary(di.reception_modes(), "Sur place ou à distance"), r.reception, "", false);
  if (ctx.req.raw_query.empty()) return page.render();  // the empty form
  Found found;
  int page_number = 1;
  try {
    r.radius_km = number(ctx, "rayon", "rayon", 10);
    double p = number(ctx, "page", "page", 1);
    if (p < 1 || p > 500 || p != std::floor(p)) throw ValidationError("page", "Cette page de résultats n'existe pas.");
    page_number = static_cast<int>(p);
    r.limit = 20;
    r.offset = static_cast<std::size_t>(page_number - 1) * r.limit;
    live.refresh(*ctx.db);
    found = find(ctx.tx, live, r);
  } catch (const ValidationError& e) {
    page.errors(renamed(e, kPageNames));
    return page.render(422);
  }
  auto* res = b.AddSectionDictionary("RESULTS");
  std::size_t total = found.result.total;
  res->SetValue("COUNT", total == 0 ? "Aucun service" : total == 1 ? "1 service" : fmt::format("{} services", total));
  if (found.place) res->AddSectionDictionary("NEAR")->SetValue("PLACE", found.place_label + " (" + text::format_km(r.radius_km) + " autour)");
  if (total == 0) res->ShowSection("NONE");
  for (const auto& f : found.services) {
    const Service& sv = *f.service;
    const Structure& st = *f.structure;
    auto* d = res->AddSectionDictionary("SERVICE");
    d->SetIntValue("ID", sv.id);
    d->SetValue("NAME", sv.name);
    d->SetValue("STRUCTURE", st.name);
    d->SetValue("LINK", "/annuaire/structures/" + std::to_string(st.id) + "#service-" + std::to_string(sv.id));
    d->SetValue("DESCRIPTION", text::cut_utf8(sv.description, 280) + (sv.description.size() > 280 ? "…" : ""));
    if (f.distance_km) d->AddSectionDictionary("DISTANCE")->SetValue("VALUE", text::format_km(*f.distance_km));
    auto fact = [&](const char* label, const std::string& value) {
      if (value.empty()) return;
      auto* x = d->AddSectionDictionary("FACT");
      x->SetValue("LABEL", label);
      x->SetValue("VALUE", value);
    };
    fact("Adresse", display_address(sv, st));
    fact("Téléphone", display_phone(contact_phone(sv, st)));
    fact("Thématiques", di.thematics().labels(sv.thematics));
    fact("Publics", di.audiences().labels(sv.audiences));
    fact("Frais", sv.fees.empty() ? "" : std::string(di.fees().label(sv.fees)));
    fact("Accueil", di.reception_modes().labels(sv.reception_modes));
    if (is_stale(sv.updated_on, ctx.today())) d->ShowSection("STALE");
  }
  if (found.result.wider_total && found.place && found.result.wider_radius_km <= kMaxRadiusKm) {
    // Fewer than 5: offer the wider search when it finds more, else say it would not.
    bool more = *found.result.wider_total > total;
    auto* w = res->AddSectionDictionary(more ? "WIDER" : "NOT_WIDER");
    w->SetValue("COUNT", fmt::format("{}", *found.result.wider_total));
    w->SetValue("RADIUS", text::format_km(found.result.wider_radius_km));
    w->SetValue("QUERY", query_string(r, found.result.wider_radius_km, 1));
  }
  if (page_number > 1) res->AddSectionDictionary("PREVIOUS")->SetValue("QUERY", query_string(r, r.radius_km, page_number - 1));
  if (r.offset + r.limit < total) res->AddSectionDictionary("NEXT")->SetValue("QUERY", query_string(r, r.radius_km, page_number + 1));
  return page.render();
}

const std::map<std::string, std::string> kApiNames = {{"radius_km", "radius_km"}, {"thematics", "thematic"}, {"barrier", "barrier"},
                                                       {"audiences", "audience"},  {"fees", "fees"},         {"reception_modes", "reception"},
                                                       {"place", "commune"},       {"limit", "limit"}, {"lieu", "place"}, {"code_postal", "postal_code"}};

Response search_api(Ctx& ctx, Live& live) {
  FindRequest r;
  r.text = ctx.req.query("q");
  r.barrier = ctx.req.query("barrier");
  r.thematic = ctx.req.query("thematic");
  r.audience = ctx.req.query("audience");
  r.fees = ctx.req.query("fees");
  r.reception = ctx.req.query("reception");
  r.commune_code = ctx.req.query("commune");
  r.postal_code = ctx.req.query("postal_code");
  r.place = ctx.req.query("place");
  std::string format = ctx.req.query("format");
  if (!format.empty() && format != "json" && format != "datainclusion" && format != "csv")
    throw ValidationError("format", "Le format est « json » (par défaut), « datainclusion » ou « csv ».");
  Found found;
  try {
    r.radius_km = number(ctx, "radius_km", "radius_km", 10);
    double offset = number(ctx, "offset", "offset", 0), limit = number(ctx, "limit", "limit", 20);
    if (offset < 0 || offset > 100000 || offset != std::floor(offset)) throw ValidationError("offset", "Un entier positif est attendu.");
    if (limit != std::floor(limit) || limit < 1) throw ValidationError("limit", "Un entier de 1 à 200 est attendu.");
    r.offset = static_cast<std::size_t>(offset);
    r.limit = static_cast<std::size_t>(std::min(limit, 1000.0));
    live.refresh(*ctx.db);
    found = find(ctx.tx, live, r);
  } catch (const ValidationError& e) {
    throw renamed(e, kApiNames);
  }
  if (format == "datainclusion" || format == "csv") {
    // The result as a data·inclusion file: every match (5,000 at most), its structures once.
    std::vector<Service> services;
    std::vector<Structure> structures;
    std::set<long long> seen;
    FindRequest all = r;
    all.limit = kMaxLimit;
    for (all.offset = 0; all.offset < std::min<std::size_t>(found.result.total, 5000); all.offset += all.limit) {
      Found part = find(ctx.tx, live, all);
      for (const auto& f : part.services) {
        services.push_back(*f.service);
        if (seen.insert(f.structure->id).second) structures.push_back(*f.structure);
      }
      if (part.services.empty()) break;
    }
    if (format == "csv") {
      Response csv = Response::text(services_csv(services), 200, "text/csv; charset=utf-8");
      csv.header("Content-Disposition", "attachment; filename=\"services.csv\"");
      return csv;
    }
    json::array st, sv;
    for (const auto& x : structures) st.push_back(structure_to_json(x));
    for (const auto& x : services) sv.push_back(service_to_json(x));
    return json_response(json::object{{"structures", std::move(st)}, {"services", std::move(sv)}});
  }
  json::array items;
  for (const auto& f : found.services) {
    json::object o = service_to_json(*f.service);
    o["structure"] = structure_to_json(*f.structure);
    o["jalon"] = json::object{{"id", f.service->id},
                              {"structure_id", f.structure->id},
                              {"distance_km", f.distance_km ? json::value(std::round(*f.distance_km * 100) / 100) : json::value(nullptr)},
                              {"stale", is_stale(f.service->updated_on, ctx.today())}};
    items.push_back(std::move(o));
  }
  json::object out{{"items", std::move(items)}, {"total", found.result.total}};
  if (found.place) out["place"] = json::object{{"label", found.place_label}, {"commune_code", found.place->commune_code}};
  if (found.result.wider_total && found.result.wider_radius_km <= kMaxRadiusKm)
    out["wider"] = json::object{{"radius_km", found.result.wider_radius_km}, {"total", *found.result.wider_total}};
  return json_response(out);
}

}  // namespace

void add_search_routes(Router& router, Live& live) {
  router.add({Method::get, "/annuaire", "directory.search", Access::anyone, Kind::page, [&live](Ctx& ctx) { return search_page(ctx, live); }});
  router.add({Method::get, "/api/v1/directory/services", "api.directory.search", Access::anyone, Kind::api,
              [&live](Ctx& ctx) { return search_api(ctx, live); }, nullptr,
              {"Rechercher des services publiés, les plus proches d'abord (sans connexion)", "Annuaire", "",
               R"J({"type":"object","required":["items","total"],"properties":{"items":{"type":"array","items":{"type":"object"}},"total":{"type":"integer"},"place":{"type":"object"},"wider":{"type":"object","properties":{"radius_km":{"type":"number"},"total":{"type":"integer"}}}}})J",
               200,
               {{"q", "mots (accents et formes des mots sans importance)"},
                {"barrier", "frein (data/barriers.csv : mobilite, logement…)"},
                {"thematic", "thématique data·inclusion, ou une catégorie entière"},
                {"audience", "public data·inclusion"},
                {"fees", "gratuit ou payant"},
                {"reception", "en-presentiel ou a-distance"},
                {"commune", "code INSEE du lieu"},
                {"postal_code", "code postal du lieu"},
                {"place", "lieu tel qu'une personne l'écrit (code postal ou nom de commune)"},
                {"radius_km", "rayon en km (10 par défaut, 200 au plus)"},
                {"offset", "résultats à sauter"},
                {"limit", "résultats par page (20 par défaut, 200 au plus)"},
                {"format", "json (par défaut) ; datainclusion : tout le résultat au format data·inclusion {structures, services} ; csv : ses services en CSV"}}}});
}

}  // namespace jalon::directory
