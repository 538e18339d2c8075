// Appointments through a real socket on both engines: creation from the person's page (the
// counsellor notified), attendance through the state machine, collective sessions and
// cancellation e-mails, reminders sent once by concurrent runners, iCalendar exports, the API
// and the no-show statistics; other organisations see nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "appointments/actions.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "base/time.h"
#include "mail/outbox.h"
#include "people/store.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;
namespace json = boost::json;

class AppointmentFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
    // From an empty bell and outbox: the world's orientations already told their receivers.
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "DELETE FROM notifications";
    tx.sql() << "DELETE FROM outbox";
    tx.commit();
  }
  std::string org_a() const { return "/organisations/" + std::to_string(world_.org_a); }
  std::string person_a() const { return org_a() + "/personnes/" + std::to_string(world_.person_a); }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::string status_of(long long appointment, long long person) {
    db::Tx tx(*db_, db::Tx::Mode::read);
    std::string s;
    tx.sql() << "SELECT status FROM appointment_participants WHERE appointment_id = :a AND person_id = :p",
        soci::use(appointment), soci::use(person), soci::into(s);
    return s;
  }
  // An appointment of A with person_a that started `hours_ago` hours ago (made in the store:
  // the pages refuse to create one in the past).
  long long started_appointment(int hours_ago, long long counsellor) {
    db::Tx tx(*db_, db::Tx::Mode::write);
    appointments::Appointment a;
    a.kind = appointments::Kind::individual;
    a.starts_at = time::iso(time::now() - std::chrono::hours(hours_ago));
    a.duration_minutes = 30;
    a.place = "Bureau 2";
    a.subject = "Entretien passé";
    a.counsellor_id = counsellor;
    long long id = appointments::store::create(tx, world_.org_a, a, counsellor);
    appointments::store::add_participant(tx, id, world_.person_a);
    tx.commit();
    return id;
  }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, AppointmentFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(AppointmentFlows, CreatedFromThePersonsPageWithTheCounsellorNotified) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  auto form = admin.get(person_a() + "/rendez-vous/nouveau");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Membre A 1"), std::string::npos);  // the counsellors to choose from
  std::string day = appointments::utc_to_local(time::now() + std::chrono::hours(48)).first;
  // Refused: no subject, no place nor link, a day in the past.
  auto bad = admin.post_form(person_a() + "/rendez-vous", {{"csrf", admin.csrf()},
                                                           {"date", "2020-01-06"},
                                                           {"time", "10:00"},
                                                           {"duration", "45"},
                                                           {"counsellor_id", std::to_string(world_.a_member)}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("dans le passé"), std::string::npos);
  EXPECT_NE(bad.body.find("Indiquez l&#39;objet"), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"place-erreur\""), std::string::npos);
  // A counsellor who is not a member of the organisation is refused too.
  auto stranger = admin.post_form(person_a() + "/rendez-vous", {{"csrf", admin.csrf()},
                                                                {"date", day},
                                                                {"time", "10:00"},
                                                                {"duration", "45"},
                                                                {"subject", "Bilan"},
                                                                {"place", "Bureau 3"},
                                                                {"counsellor_id", std::to_string(world_.b_admin)}});
  EXPECT_EQ(stranger.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 1);  // the world's only
  auto made = admin.post_form(person_a() + "/rendez-vous", {{"csrf", admin.csrf()},
                                                            {"date", day},
                                                            {"time", "10:00"},
                                                            {"duration", "45"},
                                                            {"subject", "Bilan, étape 2"},
                                                            {"place", "Bureau 3"},
                                                            {"counsellor_id", std::to_string(world_.a_member)}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 2000);
  std::string url = made.header("location");
  long long id = std::stoll(url.substr(url.rfind('/') + 1));
  EXPECT_EQ(status_of(id, world_.person_a), "planned");
  // Stored in UTC: 10:00 in Paris.
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    std::string starts;
    tx.sql() << "SELECT starts_at FROM appointments WHERE id = :i", soci::use(id), soci::into(starts);
    EXPECT_EQ(appointments::utc_to_local(*time::parse_iso(starts)), std::make_pair(day, std::string("10:00")));
  }
  // The counsellor, who is not the author, is told in the app and by e-mail (the kind's default).
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(world_.a_member) +
                  " AND kind = 'appointment.assigned' AND link = '" + url + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + world_.a_member_email +
                  "' AND body LIKE '%Bilan, étape 2%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(world_.a_admin)), 0);
  // The appointment page names the person; the read is audited.
  auto page = admin.get(url);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Camille Martin 1"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(world_.person_a) +
                  " AND action = 'appointment.read'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(world_.person_a) +
                  " AND action = 'appointment.create'"),
            1);
  // The person's list and the agenda show it.
  EXPECT_NE(admin.get(person_a() + "/rendez-vous").body.find("Bilan, étape 2"), std::string::npos);
  auto agenda = admin.get(org_a() + "/agenda?conseiller=" + std::to_string(world_.a_member));
  EXPECT_NE(agenda.body.find("Bilan, étape 2"), std::string::npos);
  EXPECT_NE(agenda.body.find("10:00"), std::string::npos);
  // Another organisation sees nothing of it, even though person_a is shared with it.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  EXPECT_EQ(b.get("/organisations/" + std::to_string(world_.org_b) + "/rendez-vous/" + std::to_string(id)).status, 404);
  auto b_list = b.get("/organisations/" + std::to_string(world_.org_b) + "/personnes/" +
                      std::to_string(world_.person_a) + "/rendez-vous");
  EXPECT_EQ(b_list.status, 200);
  EXPECT_EQ(b_list.body.find("Bilan"), std::string::npos);
  EXPECT_EQ(b.get(org_a() + "/rendez-vous/" + std::to_string(id)).status, 403);
}

TEST_P(AppointmentFlows, AttendanceFollowsTheStateMachine) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  std::string future = org_a() + "/rendez-vous/" + std::to_string(world_.appointment_a);
  std::string person = std::to_string(world_.person_a);
  auto record = [&](const std::string& url, const std::string& status) {
    c.get(url);
    return c.post_form(url + "/presence", {{"csrf", c.csrf()}, {"person_id", person}, {"status", status}});
  };
  // Not started: neither seen nor no-show; excused is possible, then not back to planned.
  auto early = record(future, "seen");
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("pas encore commencé"), std::string::npos);
  EXPECT_EQ(record(future, "no_show").status, 409);
  EXPECT_EQ(record(future, "excused").status, 303);
  EXPECT_EQ(status_of(world_.appointment_a, world_.person_a), "excused");
  EXPECT_EQ(record(future, "planned").status, 409);
  EXPECT_EQ(record(future, "cancelled").status, 409);
  EXPECT_EQ(record(future, "seen").status, 409);
  EXPECT_EQ(record(future, "bogus").status, 422);
  // Started an hour ago: seen, corrected to no-show; cancelled is refused once recorded.
  long long past = started_appointment(1, world_.a_member);
  std::string past_url = org_a() + "/rendez-vous/" + std::to_string(past);
  auto page = c.get(past_url);
  EXPECT_NE(page.body.find("<option value=\"seen\">"), std::string::npos);  // only allowed statuses are offered
  EXPECT_EQ(page.body.find("<option value=\"planned\">"), std::string::npos);
  EXPECT_EQ(record(past_url, "seen").status, 303);
  EXPECT_EQ(record(past_url, "no_show").status, 303);
  EXPECT_EQ(status_of(past, world_.person_a), "no_show");
  EXPECT_EQ(record(past_url, "cancelled").status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + person + " AND action = 'appointment.status'"),
            3);
  // Cancelling the whole appointment: only a planned participant can be.
  c.get(past_url);
  EXPECT_EQ(c.post_form(past_url + "/annuler", {{"csrf", c.csrf()}}).status, 409);
  // A person who does not take part cannot be recorded.
  c.get(future);
  EXPECT_EQ(c.post_form(future + "/presence", {{"csrf", c.csrf()}, {"person_id", "999999"}, {"status", "seen"}}).status,
            404);
}

TEST_P(AppointmentFlows, CollectiveSessionsEnrolPeopleAndCancellationTellsThem) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_admin_email, test::kPassword);
  std::string day = appointments::utc_to_local(time::now() + std::chrono::hours(96)).first;
  c.get(org_a() + "/rendez-vous/nouveau");
  auto made = c.post_form(org_a() + "/rendez-vous", {{"csrf", c.csrf()},
                                                     {"date", day},
                                                     {"time", "14:00"},
                                                     {"duration", "120"},
                                                     {"subject", "Atelier CV"},
                                                     {"place", "Salle 2"},
                                                     {"counsellor_id", std::to_string(world_.a_admin)}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 2000);
  std::string url = made.header("location");
  long long id = std::stoll(url.substr(url.rfind('/') + 1));
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 0);  // the author is the counsellor
  // Enrolled from the person's page (the session is offered there), then again: refused.
  auto list = c.get(person_a() + "/rendez-vous");
  EXPECT_NE(list.body.find("Atelier CV"), std::string::npos);
  EXPECT_EQ(
      c.post_form(person_a() + "/rendez-vous/inscription", {{"csrf", c.csrf()}, {"appointment_id", std::to_string(id)}})
          .status,
      303);
  EXPECT_EQ(
      c.post_form(person_a() + "/rendez-vous/inscription", {{"csrf", c.csrf()}, {"appointment_id", std::to_string(id)}})
          .status,
      409);
  // An individual appointment takes no one else.
  EXPECT_EQ(c.post_form(person_a() + "/rendez-vous/inscription",
                        {{"csrf", c.csrf()}, {"appointment_id", std::to_string(world_.appointment_a)}})
                .status,
            409);
  // A second person through the API.
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw},
                                       {"Content-Type", "application/json"}};
  HttpClient api(server.port());
  auto person2 = api.request("POST", "/api/v1/organisations/" + std::to_string(world_.org_a) + "/people",
                             R"({"last_name":"Diallo","first_name":"Awa","email":"awa.diallo@exemple.fr"})", h);
  ASSERT_EQ(person2.status, 201) << person2.body;
  long long p2 = json::parse(person2.body).as_object()["id"].as_int64();
  auto enrolled = api.request(
      "POST",
      "/api/v1/organisations/" + std::to_string(world_.org_a) + "/appointments/" + std::to_string(id) + "/participants",
      "{\"person_id\":" + std::to_string(p2) + "}", h);
  ASSERT_EQ(enrolled.status, 201) << enrolled.body;
  EXPECT_EQ(json::parse(enrolled.body).as_object()["participants"].as_array().size(), 2u);
  // Cancelled: both are told by e-mail.
  c.get(url);
  auto cancelled = c.post_form(url + "/annuler", {{"csrf", c.csrf()}});
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(status_of(id, world_.person_a), "cancelled");
  EXPECT_EQ(status_of(id, p2), "cancelled");
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Rendez-vous annulé%' AND recipient IN ('" +
                  world_.person_a_email + "', 'awa.diallo@exemple.fr')"),
            2);
  EXPECT_EQ(c.post_form(url + "/annuler", {{"csrf", c.csrf()}}).status, 409);
}

TEST_P(AppointmentFlows, RemindersAreSentOnceEvenByConcurrentRunners) {
  auto start = *time::parse_iso([&] {
    db::Tx tx(*db_, db::Tx::Mode::read);
    std::string s;
    tx.sql() << "SELECT starts_at FROM appointments WHERE id = :i", soci::use(world_.appointment_a), soci::into(s);
    return s;
  }());
  EXPECT_EQ(appointments::send_reminders(*db_, "https://jalon.exemple.fr", start - std::chrono::hours(25)), 0);
  // Four runners at once, as four servers would: one e-mail in all.
  std::atomic<int> sent{0};
  std::vector<std::thread> runners;
  for (int i = 0; i < 4; ++i)
    runners.emplace_back([&] {
      sent += appointments::send_reminders(*db_, "https://jalon.exemple.fr", start - std::chrono::hours(23));
    });
  for (auto& t : runners) t.join();
  EXPECT_EQ(sent.load(), 1);
  EXPECT_EQ(appointments::send_reminders(*db_, "https://jalon.exemple.fr", start - std::chrono::hours(2)), 0);
  db::Tx tx(*db_, db::Tx::Mode::read);
  auto mails = mail::latest(tx, 10, world_.person_a_email);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].subject.find("Rappel : votre rendez-vous du"), std::string::npos);
  EXPECT_NE(mails[0].body.find("Point d'étape 1"), std::string::npos);
  EXPECT_NE(mails[0].body.find("Mission Locale, bureau 3"), std::string::npos);
  EXPECT_NE(mails[0].body.find("https://jalon.exemple.fr/mon-espace"), std::string::npos);
}

TEST_P(AppointmentFlows, NoReminderForAnExcusedPersonNorWithoutAnAddress) {
  std::string starts;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    appointments::store::set_status(tx, world_.appointment_a, world_.person_a, appointments::Status::excused,
                                    world_.a_member, false);
    tx.sql() << "SELECT starts_at FROM appointments WHERE id = :i", soci::use(world_.appointment_a), soci::into(starts);
    // A collective session at the same time with someone who gave no e-mail address.
    people::Person p;
    p.first_name = "Sans";
    p.last_name = "Adresse";
    long long quiet = people::store::create(tx, p, world_.org_a);
    appointments::Appointment a;
    a.kind = appointments::Kind::collective;
    a.starts_at = starts;
    a.duration_minutes = 60;
    a.place = "Salle 1";
    a.subject = "Information collective";
    a.counsellor_id = world_.a_admin;
    long long session = appointments::store::create(tx, world_.org_a, a, world_.a_admin);
    appointments::store::add_participant(tx, session, quiet);
    tx.commit();
  }
  EXPECT_EQ(
      appointments::send_reminders(*db_, "https://jalon.exemple.fr", *time::parse_iso(starts) - std::chrono::hours(23)),
      0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_participants WHERE reminded_at IS NOT NULL"), 0);
}

TEST_P(AppointmentFlows, CalendarExportsAndTheApi) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto ics = c.get(person_a() + "/rendez-vous/calendrier.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(ics.header("content-disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(ics.body.find("UID:rdv-" + std::to_string(world_.appointment_a) + "-p-" + std::to_string(world_.person_a) +
                          "@127.0.0.1\r\n"),
            std::string::npos);
  EXPECT_NE(ics.body.find("SUMMARY:Point d'étape 1 (Mission Locale 1)\r\n"), std::string::npos);
  auto mine = c.get(org_a() + "/agenda/" + std::to_string(world_.a_member) + "/calendrier.ics");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("SUMMARY:Point d'étape 1 – Camille Martin 1\r\n"), std::string::npos);
  EXPECT_EQ(c.get(org_a() + "/agenda/" + std::to_string(world_.b_admin) + "/calendrier.ics").status,
            404);  // not a member of A
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.ics' AND person_id = " +
                  std::to_string(world_.person_a)),
            2);

  // The API: the same rules and the same state machine.
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw},
                                       {"Content-Type", "application/json"}};
  HttpClient api(server.port());
  std::string base = "/api/v1/organisations/" + std::to_string(world_.org_a) + "/appointments";
  std::string day = appointments::utc_to_local(time::now() + std::chrono::hours(48)).first;
  auto made = api.request("POST", base,
                          "{\"person_ids\":[" + std::to_string(world_.person_a) +
                              "],\"counsellor_id\":" + std::to_string(world_.a_member) + ",\"date\":\"" + day +
                              "\",\"time\":\"09:15\",\"duration_minutes\":30,\"video_url\":\"https://visio.exemple.fr/"
                              "a\",\"subject\":\"Visio\"}",
                          h);
  ASSERT_EQ(made.status, 201) << made.body;
  auto body = json::parse(made.body).as_object();
  EXPECT_EQ(body["time"].as_string(), "09:15");
  EXPECT_EQ(body["participants"].as_array().size(), 1u);
  std::string id = std::to_string(body["id"].as_int64());
  auto early = api.request("PATCH", base + "/" + id + "/participants/" + std::to_string(world_.person_a),
                           R"({"status":"no_show"})", h);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.header("content-type"), "application/problem+json");
  auto excused = api.request("PATCH", base + "/" + id + "/participants/" + std::to_string(world_.person_a),
                             R"({"status":"excused"})", h);
  ASSERT_EQ(excused.status, 200) << excused.body;
  EXPECT_EQ(json::parse(excused.body).as_object()["participants"].as_array()[0].as_object()["status"].as_string(),
            "excused");
  EXPECT_EQ(api.request("PATCH", base + "/" + id + "/participants/" + std::to_string(world_.person_a),
                        R"({"status":"later"})", h)
                .status,
            422);
  auto listed = api.get(base + "?from=" + day + "&to=" + day, h);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(json::parse(listed.body).as_object()["items"].as_array().size(), 1u);
  auto of_person = api.get("/api/v1/organisations/" + std::to_string(world_.org_a) + "/people/" +
                               std::to_string(world_.person_a) + "/appointments",
                           h);
  EXPECT_EQ(json::parse(of_person.body).as_object()["items"].as_array().size(), 2u);
  // Another organisation's person, or another organisation's address: not found, refused.
  auto other_org =
      api.request("POST", "/api/v1/organisations/" + std::to_string(world_.org_b) + "/appointments", "{}", h);
  EXPECT_EQ(other_org.status, 403);
  EXPECT_EQ(api.get("/api/v1/organisations/" + std::to_string(world_.org_a) + "/appointments/999999", h).status, 404);
}

TEST_P(AppointmentFlows, NoShowStatisticsPerCounsellorOverAPeriod) {
  using appointments::Status;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto make = [&](long long counsellor, const std::string& when, Status s) {
      appointments::Appointment a;
      a.kind = appointments::Kind::individual;
      a.starts_at = when;
      a.duration_minutes = 30;
      a.place = "Bureau";
      a.subject = "Suivi";
      a.counsellor_id = counsellor;
      long long id = appointments::store::create(tx, world_.org_a, a, counsellor);
      appointments::store::add_participant(tx, id, world_.person_a);
      if (s != Status::planned) appointments::store::set_status(tx, id, world_.person_a, s, counsellor, false);
    };
    // March 2026 in Paris: the member 2 seen, 1 excused, 1 no-show, 1 cancelled; the admin 1 excused, 1 no-show.
    make(world_.a_member, "2026-03-02T09:00:00Z", Status::seen);
    make(world_.a_member, "2026-03-03T09:00:00Z", Status::seen);
    make(world_.a_member, "2026-03-04T09:00:00Z", Status::excused);
    make(world_.a_member, "2026-03-05T09:00:00Z", Status::no_show);
    make(world_.a_member, "2026-03-06T09:00:00Z", Status::cancelled);
    make(world_.a_admin, "2026-03-31T22:30:00Z", Status::no_show);  // 00:30 on 1 April in Paris (UTC+2): outside March
    make(world_.a_admin, "2026-02-28T23:30:00Z", Status::excused);  // 00:30 on 1 March in Paris (UTC+1): inside
    make(world_.a_admin, "2026-03-10T09:00:00Z", Status::no_show);
    make(world_.a_admin, "2026-02-27T09:00:00Z", Status::seen);  // before the period
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient api(server.port());
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw}};
  auto stats = api.get(
      "/api/v1/organisations/" + std::to_string(world_.org_a) + "/appointments/stats?from=2026-03-01&to=2026-03-31", h);
  ASSERT_EQ(stats.status, 200) << stats.body;
  auto o = json::parse(stats.body).as_object();
  auto items = o["items"].as_array();
  ASSERT_EQ(items.size(), 2u);  // by name: "Admin A 1", "Membre A 1"
  auto admin = items[0].as_object(), member = items[1].as_object();
  EXPECT_EQ(admin["counsellor_name"].as_string(), "Admin A 1");
  EXPECT_EQ(admin["no_show"].as_int64(), 1);
  EXPECT_EQ(admin["excused"].as_int64(), 1);
  EXPECT_EQ(admin["seen"].as_int64(), 0);
  EXPECT_DOUBLE_EQ(admin["no_show_rate"].as_double(), 0.5);
  EXPECT_EQ(member["seen"].as_int64(), 2);
  EXPECT_EQ(member["excused"].as_int64(), 1);
  EXPECT_EQ(member["no_show"].as_int64(), 1);
  EXPECT_EQ(member["cancelled"].as_int64(), 1);
  EXPECT_DOUBLE_EQ(member["no_show_rate"].as_double(), 0.25);
  EXPECT_DOUBLE_EQ(o["total"].as_object()["no_show_rate"].as_double(), 2.0 / 6);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto page = c.get(org_a() + "/rendez-vous/statistiques?du=2026-03-01&au=2026-03-31");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("25 %"), std::string::npos);
  EXPECT_NE(page.body.find("50 %"), std::string::npos);
  EXPECT_NE(page.body.find("33,3 %"), std::string::npos);
  auto reversed = c.get(org_a() + "/rendez-vous/statistiques?du=2026-04-01&au=2026-03-01");
  EXPECT_NE(reversed.body.find("La date de fin précède la date de début."), std::string::npos);
}
