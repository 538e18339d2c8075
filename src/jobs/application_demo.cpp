#include "jobs/application_demo.h"

#include <algorithm>
#include <vector>

#include "accounts/store.h"
#include "base/time.h"
#include "db/query.h"
#include "jobs/application_actions.h"
#include "jobs/application_store.h"
#include "pathways/rules.h"
#include "people/store.h"

namespace jalon::jobs {

namespace {

long long user(db::Tx& tx, const std::string& email) {
  auto u = accounts::store::find_user_by_email(tx, email);
  return u ? u->id : 0;
}

// Until the offers' own demo exists: three offers of the demo employers, by hand.
void add_offers(db::Tx& tx, const std::map<std::string, long long>& org_of_slug) {
  struct Demo {
    const char* slug;
    int title_code;  // ROME job title (OGR)
    const char* title;
    const char* commune;
    const char* contract;
    double hours;
    int positions;
  };
  static const Demo offers[] = {
      {"aci-jardins", 17506, "Ouvrier maraîcher en insertion (H/F)", "86041", "insertion", 26, 3},
      {"boulangerie", 20560, "Vendeur en boulangerie (H/F)", "86177", "cdd", 35, 1},
      {"ei-recyclerie", 10638, "Agent de tri en recyclerie (H/F)", "86066", "insertion", 30, 2},
  };
  std::string now = time::iso_now();
  for (const auto& o : offers) {
    auto it = org_of_slug.find(o.slug);
    if (it == org_of_slug.end()) continue;
    db::Query q(tx,
                "INSERT INTO job_offers (organisation_id, job_title_code, title, description, commune_code, contract, "
                "hours_per_week, positions, status, created_at, updated_at) VALUES (:o, :j, :t, :d, :c, :k, :h, :p, "
                "'open', :ca, :ua)");
    q.bind(it->second)
        .bind(static_cast<long long>(o.title_code))
        .bind(std::string(o.title))
        .bind(std::string("Poste de l'offre de démonstration."))
        .bind(std::string(o.commune))
        .bind(std::string(o.contract))
        .bind(static_cast<long long>(o.hours))
        .bind(static_cast<long long>(o.positions))
        .bind(now)
        .bind(now)
        .run();
  }
}

}  // namespace

int load_application_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today) {
  auto ml = org_of_slug.find("ml-poitou");
  if (ml == org_of_slug.end()) return 0;
  auto offers = application_store::open_offers(tx, 50);
  if (offers.empty()) {
    add_offers(tx, org_of_slug);
    offers = application_store::open_offers(tx, 50);
  }
  if (offers.size() < 3) return 0;
  // Oldest offers first, so that the choice does not depend on how many there are.
  std::reverse(offers.begin(), offers.end());
  std::vector<long long> people_ids;
  people::store::Query q;
  q.limit = 200;
  for (const auto& row : people::store::search(tx, ml->second, q)) {
    auto p = people::store::find(tx, row.id);
    if (p && p->consent_sharing && p->created_by_org == ml->second) people_ids.push_back(p->id);
    if (people_ids.size() == 5) break;
  }
  if (people_ids.size() < 5) return 0;
  Acting karim = Acting::staff(ml->second, user(tx, "conseil.ml-poitou@jalon-demo.fr"));
  auto employer = [&](const application_store::OfferBrief& o) {
    // The admin of the offer's organisation, whoever it is.
    long long admin = 0;
    for (const auto& m : accounts::store::members(tx, o.organisation_id))
      if (m.role == "admin" && (!admin || m.user_id < admin)) admin = m.user_id;
    return Acting::staff(o.organisation_id, admin);
  };
  auto go = [&](const Acting& by, long long id, const std::string& action, const std::string& reason = "",
                const std::string& message = "", const std::string& hired_on = "") {
    transition(tx, by, *application_store::find(tx, id), {action, reason, message, hired_on}, today, "");
  };
  int n = 0;
  auto apply_for = [&](const Acting& by, long long person, const application_store::OfferBrief& o,
                       const std::string& message) {
    ++n;
    return apply(tx, by, {person, o.id, 0, message}, "");
  };
  const auto &o1 = offers[0], &o2 = offers[1], &o3 = offers[2];
  // 1. New, and one being processed.
  apply_for(karim, people_ids[0], o1, "Très motivé par le travail en extérieur, disponible immédiatement.");
  long long processing = apply_for(karim, people_ids[0], o2, "A déjà travaillé en vente lors d'un stage.");
  go(employer(o2), processing, "process");
  // 2. Hired: the other pending application becomes obsolete, the hire enters the pathway.
  long long other = apply_for(karim, people_ids[1], o3, "");
  (void)other;
  long long hired = apply_for(karim, people_ids[1], o1, "Permis B, a suivi un atelier maraîchage.");
  go(employer(o1), hired, "process");
  go(employer(o1), hired, "accept", "", "Bienvenue dans l'équipe ! Rendez-vous lundi à 8 h au jardin.",
     pathways::expiry_date(today, 14));
  // 3. Refused, with a message to the candidate.
  long long refused = apply_for(karim, people_ids[2], o2, "");
  go(employer(o2), refused, "refuse", "no_position", "Le poste vient d'être pourvu ; nous gardons votre contact.");
  // 4. Kept in the pool.
  long long pooled = apply_for(karim, people_ids[3], o3, "");
  go(employer(o3), pooled, "process");
  go(employer(o3), pooled, "add_to_pool");
  // 5. Sent by the person themself.
  apply_for(Acting::self(people_ids[4]), people_ids[4], o1, "Je souhaite travailler au jardin.");
  return n;
}

}  // namespace jalon::jobs
