#include "support/world.h"

#include "accounts/store.h"
#include "appointments/store.h"
#include "base/time.h"
#include "documents/actions.h"
#include "documents/store.h"
#include "space/store.h"
#include "base/crypto.h"
#include "base/siret.h"
#include "diagnosis/store.h"
#include "jobs/store.h"
#include "jobs/application_store.h"
#include "directory/store.h"
#include "pathways/actions.h"
#include "pathways/store.h"
#include "people/store.h"

namespace jalon::test {

std::string siret(int n) { return siret::with_key("1" + std::to_string(500000000000LL + n)); }

World make_world(db::Database& db, int n) {
  using namespace accounts;
  static const std::string hash = [] {
    crypto::set_password_cost(crypto::PasswordCost::minimal);
    return crypto::hash_password(kPassword);
  }();
  World w;
  std::string tag = std::to_string(n);
  db::Tx tx(db, db::Tx::Mode::write);
  w.org_a = store::create_organisation(tx, {"Mission Locale " + tag, "mission_locale", siret(2 * n), "86194", true});
  w.org_b = store::create_organisation(tx, {"Chantier " + tag, "aci", siret(2 * n + 1), "86066", false});
  w.a_admin_email = "admin.a" + tag + "@test.fr";
  w.a_member_email = "membre.a" + tag + "@test.fr";
  w.b_admin_email = "admin.b" + tag + "@test.fr";
  w.platform_email = "plateforme" + tag + "@test.fr";
  w.a_admin = store::create_user(tx, w.a_admin_email, "Admin A " + tag, hash);
  w.a_member = store::create_user(tx, w.a_member_email, "Membre A " + tag, hash);
  w.a_target = store::create_user(tx, "cible.a" + tag + "@test.fr", "Cible A " + tag, hash);
  w.b_admin = store::create_user(tx, w.b_admin_email, "Admin B " + tag, hash);
  w.platform_admin = store::create_user(tx, w.platform_email, "Plateforme " + tag, hash, true);
  store::add_membership(tx, w.org_a, w.a_admin, "admin", false);
  store::add_membership(tx, w.org_a, w.a_member, "member", false);
  store::add_membership(tx, w.org_a, w.a_target, "member", false);
  store::add_membership(tx, w.org_b, w.b_admin, "admin", false);
  auto t = store::create_api_token(tx, w.org_a, "Logiciel A", w.a_admin);
  w.token_a = t.id;
  w.token_a_raw = t.raw;
  auto inv = store::create_invitation(tx, w.org_a, "nouveau" + tag + "@test.fr", "member", false, w.a_admin, 7);
  w.invitation_a = inv.id;
  w.invitation_code = inv.raw_code;
  w.reset_code = store::create_password_reset(tx, w.a_member, 60);
  people::Person p;
  p.first_name = "Camille";
  p.last_name = "Martin " + tag;
  p.birth_date = "1999-04-12";
  p.commune_code = "86194";
  p.consent_sharing = true;
  w.person_a_email = "camille.martin" + tag + "@exemple.fr";
  p.email = w.person_a_email;
  w.person_a = people::store::create(tx, p, w.org_a);
  people::store::grant(tx, w.person_a, w.org_b, people::GrantReason::consent, w.org_a);
  directory::Structure st;
  st.organisation_id = w.org_a;
  st.name = "Antenne " + tag;
  st.commune_code = "86194";
  st.postal_code = "86000";
  st.updated_on = "2026-11-01";
  w.structure_a = directory::store::create_structure(tx, st);
  directory::Service sv;
  sv.structure_id = w.structure_a;
  sv.name = "Atelier CV " + tag;
  sv.description = "Rédiger son CV avec un conseiller.";
  sv.thematics = {"trouver-un-emploi--faire-des-candidatures-spontanees"};
  sv.status = directory::ServiceStatus::published;
  sv.updated_on = "2026-11-01";
  w.service_a = directory::store::create_service(tx, sv);
  appointments::Appointment ap;
  ap.kind = appointments::Kind::individual;
  ap.starts_at = time::iso(time::now() + std::chrono::hours(72));
  ap.duration_minutes = 45;
  ap.place = "Mission Locale, bureau 3";
  ap.subject = "Point d'étape " + tag;
  ap.counsellor_id = w.a_member;
  w.appointment_a = appointments::store::create(tx, w.org_a, ap, w.a_member);
  appointments::store::add_participant(tx, w.appointment_a, w.person_a);
  documents::Document doc;
  doc.person_id = w.person_a;
  doc.organisation_id = w.org_a;
  doc.uploaded_by = w.a_member;
  doc.kind = "certificate";
  doc.title = "Attestation " + tag;
  doc.filename = "attestation.png";
  doc.content_type = "image/png";
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  doc.sha256 = documents::sha256_hex(png);
  w.document_a = documents::store::insert(tx, doc, png);
  w.space_code = space::store::create_link(tx, w.person_a, w.person_a_email, 30);
  auto ps = space::store::create_session(tx, w.person_a, 120);
  w.s_person = Session{ps.raw_id, ps.csrf_token};
  diagnosis::Diagnosis dg;
  dg.person_id = w.person_a;
  dg.organisation_id = w.org_a;
  dg.author_id = w.a_member;
  dg.author_kind = diagnosis::AuthorKind::prescriber;
  dg.made_on = "2026-11-02";
  dg.commune_code = "86194";
  w.diagnosis_a = diagnosis::store::insert(tx, dg);
  // An offer A relays for a local employer.
  jobs::JobOffer offer;
  offer.organisation_id = w.org_a;
  offer.job_title = 10805;  // Aide à domicile
  offer.title = "Aide à domicile " + tag;
  offer.commune_code = "86194";
  offer.contract = jobs::Contract::cdd;
  offer.contract_months = 6;
  offer.hours = 24;
  w.offer_a = jobs::store::insert_offer(tx, offer, w.a_admin);
  {
    using namespace pathways;
    Actor a{w.org_a, w.a_admin, false, false}, b{w.org_b, w.b_admin, false, false};
    w.pathway_a = open_pathway(tx, a, w.person_a, w.a_member, "2026-11-01", "2026-11-28");
    auto p = *pathways::store::find_pathway(tx, w.pathway_a);
    request_join(tx, b, p);
    w.objective_a = add_objective(tx, a, p, {"professional", "Trouver un emploi", ""});
    w.action_a = add_action(tx, a, p, w.objective_a, {"Refaire le CV", "la personne", "", ""});
    w.step_a = add_step(tx, a, p, {"workshop", "Atelier CV", "", "", "", 0});
    NoteViewer author;
    author.organisation_id = w.org_a;
    author.member = true;
    w.note_a = add_note(tx, a, author, p, {"Premier entretien.", "members"});
    w.orientation_to_a = send_orientation(tx, b, w.person_a, {0, w.org_a}, "Accompagnement renforcé", 0, "2026-11-27").id;
    w.orientation_from_a = send_orientation(tx, a, w.person_a, {0, w.org_b}, "Contrat d'insertion", 0, "2026-11-27").id;
  }
  {
    // B applied for person_a to A's offer.
    w.apply_offer_a = w.offer_a;
    jobs::application_store::NewApplication ap;
    ap.offer_id = w.apply_offer_a;
    ap.organisation_id = w.org_a;
    ap.person_id = w.person_a;
    ap.sender_kind = "prescriber";
    ap.sender_org = w.org_b;
    ap.sender_user = w.b_admin;
    ap.message = "Disponible tout de suite.";
    ap.cv_document_id = w.document_a;
    w.application_a = jobs::application_store::insert(tx, ap);
    jobs::application_store::add_event(tx, w.application_a, std::nullopt, jobs::ApplicationState::new_, "",
                                       {w.b_admin, w.org_b, false});
  }
  auto session = [&](long long user) {
    auto s = store::create_session(tx, user, "127.0.0.1", "test", 12);
    return Session{s.raw_id, s.csrf_token};
  };
  w.s_a_admin = session(w.a_admin);
  w.s_a_member = session(w.a_member);
  w.s_b_admin = session(w.b_admin);
  w.s_platform = session(w.platform_admin);
  tx.commit();
  return w;
}

}  // namespace jalon::test
