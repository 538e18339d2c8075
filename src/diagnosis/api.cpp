// The diagnosis API: a person's diagnoses (history), a new one, and one with the engine's answer
// (referent, schemes, barriers with the nearest services, IAE eligibility per kind), the same
// as the pages and with the same access rules and audit (docs/diagnosis.md).
#include <boost/json.hpp>

#include "base/time.h"
#include "diagnosis/actions.h"
#include "diagnosis/routes.h"
#include "diagnosis/rules.h"
#include "diagnosis/store.h"
#include "http/json.h"
#include "orientation/api_doc.h"
#include "orientation/json.h"
#include "orientation/public.h"
#include "orientation/rules.h"
#include "people/access.h"
#include "people/routes.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"

namespace jalon::diagnosis {

using namespace http;
using people::Action;
namespace json = boost::json;

namespace {

json::array text_array(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// The situation as the API writes it: yes/no facts as booleans, the rest as their values.
json::object situation_json(const orientation::Situation& s) {
  json::object o;
  for (const auto& f : orientation::declared_facts()) {
    auto v = orientation::declared(s, f.name);
    if (!v) continue;
    const auto* def = orientation::find_fact(f.name);
    if (!f.date && def->kind == orientation::FactKind::boolean) o[f.name] = (*v == "yes");
    else o[f.name] = *v;
  }
  return o;
}

json::object summary_json(const Summary& s) {
  return {{"id", s.id},
          {"made_on", s.made_on},
          {"organisation", s.organisation_name},
          {"author", s.author_name},
          {"author_kind", std::string(name(s.author_kind))},
          {"barriers", s.barriers}};
}

json::object diagnosis_json(Ctx& ctx, const directory::Live& live, const Diagnosis& d, const std::string& birth_date) {
  json::object barriers;
  const char* names[] = {"none", "light", "strong", "blocking"};
  for (const auto& [code, severity] : d.situation.barriers) barriers[code] = names[static_cast<int>(severity)];
  std::vector<std::string> criteria(d.situation.declared_criteria.begin(), d.situation.declared_criteria.end());
  json::object out{{"id", d.id},
                   {"person_id", d.person_id},
                   {"made_on", d.made_on},
                   {"created_at", d.created_at},
                   {"organisation", d.organisation_name},
                   {"author", d.author_name},
                   {"author_kind", std::string(name(d.author_kind))},
                   {"commune_code", d.commune_code},
                   {"situation", situation_json(d.situation)},
                   {"barriers", std::move(barriers)},
                   {"transversal_skills", text_array(d.transversal_skills)},
                   {"rome_skills", text_array(d.rome_skills)},
                   {"jobs", text_array(d.jobs)},
                   {"criteria", text_array(criteria)},
                   {"comment", d.comment}};
  // The engine's answer at the day of the interview, with the directory around the residence.
  Advice a = advise(d, birth_date, d.made_on);
  std::optional<orientation::Nearby> near;
  if (auto place = directory::place_of_commune(d.commune_code, referentials::communes()))
    near = orientation::nearby(ctx.tx, live, a.orientation, *place);
  out["recommendations"] = orientation::orientation_json(a.orientation, near ? &*near : nullptr);
  json::array eligibility;
  auto made = *orientation::parse_date(d.made_on);
  for (const auto& e : a.eligibility) eligibility.push_back(orientation::eligibility_json(e, made));
  out["eligibility"] = std::move(eligibility);
  return out;
}

std::vector<std::string> strings_of(const json::object& body, const char* field, Validator& errors) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_array()) {
    errors.add(field, "Une liste de textes est attendue.");
    return out;
  }
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) {
      errors.add(field, "Une liste de textes est attendue.");
      return {};
    }
    out.emplace_back(v.as_string());
  }
  return out;
}

// Reads a new diagnosis. The age comes from the person's birth date: "age" and "birth_date" are
// refused in the situation. A barrier that is also a fact (data/barriers.csv, column fact) sets it.
Diagnosis read_body(Ctx& ctx, Validator& errors) {
  auto body = body_object(ctx.req);
  Diagnosis d;
  d.made_on = get_string(body, "made_on");
  d.commune_code = get_string(body, "commune_code");
  d.comment = get_string(body, "comment");
  auto today = *orientation::parse_date(ctx.today());
  auto it = body.find("situation");
  if (it != body.end() && it->value().is_object())
    for (const char* k : {"age", "birth_date"})
      if (it->value().as_object().contains(k))
        errors.add(std::string("situation.") + k, "L'âge se calcule depuis la date de naissance de la fiche : ne le donnez pas ici.");
  if (errors.ok()) {
    json::value empty = json::object{};
    d.situation = orientation::pub::situation_from_json(it != body.end() ? &it->value() : &empty, today, errors);
  }
  if (auto b = body.find("barriers"); b != body.end() && !b->value().is_null()) {
    if (!b->value().is_object()) {
      errors.add("barriers", "Un objet { code du frein : sévérité } est attendu.");
    } else {
      for (const auto& [code, value] : b->value().as_object()) {
        std::string field = "barriers." + std::string(code);
        auto severity = value.is_string() ? orientation::parse_severity(std::string(value.as_string())) : std::nullopt;
        const auto* barrier = referentials::barriers().find(std::string(code));
        if (!barrier) errors.add(field, "Frein inconnu.");
        else if (!severity) errors.add(field, "Sévérité attendue : none, light, strong ou blocking.");
        else {
          if (*severity != orientation::Severity::none) d.situation.barriers[std::string(code)] = *severity;
          if (!barrier->fact.empty()) orientation::set_declared(d.situation, barrier->fact, std::string(value.as_string()));
        }
      }
    }
  }
  d.transversal_skills = strings_of(body, "transversal_skills", errors);
  d.rome_skills = strings_of(body, "rome_skills", errors);
  d.jobs = strings_of(body, "jobs", errors);
  for (const auto& c : strings_of(body, "criteria", errors)) d.situation.declared_criteria.insert(c);
  return d;
}

// The API's name of a field diagnosis::validate names as the form does.
std::string api_field(const std::string& field) {
  if (field.rfind("barrier_", 0) == 0) return "barriers." + field.substr(8);
  if (field == "resource_since" || field == "jobseeker_since") return "situation." + field;
  if (field == "skills") return "rome_skills";
  return field;
}

Response list(Ctx& ctx) {
  auto p = people::require(ctx, ctx.id("person"), Action::read, "diagnosis-list");
  json::array items;
  for (const auto& s : store::history(ctx.tx, p.id)) items.push_back(summary_json(s));
  return items_response(std::move(items));
}

Response get(Ctx& ctx, const directory::Live& live) {
  auto p = people::require(ctx, ctx.id("person"), Action::read, "diagnosis-read");
  auto d = store::find(ctx.tx, p.id, ctx.id("diagnosis"));
  if (!d) throw NotFound("Ce diagnostic n'existe pas.");
  return json_response(diagnosis_json(ctx, live, *d, p.birth_date));
}

Response create_one(Ctx& ctx, const directory::Live& live) {
  auto p = people::check(ctx, ctx.id("person"), Action::write, "diagnosis-create");
  // Every fault at once: those of the body's shape, then those of the values.
  Validator errors;
  Diagnosis d = read_body(ctx, errors);
  try {
    validate(d, p.birth_date, ctx.today(), criterion_codes(ctx.today()));
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields())
      if (!errors.has(api_field(f.field))) errors.add(api_field(f.field), f.message);
  }
  errors.throw_if_any();
  long long id = create(ctx.tx, p, ctx.org(), ctx.who.user_id, d, ctx.today(), ctx.who.token_id);
  people::audit(ctx, p.id, "diagnosis-create", "diagnostic n° " + std::to_string(id));
  return json_response(diagnosis_json(ctx, live, *store::find(ctx.tx, p.id, id), p.birth_date), 201);
}

std::string input_schema() {
  json::object barriers{{"type", "object"},
                        {"description", "freins (codes de data/barriers.csv) et leur sévérité"},
                        {"additionalProperties", {{"type", "string"}, {"enum", json::array{"none", "light", "strong", "blocking"}}}}};
  json::object situation = orientation::situation_schema();
  situation["properties"].as_object().erase("age");
  situation["properties"].as_object().erase("birth_date");
  json::object list{{"type", "array"}, {"items", {{"type", "string"}}}};
  json::object in{{"type", "object"},
                  {"required", json::array{"made_on"}},
                  {"properties",
                   {{"made_on", {{"type", "string"}, {"format", "date"}, {"description", "date de l'entretien"}}},
                    {"commune_code", {{"type", "string"}, {"description", "commune de résidence (code INSEE)"}}},
                    {"situation", std::move(situation)},
                    {"barriers", std::move(barriers)},
                    {"transversal_skills", list},
                    {"rome_skills", list},
                    {"jobs", list},
                    {"criteria", list},
                    {"comment", {{"type", "string"}}}}}};
  return json::serialize(in);
}

const char* kDiagnosisSchema =
    R"J({"type":"object","required":["id","made_on","situation","recommendations","eligibility"],"properties":{"id":{"type":"integer"},"person_id":{"type":"integer"},"made_on":{"type":"string","format":"date"},"created_at":{"type":"string"},"organisation":{"type":"string"},"author":{"type":"string"},"author_kind":{"type":"string","enum":["prescriber","employer","other"]},"commune_code":{"type":"string"},"situation":{"type":"object"},"barriers":{"type":"object"},"transversal_skills":{"type":"array","items":{"type":"string"}},"rome_skills":{"type":"array","items":{"type":"string"}},"jobs":{"type":"array","items":{"type":"string"}},"criteria":{"type":"array","items":{"type":"string"}},"comment":{"type":"string"},"recommendations":{"type":"object","properties":{"referent":{"type":"object","nullable":true},"schemes":{"type":"array","items":{"type":"object"}},"difficulties":{"type":"array","items":{"type":"object"}}}},"eligibility":{"type":"array","items":{"type":"object"}}}})J";

}  // namespace

void add_api_routes(Router& router, const directory::Live& live) {
  const std::string base = "/api/v1/organisations/{org}/people/{person}/diagnoses";
  people::add_person_route(router, {Method::get, base, "api.diagnosis.list", Access::member, Kind::api, list, nullptr,
                                    {"Diagnostics de la personne, du plus récent au plus ancien (accès journalisé)", "Diagnostics", "",
                                     R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"made_on":{"type":"string","format":"date"},"organisation":{"type":"string"},"author":{"type":"string"},"author_kind":{"type":"string"},"barriers":{"type":"integer"}}}}}})J"}});
  people::add_person_route(router, {Method::post, base, "api.diagnosis.create", Access::member, Kind::api,
                                    [&live](Ctx& c) { return create_one(c, live); }, nullptr,
                                    {"Enregistrer un nouveau diagnostic (les précédents sont conservés) ; la réponse porte les recommandations",
                                     "Diagnostics", input_schema(), kDiagnosisSchema, 201}});
  people::add_person_route(router, {Method::get, base + "/{diagnosis}", "api.diagnosis.get", Access::member, Kind::api,
                                    [&live](Ctx& c) { return get(c, live); }, nullptr,
                                    {"Un diagnostic et les recommandations du moteur : référent, dispositifs, freins et services proches, éligibilité IAE par type de structure",
                                     "Diagnostics", "", kDiagnosisSchema}});
}

}  // namespace jalon::diagnosis
