// Applications through their actions on both engines: applying (open offer, the person's own CV,
// one live application per offer), transitions with their events, accepting (the other pending
// applications close, the hire enters the pathway), who is told, and the 60-day refusal.
#include "jobs/application_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/time.h"
#include "db/query.h"
#include "documents/actions.h"
#include "documents/store.h"
#include "jobs/application_actions.h"
#include "pathways/store.h"
#include "people/store.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::jobs;
namespace astore = jalon::jobs::application_store;

namespace {
const std::string kToday = "2026-11-28";
const std::string kBase = "https://jalon.test";
}  // namespace

class ApplicationStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    time::set_clock_for_tests([] { return *time::parse_iso("2026-11-28T10:00:00Z"); });
    db_ = test::fresh_database(GetParam(), 8);
    w_ = test::make_world(*db_, 1);
    db::Tx tx(*db_, db::Tx::Mode::write);
    offer_b_ = add_offer(tx, w_.org_b, "Maraîcher", "open");
    offer_b2_ = add_offer(tx, w_.org_b, "Cariste", "open");
    offer_b3_ = add_offer(tx, w_.org_b, "Livreur", "open");
    closed_ = add_offer(tx, w_.org_b, "Vendeur", "closed");
    cv_ = add_doc(tx, w_.person_a, "cv");
    people::Person other;
    other.first_name = "Noé";
    other.last_name = "Durand";
    other.consent_sharing = true;
    other_person_ = people::store::create(tx, other, w_.org_a);
    other_cv_ = add_doc(tx, other_person_, "cv");
    tx.sql() << "DELETE FROM notifications";
    tx.sql() << "DELETE FROM outbox";
    tx.commit();
  }
  void TearDown() override { time::set_clock_for_tests({}); }

  long long add_offer(db::Tx& tx, long long org, const std::string& title, const std::string& status) {
    std::string now = time::iso_now();
    std::string closed_reason = status == "closed" ? "filled" : "";
    std::string closed_at = status == "closed" ? now : "";
    db::Query q(
        tx,
        "INSERT INTO job_offers (organisation_id, job_title_code, title, commune_code, contract, hours_per_week, "
        "positions, status, closed_reason, closed_at, created_at, updated_at) VALUES (:o, 1, :t, '86194', 'cdi', "
        "35, 2, :s, :r, :ca, :c, :u) RETURNING id");
    q.bind(org)
        .bind(title)
        .bind(status)
        .bind_text_or_null(closed_reason)
        .bind_text_or_null(closed_at)
        .bind(now)
        .bind(now);
    q.next();
    long long id = q.int64(0);
    q.run();
    return id;
  }
  long long add_doc(db::Tx& tx, long long person, const std::string& kind) {
    documents::Document d;
    d.person_id = person;
    d.organisation_id = w_.org_a;
    d.uploaded_by = w_.a_member;
    d.kind = kind;
    d.title = "CV";
    d.filename = "cv.pdf";
    d.content_type = "application/pdf";
    std::string bytes = "%PDF-1.4\n%%EOF\n";
    d.sha256 = documents::sha256_hex(bytes);
    return documents::store::insert(tx, d, bytes);
  }
  long long apply_as(const Acting& by, long long person, long long offer, long long cv = 0,
                     const std::string& msg = "") {
    long long id = 0;
    db::transact(*db_, [&](db::Tx& tx) { id = apply(tx, by, {person, offer, cv, msg}, kBase); });
    return id;
  }
  ApplicationState move(const Acting& by, long long id, const TransitionInput& in) {
    ApplicationState to = ApplicationState::new_;
    db::transact(*db_, [&](db::Tx& tx) { to = transition(tx, by, *astore::find(tx, id), in, kToday, kBase); });
    return to;
  }
  std::string state(long long id) {
    db::Tx tx(*db_, db::Tx::Mode::read);
    return name(astore::find(tx, id)->state);
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::string n(long long id) { return std::to_string(id); }

  std::unique_ptr<db::Database> db_;
  test::World w_;
  long long offer_b_ = 0, offer_b2_ = 0, offer_b3_ = 0, closed_ = 0, cv_ = 0, other_person_ = 0, other_cv_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, ApplicationStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(ApplicationStore, ApplyingNeedsAnOpenOfferTheirOwnCvAndOneLiveApplicationPerOffer) {
  Acting a = Acting::staff(w_.org_a, w_.a_member);
  auto fields = [&](long long person, long long offer, long long cv) {
    try {
      apply_as(a, person, offer, cv);
    } catch (const ValidationError& e) {
      std::string out;
      for (const auto& f : e.fields()) out += f.field + " ";
      return out;
    }
    return std::string("accepted");
  };
  EXPECT_EQ(fields(w_.person_a, 0, 0), "offer_id ");
  EXPECT_EQ(fields(w_.person_a, closed_, 0), "offer_id ");
  EXPECT_EQ(fields(w_.person_a, offer_b_, other_cv_), "cv_document_id ") << "another person's CV";
  EXPECT_EQ(fields(w_.person_a, offer_b_, w_.document_a), "cv_document_id ") << "a certificate is not a CV";
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE offer_id = " + n(offer_b_)), 0) << "nothing written";
  long long id = apply_as(a, w_.person_a, offer_b_, cv_, "  Motivée.  ");
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    auto app = *astore::find(tx, id);
    EXPECT_EQ(app.sender_kind, "prescriber");
    EXPECT_EQ(app.sender_org, w_.org_a);
    EXPECT_EQ(app.organisation_id, w_.org_b);
    EXPECT_EQ(app.message, "Motivée.");
    EXPECT_EQ(app.cv_document_id, cv_);
    EXPECT_EQ(app.state, ApplicationState::new_);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(id) +
                  " AND from_state IS NULL AND to_state = 'new' AND by_org = " + n(w_.org_a)),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs_changes WHERE kind = 'offer' AND ref_id = " + n(offer_b_)), 1)
      << "the matching's flood penalty follows";
  // The employer's members are told, without the person's name; the person by e-mail.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.b_admin) +
                  " AND kind = 'application.received' AND text NOT LIKE '%Camille%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + w_.person_a_email + "'"), 1);
  // A second live application to the same offer: 409, whoever sends it.
  EXPECT_THROW(apply_as(Acting::self(w_.person_a), w_.person_a, offer_b_), Conflict);
  // The database says the same.
  EXPECT_THROW(
      {
        db::Tx tx(*db_, db::Tx::Mode::write);
        astore::NewApplication dup;
        dup.offer_id = offer_b_;
        dup.organisation_id = w_.org_b;
        dup.person_id = w_.person_a;
        dup.sender_kind = "person";
        astore::insert(tx, dup);
      },
      std::exception);
  // Once refused, the person may apply again.
  move(Acting::staff(w_.org_b, w_.b_admin), id, {"refuse", "no_position", "", ""});
  long long again = apply_as(Acting::self(w_.person_a), w_.person_a, offer_b_);
  // The employer may record an application itself: it is then both employer and sender.
  int received = count("SELECT COUNT(*) FROM notifications WHERE kind = 'application.received'");
  long long own = apply_as(Acting::staff(w_.org_b, w_.b_admin), w_.person_a, offer_b2_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'application.received'"), received)
      << "nobody to tell";
  db::Tx tx(*db_, db::Tx::Mode::read);
  EXPECT_EQ(astore::find(tx, own)->sender_kind, "employer");
  EXPECT_EQ(astore::find(tx, own)->sender_org, w_.org_b);
  EXPECT_EQ(astore::find(tx, again)->sender_kind, "person");
  EXPECT_EQ(astore::find(tx, again)->sender_org, 0);
}

TEST_P(ApplicationStore, TransitionsAreLoggedAndRefusedToTheWrongActorOrState) {
  Acting employer = Acting::staff(w_.org_b, w_.b_admin), sender = Acting::staff(w_.org_a, w_.a_member);
  long long id = apply_as(sender, w_.person_a, offer_b_);
  EXPECT_THROW(move(sender, id, {"process", "", "", ""}), Forbidden) << "the employer's decision";
  EXPECT_THROW(move(employer, id, {"withdraw", "", "", ""}), Forbidden) << "the candidate's or the sender's";
  EXPECT_THROW(move(Acting::staff(w_.org_b + 1000, 0), id, {"process", "", "", ""}), NotFound);
  EXPECT_EQ(move(employer, id, {"process", "", "", ""}), ApplicationState::processing);
  EXPECT_THROW(move(employer, id, {"process", "", "", ""}), Conflict) << "already being processed";
  EXPECT_EQ(move(employer, id, {"add_to_pool", "", "", ""}), ApplicationState::pool);
  EXPECT_EQ(move(employer, id, {"resume", "", "", ""}), ApplicationState::processing);
  EXPECT_THROW(move(employer, id, {"refuse", "", "", ""}), ValidationError) << "a reason is needed";
  EXPECT_EQ(move(employer, id, {"refuse", "lacking_skills", "Merci de votre intérêt.", ""}), ApplicationState::refused);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(id) +
                  " AND refusal_reason = 'lacking_skills' AND answer = 'Merci de votre intérêt.'"),
            1);
  EXPECT_THROW(move(Acting::self(w_.person_a), id, {"withdraw", "", "", ""}), Conflict) << "no longer pending";
  EXPECT_EQ(move(employer, id, {"reconsider", "", "", ""}), ApplicationState::processing);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(id) + " AND refusal_reason IS NULL"), 1);
  EXPECT_EQ(move(Acting::self(w_.person_a), id, {"withdraw", "", "", ""}), ApplicationState::cancelled);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(id)), 7);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(id) +
                  " AND to_state = 'cancelled' AND by_person = 1 AND by_org IS NULL"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(id) +
                  " AND to_state = 'refused' AND reason = 'lacking_skills' AND by_user = " + n(w_.b_admin)),
            1);
  // The sender was told of each decision of the employer (process, pool, resume, refuse,
  // reconsider) and of the withdrawal by the person; the employer of the withdrawal.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.a_member) +
                  " AND kind = 'application.decided'"),
            6);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.b_admin) +
                  " AND kind = 'application.withdrawn'"),
            1);
}

TEST_P(ApplicationStore, AcceptingClosesTheOtherPendingApplicationsAndEntersThePathway) {
  Acting employer = Acting::staff(w_.org_b, w_.b_admin), sender = Acting::staff(w_.org_a, w_.a_member);
  long long hired = apply_as(sender, w_.person_a, offer_b_);
  long long other = apply_as(sender, w_.person_a, offer_b2_);
  long long refused = apply_as(Acting::self(w_.person_a), w_.person_a, offer_b3_);
  move(employer, refused, {"refuse", "not_mobile", "", ""});
  long long someone_else = apply_as(sender, other_person_, offer_b2_);
  EXPECT_THROW(move(employer, hired, {"accept", "", "", ""}), ValidationError) << "the hiring date";
  EXPECT_EQ(move(employer, hired, {"accept", "", "Bienvenue !", "2026-12-07"}), ApplicationState::accepted);
  EXPECT_EQ(state(hired), "accepted");
  EXPECT_EQ(state(w_.application_a), "obsolete") << "the world's application to A's offer";
  EXPECT_EQ(state(other), "obsolete");
  EXPECT_EQ(state(refused), "refused") << "not pending: stays";
  EXPECT_EQ(state(someone_else), "new") << "another person";
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(other) +
                  " AND to_state = 'obsolete' AND reason = 'hired_elsewhere' AND by_org IS NULL AND by_user IS NULL "
                  "AND by_person = 0"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(hired) + " AND hired_on = '2026-12-07'"), 1);
  // The hire is a step of the person's open pathway, in progress from the hiring date.
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_steps WHERE pathway_id = " + n(w_.pathway_a) +
                  " AND scheme = 'job' AND title = 'Emploi : Maraîcher chez Chantier 1' AND status = 'in_progress' "
                  "AND start_on = '2026-12-07'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_events WHERE pathway_id = " + n(w_.pathway_a) +
                  " AND kind = 'step_added' AND organisation_id = " + n(w_.org_b)),
            1);
  // Told: the person by e-mail with the date and the answer; the sender; the other employer.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + w_.person_a_email +
                  "' AND body LIKE '%07/12/2026%' AND body LIKE '%Bienvenue !%'"),
            1);
  EXPECT_GE(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.a_member) +
                  " AND kind = 'application.decided' AND text LIKE '%Acceptée%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.a_admin) +
                  " AND kind = 'application.decided' AND text LIKE '%embauchée ailleurs%'"),
            1)
      << "A, employer of the world's application";
  // Cancelling the hire abandons that step, found by its id: renamed since by a counsellor, and
  // with another step in progress under its first title, it is still that one and only that one.
  const int step = count("SELECT hire_step_id FROM job_applications WHERE id = " + n(hired));
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_steps WHERE id = " + n(step) + " AND title LIKE 'Emploi : Maraîcher%'"), 1);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "UPDATE pathway_steps SET title = 'CDI maraîchage (renommée)' WHERE id = " + n(step);
    tx.sql() << "INSERT INTO pathway_steps (pathway_id, scheme, title, status, created_by_org, created_at, updated_at) SELECT "
                "pathway_id, scheme, 'Emploi : Maraîcher chez Chantier 1', 'in_progress', created_by_org, created_at, updated_at "
                "FROM pathway_steps WHERE id = " + n(step);
    tx.commit();
  }
  EXPECT_EQ(move(employer, hired, {"cancel_hire", "", "", ""}), ApplicationState::cancelled);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_steps WHERE pathway_id = " + n(w_.pathway_a) +
                  " AND scheme = 'job' AND status = 'abandoned'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_steps WHERE id = " + n(step) + " AND status = 'abandoned'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pathway_steps WHERE pathway_id = " + n(w_.pathway_a) +
                  " AND title = 'Emploi : Maraîcher chez Chantier 1' AND status = 'in_progress'"),
            1) << "the other step keeps its state";
  EXPECT_EQ(move(Acting::staff(w_.org_a, w_.a_admin), w_.application_a, {"reconsider", "", "", ""}),
            ApplicationState::processing)
      << "the employer may take back an application closed by a hire elsewhere";
}

TEST_P(ApplicationStore, ApplicationsUnansweredForSixtyDaysAreRefusedOnce) {
  Acting sender = Acting::staff(w_.org_a, w_.a_member), employer = Acting::staff(w_.org_b, w_.b_admin);
  long long at59 = apply_as(sender, w_.person_a, offer_b_);
  long long at60 = apply_as(sender, w_.person_a, offer_b2_);
  long long pooled = apply_as(sender, other_person_, offer_b_);
  move(employer, pooled, {"process", "", "", ""});
  move(employer, pooled, {"add_to_pool", "", "", ""});
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    // Days are counted in Paris: 22:30 UTC on 29 September is 00:30 on the 30th there (59 days
    // before 28 November), 21:59:59 UTC still the 29th (60 days).
    tx.sql() << "UPDATE job_applications SET state_at = '2026-09-29T22:30:00Z' WHERE id = " + n(at59);
    tx.sql() << "UPDATE job_applications SET state_at = '2026-09-29T21:59:59Z' WHERE id = " + n(at60);
    tx.sql() << "UPDATE job_applications SET state_at = '2025-01-01T08:00:00Z' WHERE id = " + n(pooled);
    tx.sql() << "UPDATE job_applications SET state_at = '2026-09-01T08:00:00Z' WHERE id = " + n(w_.application_a);
    tx.sql() << "DELETE FROM notifications";
    tx.commit();
  }
  EXPECT_EQ(refuse_unanswered(*db_, kToday, kBase), 2);
  EXPECT_EQ(state(at59), "new") << "59 days";
  EXPECT_EQ(state(at60), "refused") << "60 days";
  EXPECT_EQ(state(pooled), "pool") << "the pool is the employer's choice";
  EXPECT_EQ(state(w_.application_a), "refused");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(at60) + " AND refusal_reason = 'auto_no_answer'"),
      1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE application_id = " + n(at60) +
                  " AND to_state = 'refused' AND reason = 'auto_no_answer' AND by_org IS NULL AND by_person = 0"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.b_admin) +
                  " AND text LIKE '%automatiquement%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.a_member) +
                  " AND kind = 'application.decided' AND text LIKE '%motif : Automatique%'"),
            1)
      << "the sender learns the reason";
  EXPECT_EQ(refuse_unanswered(*db_, kToday, kBase), 0) << "once";
  EXPECT_EQ(refuse_unanswered(*db_, "2026-11-29", kBase), 1) << "the next day, the 59-day one";
}

TEST_P(ApplicationStore, SeveralServersRefuseEachUnansweredApplicationOnce) {
  long long old = apply_as(Acting::staff(w_.org_a, w_.a_member), w_.person_a, offer_b_);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "UPDATE job_applications SET state_at = '2026-01-01T08:00:00Z' WHERE id IN (" + n(old) + ", " +
                    n(w_.application_a) + ")";
    tx.commit();
  }
  std::atomic<int> total{0};
  std::vector<std::thread> servers;
  for (int i = 0; i < 3; ++i)
    servers.emplace_back([&] {
      for (int round = 0; round < 3; ++round) total += refuse_unanswered(*db_, kToday, kBase);
    });
  for (auto& t : servers) t.join();
  EXPECT_EQ(total.load(), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_application_events WHERE reason = 'auto_no_answer'"), 2);
}
