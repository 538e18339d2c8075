// The attendance state machine on every pair of statuses, before and after the start; what a
// form may type; reminders; no-show rates.
#include "appointments/rules.h"

#include <gtest/gtest.h>

#include "base/errors.h"

using namespace jalon;
using namespace jalon::appointments;

namespace {
// The expected machine, written out independently of the table in rules.cpp.
bool expected(Status from, Status to, bool started) {
  using S = Status;
  if (from == to || from == S::cancelled || to == S::planned) return false;
  if (from != S::planned && to == S::cancelled) return false;
  if ((to == S::seen || to == S::no_show) && !started) return false;
  return true;
}

time::Instant at(const std::string& iso) {
  return *time::parse_iso(iso);
}
}  // namespace

TEST(AppointmentStates, EveryTransitionBeforeAndAfterTheStart) {
  int allowed_count = 0, checked = 0;
  for (Status from : all_statuses())
    for (Status to : all_statuses())
      for (bool started : {false, true}) {
        std::string why = refusal(from, to, started);
        EXPECT_EQ(why.empty(), expected(from, to, started))
            << status_code(from) << " -> " << status_code(to) << (started ? " (started)" : " (not started)") << ": "
            << why;
        if (why.empty()) ++allowed_count;
        ++checked;
      }
  EXPECT_EQ(checked, 50);
  // Planned: excused and cancelled always, seen and no-show once started (2 + 4); corrections:
  // seen->excused, no_show->excused always, and seen<->no_show, excused->seen/no_show once started (2 + 6).
  EXPECT_EQ(allowed_count, 14);
}

TEST(AppointmentStates, RefusalsSayWhy) {
  EXPECT_NE(refusal(Status::cancelled, Status::seen, true).find("annulé"), std::string::npos);
  EXPECT_NE(refusal(Status::planned, Status::no_show, false).find("pas encore commencé"), std::string::npos);
  EXPECT_NE(refusal(Status::seen, Status::planned, true).find("ne redevient pas"), std::string::npos);
  EXPECT_NE(refusal(Status::seen, Status::seen, true).find("déjà"), std::string::npos);
  EXPECT_NE(refusal(Status::no_show, Status::cancelled, true).find("corrigez"), std::string::npos);
}

TEST(AppointmentStates, ThePersonCancelsOnlyAPlannedAppointmentBeforeItStarts) {
  EXPECT_EQ(person_cancel_refusal(Status::planned, false), "");
  EXPECT_NE(person_cancel_refusal(Status::planned, true), "");
  for (Status s : {Status::seen, Status::excused, Status::no_show, Status::cancelled}) {
    EXPECT_NE(person_cancel_refusal(s, false), "") << status_code(s);
  }
}

TEST(AppointmentTimes, ParisTimeBothSidesOfTheChangesOfHour) {
  // Winter: UTC+1; summer: UTC+2.
  EXPECT_EQ(time::iso(*local_to_utc("2026-12-01", "09:30")), "2026-12-01T08:30:00Z");
  EXPECT_EQ(time::iso(*local_to_utc("2026-07-14", "09:30")), "2026-07-14T07:30:00Z");
  // 29 March 2026, 02:30 does not exist in Paris; 25 October 2026, 02:30 happens twice (the first counts).
  EXPECT_FALSE(local_to_utc("2026-03-29", "02:30"));
  EXPECT_EQ(time::iso(*local_to_utc("2026-10-25", "02:30")), "2026-10-25T00:30:00Z");
  EXPECT_FALSE(local_to_utc("2026-02-30", "10:00"));
  EXPECT_FALSE(local_to_utc("2026-12-01", "24:00"));
  EXPECT_FALSE(local_to_utc("2026-12-01", "9h30"));
  EXPECT_EQ(utc_to_local(at("2026-12-01T08:30:00Z")), std::make_pair(std::string("2026-12-01"), std::string("09:30")));
  EXPECT_EQ(display_when(at("2026-12-01T08:30:00Z")), "mardi 1er décembre 2026 à 09:30");
  EXPECT_EQ(display_when(at("2026-07-14T07:30:00Z")), "mardi 14 juillet 2026 à 09:30");
}

TEST(AppointmentValidation, EveryFieldIsChecked) {
  time::Instant now = at("2026-11-28T09:00:00Z");
  Input ok;
  ok.date = "2026-12-01";
  ok.time = "09:30";
  ok.duration = "45";
  ok.place = "Mission Locale, salle 2";
  ok.subject = "Point d'étape";
  ok.counsellor_id = 7;
  Appointment a = validate(ok, now, true);
  EXPECT_EQ(a.starts_at, "2026-12-01T08:30:00Z");
  EXPECT_EQ(a.duration_minutes, 45);
  EXPECT_EQ(a.kind, Kind::individual);
  EXPECT_EQ(a.counsellor_id, 7);

  auto fields_of = [&](const Input& in, bool creating = true) {
    std::vector<std::string> out;
    try {
      validate(in, now, creating);
    } catch (const ValidationError& e) {
      for (const auto& f : e.fields()) out.push_back(f.field);
    }
    return out;
  };
  Input empty;
  auto missing = fields_of(empty);
  for (const char* f : {"date", "time", "duration", "subject", "place"})
    EXPECT_NE(std::find(missing.begin(), missing.end(), f), missing.end()) << f;
  Input past = ok;
  past.date = "2026-11-27";
  EXPECT_EQ(fields_of(past), std::vector<std::string>{"date"});
  EXPECT_TRUE(fields_of(past, false).empty());  // an existing appointment may be in the past
  Input bad = ok;
  bad.kind = "group";
  bad.duration = "4";
  bad.video_url = "javascript:alert(1)";
  auto errors = fields_of(bad);
  EXPECT_EQ(errors, (std::vector<std::string>{"kind", "duration", "video_url"}));
  Input video = ok;
  video.place = "";
  video.video_url = "https://visio.exemple.fr/salle-12";
  EXPECT_EQ(validate(video, now, true).video_url, "https://visio.exemple.fr/salle-12");
  Input gap = ok;
  gap.date = "2027-03-28";
  gap.time = "02:15";
  EXPECT_EQ(fields_of(gap), std::vector<std::string>{"time"});
}

TEST(AppointmentReminders, DueOnceWithinTheDayBefore) {
  time::Instant start = at("2026-12-01T08:30:00Z");
  EXPECT_FALSE(reminder_due(Status::planned, false, start, at("2026-11-30T08:29:59Z")));
  EXPECT_TRUE(reminder_due(Status::planned, false, start, at("2026-11-30T08:30:00Z")));
  EXPECT_TRUE(reminder_due(Status::planned, false, start, at("2026-12-01T08:29:59Z")));
  EXPECT_FALSE(reminder_due(Status::planned, false, start, at("2026-12-01T08:30:00Z")));
  EXPECT_FALSE(reminder_due(Status::planned, true, start, at("2026-11-30T20:00:00Z")));
  EXPECT_FALSE(reminder_due(Status::excused, false, start, at("2026-11-30T20:00:00Z")));
  EXPECT_FALSE(reminder_due(Status::cancelled, false, start, at("2026-11-30T20:00:00Z")));
}

TEST(AppointmentStats, NoShowRateAmongKnownOutcomes) {
  StatusCounts c;
  EXPECT_FALSE(no_show_rate(c));
  c.planned = 5;
  c.cancelled = 3;
  EXPECT_FALSE(no_show_rate(c));
  c.seen = 6;
  c.excused = 1;
  c.no_show = 1;
  EXPECT_DOUBLE_EQ(*no_show_rate(c), 1.0 / 8);
  EXPECT_EQ(display_rate(no_show_rate(c)), "12,5 %");
  c.no_show = 2;
  EXPECT_EQ(display_rate(no_show_rate(c)), "22,2 %");
  EXPECT_EQ(display_rate(std::nullopt), "–");
  StatusCounts all_missed;
  all_missed.no_show = 4;
  EXPECT_EQ(display_rate(no_show_rate(all_missed)), "100 %");
}
