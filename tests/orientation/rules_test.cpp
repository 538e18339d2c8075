// Rule files are refused at load with the file and line of the fault, and the versioning of rows
// (a row applies from its date of effect; a later version replaces it) holds.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "orientation/engine.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::orientation;

namespace {

class RuleFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { referentials::load_referentials(test::source_dir() + "/data"); }
  // The message of the error that loading `text` as "bad.rules" raises, or "" when it loads.
  static std::string error_of(const std::string& text) {
    RuleSet r;
    try {
      r.add_text("bad.rules", text, referentials::inclusion(), referentials::barriers());
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
};

const std::string kOk = "referent | ft | 90 | * | FT | 2025-01-01 | src | France Travail.\n";

}  // namespace

TEST_F(RuleFiles, TheRepositoryRulesLoad) {
  RuleSet r;
  r.load(test::source_dir() + "/data/rules", referentials::inclusion(), referentials::barriers());
  EXPECT_GE(r.criteria().size(), 18u);
  EXPECT_EQ(r.requirements().size(), 5u);
  EXPECT_EQ(&load_rules(test::source_dir() + "/data"), &rules());
}

TEST_F(RuleFiles, AValidLineLoads) { EXPECT_EQ(error_of("# comment\n\n" + kOk), ""); }

TEST_F(RuleFiles, MalformedRowsAreRefusedWithFileAndLine) {
  struct Case {
    std::string text, expected;
  } cases[] = {
      {"\nfoo | x\n", "bad.rules:2: unknown row kind « foo »"},
      {"referent | a | 1 | agee>3 | FT | 2025-01-01 | s | r\n", "bad.rules:1: unknown fact « agee »"},
      {"referent | a | 1 | resource=rmi | FT | 2025-01-01 | s | r\n", "bad.rules:1: unknown value « rmi » for fact resource"},
      {"referent | a | 1 | age>=x | FT | 2025-01-01 | s | r\n", "bad.rules:1: value « x » is not a non-negative integer"},
      {"referent | a | 1 | rqth<yes | FT | 2025-01-01 | s | r\n", "bad.rules:1: fact rqth is yes/no"},
      {"referent | a | 1 | age<3 | XYZ | 2025-01-01 | s | r\n", "bad.rules:1: unknown structure typology « XYZ »"},
      {"referent | a | 1 | age<3 | FT | 2025-02-30 | s | r\n", "bad.rules:1: effective date « 2025-02-30 »"},
      {"referent | a | 1 | age<3 | FT | 2025-01-01 | s\n", "bad.rules:1: a referent row has 8 cells"},
      {"referent | a | 1 | age<3, age>5 | FT | 2025-01-01 | s | r\n", "bad.rules:1: the conditions on age can never hold"},
      {"referent | A b | 1 | age<3 | FT | 2025-01-01 | s | r\n", "bad.rules:1: id « A b »"},
      {"referent | a | 1 | age<3 | FT | 2025-01-01 |  | r\n", "bad.rules:1: every row needs a source"},
      {"referent | a | 1 | age<30 | FT | 2025-01-01 | s | r\nreferent | b | 1 | age>=20 | ML | 2025-01-01 | s | r\n",
       "bad.rules:2: rules « a » (bad.rules:1) and « b » have the same priority 1 and can both match"},
      {"referent | a | 1 | age<30 | FT | 2025-01-01 | s | r\nreferent | b | 2 | age>=20, age<25 | ML | 2025-01-01 | s | r\n",
       "bad.rules:2: rule « b » is never reached: « a » (bad.rules:1)"},
      {"referent | a | 1 | age<30 | FT | 2025-01-01 | s | r\nreferent | a | 3 | age<20 | FT | 2025-01-01 | s | r\n",
       "bad.rules:2: referent rule « a » effective 2025-01-01 is already defined at bad.rules:1"},
      {"offer | a | 1 | age<30 | nope | 2025-01-01 | s | r\n", "bad.rules:1: unknown scheme « nope »"},
      {"scheme | x | X | mobilite--voler | 2025-01-01 | s\n", "bad.rules:1: unknown data·inclusion thematic or category « mobilite--voler »"},
      {"scheme | x | X | mobilite | 2025-01-01 | s\noffer | a | 1 | age<30 | x | 2025-01-01 | s | r\n"
       "offer | b | 2 | age<20 | x | 2025-01-01 | s | r\n",
       "bad.rules:3: rule « b » is redundant: « a » (bad.rules:2)"},
      {"solution | voler | t | ASSO | 2025-01-01 | s\n", "bad.rules:1: unknown barrier « voler »"},
      {"solution | mobilite | t | ZZZ | 2025-01-01 | s\n", "bad.rules:1: unknown structure typology « ZZZ »"},
      {"criterion | x | 3 | age<3 | p | 2025-01-01 | s | l\n", "bad.rules:1: a criterion's level is 1 or 2"},
      {"criterion | x | 1 | * | p | 2025-01-01 | s | l\n", "bad.rules:1: a criterion needs a condition"},
      {"required | geiq | 2 | 2025-01-01 | s\n", "bad.rules:1: unknown structure kind « geiq »"},
      {"incompatible | a | b | 2025-01-01 | s\n", "bad.rules:1: unknown criterion « a »"},
      {"validity | employer | 92 weeks | all | 2025-01-01 | s\n", "bad.rules:1: duration « 92 weeks »"},
      {"validity | employer | 92 days | some | 2025-01-01 | s\n", "bad.rules:1: scope « some »"},
      {"criterion | x | 1 | age<3 | p | 2025-01-01 | s | l\n", "bad.rules: no required row for structure kind ACI"},
  };
  for (const auto& c : cases) {
    const std::string got = error_of(c.text);
    EXPECT_EQ(got.substr(0, c.expected.size()), c.expected) << c.text;
  }
}

TEST_F(RuleFiles, AFolderWithoutRulesOrWithABadFileIsRefused) {
  RuleSet r;
  EXPECT_THROW(r.load(test::source_dir() + "/data/geo", referentials::inclusion(), referentials::barriers()),
               std::runtime_error);
}

TEST_F(RuleFiles, ARuleAppliesFromItsDateOfEffectAndALaterVersionReplacesIt) {
  RuleSet r;
  r.add_text("v.rules",
             "referent | jeune | 10 | age<26 | ML | 2025-01-01 | s | Version 1.\n"
             "referent | jeune | 10 | age<30 | ML | 2027-01-01 | s | Version 2.\n"
             "referent | defaut | 90 | * | FT | 2025-01-01 | s | Défaut.\n",
             referentials::inclusion(), referentials::barriers());
  Situation s;
  s.age = 27;
  EXPECT_EQ(orient(s, *parse_date("2026-12-31"), r).referent->code, "FT");
  auto o = orient(s, *parse_date("2027-01-01"), r);
  EXPECT_EQ(o.referent->code, "ML");
  EXPECT_EQ(o.referent->reason.text, "Version 2.");
  EXPECT_EQ(o.referent->reason.where, "v.rules:2");
  EXPECT_FALSE(orient(s, *parse_date("2024-12-31"), r).referent.has_value());
}

TEST_F(RuleFiles, ABarrierMustNameASeverityFactOfTheCatalogue) {
  std::string path = ::testing::TempDir() + "/barriers_fact_test.csv";
  // The repository's barriers, the mobility one naming `fact`.
  std::ifstream in(test::source_dir() + "/data/barriers.csv");
  std::stringstream original;
  original << in.rdbuf();
  auto load_with = [&](const std::string& fact) {
    std::string text = original.str();
    auto at = text.find(",mobility\n");
    EXPECT_NE(at, std::string::npos);
    text.replace(at, 10, "," + fact + "\n");
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
    referentials::Barriers b;
    b.load(path, referentials::inclusion());
    RuleSet r;
    try {
      r.load(test::source_dir() + "/data/rules", referentials::inclusion(), b);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(load_with("mobility"), "");
  EXPECT_EQ(load_with(""), "");
  EXPECT_NE(load_with("age").find("« age » n'est pas une difficulté"), std::string::npos);
  EXPECT_NE(load_with("mobilité").find("barriers.csv: frein « mobilite »"), std::string::npos);
}
