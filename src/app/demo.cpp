#include "app/demo.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <stdexcept>
#include <vector>

#include "accounts/model.h"
#include "accounts/store.h"
#include "base/crypto.h"
#include "base/siret.h"
#include "directory/import.h"
#include "directory/store.h"
#include "jobs/application_demo.h"
#include "base/time.h"
#include "jobs/demo.h"
#include "jobs/match.h"
#include "orientation/rules.h"
#include "pathways/demo.h"
#include "people/rules.h"
#include "people/store.h"
#include "referentials/communes.h"
#include "space/demo.h"

namespace jalon::app {

namespace {

struct DemoOrg {
  const char* slug;
  const char* name;
  const char* kind;
  const char* commune;
  const char* admin_name;
  const char* member_name;  // nullptr: no second user
  bool member_is_social_worker;
};

// Names are invented; communes are real INSEE codes.
const std::vector<DemoOrg>& demo_orgs() {
  static const std::vector<DemoOrg> orgs = {
      {"ft-poitiers", "France Travail Poitiers Couronneries", "france_travail", "86194", "Nadia Benali", "Thomas Girard", false},
      {"ft-chatellerault", "France Travail Châtellerault", "france_travail", "86066", "Philippe Moreau", "Julie Roux", false},
      {"ml-poitou", "Mission Locale d'Insertion du Poitou", "mission_locale", "86194", "Sophie Martin", "Karim Haddad", false},
      {"ml-nord-vienne", "Mission Locale Nord Vienne", "mission_locale", "86066", "Laurent Petit", "Inès Lefèvre", false},
      {"cap-emploi", "Cap Emploi Vienne", "cap_emploi", "86194", "Isabelle Fontaine", "Marc Lambert", false},
      {"plie", "PLIE du Grand Poitiers", "plie", "86194", "Cécile Garnier", "Yann Morel", false},
      {"departement", "Département de la Vienne – Direction de l'insertion", "departement", "86194", "Hélène Rousseau", "Aurélie Mercier", true},
      {"ccas-chatellerault", "CCAS de Châtellerault", "ccas", "86066", "Bruno Chevalier", "Fatou Diallo", true},
      {"entraide", "Entraide Vienne Solidarité", "association", "86070", "Monique Blanc", "Jérôme Faure", false},
      {"aci-jardins", "Chantier d'insertion Les Jardins du Clain", "aci", "86041", "Olivier Henry", "Sandrine Perrin", false},
      {"ai-vienne", "Vienne Services, association intermédiaire", "ai", "86137", "Patrick Robin", nullptr, false},
      {"ei-recyclerie", "Recyclerie du Châtelleraudais", "ei", "86066", "Emma Gauthier", nullptr, false},
      {"etti", "Intérim Insertion 86", "etti", "86194", "Nicolas Dumont", nullptr, false},
      {"eiti", "Coursiers Solidaires du Poitou", "eiti", "86194", "Léa Bonnet", nullptr, false},
      {"geiq-btp", "GEIQ BTP Vienne", "geiq", "86158", "Antoine Lemoine", nullptr, false},
      {"cae", "Coopérative d'activités Poitou Entreprendre", "cae", "86194", "Claire Dupuis", nullptr, false},
      {"afpa", "Centre AFPA de Poitiers", "afpa", "86194", "Vincent Marchand", "Élodie Caron", false},
      {"cfa-btp", "CFA du BTP de la Vienne", "cfa", "86066", "Stéphane Colin", nullptr, false},
      {"e2c", "École de la 2e Chance de la Vienne", "e2c", "86194", "Amina Traoré", "Lucas Renaud", false},
      {"of-savoirs", "Savoirs Plus Formation", "organisme_formation", "86165", "Catherine Barbier", nullptr, false},
      {"boulangerie", "Boulangerie du Haut-Poitou", "employeur", "86177", "François Giraud", nullptr, false},
      {"ddets", "DDETS de la Vienne", "ddets", "86194", "Anne Lemaire", nullptr, false},
      {"dreets", "DREETS Nouvelle-Aquitaine", "dreets", "33063", "Pierre Meunier", nullptr, false},
      {"asp", "ASP – Direction régionale Nouvelle-Aquitaine", "asp", "87085", "Sylvie Roger", nullptr, false},
  };
  return orgs;
}

// A fictitious SIRET: "99" (no real SIREN starts so), the index, and the Luhn key.
std::string demo_siret(int index) { return siret::with_key(fmt::format("99{:03}000000{:02}", index, index % 100)); }

std::string admin_email(const DemoOrg& o) { return std::string("admin.") + o.slug + "@jalon-demo.fr"; }
std::string member_email(const DemoOrg& o) {
  return std::string(o.member_is_social_worker ? "social." : "conseil.") + o.slug + "@jalon-demo.fr";
}

}  // namespace

// A few hundred invented people spread over the département's communes, created by the
// organisations that accompany people, some of them shared (with consent) with a second one.
int load_demo_people(db::Tx& tx, const std::vector<long long>& org_ids) {
  static const char* firsts[] = {"Léa", "Lucas", "Emma", "Hugo", "Chloé", "Nathan", "Manon", "Enzo", "Inès", "Yanis", "Camille",
                                 "Mohamed", "Sarah", "Théo", "Jade", "Kevin", "Aïcha", "Julien", "Océane", "Mamadou", "Sophie",
                                 "Karim", "Nadia", "Dylan", "Fatou", "Bruno", "Sylvie", "Patrick", "Amandine", "Rémi"};
  static const char* lasts[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                                "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
                                "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
                                "Diallo", "Traoré", "Benali", "N'Diaye", "Nguyen", "Da Silva", "Boucher", "Gauthier", "Chevalier", "Perrin"};
  auto communes = referentials::communes().in_departement("86");
  std::mt19937 rng(20261128);  // fixed seed: the same people on every machine
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  int created = 0;
  for (int i = 0; i < 300; ++i) {
    people::Person p;
    std::size_t f = pick(std::size(firsts));
    p.first_name = firsts[f];
    p.last_name = lasts[pick(std::size(lasts))];
    int age = 16 + static_cast<int>(pick(45));
    p.birth_date = fmt::format("{}-{:02}-{:02}", 2026 - age, 1 + pick(12), 1 + pick(28));
    p.sex = f % 2 == 0 ? "F" : "M";  // the list alternates women's and men's first names
    // Half of the people live in Poitiers or Châtellerault, the others anywhere in the Vienne.
    const auto* c = pick(2) ? referentials::communes().find(pick(2) ? "86194" : "86066") : communes[pick(communes.size())];
    p.commune_code = c->code;
    p.postal_code = c->postal_codes.empty() ? "" : c->postal_codes[0];
    p.address = fmt::format("{} rue {}", 1 + pick(120), pick(2) ? "de la République" : "Victor Hugo");
    p.qualification_level = people::qualification_levels()[pick(5)].code;
    if (pick(3)) p.ft_id = fmt::format("{:07}{}", 1000000 + i * 37, static_cast<char>('A' + pick(26)));
    p.consent_sharing = pick(10) < 6;
    std::string folded = people::fold_name(p.first_name) + "." + people::fold_name(p.last_name);
    p.email = pick(2) ? folded + std::to_string(i) + "@exemple.fr" : "";
    p = people::validate_person(p, "2026-11-28", [](const std::string& code) { return referentials::communes().find(code) != nullptr; });
    long long creator = org_ids[pick(org_ids.size())];
    long long id = people::store::create(tx, p, creator);
    if (p.consent_sharing && pick(2)) {
      long long other = org_ids[pick(org_ids.size())];
      if (other != creator) people::store::grant(tx, id, other, people::GrantReason::consent, creator);
    }
    ++created;
  }
  return created;
}

// The demo directory (data/demo/directory.json): imported like any data·inclusion file, then
// each structure named "demo-<sigle>" is handed to the demo organisation of that sigle.
void load_demo_directory(db::Tx& tx, const std::string& data_dir, const std::map<std::string, long long>& org_of_slug, DemoReport& report) {
  std::string path = data_dir + "/demo/directory.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("impossible d'ouvrir " + path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  directory::Actor admin;
  admin.platform_admin = true;
  auto r = directory::import_files(tx, admin, 0, {{"directory.json", data}}, "2026-11-28");
  if (!r.ok()) throw std::runtime_error("l'annuaire de démonstration est invalide : " + r.problems.front().text());
  report.structures = r.structures_created;
  report.services = r.services_created;
  for (const auto& [slug, org] : org_of_slug)
    if (auto st = directory::store::find_structure(tx, "jalon-demo", "demo-" + slug)) {
      st->organisation_id = org;
      directory::store::update_structure(tx, *st);
    }
}

DemoReport load_demo(db::Database& db, const std::string& data_dir) {
  DemoReport report;
  // The demo's diagnoses and job profiles ask the orientation rules and the matching weights.
  orientation::load_rules(data_dir);
  jobs::load_matching(data_dir);
  db::Tx tx(db, db::Tx::Mode::write);
  if (db::setting(tx, "demo_loaded")) return report;
  // One hash for every demo account (same password): hashing once keeps the load quick.
  std::string hash = crypto::hash_password(kDemoPassword);
  accounts::store::create_user(tx, "admin@jalon-demo.fr", "Équipe Jalon", hash, true);
  ++report.users;
  int index = 1;
  std::vector<long long> accompanying;
  std::map<std::string, long long> org_of_slug;
  for (const auto& o : demo_orgs()) {
    auto* kind = accounts::find_org_kind(o.kind);
    accounts::OrganisationInput in{o.name, o.kind, demo_siret(index++), o.commune, kind && kind->prescriber_by_default};
    long long org = accounts::store::create_organisation(tx, in);
    org_of_slug[o.slug] = org;
    ++report.organisations;
    std::string family = kind ? kind->family : "";
    if (family == "accompagnement" || family == "siae" || std::string(o.kind) == "e2c") accompanying.push_back(org);
    long long admin = accounts::store::create_user(tx, admin_email(o), o.admin_name, hash);
    accounts::store::add_membership(tx, org, admin, "admin", false);
    ++report.users;
    if (o.member_name) {
      long long member = accounts::store::create_user(tx, member_email(o), o.member_name, hash);
      accounts::store::add_membership(tx, org, member, "member", o.member_is_social_worker);
      ++report.users;
    }
  }
  report.people = load_demo_people(tx, accompanying);
  load_demo_directory(tx, data_dir, org_of_slug, report);
  pathways::load_demo(tx, org_of_slug, time::today());
  report.appointments = space::load_demo(tx, org_of_slug);
  auto jobs = jobs::load_demo(tx, org_of_slug, time::today());
  report.offers = jobs.offers;
  report.job_profiles = jobs.profiles;
  jobs::load_application_demo(tx, org_of_slug, time::today());  // after the offers' demo
  db::set_setting(tx, "demo_loaded", "1");
  tx.commit();
  report.created = true;
  return report;
}

std::string demo_logins() {
  std::string out = fmt::format("Mot de passe de tous les comptes de démonstration : {}\n", kDemoPassword);
  out += "  admin@jalon-demo.fr                      administrateur de la plateforme\n";
  for (const auto& o : demo_orgs()) {
    if (std::string(o.slug) != "ml-poitou" && std::string(o.slug) != "departement" && std::string(o.slug) != "aci-jardins" &&
        std::string(o.slug) != "ft-poitiers")
      continue;
    out += fmt::format("  {:<40} administrateur, {}\n", admin_email(o), o.name);
    if (o.member_name)
      out += fmt::format("  {:<40} {}, {}\n", member_email(o), o.member_is_social_worker ? "membre travailleur social" : "membre", o.name);
  }
  out += "  (toutes les organisations : admin.<sigle>@jalon-demo.fr, voir le README)\n";
  return out;
}

}  // namespace jalon::app
