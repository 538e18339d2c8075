// The first-contact data (data/orientation/first-contact.txt): refused at load with file and
// line, the FAQ shown for the situations it names, the structures that receive a referent's
// public, the facts a difficulty implies; the French labels of the facts' values.
#include "orientation/first_contact.h"

#include <gtest/gtest.h>

#include "base/errors.h"
#include "orientation/engine.h"
#include "orientation/labels.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::orientation;

namespace {

const Date kToday = *parse_date("2026-11-28");

class FirstContactData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { referentials::load_referentials(test::source_dir() + "/data"); }
  static const FirstContact& real() {
    static FirstContact f = [] {
      FirstContact x;
      x.load(test::source_dir() + "/data/orientation/first-contact.txt", referentials::inclusion(),
             referentials::barriers());
      return x;
    }();
    return f;
  }
  // The message of the error that loading `text` as "bad.txt" raises, or "" when it loads.
  static std::string error_of(const std::string& text) {
    FirstContact f;
    try {
      f.load_text("bad.txt", text, referentials::inclusion(), referentials::barriers());
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
  static std::vector<std::string> faq_ids(const Situation& s) {
    std::vector<std::string> ids;
    for (const auto* e : real().faq_for(s, kToday)) ids.push_back(e->id);
    return ids;
  }
};

const std::string kFaq = "faq | a | Question ? | Réponse. |  | seed: FAQ\n";

}  // namespace

TEST_F(FirstContactData, TheRepositoryFileLoadsWithTheSeedsFiveQuestions) {
  ASSERT_EQ(real().faq().size(), 5u);
  EXPECT_EQ(real().faq()[0].question, "Quelles structures contacter en priorité pour un jeune sans emploi ?");
  for (const auto& e : real().faq()) {
    EXPECT_FALSE(e.answer.empty()) << e.id;
    EXPECT_EQ(e.origin.source, "seed: FAQ") << e.id;
  }
  EXPECT_EQ(&load_first_contact(test::source_dir() + "/data"), &first_contact());
  EXPECT_EQ(first_contact().faq().size(), 5u);
}

TEST_F(FirstContactData, FaultsAreRefusedWithFileAndLine) {
  struct Case {
    std::string text, expected;
  } cases[] = {
      {"\nfoo | x\n", "bad.txt:2: unknown row kind « foo »"},
      {"faq | a | Q | R | s\n", "bad.txt:1: a faq row has 6 cells"},
      {"faq | A | Q | R |  | s\n", "bad.txt:1: id « A »"},
      {"faq | a | Q | R |  | \n", "bad.txt:1: every row needs a source"},
      {"faq | a |  | R |  | s\n", "bad.txt:1: a faq row needs a question and an answer"},
      {kFaq + kFaq, "bad.txt:2: faq « a » is already defined at bad.txt:1"},
      {"show | a | * | *\n", "bad.txt:1: show row of an unknown faq « a »"},
      {kFaq + "show | a | agee<3 | *\n", "bad.txt:2: unknown fact « agee »"},
      {kFaq + "show | a | age<3, age>5 | *\n", "bad.txt:2: the conditions on age can never hold together"},
      {kFaq + "show | a | * | mobilité\n", "bad.txt:2: unknown barrier « mobilité »"},
      {kFaq + "show | a | * | \n", "bad.txt:2: empty difficulties"},
      {kFaq, "bad.txt:1: faq « a » has no show row"},
      {"offices | XX | CD | s\n", "bad.txt:1: unknown structure typology « XX »"},
      {"offices | CD | CD MDSS | s\n", "bad.txt:1: unknown structure typology « MDSS »"},
      {"offices | CD |  | s\n", "bad.txt:1: an offices row names at least one typology"},
      {"offices | CD | CD | s\noffices | CD | MDS | s\n",
       "bad.txt:2: offices of « CD » are already given at bad.txt:1"},
      {"difficulty | auto | mobility=strong | s\n", "bad.txt:1: unknown barrier « auto »"},
      {"difficulty | mobilite | mobility>=strong | s\n", "bad.txt:1: « mobility>=strong » is not one fact=value"},
      {"difficulty | mobilite | mobility=strong/blocking | s\n",
       "bad.txt:1: « mobility=strong/blocking » is not one fact=value"},
      {"difficulty | mobilite | mobility=forte | s\n", "bad.txt:1: unknown value « forte » for fact mobility"},
      {"difficulty | mobilite | jobseeker_months=12 | s\n", "bad.txt:1: fact jobseeker_months is not declared"},
      {"difficulty | mobilite | mobility=strong | s\ndifficulty | mobilite | licence=no | s\n",
       "bad.txt:2: difficulty « mobilite » is already given at bad.txt:1"},
  };
  for (const auto& c : cases) {
    const std::string got = error_of(c.text);
    EXPECT_EQ(got.rfind(c.expected, 0), 0u) << "for:\n" << c.text << "got: " << got;
  }
  EXPECT_EQ(error_of(kFaq + "show | a | * | any\noffices | CD | CD MDS | s\ndifficulty | sante | health=strong | s\n"),
            "");
  FirstContact missing;
  EXPECT_THROW(missing.load("/nonexistent/first-contact.txt", referentials::inclusion(), referentials::barriers()),
               std::runtime_error);
}

TEST_F(FirstContactData, TheFaqAnswersTheSituation) {
  using V = std::vector<std::string>;
  // Always: the transversal skills.
  EXPECT_EQ(faq_ids(Situation{.age = 40}), V({"competences-transversales"}));
  // Young (16 <= age < 26): the Mission Locale's answer; 15 and 26 are not young.
  EXPECT_EQ(faq_ids(Situation{.age = 16}), V({"jeune-sans-emploi", "competences-transversales"}));
  EXPECT_EQ(faq_ids(Situation{.age = 25}), V({"jeune-sans-emploi", "competences-transversales"}));
  EXPECT_EQ(faq_ids(Situation{.age = 15}), V({"competences-transversales"}));
  EXPECT_EQ(faq_ids(Situation{.age = 26}), V({"competences-transversales"}));
  // From a birth date: 26 on the day before 28 November 2026.
  EXPECT_EQ(faq_ids(Situation{.birth_date = "2000-11-29"}), V({"jeune-sans-emploi", "competences-transversales"}));
  EXPECT_EQ(faq_ids(Situation{.birth_date = "2000-11-28"}), V({"competences-transversales"}));
  // Qualification 3 or below, or the qualification difficulty: training.
  EXPECT_EQ(faq_ids(Situation{.age = 40, .qualification = Qualification::l3}),
            V({"se-qualifier", "competences-transversales"}));
  EXPECT_EQ(faq_ids(Situation{.age = 40, .qualification = Qualification::l4}), V({"competences-transversales"}));
  Situation unqualified{.age = 40, .barriers = {{"qualification", Severity::strong}}};
  EXPECT_EQ(faq_ids(unqualified), V({"se-qualifier", "competences-transversales", "freins"}));
  // Any difficulty: the barriers' answer; a difficulty of severity none is not one.
  EXPECT_EQ(faq_ids(Situation{.age = 40, .barriers = {{"logement", Severity::light}}}),
            V({"competences-transversales", "freins"}));
  EXPECT_EQ(faq_ids(Situation{.age = 40, .barriers = {{"logement", Severity::none}}}),
            V({"competences-transversales"}));
  // Digital: by the difficulty, or by the fact.
  EXPECT_EQ(faq_ids(Situation{.age = 40, .barriers = {{"numerique", Severity::strong}}}),
            V({"competences-transversales", "freins", "numerique"}));
  EXPECT_EQ(faq_ids(Situation{.age = 40, .digital = Severity::strong}), V({"competences-transversales", "numerique"}));
  EXPECT_EQ(faq_ids(Situation{.age = 40, .digital = Severity::light}), V({"competences-transversales"}));
  // Impossible dates are refused as the engine refuses them.
  EXPECT_THROW(real().faq_for(Situation{.birth_date = "2025-02-30"}, kToday), ValidationError);
}

TEST_F(FirstContactData, TheStructuresThatReceiveAReferentsPublic) {
  using V = std::vector<std::string>;
  EXPECT_EQ(real().typologies_for("ML"), V({"ML"}));
  EXPECT_EQ(real().typologies_for("CD"), V({"CD", "MDS", "DEPT", "CDAS"}));
  EXPECT_EQ(real().typologies_for("none"), V{});
  EXPECT_EQ(real().typologies_for(""), V{});
  // Every referent the rules can name has structures to look for, of known typologies.
  load_rules(test::source_dir() + "/data");
  for (const auto& r : rules().referents())
    for (const auto& t : real().typologies_for(r.then))
      EXPECT_TRUE(referentials::inclusion().structure_typologies().contains(t)) << r.then << " " << t;
}

TEST_F(FirstContactData, ADifficultySetsItsBarrierAndTheFactItImplies) {
  Situation s{.age = 19};
  real().apply_difficulties(s, {"mobilite", "logement"});
  EXPECT_EQ(s.barriers.at("mobilite"), Severity::strong);
  EXPECT_EQ(s.barriers.at("logement"), Severity::strong);
  EXPECT_EQ(s.mobility, Severity::strong);
  EXPECT_FALSE(s.housing.has_value());  // logement has no difficulty row: only the barrier
  // A fact the person gave is kept.
  Situation t{.age = 19, .digital = Severity::light};
  real().apply_difficulties(t, {"numerique"});
  EXPECT_EQ(t.digital, Severity::light);
  EXPECT_EQ(t.barriers.at("numerique"), Severity::strong);
  Situation u;
  try {
    real().apply_difficulties(u, {"mobilite", "voiture"});
    ADD_FAILURE() << "an unknown difficulty is accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at(0).field, "barriers");
  }
  EXPECT_TRUE(u.barriers.empty());  // nothing applied when one code is unknown
  // The engine then offers what the fact opens: the mobility support scheme.
  auto o = orient(s, kToday, rules());
  EXPECT_TRUE(std::any_of(o.schemes.begin(), o.schemes.end(),
                          [](const Decision& d) { return d.code == "accompagnement-mobilite"; }));
}

TEST(FactLabels, EveryValueOfEveryFactHasAFrenchLabel) {
  for (const auto& f : fact_catalogue()) {
    if (f.kind == FactKind::number) {
      EXPECT_EQ(value_label(f, 3), "") << f.name;
      continue;
    }
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      const auto label = value_label(f, static_cast<int>(i));
      EXPECT_FALSE(label.empty()) << f.name << " " << f.values[i];
      EXPECT_NE(label, f.values[i]) << f.name << ": the code is shown instead of a label";
    }
    EXPECT_EQ(value_label(f, static_cast<int>(f.values.size())), "") << f.name;
    EXPECT_EQ(value_label(f, -1), "") << f.name;
  }
  EXPECT_EQ(value_label(*find_fact("qualification"), 0), "Aucun diplôme ou brevet des collèges (infra 3)");
  EXPECT_EQ(value_label(*find_fact("mobility"), 2), "Forte");
  EXPECT_EQ(value_label(*find_fact("rqth"), 1), "Oui");
}
