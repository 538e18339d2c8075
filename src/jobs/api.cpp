// The jobs API: the public offer search and offer (no account, never people), the employer's
// offers and their anonymous candidates, a person's job profile and the offers for them — the
// same as the pages, with the same access rules and audit (docs/jobs.md).
#include <boost/json.hpp>
#include <fmt/format.h>
#include <cmath>

#include "accounts/store.h"
#include "directory/find.h"
#include "http/json.h"
#include "jobs/actions.h"
#include "jobs/find.h"
#include "jobs/live.h"
#include "jobs/routes.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "jobs/views.h"
#include "people/access.h"
#include "people/routes.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

using namespace http;
using people::Action;
namespace json = boost::json;

namespace {

const char* link_name(JobLink l) {
  switch (l) {
    case JobLink::same_title: return "same_title";
    case JobLink::same_occupation: return "same_occupation";
    case JobLink::mobility: return "mobility";
    case JobLink::same_domain: return "same_domain";
    case JobLink::none: break;
  }
  return "none";
}

json::object title_json(std::uint32_t code) {
  json::object o{{"code", code}};
  if (const auto* t = referentials::rome().job_title(code)) {
    o["label"] = t->label;
    o["rome_code"] = t->occupation->code;
    o["rome_label"] = t->occupation->label;
  }
  return o;
}

json::object offer_json(const JobOffer& o, bool for_employer) {
  json::array skills;
  for (const auto& s : o.skills) {
    const auto* k = referentials::rome().skill(s.code);
    skills.push_back({{"code", s.code}, {"label", k ? k->label : ""}, {"essential", s.essential}});
  }
  json::object out{{"id", o.id},
                   {"organisation", {{"id", o.organisation_id}, {"name", o.organisation_name}}},
                   {"job_title", title_json(o.job_title)},
                   {"title", o.title},
                   {"description", o.description},
                   {"commune", {{"code", o.commune_code}, {"name", referentials::communes().name_of(o.commune_code)}}},
                   {"contract", std::string(name(o.contract))},
                   {"contract_months", o.contract_months ? json::value(*o.contract_months) : json::value(nullptr)},
                   {"hours_per_week", o.hours},
                   {"start_on", o.start_on.empty() ? json::value(nullptr) : json::value(o.start_on)},
                   {"positions", o.positions},
                   {"licence_required", o.licence_required},
                   {"disability_accessible", o.disability_accessible},
                   {"iae_reserved", o.iae_reserved},
                   {"max_distance_km", o.max_distance_km ? json::value(*o.max_distance_km) : json::value(nullptr)},
                   {"status", o.open ? "open" : "closed"},
                   {"closed_reason", o.closed_reason ? json::value(std::string(name(*o.closed_reason))) : json::value(nullptr)},
                   {"created_at", o.created_at},
                   {"updated_at", o.updated_at},
                   {"skills", std::move(skills)},
                   {"url", public_offer_path(o.id)}};
  if (for_employer) out["pending_applications"] = o.pending;
  return out;
}

json::object match_json(const Match& m, const std::vector<std::string>& why) {
  json::array reasons;
  for (const auto& w : why) reasons.emplace_back(w);
  return {{"score", m.score},
          {"parts", {{"job", m.job}, {"skills", m.skills}, {"distance", m.distance}, {"contract", m.contract}, {"hours", m.hours}, {"penalty", m.penalty}}},
          {"link", link_name(m.link)},
          {"distance_km", m.distance_km},
          {"skills_matched", m.skills_matched},
          {"skills_asked", m.skills_asked},
          {"reasons", std::move(reasons)}};
}

json::object found_json(const OffersFound& found) {
  json::array items;
  for (const auto& f : found.items) {
    json::object o = offer_json(f.offer, false);
    o["match"] = match_json(f.match, f.why);
    items.push_back(std::move(o));
  }
  json::object out{{"items", std::move(items)}, {"more", found.more}};
  if (found.widening) {
    json::array neighbours;
    for (const auto* t : found.widening->neighbours) neighbours.push_back(title_json(t->code));
    out["widening"] = {{"radius_km", found.widening->radius_km}, {"count", found.widening->count}, {"neighbours", std::move(neighbours)}};
  }
  return out;
}

std::size_t query_size(Ctx& ctx, const char* name, std::size_t fallback, std::size_t max) {
  std::string t = ctx.req.query(name);
  if (t.empty()) return fallback;
  char* end = nullptr;
  long long v = std::strtoll(t.c_str(), &end, 10);
  if (end == t.c_str() || *end || v < 0 || static_cast<std::size_t>(v) > max)
    throw ValidationError(name, "« " + std::string(name) + " » va de 0 à " + std::to_string(max) + ".");
  return static_cast<std::size_t>(v);
}

// A whole number field of the API within [min, max], else ValidationError naming it.
std::optional<long long> get_whole(const json::object& body, const char* field, double min, double max) {
  auto n = get_number(body, field);
  if (!n) return std::nullopt;
  if (*n < min || *n > max || *n != std::floor(*n))
    throw ValidationError(field, fmt::format("« {} » est un nombre entier de {:g} à {:g}.", field, min, max));
  return static_cast<long long>(*n);
}

// The fields of `body` present replace those of `o` (a creation starts from an empty offer).
JobOffer read_offer(const json::object& body, JobOffer o) {
  Validator v;
  auto guard = [&](auto&& f) {
    try {
      f();
    } catch (const ValidationError& e) {
      for (const auto& x : e.fields()) v.add(x.field, x.message);
    }
  };
  guard([&] {
    if (auto n = get_whole(body, "job_title", 1, 4294967295.0)) o.job_title = static_cast<std::uint32_t>(*n);
  });
  guard([&] {
    if (has(body, "title")) o.title = get_string(body, "title");
  });
  guard([&] {
    if (has(body, "description")) o.description = get_string(body, "description");
  });
  guard([&] {
    if (has(body, "commune_code")) o.commune_code = get_string(body, "commune_code");
  });
  guard([&] {
    if (!has(body, "contract")) return;
    auto c = parse_contract(get_string(body, "contract"));
    if (!c) throw ValidationError("contract", "Type de contrat inconnu (cdi, cdd, interim, insertion, apprentissage, professionnalisation).");
    o.contract = *c;
  });
  guard([&] {
    if (has(body, "contract_months")) {
      auto n = get_whole(body, "contract_months", -1e9, 1e9);  // the range is validate's
      o.contract_months = n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
    }
  });
  guard([&] {
    if (auto n = get_number(body, "hours_per_week")) o.hours = *n;
  });
  guard([&] {
    if (has(body, "start_on")) o.start_on = get_string(body, "start_on");
  });
  guard([&] {
    if (auto n = get_whole(body, "positions", -1e9, 1e9)) o.positions = static_cast<int>(*n);
  });
  guard([&] { o.licence_required = get_bool(body, "licence_required", o.licence_required); });
  guard([&] { o.disability_accessible = get_bool(body, "disability_accessible", o.disability_accessible); });
  guard([&] { o.iae_reserved = get_bool(body, "iae_reserved", o.iae_reserved); });
  guard([&] {
    if (has(body, "max_distance_km")) o.max_distance_km = get_number(body, "max_distance_km");
  });
  guard([&] {
    if (!has(body, "skills")) return;
    const auto& s = body.at("skills");
    if (!s.is_array()) throw ValidationError("skills", "« skills » est une liste de {code, essential}.");
    o.skills.clear();
    for (const auto& item : s.as_array()) {
      if (!item.is_object()) throw ValidationError("skills", "« skills » est une liste de {code, essential}.");
      auto code = get_number(item.as_object(), "code");
      if (!code || *code < 1 || *code > 4294967295.0 || *code != std::floor(*code))
        throw ValidationError("skills", "Chaque compétence a un code (OGR du ROME).");
      o.skills.push_back({static_cast<std::uint32_t>(*code), get_bool(item.as_object(), "essential")});
    }
    std::sort(o.skills.begin(), o.skills.end(), [](const SkillAsked& a, const SkillAsked& b) { return a.code < b.code; });
    o.skills.erase(std::unique(o.skills.begin(), o.skills.end(), [](const SkillAsked& a, const SkillAsked& b) { return a.code == b.code; }),
                   o.skills.end());
  });
  v.throw_if_any();
  return o;
}

// ---- public

Response search(Ctx& ctx, Live& live) {
  Validator v;
  std::vector<const referentials::JobTitle*> titles;
  for (const auto& part : {ctx.req.query("job_title")}) {
    if (part.empty()) continue;
    const auto* t = referentials::rome().job_title(part);
    if (!t) v.add("job_title", "Appellation ROME inconnue : " + part + ".");
    else titles.push_back(t);
  }
  std::string q = ctx.req.query("q");
  if (titles.empty() && !q.empty()) titles = referentials::rome().search(q, 5);
  if (titles.empty() && v.ok()) v.add("q", "Indiquez un métier : « job_title » (code OGR) ou « q » (des mots).");
  std::optional<directory::Place> place;
  std::string commune = ctx.req.query("commune"), postal = ctx.req.query("postal_code");
  if (!commune.empty()) place = directory::place_of_commune(commune, referentials::communes());
  else if (!postal.empty()) place = directory::place_of_postal_code(postal, referentials::communes());
  if (!place) v.add(commune.empty() ? "postal_code" : "commune", "Indiquez un lieu connu : « commune » (code INSEE) ou « postal_code ».");
  double radius = 30;
  if (std::string r = ctx.req.query("radius_km"); !r.empty()) {
    radius = std::strtod(r.c_str(), nullptr);
    if (!(radius > 0 && radius <= 200)) v.add("radius_km", "« radius_km » va de 1 à 200.");
  }
  unsigned bits = 0;
  try {
    bits = parse_contracts(ctx.req.query("contract"), "contract");
  } catch (const ValidationError& e) {
    v.add("contract", e.what());
  }
  std::size_t limit = 20, offset = 0;
  try {
    limit = std::max<std::size_t>(1, query_size(ctx, "limit", 20, 100));
    offset = query_size(ctx, "offset", 0, 5000);
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields()) v.add(f.field, f.message);
  }
  v.throw_if_any();
  auto found = offers_for(ctx.tx, *ctx.db, live, search_candidate(titles, place->latitude, place->longitude, radius, bits), limit, offset);
  return json_response(found_json(found));
}

Response public_offer(Ctx& ctx) {
  auto o = store::find_offer(ctx.tx, ctx.id("offer"));
  if (!o) throw NotFound("Cette offre n'existe pas.");
  return json_response(offer_json(*o, false));
}

// ---- employer

Response list_offers(Ctx& ctx) {
  std::size_t limit = std::max<std::size_t>(1, query_size(ctx, "limit", 50, 200)), offset = query_size(ctx, "offset", 0, 1000000);
  json::array items;
  for (const auto& o : store::offers_of(ctx.tx, ctx.org(), static_cast<int>(limit), static_cast<int>(offset))) items.push_back(offer_json(o, true));
  return items_response(std::move(items));
}

Response create_offer(Ctx& ctx) {
  JobOffer o = read_offer(body_object(ctx.req), JobOffer{});
  long long id = publish(ctx.tx, ctx.org(), ctx.who.user_id, o);
  auto r = json_response(offer_json(*store::find_offer(ctx.tx, id), true), 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(ctx.org()) + "/offers/" + std::to_string(id));
  return r;
}

Response get_offer(Ctx& ctx) { return json_response(offer_json(offer_of(ctx.tx, ctx.org(), ctx.id("offer")), true)); }

Response patch_offer(Ctx& ctx) {
  JobOffer current = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  edit(ctx.tx, current, read_offer(body_object(ctx.req), current));
  return json_response(offer_json(*store::find_offer(ctx.tx, current.id), true));
}

Response close_one(Ctx& ctx) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  auto why = parse_closed_reason(get_string(body_object(ctx.req), "reason"));
  if (!why || *why == ClosedReason::inactive) throw ValidationError("reason", "« reason » vaut filled (pourvue) ou withdrawn (retirée).");
  close(ctx.tx, o, *why);
  return json_response(offer_json(*store::find_offer(ctx.tx, o.id), true));
}

Response reopen_one(Ctx& ctx) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  reopen(ctx.tx, o);
  return json_response(offer_json(*store::find_offer(ctx.tx, o.id), true));
}

Response offer_candidates(Ctx& ctx, Live& live) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  std::size_t limit = std::max<std::size_t>(1, query_size(ctx, "limit", 20, 50)), offset = query_size(ctx, "offset", 0, 1000);
  json::array items;
  if (auto m = o.open ? to_match(o) : std::nullopt)
    for (const auto& c : candidates_for(*ctx.db, live, *m, limit, offset)) {
      // Never the person: a label and the reasons of the score.
      json::array reasons;
      for (const auto& w : c.why) reasons.emplace_back(w);
      items.push_back({{"label", anonymous_label(live.label_key(), c.person, o)},
                       {"score", std::round(c.match.score * 100) / 100},
                       {"reasons", std::move(reasons)}});
    }
  return items_response(std::move(items));
}

// ---- a person's profile and offers

json::object profile_json(const JobProfile& p, bool stored, const std::string& today) {
  json::array wanted, contracts;
  for (auto code : p.wanted_jobs) wanted.push_back(title_json(code));
  for (int i = 0; i < kContracts; ++i)
    if (p.contracts & (1u << i)) contracts.emplace_back(std::string(name(static_cast<Contract>(i))));
  return {{"person_id", p.person_id},
          {"stored", stored},
          {"searching", p.searching},
          {"shown_to_employers", p.shown_to_employers},
          {"contracts", std::move(contracts)},
          {"min_hours", p.min_hours},
          {"max_hours", p.max_hours},
          {"available_on", p.available_on.empty() ? json::value(nullptr) : json::value(p.available_on)},
          {"chosen_radius_km", p.chosen_radius_km ? json::value(*p.chosen_radius_km) : json::value(nullptr)},
          {"chosen_commune", p.chosen_commune.empty() ? json::value(nullptr) : json::value(p.chosen_commune)},
          {"derived",
           {{"diagnosis_id", p.diagnosis_id ? json::value(p.diagnosis_id) : json::value(nullptr)},
            {"wanted_jobs", std::move(wanted)},
            {"skills", p.skills.size()},
            {"commune_code", p.commune_code},
            {"radius_km", p.radius_km},
            {"licence", p.licence},
            {"iae_eligible_until", p.iae_eligible_until.empty() ? json::value(nullptr) : json::value(p.iae_eligible_until)},
            {"iae_eligible", !p.iae_eligible_until.empty() && p.iae_eligible_until >= today}}}};
}

Response get_profile(Ctx& ctx) {
  auto person = people::require(ctx, ctx.id("person"), Action::read, "jobs-read");
  bool stored = false;
  auto p = profile_of(ctx.tx, person, &stored);
  return json_response(profile_json(p, stored, ctx.today()));
}

Response put_profile(Ctx& ctx) {
  auto person = people::check(ctx, ctx.id("person"), Action::write, "jobs-profile");
  auto body = body_object(ctx.req);
  JobProfile choices;
  Validator v;
  auto guard = [&](auto&& f) {
    try {
      f();
    } catch (const ValidationError& e) {
      for (const auto& x : e.fields()) v.add(x.field, x.message);
    }
  };
  guard([&] { choices.searching = get_bool(body, "searching", true); });
  guard([&] { choices.shown_to_employers = get_bool(body, "shown_to_employers", false); });
  guard([&] {
    if (!has(body, "contracts")) return;
    const auto& c = body.at("contracts");
    if (!c.is_array()) throw ValidationError("contracts", "« contracts » est une liste de types de contrat.");
    for (const auto& x : c.as_array()) {
      auto k = x.is_string() ? parse_contract(std::string(x.as_string())) : std::nullopt;
      if (!k) throw ValidationError("contracts", "Type de contrat inconnu (cdi, cdd, interim, insertion, apprentissage, professionnalisation).");
      choices.contracts |= 1u << static_cast<int>(*k);
    }
  });
  guard([&] { choices.min_hours = get_number(body, "min_hours").value_or(0); });
  guard([&] { choices.max_hours = get_number(body, "max_hours").value_or(48); });
  guard([&] { choices.chosen_radius_km = get_number(body, "chosen_radius_km"); });
  guard([&] { choices.chosen_commune = get_string(body, "chosen_commune"); });
  guard([&] { choices.available_on = get_string(body, "available_on"); });
  v.throw_if_any();
  // The page's field names are also the API's, except the radius and the commune.
  try {
    auto saved = save_profile(ctx.tx, person, choices, ctx.org(), ctx.who.user_id);
    people::audit(ctx, person.id, "jobs-profile", saved.searching ? "en recherche" : "pas en recherche");
    return json_response(profile_json(saved, true, ctx.today()));
  } catch (const ValidationError& e) {
    Validator renamed;
    for (const auto& f : e.fields())
      renamed.add(f.field == "radius_km" ? "chosen_radius_km" : f.field == "commune_code" ? "chosen_commune" : f.field, f.message);
    renamed.throw_if_any();
    throw;
  }
}

Response person_offers(Ctx& ctx, Live& live) {
  auto person = people::require(ctx, ctx.id("person"), Action::read, "jobs-read");
  std::size_t limit = std::max<std::size_t>(1, query_size(ctx, "limit", 20, 100)), offset = query_size(ctx, "offset", 0, 5000);
  JobProfile p = profile_of(ctx.tx, person);
  p.searching = true;
  auto c = to_candidate(p, ctx.today());
  if (!c) throw ValidationError("profile", "Il faut au moins un métier recherché (diagnostic) et une commune connue pour rapprocher des offres.");
  return json_response(found_json(offers_for(ctx.tx, *ctx.db, live, *c, limit, offset)));
}

const char* kOfferInput =
    R"J({"type":"object","properties":{"job_title":{"type":"integer","description":"appellation du ROME (code OGR)"},"title":{"type":"string"},"description":{"type":"string"},"commune_code":{"type":"string"},"contract":{"type":"string","enum":["cdi","cdd","interim","insertion","apprentissage","professionnalisation"]},"contract_months":{"type":"integer","nullable":true},"hours_per_week":{"type":"number"},"start_on":{"type":"string","format":"date"},"positions":{"type":"integer"},"licence_required":{"type":"boolean"},"disability_accessible":{"type":"boolean"},"iae_reserved":{"type":"boolean"},"max_distance_km":{"type":"number","nullable":true},"skills":{"type":"array","items":{"type":"object","required":["code"],"properties":{"code":{"type":"integer"},"essential":{"type":"boolean"}}}}}})J";
const char* kOffer =
    R"J({"type":"object","required":["id","job_title","title","commune","contract","status"],"properties":{"id":{"type":"integer"},"organisation":{"type":"object"},"job_title":{"type":"object"},"title":{"type":"string"},"commune":{"type":"object"},"contract":{"type":"string"},"hours_per_week":{"type":"number"},"status":{"type":"string","enum":["open","closed"]},"skills":{"type":"array","items":{"type":"object"}},"pending_applications":{"type":"integer"}}})J";
const char* kFound =
    R"J({"type":"object","required":["items","more"],"properties":{"items":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"title":{"type":"string"},"match":{"type":"object","properties":{"score":{"type":"number"},"parts":{"type":"object"},"link":{"type":"string"},"distance_km":{"type":"number"},"reasons":{"type":"array","items":{"type":"string"}}}}}}},"more":{"type":"boolean"},"widening":{"type":"object"}}})J";
const char* kItems = R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":{"type":"object"}}}})J";
const char* kProfile =
    R"J({"type":"object","required":["person_id","searching","derived"],"properties":{"person_id":{"type":"integer"},"stored":{"type":"boolean"},"searching":{"type":"boolean"},"shown_to_employers":{"type":"boolean"},"contracts":{"type":"array","items":{"type":"string"}},"min_hours":{"type":"number"},"max_hours":{"type":"number"},"derived":{"type":"object"}}})J";
const char* kProfileInput =
    R"J({"type":"object","properties":{"searching":{"type":"boolean"},"shown_to_employers":{"type":"boolean","description":"avec l'accord de la personne"},"contracts":{"type":"array","items":{"type":"string"}},"min_hours":{"type":"number"},"max_hours":{"type":"number"},"chosen_radius_km":{"type":"number","nullable":true},"chosen_commune":{"type":"string"},"available_on":{"type":"string","format":"date"}}})J";
const char* kClose = R"J({"type":"object","required":["reason"],"properties":{"reason":{"type":"string","enum":["filled","withdrawn"]}}})J";

}  // namespace

void add_api_routes(Router& router, Live& live) {
  router.add({Method::get, "/api/v1/jobs/offers", "api.jobs.search", Access::anyone, Kind::api, [&live](Ctx& c) { return search(c, live); }, nullptr,
              {"Recherche publique d'offres ouvertes autour d'un lieu, classées par le rapprochement, avec les raisons du score", "Emplois", "", kFound,
               200,
               {{"job_title", "appellation du ROME (code OGR)"},
                {"q", "des mots du métier, quand job_title manque (les cinq appellations les plus proches)"},
                {"commune", "code INSEE du lieu"},
                {"postal_code", "code postal du lieu"},
                {"radius_km", "distance en km (30 par défaut, 200 au plus)"},
                {"contract", "contrats acceptés, séparés par des virgules"},
                {"limit", "taille de la page (20 par défaut, 100 au plus)"},
                {"offset", "rang du premier résultat"}}}});
  router.add({Method::get, "/api/v1/jobs/offers/{offer}", "api.jobs.offer", Access::anyone, Kind::api, public_offer, nullptr,
              {"Une offre, publique", "Emplois", "", kOffer}});
  const std::string base = "/api/v1/organisations/{org}/offers";
  router.add({Method::get, base, "api.jobs.offers", Access::member, Kind::api, list_offers, nullptr,
              {"Offres de l'organisation, ouvertes d'abord", "Emplois", "", kItems, 200, {{"limit", "200 au plus"}, {"offset", "rang du premier"}}}});
  router.add({Method::post, base, "api.jobs.offer.create", Access::member, Kind::api, create_offer, nullptr,
              {"Publier une offre (employeurs et SIAE)", "Emplois", kOfferInput, kOffer, 201}});
  router.add({Method::get, base + "/{offer}", "api.jobs.offer.get", Access::member, Kind::api, get_offer, nullptr,
              {"Une offre de l'organisation", "Emplois", "", kOffer}});
  router.add({Method::patch, base + "/{offer}", "api.jobs.offer.patch", Access::member, Kind::api, patch_offer, nullptr,
              {"Modifier une offre (les champs présents remplacent les anciens)", "Emplois", kOfferInput, kOffer}});
  router.add({Method::post, base + "/{offer}/close", "api.jobs.offer.close", Access::member, Kind::api, close_one, nullptr,
              {"Fermer une offre", "Emplois", kClose, kOffer}});
  router.add({Method::post, base + "/{offer}/reopen", "api.jobs.offer.reopen", Access::member, Kind::api, reopen_one, nullptr,
              {"Rouvrir une offre", "Emplois", "", kOffer}});
  router.add({Method::get, base + "/{offer}/candidates", "api.jobs.offer.candidates", Access::member, Kind::api,
              [&live](Ctx& c) { return offer_candidates(c, live); }, nullptr,
              {"Profils qui correspondent à l'offre, sans nom ni lieu (personnes qui l'ont accepté) : une étiquette, le score et ses raisons", "Emplois", "", kItems, 200,
               {{"limit", "50 au plus"}, {"offset", "rang du premier"}}}});
  const std::string person = "/api/v1/organisations/{org}/people/{person}";
  people::add_person_route(router, {Method::get, person + "/job-profile", "api.jobs.profile.get", Access::member, Kind::api, get_profile, nullptr,
                                    {"Profil emploi de la personne (choix et ce qui vient du diagnostic ; accès journalisé)", "Emplois", "", kProfile}});
  people::add_person_route(router, {Method::put, person + "/job-profile", "api.jobs.profile.put", Access::member, Kind::api, put_profile, nullptr,
                                    {"Enregistrer le profil emploi de la personne", "Emplois", kProfileInput, kProfile}});
  people::add_person_route(router, {Method::get, person + "/offers", "api.jobs.person.offers", Access::member, Kind::api,
                                    [&live](Ctx& c) { return person_offers(c, live); }, nullptr,
                                    {"Offres pour la personne, avec les raisons de chaque score (accès journalisé)", "Emplois", "", kFound, 200,
                                     {{"limit", "100 au plus"}, {"offset", "rang du premier"}}}});
}

}  // namespace jalon::jobs
