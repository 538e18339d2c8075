// The pathway store and actions on both engines: one open pathway per person, members and
// grants, the engagement's state machines as stored, notes and their versions, orientations
// and their expiry (once, whatever the number of servers).
#include "accounts/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "base/crypto.h"
#include "db/query.h"
#include "directory/store.h"
#include "mail/outbox.h"
#include "pathways/actions.h"
#include "pathways/store.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::pathways;

namespace {
const std::string kToday = "2026-11-28";
}

class PathwayStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    referentials::load_referentials(test::source_dir() + "/data");
    db_ = test::fresh_database(GetParam(), 12);
    db::Tx tx(*db_, db::Tx::Mode::write);
    ml_ = accounts::store::create_organisation(tx, {"Mission Locale", "mission_locale", test::siret(1), "86194", true});
    asso_ = accounts::store::create_organisation(tx, {"Association", "association", test::siret(2), "86194", false});
    third_ = accounts::store::create_organisation(tx, {"Chantier", "aci", test::siret(3), "86066", false});
    karim_ = accounts::store::create_user(tx, "karim@test.fr", "Karim", "x");
    jerome_ = accounts::store::create_user(tx, "jerome@test.fr", "Jérôme", "x");
    social_ = accounts::store::create_user(tx, "social@test.fr", "Aurélie", "x");
    accounts::store::add_membership(tx, ml_, karim_, "member", false);
    accounts::store::add_membership(tx, asso_, jerome_, "member", false);
    accounts::store::add_membership(tx, asso_, social_, "member", true);
    person_ = add_person(tx, "Léa", true);
    // The association publishes a service; another structure has no organisation on Jalon.
    directory::Structure st;
    st.organisation_id = asso_;
    st.name = "Association — antenne";
    st.commune_code = "86194";
    st.updated_on = kToday;
    long long s1 = directory::store::create_structure(tx, st);
    st.organisation_id = 0;
    st.name = "Structure sans compte";
    long long s2 = directory::store::create_structure(tx, st);
    service_ = add_service(tx, s1, directory::ServiceStatus::published);
    draft_ = add_service(tx, s1, directory::ServiceStatus::draft);
    orphan_ = add_service(tx, s2, directory::ServiceStatus::published);
    tx.commit();
    ml_actor_ = {ml_, karim_, false, false};
    asso_actor_ = {asso_, jerome_, false, false};
    social_actor_ = {asso_, social_, true, false};
  }
  long long add_person(db::Tx& tx, const std::string& first, bool consent) {
    people::Person p;
    p.first_name = first;
    p.last_name = "Martin";
    p.birth_date = "2005-04-12";
    p.commune_code = "86194";
    p.consent_sharing = consent;
    return people::store::create(tx, p, ml_);
  }
  long long add_service(db::Tx& tx, long long structure, directory::ServiceStatus status) {
    directory::Service sv;
    sv.structure_id = structure;
    sv.name = "Café-rencontre";
    sv.status = status;
    sv.updated_on = kToday;
    return directory::store::create_service(tx, sv);
  }
  std::string grant_reason(db::Tx& tx, long long person, long long org) {
    for (const auto& g : people::store::grants(tx, person))
      if (g.organisation_id == org && g.revoked_at.empty()) return g.reason;
    return "";
  }
  NoteViewer viewer(const Actor& a, bool member = true) {
    NoteViewer v;
    v.kind = a.token ? NoteViewer::Kind::token : NoteViewer::Kind::staff;
    v.organisation_id = a.org;
    v.member = member;
    v.social_worker = a.social_worker;
    return v;
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  long long ml_ = 0, asso_ = 0, third_ = 0, karim_ = 0, jerome_ = 0, social_ = 0, person_ = 0, service_ = 0, draft_ = 0,
            orphan_ = 0;
  Actor ml_actor_, asso_actor_, social_actor_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PathwayStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(PathwayStore, OnePathwayAtATimeAndTheHistoryStays) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long first = open_pathway(tx, ml_actor_, person_, karim_, "2026-01-10", kToday);
  EXPECT_THROW(open_pathway(tx, ml_actor_, person_, karim_, "", kToday), Conflict);
  EXPECT_THROW(open_pathway(tx, ml_actor_, person_, jerome_, "", kToday), Conflict) << "checked before the counsellor";
  auto p = *store::find_pathway(tx, first);
  EXPECT_EQ(p.status, Status::open);
  EXPECT_EQ(p.referent_org_id, ml_);
  EXPECT_EQ(p.referent_user_name, "Karim");
  EXPECT_EQ(p.started_on, "2026-01-10");
  EXPECT_TRUE(facts_of(tx, p, ml_).member);
  EXPECT_EQ(grant_reason(tx, person_, ml_), "creator") << "the creator's grant keeps its reason";
  // Closing frees the place for a new pathway; both stay.
  change_status(tx, ml_actor_, p, Status::closed, {"cdi", "2026-11-20", ""}, kToday);
  auto closed = *store::find_pathway(tx, first);
  EXPECT_EQ(closed.status, Status::closed);
  EXPECT_EQ(closed.outcome, "cdi");
  EXPECT_EQ(closed.closed_on, "2026-11-20");
  EXPECT_THROW(change_status(tx, ml_actor_, closed, Status::open, {}, kToday), Conflict);
  long long second = open_pathway(tx, ml_actor_, person_, 0, "", kToday);
  EXPECT_EQ(store::find_pathway(tx, second)->started_on, kToday);
  auto all = store::pathways_of_person(tx, person_);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second);
  EXPECT_EQ(store::current_pathway(tx, person_)->id, second);
  EXPECT_THROW(open_pathway(tx, asso_actor_, person_, karim_, "", kToday), Conflict);
  tx.commit();
}

TEST_P(PathwayStore, TheDatabaseItselfRefusesASecondOpenPathway) {
  // Even without the check of open_pathway (two servers racing), the partial unique index holds.
  db::Tx tx(*db_, db::Tx::Mode::write);
  store::create_pathway(tx, person_, ml_actor_, ml_, 0, kToday);
  try {
    store::create_pathway(tx, person_, asso_actor_, asso_, 0, kToday);
    FAIL() << "a second open pathway was stored";
  } catch (const std::exception& e) {
    EXPECT_EQ(db::classify(e), db::Failure::unique) << e.what();
  }
}

TEST_P(PathwayStore, MembersJoinWithAGrantAndTheReferentRoleMovesWithTheHistory) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long id = open_pathway(tx, ml_actor_, person_, karim_, "", kToday);
  auto p = *store::find_pathway(tx, id);
  EXPECT_FALSE(people::store::has_grant(tx, person_, asso_));
  // Only the referent invites; an organisation without access cannot ask.
  EXPECT_THROW(invite(tx, asso_actor_, p, third_), Forbidden);
  invite(tx, ml_actor_, p, asso_);
  EXPECT_TRUE(facts_of(tx, p, asso_).member);
  EXPECT_EQ(grant_reason(tx, person_, asso_), "pathway");
  EXPECT_THROW(invite(tx, ml_actor_, p, asso_), Conflict);
  EXPECT_THROW(invite(tx, ml_actor_, p, 999999), ValidationError);
  // The third organisation asks; the referent refuses, then it asks again and is approved.
  request_join(tx, {third_, 0, false, true}, p);
  EXPECT_TRUE(facts_of(tx, p, third_).live_request);
  EXPECT_FALSE(facts_of(tx, p, third_).member);
  EXPECT_THROW(request_join(tx, {third_, 0, false, true}, p), Conflict);
  EXPECT_THROW(decide(tx, asso_actor_, p, third_, true), Forbidden) << "a member that is not the referent";
  decide(tx, ml_actor_, p, third_, false);
  EXPECT_FALSE(people::store::has_grant(tx, person_, third_));
  EXPECT_THROW(decide(tx, ml_actor_, p, third_, true), Conflict) << "no pending request";
  request_join(tx, {third_, 0, false, true}, p);
  decide(tx, ml_actor_, p, third_, true);
  EXPECT_TRUE(facts_of(tx, p, third_).member);
  EXPECT_TRUE(people::store::has_grant(tx, person_, third_));
  // The third leaves; the referent cannot leave nor be removed.
  end_membership(tx, {third_, 0, false, true}, p, third_);
  EXPECT_FALSE(facts_of(tx, p, third_).member);
  EXPECT_THROW(end_membership(tx, ml_actor_, p, ml_), Conflict);
  EXPECT_THROW(end_membership(tx, asso_actor_, p, ml_), Conflict);
  EXPECT_THROW(end_membership(tx, asso_actor_, p, third_), Forbidden) << "only the referent removes others";
  // Transfer to a member only, with a counsellor of that organisation.
  EXPECT_THROW(transfer_referent(tx, ml_actor_, p, third_, 0), ValidationError);
  EXPECT_THROW(transfer_referent(tx, ml_actor_, p, asso_, karim_), ValidationError);
  transfer_referent(tx, ml_actor_, p, asso_, jerome_);
  p = *store::find_pathway(tx, id);
  EXPECT_EQ(p.referent_org_id, asso_);
  EXPECT_EQ(p.referent_user_id, jerome_);
  EXPECT_EQ(grant_reason(tx, person_, asso_), "referent") << "the referent's access survives a consent withdrawal";
  EXPECT_THROW(invite(tx, ml_actor_, p, third_), Forbidden) << "the former referent is a plain member now";
  EXPECT_TRUE(facts_of(tx, p, ml_).member);
  // Every membership period is kept: the third organisation's refused request, its approved one.
  int third_rows = 0;
  for (const auto& m : store::members(tx, id)) third_rows += m.organisation_id == third_;
  EXPECT_EQ(third_rows, 2);
  std::vector<std::string> kinds;
  for (const auto& e : store::events(tx, id)) kinds.push_back(e.kind);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"opened", "member_invited", "member_requested", "member_refused",
                                      "member_requested", "member_approved", "member_ended", "referent_changed"}));
  tx.commit();
}

TEST_P(PathwayStore, TheEngagementFollowsItsStateMachinesAndTheStatusOfThePathway) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long id = open_pathway(tx, ml_actor_, person_, karim_, "2026-06-01", kToday);
  auto p = *store::find_pathway(tx, id);
  long long objective = add_objective(tx, ml_actor_, p, {"social", "Trouver un logement", ""});
  long long action =
      add_action(tx, ml_actor_, p, objective, {"Dossier de logement social", "la personne", "", "2026-12-15"});
  long long step = add_step(
      tx, ml_actor_, p, {"progressive_qualification", "CQP agent de propreté", "2", "2026-12-01", "2027-03-01", ml_});
  EXPECT_EQ(store::find_step(tx, step)->phase, 2);
  EXPECT_THROW(add_step(tx, ml_actor_, p, {"training", "Formation", "", "", "", third_}), ValidationError)
      << "not a member";
  EXPECT_THROW(add_objective(tx, asso_actor_, p, {"social", "x", ""}), Forbidden) << "not a member";
  move_action(tx, ml_actor_, p, action, Progress::in_progress, kToday);
  move_action(tx, ml_actor_, p, action, Progress::done, kToday);
  EXPECT_EQ(store::find_action(tx, action)->completed_on, kToday);
  EXPECT_THROW(move_action(tx, ml_actor_, p, action, Progress::in_progress, kToday), Conflict) << "done is final";
  move_objective(tx, ml_actor_, p, objective, Progress::abandoned);
  EXPECT_THROW(add_action(tx, ml_actor_, p, objective, {"Autre", "", "", ""}), Conflict)
      << "an abandoned objective takes no action";
  move_objective(tx, ml_actor_, p, objective, Progress::planned);
  EXPECT_THROW(move_step(tx, ml_actor_, p, step, Progress::planned), Conflict);
  // Another pathway's objective is not this one's.
  long long other_person = add_person(tx, "Hugo", true);
  auto other = *store::find_pathway(tx, open_pathway(tx, ml_actor_, other_person, 0, "", kToday));
  EXPECT_THROW(move_objective(tx, ml_actor_, other, objective, Progress::in_progress), NotFound);
  // Suspended: nothing changes but notes; resumed: it does again.
  change_status(tx, ml_actor_, p, Status::suspended, {}, kToday);
  p = *store::find_pathway(tx, id);
  EXPECT_THROW(add_objective(tx, ml_actor_, p, {"social", "x", ""}), Conflict);
  EXPECT_THROW(add_social_outcome(tx, ml_actor_, p, {"housing", kToday, ""}, kToday), Conflict);
  EXPECT_NO_THROW(add_note(tx, ml_actor_, viewer(ml_actor_), p, {"Appel sans réponse.", "members"}));
  EXPECT_THROW(change_status(tx, ml_actor_, p, Status::suspended, {}, kToday), Conflict);
  change_status(tx, ml_actor_, p, Status::open, {}, kToday);
  p = *store::find_pathway(tx, id);
  add_social_outcome(tx, ml_actor_, p, {"housing", "2026-11-20", "Résidence habitat jeunes"}, kToday);
  ASSERT_EQ(store::social_outcomes(tx, id).size(), 1u);
  EXPECT_THROW(change_status(tx, ml_actor_, p, Status::closed, {"cdi", "2026-05-01", ""}, kToday), ValidationError)
      << "before the start";
  change_status(tx, ml_actor_, p, Status::closed, {"qualifying_training", kToday, ""}, kToday);
  p = *store::find_pathway(tx, id);
  EXPECT_THROW(add_step(tx, ml_actor_, p, {"job", "CDI", "", "", "", 0}), Conflict);
  EXPECT_THROW(invite(tx, ml_actor_, p, asso_), Conflict);
  EXPECT_NO_THROW(
      add_note(tx, ml_actor_, viewer(ml_actor_), p, {"Nouvelles à six mois : toujours en formation.", "members"}));
  // Every change is an event of the timeline, in order.
  int status_events = 0;
  for (const auto& e : store::events(tx, id))
    status_events += e.kind == "action_status" || e.kind == "objective_status";
  EXPECT_EQ(status_events, 4);
  tx.commit();
}

TEST_P(PathwayStore, NotesKeepEveryVersionAndEachReaderSeesOnlyItsLevels) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    long long id = open_pathway(tx, ml_actor_, person_, karim_, "", kToday);
    auto p = *store::find_pathway(tx, id);
    invite(tx, ml_actor_, p, asso_);
    long long shared = add_note(tx, ml_actor_, viewer(ml_actor_), p, {"Visible des partenaires.", "members"});
    long long own = add_note(tx, ml_actor_, viewer(ml_actor_), p, {"Entre nous.", "organisation"});
    EXPECT_THROW(add_note(tx, asso_actor_, viewer(asso_actor_), p, {"Santé.", "social"}), ValidationError);
    long long social = add_note(tx, social_actor_, viewer(social_actor_), p, {"Santé.", "social"});
    long long for_person = add_note(tx, asso_actor_, viewer(asso_actor_), p, {"Bravo !", "person"});
    auto ids = [&](const NoteViewer& v) {
      std::set<long long> out;
      for (const auto& n : visible_notes(tx, v, p)) out.insert(n.id);
      return out;
    };
    EXPECT_EQ(ids(viewer(ml_actor_)), (std::set<long long>{shared, own, for_person}));
    EXPECT_EQ(ids(viewer(asso_actor_)), (std::set<long long>{shared, for_person}));
    EXPECT_EQ(ids(viewer(social_actor_)), (std::set<long long>{shared, social, for_person}));
    EXPECT_EQ(ids(viewer({third_, 0, true, false}, false)), std::set<long long>{});
    ASSERT_EQ(notes_for_person(tx, person_).size(), 1u);
    EXPECT_EQ(notes_for_person(tx, person_)[0].id, for_person);
    // Edits append a version; the author's organisation only; nothing changed, nothing appended.
    EXPECT_THROW(edit_note(tx, asso_actor_, viewer(asso_actor_), p, shared, {"Modifié", "members"}), Forbidden);
    EXPECT_THROW(edit_note(tx, asso_actor_, viewer(asso_actor_), p, own, {"Modifié", "members"}), NotFound)
        << "a note it cannot read";
    edit_note(tx, ml_actor_, viewer(ml_actor_), p, shared, {"Visible des partenaires (corrigé).", "members"});
    edit_note(tx, ml_actor_, viewer(ml_actor_), p, shared, {"Finalement entre nous.", "organisation"});
    edit_note(tx, ml_actor_, viewer(ml_actor_), p, shared, {"Finalement entre nous.", "organisation"});
    auto versions = store::note_versions(tx, shared);
    ASSERT_EQ(versions.size(), 3u);
    EXPECT_EQ(versions[0].body, "Visible des partenaires.");
    EXPECT_EQ(store::find_note(tx, shared)->version, 3);
    EXPECT_EQ(ids(viewer(asso_actor_)), std::set<long long>{for_person}) << "the note is restricted now";
    // The partner still reads the versions it was shown; not the restricted one.
    EXPECT_THROW(note_for(tx, viewer(asso_actor_), p, shared), NotFound);
    auto mine = note_for(tx, viewer(ml_actor_), p, shared);
    EXPECT_EQ(mine.versions.size(), 3u);
    // The timeline shows each version to those its level allows.
    int asso_note_entries = 0;
    for (const auto& e : timeline(tx, viewer(asso_actor_), p, "notes")) {
      ++asso_note_entries;
      EXPECT_EQ(e.detail.find("Finalement"), std::string::npos);
      EXPECT_EQ(e.detail.find("Santé"), std::string::npos);
      EXPECT_EQ(e.detail.find("Entre nous"), std::string::npos);
    }
    EXPECT_EQ(asso_note_entries, 3) << "versions 1 and 2 of the shared note, and the note for the person";
    tx.commit();
  }
  // The versions table is append-only in the database as well.
  db::Tx raw(*db_, db::Tx::Mode::write);
  EXPECT_ANY_THROW(raw.sql() << "UPDATE pathway_note_versions SET body = 'effacé'");
}

TEST_P(PathwayStore, AnOrientationToAServiceAcceptedOpensThePathwayWithTheSenderAsReferent) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto sent = send_orientation(tx, ml_actor_, person_, {service_, 0}, "Rompre l'isolement", 0, kToday);
  EXPECT_EQ(sent.receiver, "Association — antenne");
  auto o = *store::find_orientation(tx, sent.id);
  EXPECT_EQ(o.to_org_id, asso_) << "the service's structure's organisation receives it";
  EXPECT_EQ(o.status, OrientationStatus::pending);
  EXPECT_EQ(o.expires_on, "2026-12-28");
  EXPECT_EQ(o.pathway_id, 0) << "no pathway yet";
  EXPECT_EQ(store::received(tx, asso_, "pending").size(), 1u);
  EXPECT_EQ(store::sent(tx, ml_, "").size(), 1u);
  EXPECT_THROW(send_orientation(tx, ml_actor_, person_, {service_, 0}, "Encore", 0, kToday), Conflict)
      << "already pending";
  EXPECT_THROW(accept_orientation(tx, ml_actor_, o, kToday, "http://jalon.test"), Forbidden)
      << "the sender does not answer";
  long long pathway = accept_orientation(tx, asso_actor_, o, kToday, "http://jalon.test");
  auto p = *store::find_pathway(tx, pathway);
  EXPECT_EQ(p.referent_org_id, ml_);
  EXPECT_EQ(p.referent_user_id, karim_);
  EXPECT_TRUE(facts_of(tx, p, asso_).member);
  EXPECT_TRUE(facts_of(tx, p, ml_).member);
  EXPECT_EQ(grant_reason(tx, person_, asso_), "pathway");
  o = *store::find_orientation(tx, sent.id);
  EXPECT_EQ(o.status, OrientationStatus::accepted);
  EXPECT_EQ(o.pathway_id, pathway);
  EXPECT_THROW(accept_orientation(tx, asso_actor_, o, kToday, ""), Conflict);
  std::vector<std::string> kinds;
  for (const auto& e : store::orientation_events(tx, {sent.id})) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"sent", "accepted"}));
  auto mails = mail::latest(tx, 5, "karim@test.fr");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].subject.find("acceptée"), std::string::npos);
  EXPECT_NE(mails[0].body.find("Léa M."), std::string::npos);
  EXPECT_EQ(mails[0].body.find("Martin"), std::string::npos) << "not the full name in an e-mail";
  EXPECT_NE(mails[0].body.find("http://jalon.test/organisations/" + std::to_string(ml_) + "/orientations/" +
                               std::to_string(sent.id)),
            std::string::npos);
  // A second orientation joins the same pathway, which keeps its referent.
  auto again = send_orientation(tx, asso_actor_, person_, {0, third_}, "Contrat d'insertion", 0, kToday);
  EXPECT_EQ(store::find_orientation(tx, again.id)->pathway_id, pathway);
  EXPECT_EQ(accept_orientation(tx, {third_, 0, false, true}, *store::find_orientation(tx, again.id), kToday, ""),
            pathway);
  EXPECT_EQ(store::find_pathway(tx, pathway)->referent_org_id, ml_);
  EXPECT_EQ(store::orientations_of_pathway(tx, pathway).size(), 2u);
  tx.commit();
}

TEST_P(PathwayStore, OrientationsAreCheckedRefusedWithAReasonAndCancelled) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto field = [&](const OrientationTarget& to, const std::string& motif) -> std::string {
    try {
      send_orientation(tx, ml_actor_, person_, to, motif, 0, kToday);
    } catch (const ValidationError& e) {
      return e.fields()[0].field;
    }
    return "";
  };
  EXPECT_EQ(field({0, 0}, "x"), "service_id");
  EXPECT_EQ(field({service_, asso_}, "x"), "service_id");
  EXPECT_EQ(field({draft_, 0}, "x"), "service_id") << "not published";
  EXPECT_EQ(field({orphan_, 0}, "x"), "service_id") << "no organisation on Jalon";
  EXPECT_EQ(field({999999, 0}, "x"), "service_id");
  EXPECT_EQ(field({0, 999999}, "x"), "organisation_id");
  EXPECT_EQ(field({0, ml_}, "x"), "organisation_id") << "not to oneself";
  EXPECT_EQ(field({0, asso_}, " "), "motif");
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations"), 0);
  // Refused with a reason from the list; "other" needs a detail.
  auto a = send_orientation(tx, ml_actor_, person_, {0, asso_}, "Aide administrative", 0, kToday);
  auto o = *store::find_orientation(tx, a.id);
  EXPECT_THROW(refuse_orientation(tx, asso_actor_, o, {"other", ""}, ""), ValidationError);
  EXPECT_THROW(refuse_orientation(tx, asso_actor_, o, {"because", ""}, ""), ValidationError);
  refuse_orientation(tx, asso_actor_, o, {"no_place", "Complet jusqu'en mars"}, "");
  o = *store::find_orientation(tx, a.id);
  EXPECT_EQ(o.status, OrientationStatus::refused);
  EXPECT_EQ(o.refusal_reason, "no_place");
  EXPECT_EQ(o.refusal_detail, "Complet jusqu'en mars");
  EXPECT_THROW(cancel_orientation(tx, ml_actor_, o), Conflict);
  auto mails = mail::latest(tx, 5, "karim@test.fr");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].body.find("Pas de place disponible : Complet jusqu'en mars"), std::string::npos);
  // Cancelled by the sender only.
  auto b = send_orientation(tx, ml_actor_, person_, {0, asso_}, "Deuxième essai", 0, kToday);
  auto ob = *store::find_orientation(tx, b.id);
  EXPECT_THROW(cancel_orientation(tx, asso_actor_, ob), Forbidden);
  EXPECT_THROW(refuse_orientation(tx, {third_, 0, false, false}, ob, {"no_place", ""}, ""), NotFound);
  cancel_orientation(tx, ml_actor_, ob);
  EXPECT_EQ(store::find_orientation(tx, b.id)->status, OrientationStatus::cancelled);
  // Accepting needs the person's consent still.
  auto c = send_orientation(tx, ml_actor_, person_, {0, asso_}, "Troisième", 0, kToday);
  tx.sql() << "UPDATE people SET consent_sharing = 0 WHERE id = " + std::to_string(person_);
  EXPECT_THROW(accept_orientation(tx, asso_actor_, *store::find_orientation(tx, c.id), kToday, ""), Conflict);
  EXPECT_EQ(store::find_orientation(tx, c.id)->status, OrientationStatus::pending);
  tx.commit();
}

TEST_P(PathwayStore, UnansweredOrientationsExpireAfterTheReceiversDelayOnce) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    store::set_expiry_days(tx, asso_, 3);
    store::set_expiry_days(tx, asso_, 5);
    EXPECT_EQ(store::expiry_days(tx, asso_), 5);
    EXPECT_EQ(store::expiry_days(tx, third_), kDefaultExpiryDays);
    for (int i = 0; i < 20; ++i) {
      long long person = add_person(tx, "Personne" + std::to_string(i), true);
      send_orientation(tx, ml_actor_, person, {0, asso_}, "Motif " + std::to_string(i), 0, "2026-11-01");
    }
    // Sent to the third organisation: 30 days, not due yet.
    send_orientation(tx, ml_actor_, person_, {0, third_}, "Motif", 0, "2026-11-01");
    tx.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations WHERE expires_on = '2026-11-06'"), 20);
  EXPECT_EQ(expire_orientations(*db_, "2026-11-06", "http://jalon.test"), 0) << "the last day still counts";
  // Four servers run the job at the same moment: each orientation expires once.
  std::atomic<int> expired{0};
  std::vector<std::thread> servers;
  for (int i = 0; i < 4; ++i)
    servers.emplace_back([&] { expired += expire_orientations(*db_, "2026-11-07", "http://jalon.test"); });
  for (auto& t : servers) t.join();
  EXPECT_EQ(expired.load(), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations WHERE status = 'expired'"), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientation_events WHERE kind = 'expired'"), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'karim@test.fr' AND subject LIKE '%expiré%'"), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations WHERE status = 'pending'"), 1);
  EXPECT_EQ(expire_orientations(*db_, "2026-11-07", "http://jalon.test"), 0);
}
