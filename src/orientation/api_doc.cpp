#include "orientation/api_doc.h"

#include <boost/json.hpp>

#include "orientation/model.h"
#include "orientation/public.h"
#include "orientation/situation_input.h"
#include "referentials/barriers.h"

namespace jalon::orientation {

namespace json = boost::json;

namespace {

// The examples: each request as a client would send it, and the engine's real answer to it on
// the demo directory (jalon serve --demo) on the date it gives. Regenerate the answers when the
// rules or the demo change; tests/orientation/public_api_test.cpp fails until they agree.
constexpr const char* kFirstContactRequestExample = R"J({})J";
constexpr const char* kFirstContactResponseExample = R"J({})J";
constexpr const char* kIaeRequestExample = R"J({})J";
constexpr const char* kIaeResponseExample = R"J({})J";

json::object str(const char* description = nullptr) {
  json::object o{{"type", "string"}};
  if (description) o["description"] = description;
  return o;
}

json::object reason_schema() {
  return {{"type", "object"},
          {"description", "Pourquoi : la règle appliquée (fichier de data/rules, source, date d'effet) et les faits qu'elle a lus"},
          {"properties",
           {{"rule", str("identifiant de la règle")},
            {"where", str("fichier:ligne de la règle")},
            {"source", str("le texte sur lequel elle s'appuie")},
            {"effective", {{"type", "string"}, {"format", "date"}}},
            {"text", str("explication en français")},
            {"facts", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

// The facts of a situation, from the catalogue: what a person or a counsellor can say of it.
json::object situation_schema() {
  json::object props;
  auto date = [](const char* description) {
    return json::object{{"type", "string"}, {"format", "date"}, {"description", description}};
  };
  props["birth_date"] = date("date de naissance (l'âge en est calculé ; prioritaire sur age)");
  props["jobseeker_since"] = date("inscrit comme demandeur d'emploi depuis (la durée en est calculée)");
  props["resource_since"] = date("ressources perçues depuis");
  for (const auto& f : fact_catalogue()) {
    if (!settable(f)) continue;
    json::object p{{"description", std::string(f.label)}};
    if (f.kind == FactKind::boolean) {
      p["type"] = "boolean";
    } else if (f.kind == FactKind::number) {
      p["type"] = "integer";
      p["minimum"] = pub::kMinAge;
      p["maximum"] = pub::kMaxAge;
    } else {
      p["type"] = "string";
      json::array values;
      for (auto v : f.values) values.emplace_back(v);
      p["enum"] = std::move(values);
    }
    props[f.name] = std::move(p);
  }
  return {{"type", "object"},
          {"description", "La situation : chaque champ est facultatif (un fait absent est inconnu), sauf l'âge ou la date de naissance"},
          {"additionalProperties", false},
          {"properties", std::move(props)}};
}

json::object place_schema() {
  return {{"type", "object"},
          {"properties",
           {{"structure_id", {{"type", "integer"}}},
            {"structure", str("nom de la structure")},
            {"typology", str("typologie data·inclusion v0 de la structure")},
            {"service_id", {{"type", "integer"}}},
            {"service", str("nom du service")},
            {"address", str()},
            {"phone", str()},
            {"distance_km", {{"type", "number"}}},
            {"link", str("page publique de l'annuaire")}}}};
}

json::object array_of(json::object items) { return {{"type", "array"}, {"items", std::move(items)}}; }

std::string text(const json::object& o) { return json::serialize(o); }

}  // namespace

http::ApiDoc first_contact_doc() {
  json::array barrier_codes;
  for (const auto& b : referentials::barriers().all()) barrier_codes.emplace_back(b.code);
  json::object request{
      {"type", "object"},
      {"required", json::array{"situation"}},
      {"properties",
       {{"situation", situation_schema()},
        {"place", str("commune telle qu'une personne l'écrit : nom ou code postal (requis sans commune_code ni postal_code)")},
        {"commune_code", str("code INSEE de la commune")},
        {"postal_code", str("code postal")},
        {"difficulties", {{"type", "array"}, {"description", "principales difficultés (data/barriers.csv)"},
                          {"items", {{"type", "string"}, {"enum", std::move(barrier_codes)}}}}}}}};
  json::object referent{{"type", "object"},
                        {"nullable", true},
                        {"properties",
                         {{"code", str("typologie data·inclusion de l'organisme référent, ou none")},
                          {"label", str()},
                          {"reason", reason_schema()},
                          {"nearest", array_of(place_schema())},
                          {"radius_km", {{"type", "number"}}}}}};
  json::object response{
      {"type", "object"},
      {"required", json::array{"date", "place", "referent", "schemes", "difficulties", "faq"}},
      {"properties",
       {{"date", {{"type", "string"}, {"format", "date"}}},
        {"place", {{"type", "object"}, {"properties", {{"label", str()}, {"commune_code", str()}}}}},
        {"referent", std::move(referent)},
        {"schemes", array_of({{"type", "object"}, {"properties", {{"code", str()}, {"label", str()}, {"reason", reason_schema()}}}})},
        {"difficulties",
         array_of({{"type", "object"},
                   {"properties",
                    {{"code", str()},
                     {"label", str()},
                     {"thematics", array_of(str())},
                     {"solutions", array_of({{"type", "object"},
                                             {"properties", {{"text", str()}, {"actors", array_of(str())}, {"reason", reason_schema()}}}})},
                     {"nearest", array_of(place_schema())},
                     {"radius_km", {{"type", "number"}}}}}})},
        {"faq", array_of({{"type", "object"},
                          {"properties",
                           {{"id", str()}, {"question", str()}, {"answer", str()}, {"note", str()}, {"source", str()}}}})}}}};
  http::ApiDoc doc{"Par où commencer ? Qui contacter en premier, près de chez soi (sans connexion, rien n'est enregistré)",
                   "Orientation", text(request), text(response)};
  doc.request_example = kFirstContactRequestExample;
  doc.response_example = kFirstContactResponseExample;
  return doc;
}

http::ApiDoc iae_eligibility_doc() {
  json::object request{
      {"type", "object"},
      {"required", json::array{"situation", "kind", "author"}},
      {"properties",
       {{"situation", situation_schema()},
        {"kind", {{"type", "string"}, {"enum", json::array{"aci", "ai", "ei", "etti", "eiti"}}, {"description", "type de SIAE"}}},
        {"author",
         {{"type", "string"}, {"enum", json::array{"prescriber", "employer"}}, {"description", "prescripteur habilité ou employeur"}}},
        {"criteria", {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", "critères cochés par l'auteur (codes de data/rules/iae.rules)"}}},
        {"prescriber_assessment",
         {{"type", "boolean"}, {"description", "le prescripteur habilité valide sur sa propre appréciation"}}}}}};
  json::object criterion{{"type", "object"},
                         {"properties",
                          {{"code", str()},
                           {"label", str()},
                           {"level", {{"type", "integer"}}},
                           {"basis", {{"type", "string"}, {"enum", json::array{"derived", "profile", "ticked"}}}},
                           {"proof", str("justificatif à réunir")},
                           {"reason", reason_schema()}}}};
  json::object response{
      {"type", "object"},
      {"required", json::array{"date", "kind", "author", "eligible", "level1", "level2", "to_check", "rejected", "proofs", "validity"}},
      {"properties",
       {{"date", {{"type", "string"}, {"format", "date"}}},
        {"kind", str()},
        {"author", str()},
        {"eligible", {{"type", "boolean"}}},
        {"by_assessment", {{"type", "boolean"}}},
        {"level1", array_of(criterion)},
        {"level2", array_of(criterion)},
        {"level2_required", {{"type", "integer"}}},
        {"level2_missing", {{"type", "integer"}}},
        {"missing", str()},
        {"to_check", array_of({{"type", "object"}, {"properties", {{"code", str()}, {"label", str()}, {"level", {{"type", "integer"}}}}}})},
        {"rejected", array_of({{"type", "object"},
                               {"properties", {{"code", str()}, {"label", str()}, {"why", str()}, {"reason", reason_schema()}}}})},
        {"proofs", array_of(str())},
        {"requirement", reason_schema()},
        {"validity",
         {{"type", "object"},
          {"properties",
           {{"valid_until", {{"type", "string"}, {"format", "date"}}},
            {"scope", {{"type", "string"}, {"enum", json::array{"all", "same-employer"}}}},
            {"reason", reason_schema()}}}}}}}};
  http::ApiDoc doc{"Simuler l'éligibilité administrative à l'IAE pour un type de structure (sans connexion, rien n'est enregistré)",
                   "Orientation", text(request), text(response)};
  doc.request_example = kIaeRequestExample;
  doc.response_example = kIaeResponseExample;
  return doc;
}

}  // namespace jalon::orientation
