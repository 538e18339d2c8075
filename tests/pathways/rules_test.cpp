// The pathway room's pure rules: every transition of every state machine (allowed and
// forbidden), who may do what on a pathway, the note visibility matrix, orientations' sides,
// dates and validation.
#include "pathways/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace jalon;
using namespace jalon::pathways;

namespace {

// Every ordered pair of states: exactly the `allowed` ones are transitions.
template <typename S>
void check_machine(const std::vector<S>& states, const std::set<std::pair<S, S>>& allowed, const char* name) {
  int transitions = 0, refused = 0;
  for (S from : states)
    for (S to : states) {
      bool expected = allowed.count({from, to}) > 0;
      EXPECT_EQ(can_move(from, to), expected) << name << ": " << code(from) << " -> " << code(to);
      expected ? ++transitions : ++refused;
    }
  EXPECT_EQ(transitions, static_cast<int>(allowed.size())) << name;
  EXPECT_EQ(transitions + refused, static_cast<int>(states.size() * states.size())) << name;
}

}  // namespace

TEST(PathwayRules, PathwayStatusMachine) {
  check_machine<Status>({Status::open, Status::suspended, Status::closed},
                        {{Status::open, Status::suspended},
                         {Status::suspended, Status::open},
                         {Status::open, Status::closed},
                         {Status::suspended, Status::closed}},
                        "pathway");
  EXPECT_TRUE(next(Status::closed).empty()) << "closed is final";
  EXPECT_EQ(next(Status::open), (std::vector<Status>{Status::suspended, Status::closed}));
}

TEST(PathwayRules, ProgressMachineOfObjectivesActionsAndSteps) {
  check_machine<Progress>(all_progress(),
                          {{Progress::planned, Progress::in_progress},
                           {Progress::planned, Progress::done},
                           {Progress::planned, Progress::abandoned},
                           {Progress::in_progress, Progress::done},
                           {Progress::in_progress, Progress::abandoned},
                           {Progress::abandoned, Progress::planned}},
                          "progress");
  EXPECT_TRUE(next(Progress::done).empty()) << "done is final";
  EXPECT_EQ(next(Progress::abandoned), std::vector<Progress>{Progress::planned});
  for (Progress p : all_progress()) EXPECT_STRNE(verb(p), "");
}

TEST(PathwayRules, MembershipMachine) {
  check_machine<MemberStatus>(
      {MemberStatus::requested, MemberStatus::active, MemberStatus::refused, MemberStatus::ended},
      {{MemberStatus::requested, MemberStatus::active},
       {MemberStatus::requested, MemberStatus::refused},
       {MemberStatus::requested, MemberStatus::ended},
       {MemberStatus::active, MemberStatus::ended}},
      "membership");
}

TEST(PathwayRules, OrientationMachine) {
  check_machine<OrientationStatus>(all_orientation_statuses(),
                                   {{OrientationStatus::pending, OrientationStatus::accepted},
                                    {OrientationStatus::pending, OrientationStatus::refused},
                                    {OrientationStatus::pending, OrientationStatus::expired},
                                    {OrientationStatus::pending, OrientationStatus::cancelled}},
                                   "orientation");
}

TEST(PathwayRules, OnlyAnOpenPathwayHasItsEngagementChanged) {
  EXPECT_TRUE(engagement_editable(Status::open));
  EXPECT_FALSE(engagement_editable(Status::suspended));
  EXPECT_FALSE(engagement_editable(Status::closed));
}

TEST(PathwayRules, WhoMayDoWhatOnAPathway) {
  // Every combination of the facts, against the table of docs/pathways.md written out here.
  for (Status s : {Status::open, Status::suspended, Status::closed})
    for (bool member : {false, true})
      for (bool referent : {false, true})
        for (bool request : {false, true}) {
          PathwayFacts f{member, referent, request, s};
          std::string where = std::string(code(s)) + (member ? " member" : "") + (referent ? " referent" : "") +
                              (request ? " request" : "");
          bool live = s != Status::closed;
          EXPECT_EQ(can(PathwayAction::see, f), member) << where;
          EXPECT_EQ(can(PathwayAction::edit, f), member && s == Status::open) << where;
          EXPECT_EQ(can(PathwayAction::write_note, f), member) << where;
          EXPECT_EQ(can(PathwayAction::manage, f), member && referent && live) << where;
          EXPECT_EQ(can(PathwayAction::request_join, f), !member && !request && live) << where;
          EXPECT_EQ(can(PathwayAction::leave, f), member && !referent) << where;
        }
}

// The note visibility matrix: each level × each kind of reader.
TEST(PathwayRules, NoteVisibilityMatrix) {
  const long long author = 10, other_member = 20, outsider = 30, person = 7;
  enum Reader {
    author_staff,
    author_social,
    author_token,
    member_staff,
    member_social,
    member_token,
    outsider_staff,
    outsider_social,
    platform_admin,
    the_person,
    another_person
  };
  auto viewer = [&](Reader r) {
    NoteViewer v;
    switch (r) {
      case author_staff:
        v = {NoteViewer::Kind::staff, author, true, false, 0};
        break;
      case author_social:
        v = {NoteViewer::Kind::staff, author, true, true, 0};
        break;
      case author_token:
        v = {NoteViewer::Kind::token, author, true, false, 0};
        break;
      case member_staff:
        v = {NoteViewer::Kind::staff, other_member, true, false, 0};
        break;
      case member_social:
        v = {NoteViewer::Kind::staff, other_member, true, true, 0};
        break;
      case member_token:
        v = {NoteViewer::Kind::token, other_member, true, false, 0};
        break;
      case outsider_staff:
        v = {NoteViewer::Kind::staff, outsider, false, false, 0};
        break;
      case outsider_social:
        v = {NoteViewer::Kind::staff, outsider, false, true, 0};
        break;
      case platform_admin:
        v = {NoteViewer::Kind::platform_admin, 0, false, false, 0};
        break;
      case the_person:
        v = {NoteViewer::Kind::person, 0, false, false, person};
        break;
      case another_person:
        v = {NoteViewer::Kind::person, 0, false, false, person + 1};
        break;
    }
    return v;
  };
  //                              author  a.soc  a.tok  member m.soc  m.tok  out    o.soc  admin  person other
  const std::vector<std::tuple<NoteLevel, std::vector<bool>>> expected = {
      {NoteLevel::person, {true, true, true, true, true, true, false, false, false, true, false}},
      {NoteLevel::members, {true, true, true, true, true, true, false, false, false, false, false}},
      {NoteLevel::organisation, {true, true, true, false, false, false, false, false, false, false, false}},
      {NoteLevel::social, {false, true, false, false, true, false, false, false, false, false, false}},
  };
  int cells = 0;
  for (const auto& [level, row] : expected)
    for (int r = author_staff; r <= another_person; ++r) {
      EXPECT_EQ(can_see_note(viewer(static_cast<Reader>(r)), NoteFacts{level, author, person}), row[r])
          << "level " << code(level) << ", reader " << r;
      ++cells;
    }
  EXPECT_EQ(cells, 4 * 11);
}

TEST(PathwayRules, WritingAndEditingNotes) {
  NoteViewer staff{NoteViewer::Kind::staff, 10, true, false, 0}, social{NoteViewer::Kind::staff, 10, true, true, 0},
      token{NoteViewer::Kind::token, 10, true, false, 0}, outsider{NoteViewer::Kind::staff, 30, false, true, 0},
      person{NoteViewer::Kind::person, 0, false, false, 7}, admin{NoteViewer::Kind::platform_admin, 0, false, false, 0};
  for (NoteLevel l : all_note_levels()) {
    EXPECT_EQ(can_write_note(staff, l), l != NoteLevel::social) << code(l);
    EXPECT_TRUE(can_write_note(social, l)) << code(l);
    EXPECT_EQ(can_write_note(token, l), l != NoteLevel::social) << code(l);
    EXPECT_FALSE(can_write_note(outsider, l)) << code(l);
    EXPECT_FALSE(can_write_note(person, l)) << code(l);
    EXPECT_FALSE(can_write_note(admin, l)) << code(l);
  }
  NoteFacts mine{NoteLevel::members, 10, 7}, theirs{NoteLevel::members, 20, 7};
  EXPECT_TRUE(can_edit_note(staff, mine, NoteLevel::organisation));
  EXPECT_FALSE(can_edit_note(staff, mine, NoteLevel::social)) << "a level the editor may not write";
  EXPECT_TRUE(can_edit_note(social, mine, NoteLevel::social));
  EXPECT_FALSE(can_edit_note(staff, theirs, NoteLevel::members)) << "another organisation's note";
  EXPECT_FALSE(can_edit_note(staff, NoteFacts{NoteLevel::social, 10, 7}, NoteLevel::members))
      << "a note it cannot read";
}

TEST(PathwayRules, OrientationSides) {
  for (OrientationStatus s : all_orientation_statuses()) {
    bool pending = s == OrientationStatus::pending;
    for (OrientationSide side : {OrientationSide::sender, OrientationSide::receiver, OrientationSide::other}) {
      bool in = side != OrientationSide::other;
      EXPECT_EQ(can(OrientationAction::see, side, s), in);
      EXPECT_EQ(can(OrientationAction::accept, side, s), pending && side == OrientationSide::receiver);
      EXPECT_EQ(can(OrientationAction::refuse, side, s), pending && side == OrientationSide::receiver);
      EXPECT_EQ(can(OrientationAction::cancel, side, s), pending && side == OrientationSide::sender);
    }
  }
}

TEST(PathwayRules, ExpiryDatesAndAges) {
  EXPECT_EQ(expiry_date("2026-11-28", 30), "2026-12-28");
  EXPECT_EQ(expiry_date("2026-02-15", 30), "2026-03-17");
  EXPECT_EQ(expiry_date("2028-02-15", 30), "2028-03-16");  // leap year
  EXPECT_EQ(expiry_date("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(expiry_date("2026-03-10", -10), "2026-02-28");
  EXPECT_EQ(expiry_date("pas une date", 3), "");
  EXPECT_FALSE(is_due_to_expire("2026-12-28", "2026-12-28")) << "the last day still counts";
  EXPECT_TRUE(is_due_to_expire("2026-12-28", "2026-12-29"));
  EXPECT_EQ(days_between("2026-11-01", "2026-11-28"), 27);
  EXPECT_EQ(days_between("2026-11-28", "2026-11-01"), -27);
  EXPECT_EQ(days_between("2025-12-31", "2026-03-01"), 60);
}

namespace {
std::set<std::string> fields_of(const ValidationError& e) {
  std::set<std::string> out;
  for (const auto& f : e.fields()) out.insert(f.field);
  return out;
}
template <typename F>
std::set<std::string> invalid(F&& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return fields_of(e);
  }
  return {};
}
}  // namespace

TEST(PathwayRules, ValidationNamesEveryBadField) {
  EXPECT_EQ(invalid([] {
              validate_objective({"", " ", "2026-02-30"});
            }),
            (std::set<std::string>{"domain", "title", "target_on"}));
  EXPECT_EQ(validate_objective({"social", "  Logement  ", ""}).title, "Logement");
  EXPECT_EQ(invalid([] { validate_action({"CV", "", "2026-05-01", "2026-04-01"}); }), std::set<std::string>{"due_on"});
  EXPECT_EQ(invalid([] { validate_action({std::string(301, 'a'), "", "", ""}); }), std::set<std::string>{"title"});
  // Phases belong to progressive qualification, which needs one.
  EXPECT_EQ(invalid([] {
              validate_step({"progressive_qualification", "CQP", "", "", "", 0});
            }),
            std::set<std::string>{"phase"});
  EXPECT_EQ(invalid([] {
              validate_step({"progressive_qualification", "CQP", "0", "", "", 0});
            }),
            std::set<std::string>{"phase"});
  EXPECT_EQ(invalid([] { validate_step({"training", "Titre pro", "2", "", "", 0}); }), std::set<std::string>{"phase"});
  EXPECT_EQ(invalid([] {
              validate_step({"rocket", "", "", "2026-05-02", "2026-05-01", 0});
            }),
            (std::set<std::string>{"scheme", "title", "end_on"}));
  EXPECT_EQ(validate_step({"progressive_qualification", "CQP agent", "2", "", "", 0}).phase, "2");
  EXPECT_EQ(invalid([] {
              validate_social_outcome({"housing", "2026-11-29", ""}, "2026-11-28");
            }),
            std::set<std::string>{"achieved_on"});
  EXPECT_EQ(invalid([] {
              validate_social_outcome({"fortune", "", ""}, "2026-11-28");
            }),
            (std::set<std::string>{"kind", "achieved_on"}));
  // Closing: an outcome of the typology, a date between the start and today, a detail for "other".
  EXPECT_EQ(invalid([] {
              validate_close({"", "", ""}, "2026-01-01", "2026-11-28");
            }),
            (std::set<std::string>{"outcome", "closed_on"}));
  EXPECT_EQ(invalid([] {
              validate_close({"cdi", "2025-12-31", ""}, "2026-01-01", "2026-11-28");
            }),
            std::set<std::string>{"closed_on"});
  EXPECT_EQ(invalid([] {
              validate_close({"cdi", "2026-11-29", ""}, "2026-01-01", "2026-11-28");
            }),
            std::set<std::string>{"closed_on"});
  EXPECT_EQ(invalid([] {
              validate_close({"other", "2026-11-28", " "}, "2026-01-01", "2026-11-28");
            }),
            std::set<std::string>{"outcome_detail"});
  EXPECT_TRUE(invalid([] { validate_close({"cdi", "2026-11-28", ""}, "2026-01-01", "2026-11-28"); }).empty());
  EXPECT_EQ(validate_started_on("", "2026-11-28"), "2026-11-28");
  EXPECT_EQ(invalid([] { validate_started_on("2026-12-01", "2026-11-28"); }), std::set<std::string>{"started_on"});
  EXPECT_EQ(invalid([] { validate_note({"", "secret"}); }), (std::set<std::string>{"body", "level"}));
  EXPECT_EQ(invalid([] { validate_note({"texte\x01", "members"}); }), std::set<std::string>{"body"});
  EXPECT_EQ(invalid([] { validate_motif("  "); }), std::set<std::string>{"motif"});
  EXPECT_EQ(invalid([] { validate_refusal({"", ""}); }), std::set<std::string>{"reason"});
  EXPECT_EQ(invalid([] { validate_refusal({"other", ""}); }), std::set<std::string>{"detail"});
  EXPECT_TRUE(invalid([] { validate_refusal({"no_place", ""}); }).empty());
  EXPECT_EQ(validate_expiry_days(" 45 "), 45);
  for (const char* bad : {"0", "366", "", "abc", "-3", "1000"})
    EXPECT_EQ(invalid([&] { validate_expiry_days(bad); }), std::set<std::string>{"expiry_days"}) << bad;
}

TEST(PathwayRules, VocabulariesHaveFrenchLabelsAndTheOutcomeTypology) {
  EXPECT_STREQ(refusal_reason_label("not_eligible"), "Public non éligible");
  EXPECT_STREQ(refusal_reason_label("no_place"), "Pas de place disponible");
  EXPECT_STREQ(refusal_reason_label("unreachable"), "Personne injoignable");
  EXPECT_STREQ(refusal_reason_label("duplicate"), "Orientation en doublon");
  EXPECT_STREQ(refusal_reason_label("other"), "Autre");
  EXPECT_EQ(schemes().size(), 9u);
  EXPECT_EQ(social_outcome_kinds().size(), 5u);
  std::set<std::string> categories;
  for (const auto& o : outcomes()) categories.insert(o.category);
  EXPECT_EQ(categories, (std::set<std::string>{"lasting", "transition", "positive", "other"}));
  EXPECT_STREQ(find_outcome("cdi")->category, "lasting");
  EXPECT_STREQ(find_outcome("subsidised_contract")->category, "transition");
  EXPECT_STREQ(find_outcome("qualifying_training")->category, "positive");
  EXPECT_EQ(find_outcome("lottery"), nullptr);
  for (const auto& c : timeline_categories()) EXPECT_NE(std::string(c.label), "");
  EXPECT_STREQ(event_category("member_approved"), "membres");
  EXPECT_STREQ(event_category("action_status"), "objectifs");
  EXPECT_STREQ(event_category("closed"), "resultats");
  EXPECT_STREQ(event_category("opened"), "parcours");
}
