#include <gtest/gtest.h>

#include "base/time.h"

using namespace jalon;

TEST(Time, IsoRoundTrip) {
  auto t = time::parse_iso("2026-11-28T09:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(time::iso(*t), "2026-11-28T09:30:00Z");
  EXPECT_FALSE(time::parse_iso("28/11/2026"));
}

TEST(Time, CivilDateFollowsTheTimeZone) {
  auto t = *time::parse_iso("2026-11-28T23:30:00Z");
  EXPECT_EQ(time::civil_date(t, "Europe/Paris"), "2026-11-29");        // UTC+1 in winter
  EXPECT_EQ(time::civil_date(t, "America/Guadeloupe"), "2026-11-28");  // UTC-4
  EXPECT_EQ(time::civil_date(*time::parse_iso("2026-07-01T22:30:00Z"), "Europe/Paris"), "2026-07-02");  // UTC+2 in summer
}

TEST(Time, TestClockIsUsedByTodayAndNow) {
  time::set_clock_for_tests([] { return *time::parse_iso("2026-03-10T12:00:00Z"); });
  EXPECT_EQ(time::today(), "2026-03-10");
  EXPECT_EQ(time::iso_now(), "2026-03-10T12:00:00Z");
  time::set_clock_for_tests({});
  EXPECT_NE(time::iso_now(), "2026-03-10T12:00:00Z");
}

TEST(Time, DisplayInFrench) {
  EXPECT_EQ(time::display(*time::parse_iso("2026-11-28T09:30:00Z")), "28/11/2026 à 10:30");
}

TEST(Time, ValidCivilDate) {
  EXPECT_TRUE(time::valid_civil_date("2024-02-29"));
  EXPECT_FALSE(time::valid_civil_date("2026-02-29"));
  EXPECT_FALSE(time::valid_civil_date("2026-13-01"));
  EXPECT_FALSE(time::valid_civil_date("26-01-01"));
}

TEST(Time, AStoredInstantBelongsToItsParisDay) {
  // 23:30 UTC is already the next day in Paris (summer: UTC+2; winter: UTC+1).
  EXPECT_EQ(time::civil_date_of("2026-08-31T23:30:00Z"), "2026-09-01");
  EXPECT_EQ(time::civil_date_of("2026-08-31T21:59:59Z"), "2026-08-31");
  EXPECT_EQ(time::civil_date_of("2026-12-31T23:00:00Z"), "2027-01-01");
  EXPECT_EQ(time::civil_date_of("2026-12-31"), "2026-12-31") << "a civil date stays itself";
  EXPECT_EQ(time::start_of_day("2026-09-01"), "2026-08-31T22:00:00Z");
  EXPECT_EQ(time::start_of_day("2027-01-01"), "2026-12-31T23:00:00Z");
  EXPECT_EQ(time::start_of_day("2026-03-29"), "2026-03-28T23:00:00Z") << "the day clocks go forward starts in winter time";
  EXPECT_THROW(time::start_of_day("31/12/2026"), std::invalid_argument);
}
