// The application workflow, pure: every (action, state, actor) is tried against a table written
// here again from docs/jobs.md, so that a change of the rules' table shows as a failing row.
#include "jobs/application_rules.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

using namespace jalon;
using namespace jalon::jobs;

namespace {

// action | from states | to | who may (employer, sender, person, platform)
const char* kAllowed = R"(
process          new                                           processing     employer
postpone         new,processing,prior_to_hire                  postponed      employer
prior_to_hire    processing,postponed                          prior_to_hire  employer
accept           new,processing,postponed,prior_to_hire,pool   accepted       employer
refuse           new,processing,postponed,prior_to_hire,pool   refused        employer,platform
add_to_pool      processing,postponed                          pool           employer
resume           pool,prior_to_hire                            processing     employer
cancel_hire      accepted                                      cancelled      employer
render_obsolete  new,processing,postponed,prior_to_hire,pool   obsolete       platform
withdraw         new,processing,postponed,prior_to_hire,pool   cancelled      sender,person
reconsider       refused,obsolete                              processing     employer
)";

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');) out.push_back(part);
  return out;
}

// (action, from, actor) -> to
std::map<std::tuple<std::string, std::string, std::string>, std::string> expected() {
  std::map<std::tuple<std::string, std::string, std::string>, std::string> out;
  std::stringstream in(kAllowed);
  for (std::string line; std::getline(in, line);) {
    std::stringstream l(line);
    std::string action, from, to, who;
    if (!(l >> action >> from >> to >> who)) continue;
    for (const auto& f : split(from))
      for (const auto& w : split(who)) out[{action, f, w}] = to;
  }
  return out;
}

const ApplicationActor kActors[] = {ApplicationActor::employer, ApplicationActor::sender, ApplicationActor::person,
                                    ApplicationActor::platform};

}  // namespace

TEST(ApplicationRules, EveryActionFromEveryStateByEveryActorIsAllowedOrForbiddenAsTheTableSays) {
  auto allowed = expected();
  int tried = 0, yes = 0;
  for (ApplicationAction action : all_application_actions())
    for (ApplicationState from : all_application_states())
      for (ApplicationActor by : kActors) {
        auto got = next_state(action, from, by);
        auto it = allowed.find({name(action), name(from), name(by)});
        std::string where = std::string(name(action)) + " from " + name(from) + " by " + name(by);
        if (it == allowed.end()) {
          EXPECT_FALSE(got) << where << " should be forbidden, gives " << name(*got);
        } else {
          ASSERT_TRUE(got) << where << " should be allowed";
          EXPECT_EQ(name(*got), it->second) << where;
          ++yes;
        }
        ++tried;
      }
  EXPECT_EQ(tried, 11 * 9 * 4);
  EXPECT_EQ(yes, static_cast<int>(allowed.size()));
  EXPECT_EQ(yes, 43);
}

TEST(ApplicationRules, PendingAndAwaitingAnswer) {
  std::set<std::string> pending, awaiting;
  for (ApplicationState s : all_application_states()) {
    if (is_pending(s)) pending.insert(name(s));
    if (awaits_answer(s)) awaiting.insert(name(s));
  }
  EXPECT_EQ(pending, (std::set<std::string>{"new", "processing", "postponed", "prior_to_hire", "pool"}));
  EXPECT_EQ(awaiting, (std::set<std::string>{"new", "processing", "postponed"}));
  // A pending application can always be withdrawn by its candidate, and closed by a hire elsewhere.
  for (ApplicationState s : all_application_states()) {
    EXPECT_EQ(is_pending(s), next_state(ApplicationAction::withdraw, s, ApplicationActor::person).has_value())
        << name(s);
    EXPECT_EQ(is_pending(s), next_state(ApplicationAction::render_obsolete, s, ApplicationActor::platform).has_value())
        << name(s);
  }
}

TEST(ApplicationRules, TheFormsOfferTheActionsOfTheCallersRolesWithoutThePlatforms) {
  auto names = [](const std::vector<ApplicationAction>& v) {
    std::vector<std::string> out;
    for (auto a : v) out.push_back(name(a));
    return out;
  };
  EXPECT_EQ(names(actions_for(ApplicationState::new_, {ApplicationActor::employer})),
            (std::vector<std::string>{"process", "postpone", "accept", "refuse"}));
  EXPECT_EQ(names(actions_for(ApplicationState::new_, {ApplicationActor::sender})),
            (std::vector<std::string>{"withdraw"}));
  // An employer that sent the application itself may also withdraw it.
  EXPECT_EQ(names(actions_for(ApplicationState::pool, {ApplicationActor::employer, ApplicationActor::sender})),
            (std::vector<std::string>{"accept", "refuse", "resume", "withdraw"}));
  EXPECT_TRUE(actions_for(ApplicationState::cancelled, {ApplicationActor::employer, ApplicationActor::sender}).empty());
  EXPECT_TRUE(actions_for(ApplicationState::new_, {ApplicationActor::platform}).empty());
  EXPECT_TRUE(possible_from(ApplicationAction::process, ApplicationState::new_));
  EXPECT_FALSE(possible_from(ApplicationAction::process, ApplicationState::accepted));
}

TEST(ApplicationRules, SixtyDaysWithoutTransitionRefuseWhatAwaitsAnAnswer) {
  const std::string today = "2026-11-28";
  EXPECT_FALSE(auto_refusal_due(ApplicationState::new_, "2026-09-30", today)) << "59 days";
  EXPECT_TRUE(auto_refusal_due(ApplicationState::new_, "2026-09-29", today)) << "60 days";
  EXPECT_TRUE(auto_refusal_due(ApplicationState::postponed, "2025-01-01", today));
  EXPECT_FALSE(auto_refusal_due(ApplicationState::pool, "2025-01-01", today)) << "the employer's deliberate hold";
  EXPECT_FALSE(auto_refusal_due(ApplicationState::prior_to_hire, "2025-01-01", today));
  EXPECT_FALSE(auto_refusal_due(ApplicationState::accepted, "2025-01-01", today));
  // The SQL bound: due ones changed before this day.
  EXPECT_EQ(auto_refusal_bound(today), "2026-09-30");
}

TEST(ApplicationRules, ValidationNamesTheMissingFields) {
  const std::string created = "2026-11-01", today = "2026-11-28";
  auto fields = [&](const TransitionInput& in, ApplicationActor by) {
    try {
      validate_transition(in, by, created, today);
    } catch (const ValidationError& e) {
      std::set<std::string> out;
      for (const auto& f : e.fields()) out.insert(f.field);
      return out;
    }
    return std::set<std::string>{};
  };
  EXPECT_EQ(fields({"", "", "", ""}, ApplicationActor::employer), std::set<std::string>{"action"});
  EXPECT_EQ(fields({"fly", "", "", ""}, ApplicationActor::employer), std::set<std::string>{"action"});
  EXPECT_EQ(fields({"refuse", "", "", ""}, ApplicationActor::employer), std::set<std::string>{"reason"});
  EXPECT_EQ(fields({"refuse", "lacking_skills", "", ""}, ApplicationActor::employer), std::set<std::string>{});
  EXPECT_EQ(fields({"refuse", "auto_no_answer", "", ""}, ApplicationActor::employer), std::set<std::string>{"reason"})
      << "the platform's reason";
  EXPECT_EQ(fields({"refuse", "other", "", ""}, ApplicationActor::platform), std::set<std::string>{"reason"});
  EXPECT_EQ(fields({"refuse", "auto_no_answer", "", ""}, ApplicationActor::platform), std::set<std::string>{});
  EXPECT_EQ(fields({"accept", "", "", ""}, ApplicationActor::employer), std::set<std::string>{"hired_on"});
  EXPECT_EQ(fields({"accept", "", "", "2026-02-30"}, ApplicationActor::employer), std::set<std::string>{"hired_on"});
  EXPECT_EQ(fields({"accept", "", "", "2026-10-31"}, ApplicationActor::employer), std::set<std::string>{"hired_on"})
      << "before the application";
  EXPECT_EQ(fields({"accept", "", "", "2027-12-31"}, ApplicationActor::employer), std::set<std::string>{"hired_on"})
      << "more than a year ahead";
  EXPECT_EQ(fields({"accept", "", std::string(2001, 'x'), "2026-12-01"}, ApplicationActor::employer),
            std::set<std::string>{"message"});
  auto ok =
      validate_transition({" accept ", "", " Bienvenue ", "2026-12-01"}, ApplicationActor::employer, created, today);
  EXPECT_EQ(ok.action, ApplicationAction::accept);
  EXPECT_EQ(ok.message, "Bienvenue");
  EXPECT_EQ(ok.hired_on, "2026-12-01");
  EXPECT_THROW(validate_application({std::string(4001, 'x')}), ValidationError);
  EXPECT_EQ(validate_application({"  Bonjour  "}).message, "Bonjour");
}

TEST(ApplicationRules, VocabulariesHaveCodesAndFrenchLabels) {
  EXPECT_EQ(all_application_states().size(), 9u);
  EXPECT_EQ(all_refusal_reasons().size(), 12u);
  for (ApplicationState s : all_application_states()) {
    EXPECT_EQ(parse_application_state(name(s)), s);
    EXPECT_STRNE(label(s), "");
    EXPECT_STRNE(label_for_person(s), "");
  }
  for (RefusalReason r : all_refusal_reasons()) {
    EXPECT_EQ(parse_refusal_reason(name(r)), r);
    EXPECT_STRNE(label(r), "");
  }
  for (ApplicationAction a : all_application_actions()) {
    EXPECT_EQ(parse_application_action(name(a)), a);
    EXPECT_STRNE(label(a), "");
  }
  EXPECT_FALSE(parse_application_state("accepté"));
  EXPECT_EQ(hire_step_title("Maraîcher", "Les Jardins"), "Emploi : Maraîcher chez Les Jardins");
}
