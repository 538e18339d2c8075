// The orientation engine: pure evaluation of a RuleSet (rules.h) on a Situation (model.h) at a
// given civil date. No I/O, no clock, no database: `today` is passed in, and the same inputs
// always give the same answer. Every decision carries its reason: the rule that fired (id,
// file:line, source, date of effect) and the facts it used.
//
// Functions throw ValidationError (base/errors.h) for an impossible situation (a date that does
// not exist or lies after `today`, an unknown ticked criterion, a negative age), and
// std::runtime_error when the rules hold nothing in force for what was asked (no requirement
// for a kind, no validity for an author at `today`): a data problem, not the user's.
// The barrier part reads referentials::barriers() and inclusion(): load them first.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orientation/model.h"
#include "orientation/rules.h"

namespace jalon::orientation {

// The value of one fact in a situation: a number, or the index of its value in the catalogue.
struct FactValue {
  int value = 0;
  bool derived = false;  // computed (age from the birth date, months from a date), not declared
  std::string shown;     // French: "âge : 17 ans (calculé depuis la date de naissance)"
};
using Facts = std::map<std::string, FactValue, std::less<>>;
// The known facts of `s` at `today`. Months are whole months: the count grows on the same day of
// the month as the start date (or the month's last day when it has fewer days).
Facts facts_of(const Situation& s, Date today);

// True when every condition of `when` holds on known facts of `facts` (an empty list always
// holds); a condition on an unknown fact makes it false.
bool holds_all(const std::vector<Condition>& when, const Facts& facts);

struct Reason {
  std::string rule;       // the row's id: "ml-jeune", "rsa"
  std::string where;      // "referent.rules:12"
  std::string source;     // what the row relies on
  std::string effective;  // "2025-01-01"
  std::string text;       // French, for users
  std::vector<std::string> facts;  // the facts the rule used, as FactValue::shown
};

struct Decision {
  std::string code;   // a structure typology ("ML"), "none", or a scheme code
  std::string label;  // French
  Reason reason;
};

struct SolutionAdvice {
  std::string text;                 // French
  std::vector<std::string> actors;  // structure typologies
  Reason reason;
};

struct BarrierAdvice {
  std::string barrier;  // code of data/barriers.csv
  std::string label;
  Severity severity{};
  std::vector<std::string> thematics;  // data·inclusion thematics whose services lift it
  std::vector<SolutionAdvice> solutions;
};

struct Orientation {
  std::optional<Decision> referent;  // absent when no referent rule matches (facts unknown)
  std::vector<Decision> schemes;     // in priority order, one per scheme
  std::vector<BarrierAdvice> barriers;  // barriers of severity light or more, in referential order
};

// The referent to contact first (first matching referent rule in force at `today`), the schemes
// that fit (every matching offer rule in force; a scheme appears once, with its first rule) and,
// for each barrier of the situation, its thematics and the seed's solutions.
Orientation orient(const Situation& s, Date today, const RuleSet& rules);

// How a criterion was established.
enum class Basis {
  derived,  // from facts of which at least one is computed (age, months)
  profile,  // from declared facts of the situation
  ticked,   // ticked by the author; the facts that would prove it are unknown
};
struct CriterionMet {
  std::string code, label;
  int level = 2;
  Basis basis{};
  std::string proof;  // the document to collect
  Reason reason;
};
struct Rejection {
  std::string code, label;
  std::string why;  // French: "incompatible avec « 50 ans ou plus »", "contredit par le profil : âge : 30 ans"
  Reason reason;    // the incompatibility row, or the criterion row that the facts contradict
};

struct Eligibility {
  SiaeKind kind{};
  Author author{};
  bool eligible = false;
  bool by_assessment = false;  // eligible only on the authorised prescriber's own assessment
  std::vector<CriterionMet> level1, level2;  // in the order of the criterion rows
  int level2_required = 0;
  int level2_missing = 0;         // 0 when eligible
  std::string missing;            // French, empty when eligible
  std::vector<std::string> to_check;  // codes of criteria whose facts are unknown
  std::vector<Rejection> rejected;
  std::vector<std::string> proofs;  // one per criterion met, in order
  Reason requirement;               // the `required` row used
  // The diagnosis, made at `today`, is valid through valid_until (inclusive), for every SIAE or
  // only for the employer who made it.
  Date valid_until{};
  bool all_siae = true;
  Reason validity;
};

// The IAE administrative eligibility of `s` for a structure of `kind`, diagnosed at `today` by
// `author`. Criteria are met from the facts, or ticked (Situation::declared_criteria) when the
// facts are unknown; a ticked criterion the facts contradict is rejected. Of an incompatible
// pair, a criterion only ticked gives way to one established from the facts; two of the same
// standing are both rejected. Eligible with one level-1 criterion, or the required number of
// level-2 ones; an authorised prescriber may also validate on its own assessment
// (`prescriber_assessment`, ignored for employers), which the answer says.
Eligibility iae_eligibility(const Situation& s, SiaeKind kind, Date today, Author author, const RuleSet& rules,
                            bool prescriber_assessment = false);

// True when a diagnosis made on `made` by `author` still holds on `on` for a structure:
// `same_employer` says whether that structure's employer made it (relevant to employers only).
// Valid from `made` through the last day of the validity in force at `made`.
bool diagnosis_valid(Author author, Date made, Date on, bool same_employer, const RuleSet& rules);

}  // namespace jalon::orientation
