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
