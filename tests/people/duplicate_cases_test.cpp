// Runs the readable cases of tests/cases/duplicates/*.txt through people::duplicate_reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/text.h"
#include "people/rules.h"
#include "support/test_db.h"

using namespace jalon;

namespace {
people::Person parse_person(const std::string& spec) {
  auto f = text::split(spec, '|');
  while (f.size() < 4) f.emplace_back();
  people::Person p;
  p.last_name = text::trim(f[0]);
  p.first_name = text::trim(f[1]);
  p.birth_date = text::trim(f[2]);
  p.ft_id = text::trim(f[3]);
  return p;
}
}  // namespace

TEST(DuplicateCases, EveryCaseFileAgreesWithTheRule) {
  namespace fs = std::filesystem;
  int cases = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/cases/duplicates")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, candidate, existing;
    int line_no = 0, case_line = 0;
    while (std::getline(in, line)) {
      ++line_no;
      line = text::trim(line);
      if (line.empty() || line[0] == '#') continue;
      auto colon = line.find(':');
      ASSERT_NE(colon, std::string::npos) << e.path() << ":" << line_no;
      std::string key = line.substr(0, colon), value = text::trim(line.substr(colon + 1));
      if (key == "candidate") {
        candidate = value;
        case_line = line_no;
      } else if (key == "existing") {
        existing = value;
      } else if (key == "expect") {
        ASSERT_FALSE(candidate.empty() || existing.empty()) << e.path() << ":" << line_no << ": a case needs candidate and existing";
        std::string got = people::duplicate_reason(parse_person(candidate), parse_person(existing));
        EXPECT_EQ(got.empty() ? "none" : got, value) << e.path().filename() << ":" << case_line;
        candidate.clear();
        existing.clear();
        ++cases;
      } else {
        FAIL() << e.path() << ":" << line_no << ": unknown key " << key;
      }
    }
  }
  EXPECT_GE(cases, 10);
}

TEST(PeopleRules, FoldNameAndSortKey) {
  EXPECT_EQ(people::fold_name("Jean-Éric D'Arc"), "jeanericdarc");
  EXPECT_EQ(people::fold_name("N’Diaye"), "ndiaye");
  EXPECT_EQ(people::sort_key({"marie", "dupont"}, 42), "dupont marie 000000000042");
  EXPECT_LT(people::sort_key({"marie", "dupont"}, 42), people::sort_key({"marie", "dupontel"}, 1));
}

TEST(PeopleRules, APostalCodeFillsOrChecksTheCommune) {
  auto exists = [](const std::string& c) { return c == "86194" || c == "86041" || c == "86066"; };
  auto by_postal = [](const std::string& pc) {
    std::vector<std::pair<std::string, std::string>> out;
    if (pc == "86000") out = {{"86194", "Poitiers"}};
    if (pc == "86180") out = {{"86041", "Buxerolles"}, {"86194", "Poitiers"}};
    return out;
  };
  people::Person p{.first_name = "Lina", .last_name = "Roy", .postal_code = "86000"};
  EXPECT_EQ(people::validate_person(p, "2026-11-28", exists, by_postal).commune_code, "86194");
  auto fields_of = [&](people::Person q) {
    try {
      people::validate_person(q, "2026-11-28", exists, by_postal);
    } catch (const ValidationError& e) {
      return e.fields()[0].field + ": " + e.fields()[0].message;
    }
    return std::string("ok");
  };
  p.postal_code = "86180";
  EXPECT_EQ(fields_of(p), "commune_code: Le code postal 86180 couvre plusieurs communes : indiquez le code INSEE de l'une d'elles : Buxerolles (86041), Poitiers (86194).");
  p.commune_code = "86066";
  EXPECT_EQ(fields_of(p), "commune_code: Cette commune ne correspond pas au code postal 86180 (Buxerolles (86041), Poitiers (86194)).");
  p.commune_code = "86041";
  EXPECT_EQ(fields_of(p), "ok");
  p.postal_code = "99999";
  EXPECT_EQ(fields_of(p), "postal_code: Ce code postal est inconnu.");
}

TEST(PeopleRules, WhoMayDoWhatWithARecord) {
  using people::Action;
  // grant, admin, consent -> read, write, share, revoke_grant, read_audit, merge
  struct Row {
    people::AccessFacts f;
    std::vector<bool> allowed;
  };
  std::vector<Row> table = {
      {{false, false, false}, {false, false, false, false, false, false}},  // another organisation
      {{false, true, true}, {false, false, false, false, false, false}},    // another organisation's admin, consenting person
      {{true, false, false}, {true, true, false, false, false, false}},     // member with a grant
      {{true, false, true}, {true, true, true, false, false, false}},       // member, consenting person
      {{true, true, false}, {true, true, false, true, true, true}},         // admin with a grant
      {{true, true, true}, {true, true, true, true, true, true}},           // admin, consenting person
  };
  std::vector<Action> actions = {Action::read, Action::write, Action::share, Action::revoke_grant, Action::read_audit, Action::merge};
  for (std::size_t r = 0; r < table.size(); ++r)
    for (std::size_t a = 0; a < actions.size(); ++a) EXPECT_EQ(people::can(actions[a], table[r].f), table[r].allowed[a]) << r << "," << a;
  EXPECT_TRUE(people::survives_consent_withdrawal("creator"));
  EXPECT_TRUE(people::survives_consent_withdrawal("referent"));
  EXPECT_FALSE(people::survives_consent_withdrawal("consent"));
  EXPECT_FALSE(people::survives_consent_withdrawal("merge"));
}

TEST(PeopleRules, EditDistanceIsCapped) {
  EXPECT_EQ(people::edit_distance("dupont", "dupont"), 0);
  EXPECT_EQ(people::edit_distance("dupont", "dupond"), 1);
  EXPECT_EQ(people::edit_distance("dupont", "dupuis", 1), 2);
  EXPECT_EQ(people::edit_distance("a", "abcdef", 2), 3);
}

TEST(PeopleRules, ValidationReportsEveryFieldInFrench) {
  auto exists = [](const std::string& c) { return c == "86194"; };
  try {
    people::validate_person({.first_name = "", .last_name = "-", .birth_date = "2030-01-01", .sex = "X", .email = "x", .phone = "12",
                             .postal_code = "8600", .commune_code = "99999", .ft_id = "??", .qualification_level = "12"},
                            "2026-11-28", exists);
    FAIL();
  } catch (const ValidationError& e) {
    std::vector<std::string> fields;
    for (const auto& f : e.fields()) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"last_name", "first_name", "birth_date", "sex", "email", "phone", "postal_code",
                                                "commune_code", "ft_id", "qualification_level"}));
  }
  auto ok = people::validate_person({.first_name = " Marie ", .last_name = "Dupont", .birth_date = "1990-05-01", .email = "Marie@X.FR",
                                     .phone = "06 12 34 56 78", .commune_code = "86194", .ft_id = "1234567a"},
                                    "2026-11-28", exists);
  EXPECT_EQ(ok.first_name, "Marie");
  EXPECT_EQ(ok.email, "marie@x.fr");
  EXPECT_EQ(ok.phone, "0612345678");
  EXPECT_EQ(ok.ft_id, "1234567A");
}
