// The directory's pure rules: staleness, the access decision, the lifecycle, number parsing.
#include <gtest/gtest.h>

#include "directory/actions.h"
#include "directory/rules.h"

using namespace jalon::directory;

TEST(DirectoryRules, AServiceIsStaleTwelveMonthsAfterItsLastUpdate) {
  EXPECT_FALSE(is_stale("2026-11-28", "2026-11-28"));
  EXPECT_FALSE(is_stale("2025-11-29", "2026-11-28"));
  EXPECT_TRUE(is_stale("2025-11-28", "2026-11-28"));  // exactly 12 months
  EXPECT_TRUE(is_stale("2020-01-01", "2026-11-28"));
  EXPECT_TRUE(is_stale("2027-02-28", "2028-02-29"));  // 29 February counts from the 28th
  EXPECT_FALSE(is_stale("2027-03-01", "2028-02-29"));
  EXPECT_TRUE(is_stale("", "2026-11-28"));  // unknown freshness is flagged
  EXPECT_TRUE(is_stale("28/11/2026", "2026-11-28"));
}

TEST(DirectoryRules, WhoMayDoWhatWithAStructure) {
  Structure ours{.organisation_id = 7}, orphan{.organisation_id = 0};
  Actor anonymous, member{false, {3, 7}}, other{false, {3}}, platform{true, {}}, platform_member{true, {7}};
  std::vector<Action> writes = {Action::read_unpublished, Action::create, Action::edit, Action::publish, Action::archive, Action::import};
  for (const Actor* who : {&anonymous, &member, &other, &platform})
    for (const Structure* s : {&ours, &orphan}) EXPECT_TRUE(can(*who, *s, Action::read));  // the directory is public
  for (Action a : writes) {
    EXPECT_FALSE(can(anonymous, ours, a));
    EXPECT_TRUE(can(member, ours, a));
    EXPECT_FALSE(can(other, ours, a));
    EXPECT_FALSE(can(platform, ours, a));  // the platform admin does not edit an organisation's entries
    EXPECT_TRUE(can(platform_member, ours, a));
    EXPECT_FALSE(can(member, orphan, a));  // entries without organisation: the platform admin's
    EXPECT_TRUE(can(platform, orphan, a));
  }
}

TEST(DirectoryRules, TheLifecycleIsATableOfTransitions) {
  using S = ServiceStatus;
  EXPECT_TRUE(can_move(S::draft, S::published));
  EXPECT_TRUE(can_move(S::published, S::archived));
  EXPECT_TRUE(can_move(S::published, S::draft));
  EXPECT_TRUE(can_move(S::archived, S::draft));
  EXPECT_FALSE(can_move(S::archived, S::published));
  EXPECT_FALSE(can_move(S::draft, S::archived));
  EXPECT_FALSE(can_move(S::draft, S::draft));
  EXPECT_EQ(parse_status("published"), S::published);
  EXPECT_FALSE(parse_status("publié").has_value());
  EXPECT_STREQ(status_label(S::archived), "Archivé");
}

TEST(DirectoryRules, NumbersAndCodesAsPeopleTypeThem) {
  bool ok = true;
  EXPECT_EQ(parse_decimal("7,5", ok), 7.5);
  EXPECT_TRUE(ok);
  EXPECT_EQ(parse_decimal(" 46.58 ", ok), 46.58);
  EXPECT_FALSE(parse_decimal("", ok).has_value());
  EXPECT_TRUE(ok);
  EXPECT_FALSE(parse_decimal("douze", ok).has_value());
  EXPECT_FALSE(ok);
  EXPECT_EQ(parse_integer("12", ok), 12);
  EXPECT_FALSE(parse_integer("1,5", ok).has_value());
  EXPECT_FALSE(ok);
  EXPECT_EQ(split_codes("86194, 86;200069854 |france"), (std::vector<std::string>{"86194", "86", "200069854", "france"}));
  EXPECT_TRUE(split_codes("  ").empty());
}
