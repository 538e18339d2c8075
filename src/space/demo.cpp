#include "space/demo.h"

#include <date/date.h>

#include "accounts/store.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "documents/actions.h"
#include "documents/store.h"
#include "notifications/store.h"
#include "people/rules.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::space {

namespace {
// A small valid PDF (one empty page), the demo CV.
const char* kDemoPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
}  // namespace

int load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug) {
  auto org_it = org_of_slug.find("ml-poitou");
  auto counsellor = accounts::store::find_user_by_email(tx, "conseil.ml-poitou@jalon-demo.fr");
  auto admin = accounts::store::find_user_by_email(tx, "admin.ml-poitou@jalon-demo.fr");
  if (org_it == org_of_slug.end() || !counsellor || !admin) return 0;
  long long org = org_it->second;

  people::Person p;
  p.first_name = "Léna";
  p.last_name = "Moreau";
  p.birth_date = "2005-09-21";
  p.sex = "F";
  p.email = kDemoPersonEmail;
  p.phone = "0601020304";
  p.address = "12 rue des Carmes";
  p.postal_code = "86000";
  p.commune_code = "86194";
  p.qualification_level = "4";
  p.consent_sharing = true;
  p = people::validate_person(p, time::today(),
                              [](const std::string& code) { return referentials::communes().find(code) != nullptr; });
  long long lena = people::store::create(tx, p, org);
  if (auto entraide = org_of_slug.find("entraide"); entraide != org_of_slug.end())
    people::store::grant(tx, lena, entraide->second, people::GrantReason::consent, org);

  // Other people the Mission Locale follows, for the collective sessions and the statistics.
  people::store::Query q;
  q.limit = 12;
  std::vector<long long> others;
  for (const auto& r : people::store::search(tx, org, q))
    if (r.id != lena) others.push_back(r.id);

  using appointments::Status;
  std::string today = time::today();
  // `days` from today at `hhmm` in Paris, moved to the Friday before or the Monday after when it
  // falls on a weekend.
  auto at = [&](int days, const std::string& hhmm) {
    auto noon = *appointments::local_to_utc(today, "12:00") + std::chrono::hours(24 * days);
    auto weekday = date::weekday{date::floor<date::days>(noon)}.c_encoding();  // 0 Sunday … 6 Saturday
    if (weekday == 6) noon += std::chrono::hours(days < 0 ? -24 : 48);
    if (weekday == 0) noon += std::chrono::hours(days < 0 ? -48 : 24);
    std::string civil = appointments::utc_to_local(noon).first;
    return time::iso(*appointments::local_to_utc(civil, hhmm));
  };
  int created = 0;
  auto make = [&](long long who, appointments::Kind kind, int days, const std::string& hhmm, int minutes,
                  const std::string& place, const std::string& video, const std::string& subject,
                  const std::vector<std::pair<long long, Status>>& people_status) {
    appointments::Appointment a;
    a.kind = kind;
    a.starts_at = at(days, hhmm);
    a.duration_minutes = minutes;
    a.place = place;
    a.video_url = video;
    a.subject = subject;
    a.counsellor_id = who;
    long long id = appointments::store::create(tx, org, a, who);
    for (const auto& [person, status] : people_status) {
      appointments::store::add_participant(tx, id, person);
      if (status != Status::planned) appointments::store::set_status(tx, id, person, status, who, false);
    }
    ++created;
    return id;
  };
  const std::string office = "Mission Locale, 14 rue Carnot, 86000 Poitiers";
  long long k = counsellor->id, a = admin->id;
  make(k, appointments::Kind::individual, -28, "10:00", 45, office, "", "Premier entretien : projet professionnel",
       {{lena, Status::seen}});
  make(k, appointments::Kind::individual, -14, "14:30", 45, office, "", "Point sur les candidatures",
       {{lena, Status::no_show}});
  make(k, appointments::Kind::individual, -7, "09:30", 30, "", "https://visio.exemple.fr/ml-poitou-karim",
       "Préparer l'entretien d'embauche", {{lena, Status::excused}});
  std::vector<std::pair<long long, Status>> workshop{{lena, Status::seen}};
  Status cycle[] = {Status::seen, Status::seen, Status::no_show, Status::excused, Status::seen, Status::no_show};
  for (std::size_t i = 0; i < others.size() && i < 6; ++i) workshop.emplace_back(others[i], cycle[i]);
  make(a, appointments::Kind::collective, -10, "14:00", 120, office + ", salle 2", "",
       "Atelier CV et lettre de motivation", workshop);
  for (std::size_t i = 6; i < others.size(); ++i)
    make(i % 2 ? k : a, appointments::Kind::individual, -3 - static_cast<int>(i), "11:00", 45, office, "",
         "Entretien de suivi", {{others[i], i % 3 == 0 ? Status::no_show : Status::seen}});
  make(k, appointments::Kind::individual, 2, "10:00", 45, office, "", "Point mensuel : recherche d'emploi",
       {{lena, Status::planned}});
  std::vector<std::pair<long long, Status>> info{{lena, Status::planned}};
  for (std::size_t i = 0; i < others.size() && i < 3; ++i) info.emplace_back(others[i], Status::planned);
  long long session = make(a, appointments::Kind::collective, 9, "09:30", 90, office + ", salle 1", "",
                           "Information collective : la Garantie jeunes et le CEJ", info);

  std::string cv(kDemoPdf);
  documents::Document d;
  d.person_id = lena;
  d.organisation_id = org;
  d.uploaded_by = k;
  d.kind = "cv";
  d.title = "CV de Léna Moreau";
  d.filename = "cv-lena-moreau.pdf";
  d.content_type = "application/pdf";
  d.sha256 = documents::sha256_hex(cv);
  documents::store::insert(tx, d, cv);

  std::string link = "/organisations/" + std::to_string(org) + "/rendez-vous/" + std::to_string(session);
  notifications::store::insert(tx, k, "appointment.assigned",
                               admin->display_name + " vous confie l'information collective du " +
                                   appointments::display_when(*time::parse_iso(at(9, "09:30"))) + ".",
                               link);
  notifications::store::insert(tx, k, "consent.withdrawn",
                               "Exemple : une personne suivie a retiré son consentement au partage de sa fiche.", "");
  notifications::store::mark_read(tx, k, 0);
  notifications::store::insert(
      tx, k, "appointment.assigned", admin->display_name + " vous confie le point mensuel de Léna Moreau.",
      "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(lena) + "/rendez-vous");
  return created;
}

}  // namespace jalon::space
