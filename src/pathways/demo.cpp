#include "pathways/demo.h"

#include <vector>

#include "accounts/store.h"
#include "directory/store.h"
#include "pathways/actions.h"
#include "pathways/store.h"
#include "people/store.h"

namespace jalon::pathways {

namespace {

Actor actor(db::Tx& tx, long long org, const std::string& email, bool social_worker = false) {
  Actor a;
  a.org = org;
  if (auto u = accounts::store::find_user_by_email(tx, email)) a.user = u->id;
  a.social_worker = social_worker;
  return a;
}

NoteViewer writer(const Actor& a) {
  NoteViewer v;
  v.organisation_id = a.org;
  v.member = true;
  v.social_worker = a.social_worker;
  return v;
}

// People `org` created who consent to sharing, in name order, those aged 16 to 25 on `today`
// first when `young_first`; at most `wanted`.
std::vector<long long> consenting(db::Tx& tx, long long org, const std::string& today, bool young_first,
                                  std::size_t wanted) {
  std::vector<long long> out, others;
  people::store::Query q;
  q.limit = 300;
  for (const auto& row : people::store::search(tx, org, q)) {
    auto p = people::store::find(tx, row.id);
    if (!p || !p->consent_sharing || p->created_by_org != org || p->birth_date.empty()) continue;
    int age = std::stoi(today.substr(0, 4)) - std::stoi(p->birth_date.substr(0, 4)) -
              (today.substr(5) < p->birth_date.substr(5) ? 1 : 0);
    (!young_first || (age >= 16 && age < 26) ? out : others).push_back(p->id);
  }
  out.insert(out.end(), others.begin(), others.end());
  if (out.size() > wanted) out.resize(wanted);
  return out;
}

long long service_id(db::Tx& tx, const std::string& ext_id) {
  auto s = directory::store::find_service(tx, "jalon-demo", ext_id);
  return s ? s->id : 0;
}

}  // namespace

DemoCounts load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today) {
  DemoCounts n;
  auto org = [&](const char* slug) {
    auto it = org_of_slug.find(slug);
    return it == org_of_slug.end() ? 0LL : it->second;
  };
  long long ml = org("ml-poitou"), entraide = org("entraide"), aci = org("aci-jardins"), dep = org("departement"),
            ccas = org("ccas-chatellerault");
  if (!ml || !entraide || !aci || !dep || !ccas) return n;
  Actor karim = actor(tx, ml, "conseil.ml-poitou@jalon-demo.fr");
  Actor jerome = actor(tx, entraide, "conseil.entraide@jalon-demo.fr");
  Actor olivier = actor(tx, aci, "admin.aci-jardins@jalon-demo.fr");
  Actor aurelie = actor(tx, dep, "social.departement@jalon-demo.fr", true);
  auto days_ago = [&](int d) { return expiry_date(today, -d); };
  auto young = consenting(tx, ml, today, true, 3);
  if (young.size() < 3) return n;

  // 1. A young person followed by the Mission Locale, oriented to the association, which accepted.
  {
    long long person = young[0];
    long long id = open_pathway(tx, karim, person, karim.user, days_ago(60), today);
    ++n.pathways;
    auto p = *store::find_pathway(tx, id);
    long long job =
        add_objective(tx, karim, p, {"professional", "Trouver un emploi dans la logistique", days_ago(-120)});
    long long a1 =
        add_action(tx, karim, p, job, {"Refaire le CV avec la conseillère", "la personne", days_ago(50), days_ago(40)});
    move_action(tx, karim, p, a1, Progress::done, today);
    add_action(tx, karim, p, job,
               {"Immersion de deux semaines en entrepôt", "Karim Haddad", days_ago(10), days_ago(-5)});
    move_objective(tx, karim, p, job, Progress::in_progress);
    long long licence = add_objective(tx, karim, p, {"social", "Obtenir le permis B", ""});
    add_action(tx, karim, p, licence, {"S'inscrire à l'auto-école sociale", "la personne", "", days_ago(-30)});
    long long diag =
        add_step(tx, karim, p, {"diagnosis", "Diagnostic socioprofessionnel", "", days_ago(60), days_ago(55), ml});
    move_step(tx, karim, p, diag, Progress::done);
    long long cej =
        add_step(tx, karim, p, {"workshop", "Atelier « réussir son entretien »", "", days_ago(20), days_ago(20), 0});
    move_step(tx, karim, p, cej, Progress::in_progress);
    auto sent = send_orientation(tx, karim, person, {service_id(tx, "demo-entraide-1"), 0},
                                 "Rompre l'isolement : la personne sort peu et souhaite rencontrer d'autres jeunes.", 0,
                                 days_ago(21));
    ++n.orientations;
    accept_orientation(tx, jerome, *store::find_orientation(tx, sent.id), days_ago(18), "");
    p = *store::find_pathway(tx, id);
    add_step(tx, jerome, p, {"social_support", "Café-rencontre du jeudi", "", days_ago(14), "", entraide});
    add_social_outcome(tx, jerome, p, {"isolation", days_ago(3), "Participe chaque semaine au café-rencontre."}, today);
    add_note(tx, karim, writer(karim), p,
             {"Entretien de suivi : motivation en hausse, piste d'emploi dans un entrepôt de Chasseneuil.", "members"});
    add_note(tx, karim, writer(karim), p,
             {"À voir en équipe : situation familiale tendue, ne pas évoquer avec les partenaires.", "organisation"});
    add_note(tx, jerome, writer(jerome), p,
             {"Venu deux fois au café-rencontre, s'est bien intégré au groupe.", "members"});
    add_note(tx, jerome, writer(jerome), p,
             {"Bravo pour votre régularité au café-rencontre ! Prochaine sortie : le musée, jeudi.", "person"});
    n.notes += 4;
  }
  // 2. A pending orientation in the association's inbox (sent twelve days ago), and one refused.
  {
    long long person = young[1];
    open_pathway(tx, karim, person, karim.user, days_ago(30), today);
    ++n.pathways;
    send_orientation(tx, karim, person, {service_id(tx, "demo-entraide-3"), 0},
                     "Aide pour remplir le dossier de demande de logement social : la personne est à l'aise à l'oral, "
                     "moins à l'écrit.",
                     0, days_ago(12));
    auto refused = send_orientation(tx, karim, person, {service_id(tx, "demo-aci-jardins-1"), 0},
                                    "Intéressé par le maraîchage, souhaite travailler en extérieur.", 0, days_ago(25));
    refuse_orientation(tx, olivier, *store::find_orientation(tx, refused.id),
                       {"no_place", "Prochaines embauches au printemps."}, "");
    n.orientations += 2;
  }
  // 3. A closed pathway: lasting employment, with a social outcome on the way.
  {
    long long person = young[2];
    long long id = open_pathway(tx, karim, person, karim.user, days_ago(300), today);
    ++n.pathways;
    auto p = *store::find_pathway(tx, id);
    long long obj = add_objective(tx, karim, p, {"professional", "Décrocher un contrat dans la vente", ""});
    move_objective(tx, karim, p, obj, Progress::done);
    add_step(tx, karim, p, {"immersion", "Immersion dans une boulangerie", "", days_ago(200), days_ago(190), 0});
    add_social_outcome(tx, karim, p, {"housing", days_ago(150), "Appartement en résidence habitat jeunes."}, today);
    change_status(tx, karim, p, Status::closed,
                  {"cdd_6_months_or_more", days_ago(20), "CDD de 8 mois, vendeuse en boulangerie."}, today);
  }
  // 4. An adult followed by the Département, with a social-sensitive note and the CCAS as member.
  auto adults = consenting(tx, dep, today, false, 1);
  if (!adults.empty()) {
    long long id = open_pathway(tx, aurelie, adults[0], aurelie.user, days_ago(90), today);
    ++n.pathways;
    auto p = *store::find_pathway(tx, id);
    invite(tx, aurelie, p, ccas);
    long long rights =
        add_objective(tx, aurelie, p, {"social", "Ouvrir les droits au RSA et à la complémentaire santé", ""});
    add_action(tx, aurelie, p, rights, {"Dossier CAF complet", "Aurélie Mercier", days_ago(80), days_ago(60)});
    add_step(tx, aurelie, p, {"social_support", "Accompagnement social global", "", days_ago(90), "", dep});
    add_note(tx, aurelie, writer(aurelie), p,
             {"Suivi psychologique en cours ; informations de santé à ne pas diffuser.", "social"});
    add_note(tx, aurelie, writer(aurelie), p,
             {"Rendez-vous au CCAS pour la domiciliation le mois prochain.", "members"});
    n.notes += 2;
  }
  return n;
}

}  // namespace jalon::pathways
