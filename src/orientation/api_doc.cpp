#include "orientation/api_doc.h"

#include <boost/json.hpp>

#include "orientation/model.h"
#include "orientation/public.h"
#include "referentials/barriers.h"

namespace jalon::orientation {

namespace json = boost::json;

namespace {

// The examples: each request as a client would send it, and the engine's real answer to it on
// the demo directory (jalon serve --demo) on the date it gives. Regenerate the answers when the
// rules or the demo change; tests/orientation/public_api_test.cpp fails until they agree.
constexpr const char* kFirstContactRequestExample = R"J({
  "situation": {
    "birth_date": "2007-05-14",
    "jobseeker": false,
    "qualification": "infra3"
  },
  "place": "86000",
  "difficulties": [
    "mobilite"
  ]
})J";
constexpr const char* kFirstContactResponseExample = R"J({
  "date": "2026-11-28",
  "place": {
    "label": "86000 Poitiers",
    "commune_code": "86194"
  },
  "referent": {
    "code": "ML",
    "label": "Mission Locale",
    "reason": {
      "rule": "mission-locale",
      "where": "referent.rules:11",
      "source": "DOMAIN.md § Actors; seed FAQ (un jeune sans emploi → Mission Locale)",
      "effective": "2025-01-01",
      "text": "Jeune de 16 à 25 ans : la Mission Locale est référente, inscription automatique à France Travail.",
      "facts": [
        "âge : 19 ans (calculé depuis la date de naissance)"
      ]
    },
    "nearest": [
      {
        "structure_id": 3,
        "structure": "Mission Locale d'Insertion du Poitou",
        "typology": "ML",
        "service_id": 6,
        "service": "Contrat d'engagement jeune (CEJ)",
        "address": "38 rue du Faubourg du Pont-Neuf, 86000 Poitiers",
        "phone": "0549000001",
        "distance_km": 0.64,
        "link": "/annuaire/structures/3#service-6"
      }
    ],
    "radius_km": 20.0
  },
  "schemes": [
    {
      "code": "cej",
      "label": "Contrat d'engagement jeune (CEJ)",
      "reason": {
        "rule": "cej-jeune",
        "where": "schemes.rules:18",
        "source": "DOMAIN.md § Actors (CEJ)",
        "effective": "2022-03-01",
        "text": "Jeune de 16 à 25 ans : programme intensif du CEJ.",
        "facts": [
          "âge : 19 ans (calculé depuis la date de naissance)"
        ]
      }
    },
    {
      "code": "e2c",
      "label": "École de la 2e Chance (E2C)",
      "reason": {
        "rule": "e2c-sans-qualif",
        "where": "schemes.rules:20",
        "source": "seed: E2C",
        "effective": "2022-03-01",
        "text": "Jeune sans qualification : l'École de la 2e Chance.",
        "facts": [
          "âge : 19 ans (calculé depuis la date de naissance)",
          "niveau de qualification : Aucun diplôme ou brevet des collèges (infra 3)"
        ]
      }
    },
    {
      "code": "apprentissage",
      "label": "Contrat d'apprentissage (CFA)",
      "reason": {
        "rule": "apprentissage-jeune",
        "where": "schemes.rules:21",
        "source": "seed: CFA",
        "effective": "2022-03-01",
        "text": "De 16 à 29 ans : apprentissage en CFA.",
        "facts": [
          "âge : 19 ans (calculé depuis la date de naissance)"
        ]
      }
    },
    {
      "code": "professionnalisation",
      "label": "Contrat de professionnalisation",
      "reason": {
        "rule": "pro-jeune",
        "where": "schemes.rules:23",
        "source": "seed schemes",
        "effective": "2022-03-01",
        "text": "De 16 à 25 ans : contrat de professionnalisation.",
        "facts": [
          "âge : 19 ans (calculé depuis la date de naissance)"
        ]
      }
    },
    {
      "code": "parrainage",
      "label": "Parrainage, mentorat",
      "reason": {
        "rule": "parrainage-jeune",
        "where": "schemes.rules:30",
        "source": "seed: mentoring",
        "effective": "2022-03-01",
        "text": "Jeune : un parrain ou une marraine pour le réseau professionnel.",
        "facts": [
          "âge : 19 ans (calculé depuis la date de naissance)"
        ]
      }
    },
    {
      "code": "accompagnement-mobilite",
      "label": "Accompagnement social : mobilité",
      "reason": {
        "rule": "mobilite-difficulte",
        "where": "schemes.rules:35",
        "source": "seed: barrier table",
        "effective": "2022-03-01",
        "text": "Absence de mobilité : aides au transport, permis à coût réduit.",
        "facts": [
          "difficulté de mobilité : Forte"
        ]
      }
    }
  ],
  "difficulties": [
    {
      "code": "mobilite",
      "label": "Absence de mobilité",
      "thematics": [
        "mobilite--acceder-a-un-vehicule",
        "mobilite--entretenir-reparer-son-vehicule",
        "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        "mobilite--financer-ma-mobilite",
        "mobilite--mobilite-douce-partagee-collective",
        "mobilite--preparer-un-permis"
      ],
      "solutions": [
        {
          "text": "Permis à coût réduit, aides au transport",
          "actors": [
            "ML",
            "ASSO"
          ],
          "reason": {
            "rule": "mobilite",
            "where": "barriers.rules:6",
            "source": "seed: barrier table",
            "effective": "2022-03-01",
            "text": "Permis à coût réduit, aides au transport",
            "facts": [
              "frein : Absence de mobilité"
            ]
          }
        }
      ],
      "nearest": [
        {
          "structure_id": 10,
          "structure": "Mobilité Solidaire 86 – plateforme de mobilité",
          "typology": "ASSO",
          "service_id": 18,
          "service": "Auto-école sociale",
          "address": "22 rue Carnot, 86000 Poitiers",
          "phone": "0549000008",
          "distance_km": 1.01,
          "link": "/annuaire/structures/10#service-18"
        },
        {
          "structure_id": 1,
          "structure": "France Travail Poitiers Couronneries",
          "typology": "FT",
          "service_id": 3,
          "service": "Aide au permis de conduire",
          "address": "12 rue des Couronneries, 86000 Poitiers",
          "phone": "0549000030",
          "distance_km": 1.44,
          "link": "/annuaire/structures/1#service-3"
        }
      ],
      "radius_km": 20.0
    }
  ],
  "faq": [
    {
      "id": "jeune-sans-emploi",
      "question": "Quelles structures contacter en priorité pour un jeune sans emploi ?",
      "answer": "La Mission Locale est le premier interlocuteur adapté pour un accompagnement global du jeune de 16 à 25 ans, alliant social et professionnel.",
      "note": "",
      "source": "seed: FAQ"
    },
    {
      "id": "se-qualifier",
      "question": "Comment accéder aux formations adaptées pour se qualifier rapidement ?",
      "answer": "L’AFPA, les CFA et l’Ecole de la Deuxième Chance proposent des parcours adaptés, accessibles via Pôle Emploi ou par inscription directe.",
      "note": "Pôle emploi s’appelle France Travail depuis le 1er janvier 2024.",
      "source": "seed: FAQ"
    },
    {
      "id": "competences-transversales",
      "question": "Quelle est l’importance des compétences transversales dans l’insertion ?",
      "answer": "Essentielles, elles incluent la gestion du temps, la communication, et la Compétence 10, qui facilite l’adaptation et la persévérance en emploi.",
      "note": "",
      "source": "seed: FAQ"
    },
    {
      "id": "freins",
      "question": "Quels sont les principaux freins à surveiller lors d’un parcours d’insertion ?",
      "answer": "Le déficit de qualification, le logement instable, l’absence de mobilité, les problèmes de santé et l’isolement social sont des obstacles majeurs nécessitant un accompagnement adapté.",
      "note": "",
      "source": "seed: FAQ"
    }
  ]
})J";
constexpr const char* kIaeRequestExample = R"J({
  "situation": {
    "birth_date": "1972-03-08",
    "jobseeker_since": "2025-06-02",
    "qualification": "3",
    "housing": "hosted",
    "mobility": "strong"
  },
  "kind": "aci",
  "author": "prescriber",
  "criteria": [
    "qpv"
  ]
})J";
constexpr const char* kIaeResponseExample = R"J({
  "date": "2026-11-28",
  "kind": "aci",
  "author": "prescriber",
  "eligible": true,
  "by_assessment": false,
  "level1": [],
  "level2": [
    {
      "code": "niveau-3-ou-infra",
      "label": "Niveau de qualification 3 (CAP, BEP) ou infra",
      "level": 2,
      "basis": "profile",
      "proof": "Attestation sur l'honneur ou copie du diplôme le plus élevé",
      "reason": {
        "rule": "niveau-3-ou-infra",
        "where": "iae.rules:9",
        "source": "DOMAIN.md § IAE, level 2",
        "effective": "2021-09-01",
        "text": "Niveau de qualification 3 (CAP, BEP) ou infra",
        "facts": [
          "niveau de qualification : Niveau 3 : CAP, BEP"
        ]
      }
    },
    {
      "code": "senior",
      "label": "50 ans ou plus",
      "level": 2,
      "basis": "derived",
      "proof": "Pièce d'identité",
      "reason": {
        "rule": "senior",
        "where": "iae.rules:10",
        "source": "DOMAIN.md § IAE, level 2",
        "effective": "2021-09-01",
        "text": "50 ans ou plus",
        "facts": [
          "âge : 54 ans (calculé depuis la date de naissance)"
        ]
      }
    },
    {
      "code": "deld",
      "label": "Demandeur d'emploi depuis 12 à 24 mois",
      "level": 2,
      "basis": "derived",
      "proof": "Relevé de situation France Travail (historique d'inscription)",
      "reason": {
        "rule": "deld",
        "where": "iae.rules:13",
        "source": "DOMAIN.md § IAE, level 2",
        "effective": "2021-09-01",
        "text": "Demandeur d'emploi depuis 12 à 24 mois",
        "facts": [
          "inscrit comme demandeur d'emploi depuis 17 mois (calculé depuis le 02/06/2025)"
        ]
      }
    },
    {
      "code": "qpv",
      "label": "Résident d'un quartier prioritaire (QPV)",
      "level": 2,
      "basis": "ticked",
      "proof": "Justificatif de domicile",
      "reason": {
        "rule": "qpv",
        "where": "iae.rules:19",
        "source": "DOMAIN.md § IAE, level 2",
        "effective": "2021-09-01",
        "text": "Résident d'un quartier prioritaire (QPV)",
        "facts": [
          "coché par l'auteur du diagnostic"
        ]
      }
    },
    {
      "code": "mobilite",
      "label": "Problème de mobilité",
      "level": 2,
      "basis": "profile",
      "proof": "Attestation du prescripteur ou sur l'honneur",
      "reason": {
        "rule": "mobilite",
        "where": "iae.rules:22",
        "source": "DOMAIN.md § IAE, level 2",
        "effective": "2021-09-01",
        "text": "Problème de mobilité",
        "facts": [
          "difficulté de mobilité : Forte"
        ]
      }
    }
  ],
  "level2_required": 3,
  "level2_missing": 0,
  "missing": "",
  "to_check": [
    {
      "code": "rsa",
      "label": "Bénéficiaire du RSA",
      "level": 1
    },
    {
      "code": "ass",
      "label": "Allocataire de l'ASS",
      "level": 1
    },
    {
      "code": "aah",
      "label": "Allocataire de l'AAH",
      "level": 1
    },
    {
      "code": "ase",
      "label": "Sortant de l'aide sociale à l'enfance",
      "level": 2
    },
    {
      "code": "th",
      "label": "Travailleur handicapé reconnu",
      "level": 2
    },
    {
      "code": "parent-isole",
      "label": "Parent isolé",
      "level": 2
    },
    {
      "code": "refugie",
      "label": "Réfugié, protection subsidiaire ou temporaire, ou demandeur d'asile",
      "level": 2
    },
    {
      "code": "zrr",
      "label": "Résident en zone de revitalisation rurale (ZRR/FRR)",
      "level": 2
    },
    {
      "code": "justice",
      "label": "Sortant de détention ou placé sous main de justice",
      "level": 2
    },
    {
      "code": "francais-infra-a1",
      "label": "Maîtrise du français inférieure au niveau A1",
      "level": 2
    }
  ],
  "rejected": [],
  "proofs": [
    "Attestation sur l'honneur ou copie du diplôme le plus élevé",
    "Pièce d'identité",
    "Relevé de situation France Travail (historique d'inscription)",
    "Justificatif de domicile",
    "Attestation du prescripteur ou sur l'honneur"
  ],
  "requirement": {
    "rule": "aci",
    "where": "iae.rules:25",
    "source": "DOMAIN.md § IAE",
    "effective": "2021-09-01",
    "text": "3 critères de niveau 2 requis en ACI sans critère de niveau 1",
    "facts": []
  },
  "validity": {
    "valid_until": "2027-05-27",
    "scope": "all",
    "reason": {
      "rule": "prescriber",
      "where": "iae.rules:36",
      "source": "DOMAIN.md § IAE (prescriber diagnosis: 6 months, every SIAE)",
      "effective": "2021-09-01",
      "text": "Diagnostic valable jusqu'au 2027-05-27 pour toutes les SIAE",
      "facts": []
    }
  }
})J";

json::object str(const char* description = nullptr) {
  json::object o{{"type", "string"}};
  if (description) o["description"] = description;
  return o;
}

json::object reason_schema() {
  return {{"type", "object"},
          {"description",
           "Pourquoi : la règle appliquée (fichier de data/rules, source, date d'effet) et les faits qu'elle a lus"},
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
  props["age"] = json::object{{"type", "integer"},
                              {"minimum", pub::kMinAge},
                              {"maximum", pub::kMaxAge},
                              {"description", "âge déclaré, quand la date de naissance n'est pas donnée"}};
  for (const auto& d : declared_facts()) {
    if (d.date) continue;
    const FactDef& f = *find_fact(d.name);
    json::object p{{"description", std::string(f.label)}};
    if (f.kind == FactKind::boolean) {
      p["type"] = "boolean";
    } else {
      p["type"] = "string";
      json::array values;
      for (auto v : f.values) values.emplace_back(v);
      p["enum"] = std::move(values);
    }
    props[f.name] = std::move(p);
  }
  return {
      {"type", "object"},
      {"description",
       "La situation : chaque champ est facultatif (un fait absent est inconnu), sauf l'âge ou la date de naissance"},
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

json::object array_of(json::object items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}

std::string text(const json::object& o) {
  return json::serialize(o);
}

}  // namespace

http::ApiDoc first_contact_doc() {
  json::array barrier_codes;
  for (const auto& b : referentials::barriers().all()) barrier_codes.emplace_back(b.code);
  json::object request{
      {"type", "object"},
      {"required", json::array{"situation"}},
      {"properties",
       {{"situation", situation_schema()},
        {"place",
         str("commune telle qu'une personne l'écrit : nom ou code postal (requis sans commune_code ni postal_code)")},
        {"commune_code", str("code INSEE de la commune")},
        {"postal_code", str("code postal")},
        {"difficulties",
         {{"type", "array"},
          {"description", "principales difficultés (data/barriers.csv)"},
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
        {"schemes", array_of({{"type", "object"},
                              {"properties", {{"code", str()}, {"label", str()}, {"reason", reason_schema()}}}})},
        {"difficulties",
         array_of({{"type", "object"},
                   {"properties",
                    {{"code", str()},
                     {"label", str()},
                     {"thematics", array_of(str())},
                     {"solutions",
                      array_of({{"type", "object"},
                                {"properties",
                                 {{"text", str()}, {"actors", array_of(str())}, {"reason", reason_schema()}}}})},
                     {"nearest", array_of(place_schema())},
                     {"radius_km", {{"type", "number"}}}}}})},
        {"faq",
         array_of({{"type", "object"},
                   {"properties",
                    {{"id", str()}, {"question", str()}, {"answer", str()}, {"note", str()}, {"source", str()}}}})}}}};
  http::ApiDoc doc{
      "Par où commencer ? Qui contacter en premier, près de chez soi (sans connexion, rien n'est enregistré)",
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
        {"kind",
         {{"type", "string"},
          {"enum", json::array{"aci", "ai", "ei", "etti", "eiti"}},
          {"description", "type de SIAE"}}},
        {"author",
         {{"type", "string"},
          {"enum", json::array{"prescriber", "employer"}},
          {"description", "prescripteur habilité ou employeur"}}},
        {"criteria",
         {{"type", "array"},
          {"items", {{"type", "string"}}},
          {"description", "critères cochés par l'auteur (codes de data/rules/iae.rules)"}}},
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
      {"required", json::array{"date", "kind", "author", "eligible", "level1", "level2", "to_check", "rejected",
                               "proofs", "validity"}},
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
        {"to_check", array_of({{"type", "object"},
                               {"properties", {{"code", str()}, {"label", str()}, {"level", {{"type", "integer"}}}}}})},
        {"rejected",
         array_of({{"type", "object"},
                   {"properties", {{"code", str()}, {"label", str()}, {"why", str()}, {"reason", reason_schema()}}}})},
        {"proofs", array_of(str())},
        {"requirement", reason_schema()},
        {"validity",
         {{"type", "object"},
          {"properties",
           {{"valid_until", {{"type", "string"}, {"format", "date"}}},
            {"scope", {{"type", "string"}, {"enum", json::array{"all", "same-employer"}}}},
            {"reason", reason_schema()}}}}}}}};
  http::ApiDoc doc{
      "Simuler l'éligibilité administrative à l'IAE pour un type de structure (sans connexion, rien n'est enregistré)",
      "Orientation", text(request), text(response)};
  doc.request_example = kIaeRequestExample;
  doc.response_example = kIaeResponseExample;
  return doc;
}

}  // namespace jalon::orientation
