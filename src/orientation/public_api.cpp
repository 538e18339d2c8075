// The public JSON endpoints of the orientation room: POST /api/v1/orientation/first-contact
// (the answer of "Par où commencer ?") and POST /api/v1/iae/eligibility (the IAE simulator).
// Anyone, nothing stored; the same engine and the same answers as the pages. Schemas and
// examples: api_doc.cpp.
#include <boost/json.hpp>
#include <cmath>

#include "directory/rules.h"
#include "http/json.h"
#include "orientation/api_doc.h"
#include "orientation/public.h"
#include "orientation/routes.h"

namespace jalon::orientation {

using namespace http;
namespace json = boost::json;

namespace {

json::object reason_json(const Reason& r) {
  json::array facts;
  for (const auto& f : r.facts) facts.emplace_back(f);
  return {{"rule", r.rule},           {"where", r.where}, {"source", r.source},
          {"effective", r.effective}, {"text", r.text},   {"facts", std::move(facts)}};
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

json::object place_json(const NearbyService& n) {
  return {
      {"structure_id", n.structure.id},
      {"structure", n.structure.name},
      {"typology", n.structure.typology},
      {"service_id", n.service.id},
      {"service", n.service.name},
      {"address", directory::display_address(n.service, n.structure)},
      {"phone", directory::contact_phone(n.service, n.structure)},
      {"distance_km", std::round(n.distance_km * 100) / 100},
      {"link", "/annuaire/structures/" + std::to_string(n.structure.id) + "#service-" + std::to_string(n.service.id)}};
}

json::array places_json(const std::vector<NearbyService>& v) {
  json::array a;
  for (const auto& n : v) a.push_back(place_json(n));
  return a;
}

json::object first_contact_json(const pub::FirstContactAnswer& a) {
  const Orientation& o = a.orientation;
  json::object out{{"date", format_date(a.today)},
                   {"place", {{"label", a.where.label}, {"commune_code", a.where.place.commune_code}}}};
  if (o.referent) {
    out["referent"] = json::object{{"code", o.referent->code},
                                   {"label", o.referent->label},
                                   {"reason", reason_json(o.referent->reason)},
                                   {"nearest", places_json(a.nearby.referent)},
                                   {"radius_km", a.nearby.referent_radius_km}};
  } else {
    out["referent"] = nullptr;
  }
  json::array schemes;
  for (const auto& d : o.schemes)
    schemes.push_back(json::object{{"code", d.code}, {"label", d.label}, {"reason", reason_json(d.reason)}});
  out["schemes"] = std::move(schemes);
  json::array difficulties;
  for (std::size_t i = 0; i < o.barriers.size(); ++i) {
    const BarrierAdvice& b = o.barriers[i];
    json::array solutions;
    for (const auto& s : b.solutions)
      solutions.push_back(
          json::object{{"text", s.text}, {"actors", strings(s.actors)}, {"reason", reason_json(s.reason)}});
    difficulties.push_back(json::object{{"code", b.barrier},
                                        {"label", b.label},
                                        {"thematics", strings(b.thematics)},
                                        {"solutions", std::move(solutions)},
                                        {"nearest", places_json(a.nearby.barriers[i].services)},
                                        {"radius_km", a.nearby.barriers[i].radius_km}});
  }
  out["difficulties"] = std::move(difficulties);
  json::array faq;
  for (const auto* e : a.faq)
    faq.push_back(json::object{{"id", e->id},
                               {"question", e->question},
                               {"answer", e->answer},
                               {"note", e->note},
                               {"source", e->origin.source}});
  out["faq"] = std::move(faq);
  return out;
}

const char* basis_code(Basis b) {
  switch (b) {
    case Basis::derived:
      return "derived";
    case Basis::profile:
      return "profile";
    case Basis::ticked:
      return "ticked";
  }
  return "";
}

json::object eligibility_json(const Eligibility& e, Date today) {
  auto criteria = [](const std::vector<CriterionMet>& v) {
    json::array a;
    for (const auto& c : v)
      a.push_back(json::object{{"code", c.code},
                               {"label", c.label},
                               {"level", c.level},
                               {"basis", basis_code(c.basis)},
                               {"proof", c.proof},
                               {"reason", reason_json(c.reason)}});
    return a;
  };
  json::array to_check;
  for (const auto& code : e.to_check) {
    const Criterion* c = rules().criterion(code, today);
    to_check.push_back(json::object{{"code", code}, {"label", c ? c->label : code}, {"level", c ? c->level : 2}});
  }
  json::array rejected;
  for (const auto& r : e.rejected)
    rejected.push_back(
        json::object{{"code", r.code}, {"label", r.label}, {"why", r.why}, {"reason", reason_json(r.reason)}});
  return {{"date", format_date(today)},
          {"kind", std::string(name(e.kind))},
          {"author", std::string(name(e.author))},
          {"eligible", e.eligible},
          {"by_assessment", e.by_assessment},
          {"level1", criteria(e.level1)},
          {"level2", criteria(e.level2)},
          {"level2_required", e.level2_required},
          {"level2_missing", e.level2_missing},
          {"missing", e.missing},
          {"to_check", std::move(to_check)},
          {"rejected", std::move(rejected)},
          {"proofs", strings(e.proofs)},
          {"requirement", reason_json(e.requirement)},
          {"validity",
           {{"valid_until", format_date(e.valid_until)},
            {"scope", e.all_siae ? "all" : "same-employer"},
            {"reason", reason_json(e.validity)}}}};
}

// The strings of an array field; faults under `field`.
std::vector<std::string> string_list(const json::object& body, const char* field, Validator& errors) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_array()) {
    errors.add(field, "Une liste de codes est attendue.");
    return out;
  }
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) {
      errors.add(field, "Une liste de codes (chaînes de caractères) est attendue.");
      return {};
    }
    out.emplace_back(v.as_string());
  }
  return out;
}

std::string string_field(const json::object& body, const char* field, Validator& errors) {
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return "";
  if (!it->value().is_string()) {
    errors.add(field, "Une chaîne de caractères est attendue.");
    return "";
  }
  return std::string(it->value().as_string());
}

const json::value* member(const json::object& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

Response first_contact_api(Ctx& ctx, directory::Live& live) {
  const json::object body = body_object(ctx.req);
  const Date today = *parse_date(ctx.today());
  Validator errors;
  Situation s = pub::situation_from_json(member(body, "situation"), today, errors);
  if (!errors.has("situation")) pub::check_age(s, today, errors, "situation.");
  const std::vector<std::string> difficulties = string_list(body, "difficulties", errors);
  pub::check_difficulties(difficulties, errors, "difficulties");
  const std::string place = string_field(body, "place", errors), commune = string_field(body, "commune_code", errors),
                    postal = string_field(body, "postal_code", errors);
  auto where = pub::find_place(place, commune, postal, errors, "place");
  errors.throw_if_any();
  pub::FirstContactAnswer a;
  try {
    a = pub::first_contact(*ctx.db, ctx.tx, live, std::move(s), difficulties, *where, today);
  } catch (const ValidationError& e) {
    throw pub::prefixed(e, "situation.");
  }
  return json_response(first_contact_json(a));
}

Response eligibility_api(Ctx& ctx) {
  const json::object body = body_object(ctx.req);
  const Date today = *parse_date(ctx.today());
  Validator errors;
  Situation s = pub::situation_from_json(member(body, "situation"), today, errors);
  if (!errors.has("situation")) pub::check_age(s, today, errors, "situation.");
  const std::string kind_text = string_field(body, "kind", errors), author_text = string_field(body, "author", errors);
  auto kind = parse_siae_kind(kind_text);
  if (!kind && !errors.has("kind"))
    errors.add("kind", kind_text.empty() ? "Le type de structure est requis : aci, ai, ei, etti ou eiti."
                                         : "Type de structure inconnu : attendu aci, ai, ei, etti ou eiti.");
  auto author = parse_author(author_text);
  if (!author && !errors.has("author"))
    errors.add("author", author_text.empty()
                             ? "L'auteur du diagnostic est requis : prescriber ou employer."
                             : "Auteur inconnu : attendu prescriber (prescripteur habilité) ou employer.");
  for (const auto& c : string_list(body, "criteria", errors)) s.declared_criteria.insert(c);
  pub::check_criteria(s.declared_criteria, today, errors, "criteria");
  bool assessment = false;
  if (auto* v = member(body, "prescriber_assessment"); v && !v->is_null()) {
    if (v->is_bool())
      assessment = v->as_bool();
    else
      errors.add("prescriber_assessment", "Un booléen (true ou false) est attendu.");
  }
  errors.throw_if_any();
  Eligibility e;
  try {
    e = iae_eligibility(s, *kind, today, *author, rules(), assessment);
  } catch (const ValidationError& x) {
    throw pub::prefixed(x, "situation.");
  }
  return json_response(eligibility_json(e, today));
}

}  // namespace

void add_public_routes(Router& router, directory::Live& live) {
  add_public_pages(router, live);
  Route first{Method::post,
              "/api/v1/orientation/first-contact",
              "api.orientation.first_contact",
              Access::anyone,
              Kind::api,
              [&live](Ctx& ctx) { return first_contact_api(ctx, live); },
              nullptr,
              first_contact_doc()};
  first.computes_only = true;
  router.add(std::move(first));
  Route iae{Method::post, "/api/v1/iae/eligibility", "api.iae.eligibility", Access::anyone, Kind::api, eligibility_api,
            nullptr,      iae_eligibility_doc()};
  iae.computes_only = true;
  router.add(std::move(iae));
}

}  // namespace jalon::orientation
