#include "jobs/demo.h"

#include <random>

#include "accounts/store.h"
#include "diagnosis/store.h"
#include "jobs/actions.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

namespace {

struct DemoOffer {
  const char* org;
  const char* job;  // words of a ROME job title, the first title found is taken
  const char* title;
  const char* commune;
  Contract contract;
  int months;  // 0: none
  double hours;
  int positions;
  bool licence, accessible, iae;
  const char* description;
};

const DemoOffer kOffers[] = {
    {"aci-jardins", "maraicher", "Ouvrier·ère maraîcher·ère en chantier d'insertion", "86041", Contract::insertion, 6, 26, 4, false, true, true,
     "Culture de légumes biologiques, préparation des paniers, vente au marché. Accompagnement socioprofessionnel chaque semaine."},
    {"aci-jardins", "agent d'entretien des espaces verts", "Agent·e d'entretien des espaces verts", "86041", Contract::insertion, 4, 26, 2, false,
     false, true, "Tonte, taille, débroussaillage sur les sites de la commune et de ses partenaires."},
    {"ai-vienne", "agent de proprete", "Agent·e de propreté en mise à disposition", "86137", Contract::insertion, 3, 20, 5, false, true, true,
     "Missions de ménage chez des particuliers et dans des bureaux, près de Jaunay-Marigny."},
    {"ei-recyclerie", "valoriste", "Valoriste en recyclerie", "86066", Contract::insertion, 6, 30, 2, false, true, true,
     "Tri, nettoyage et remise en vente d'objets de réemploi ; accueil des dépôts."},
    {"ei-recyclerie", "vendeur en magasin", "Vendeur·euse en boutique solidaire", "86066", Contract::insertion, 6, 24, 1, false, true, true,
     "Mise en rayon, conseil aux clients, caisse."},
    {"etti", "cariste", "Cariste (CACES 3) en intérim d'insertion", "86194", Contract::interim, 2, 35, 3, false, false, true,
     "Chargement et déchargement de camions, réception de marchandises, zone industrielle de la République."},
    {"etti", "manutentionnaire", "Manutentionnaire en plateforme logistique", "86194", Contract::interim, 1, 35, 6, false, false, true,
     "Préparation de commandes, colisage. Horaires d'équipe."},
    {"eiti", "coursier", "Coursier·ère à vélo", "86194", Contract::insertion, 4, 20, 3, false, false, true,
     "Livraisons en centre-ville à vélo cargo ; formation à la sécurité routière."},
    {"geiq-btp", "macon", "Maçon·ne en contrat de professionnalisation", "86158", Contract::professionalisation, 12, 35, 2, true, false,
     false, "Parcours qualifiant de douze mois alternant chantier et centre de formation, avec un tuteur."},
    {"geiq-btp", "peintre en batiment", "Peintre en bâtiment en alternance", "86158", Contract::professionalisation, 12, 35, 1, true, false,
     false, "Préparation des supports, peinture, pose de revêtements."},
    {"boulangerie", "boulanger", "Boulanger·ère", "86177", Contract::cdi, 0, 35, 1, false, false, false,
     "Fabrication du pain et des viennoiseries, travail de nuit et le week-end."},
    {"boulangerie", "vendeur en boulangerie", "Vendeur·euse en boulangerie", "86177", Contract::cdd, 6, 28, 1, false, true, false,
     "Vente, mise en place de la boutique, encaissement."},
    {"boulangerie", "boulanger", "Apprenti·e boulanger·ère", "86177", Contract::apprenticeship, 24, 35, 1, false, false, false,
     "CAP boulanger en alternance avec le CFA."},
};

}  // namespace

DemoCounts load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today) {
  DemoCounts n;
  const auto& rome = referentials::rome();
  std::vector<std::uint32_t> titles;
  for (const auto& d : kOffers) {
    auto it = org_of_slug.find(d.org);
    auto found = rome.search(d.job, 1);
    if (it == org_of_slug.end() || found.empty()) continue;
    JobOffer o;
    o.job_title = found.front()->code;
    o.title = d.title;
    o.description = d.description;
    o.commune_code = d.commune;
    o.contract = d.contract;
    if (d.months) o.contract_months = d.months;
    o.hours = d.hours;
    o.positions = d.positions;
    o.licence_required = d.licence;
    o.disability_accessible = d.accessible;
    o.iae_reserved = d.iae;
    int k = 0;
    for (const auto& s : rome.skills(*found.front()->occupation)) {
      if (k >= 5) break;
      o.skills.push_back({s.skill->code, k < 2});
      ++k;
    }
    std::sort(o.skills.begin(), o.skills.end(), [](const SkillAsked& a, const SkillAsked& b) { return a.code < b.code; });
    publish(tx, it->second, 0, o);
    titles.push_back(o.job_title);
    ++n.offers;
  }
  if (titles.empty()) return n;
  // People of the Mission Locale and France Travail looking for these jobs: a diagnosis naming
  // one or two of them and some of their skills, and a profile (two in three of those who consent shown to employers).
  std::mt19937 rng(20261128);
  for (const char* slug : {"ml-poitou", "ft-poitiers", "ft-chatellerault"}) {
    auto org = org_of_slug.find(slug);
    auto author = accounts::store::find_user_by_email(tx, std::string("conseil.") + slug + "@jalon-demo.fr");
    if (org == org_of_slug.end() || !author) continue;
    people::store::Query q;
    q.limit = 12;
    for (const auto& row : people::store::search(tx, org->second, q)) {
      auto person = people::store::find(tx, row.id);
      if (!person || diagnosis::store::current(tx, row.id)) continue;
      diagnosis::Diagnosis d;
      d.person_id = row.id;
      d.organisation_id = org->second;
      d.author_id = author->id;
      d.author_kind = diagnosis::AuthorKind::prescriber;
      d.made_on = today;
      d.commune_code = person->commune_code;
      d.comment = "Diagnostic de démonstration.";
      std::uint32_t job = titles[rng() % titles.size()];
      d.jobs.push_back(std::to_string(job));
      int k = 0;
      for (const auto& s : rome.skills(*rome.job_title(job)->occupation))
        if (k++ < 4 && rng() % 2) d.rome_skills.push_back(std::to_string(s.skill->code));
      d.situation.licence = rng() % 3 != 0;
      d.situation.vehicle = *d.situation.licence && rng() % 2;
      d.situation.jobseeker = true;
      d.situation.jobseeker_since = std::to_string(std::stoi(today.substr(0, 4)) - 1 - static_cast<int>(rng() % 2)) + today.substr(4);
      diagnosis::store::insert(tx, d);
      JobProfile p;
      p.person_id = row.id;
      p.shown_to_employers = person->consent_sharing && rng() % 3 != 0;  // only with consent
      save_profile(tx, *person, p, org->second, author->id);
      ++n.profiles;
    }
  }
  return n;
}

}  // namespace jalon::jobs
