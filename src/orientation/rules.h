// The orientation and IAE eligibility rules, loaded from data/rules/*.rules (grammar in
// docs/orientation.md) and checked against the fact catalogue (model.h) and the referentials.
// No rule lives in C++: the engine (engine.h) only evaluates what a RuleSet holds.
//
// A RuleSet is filled once by load() and is read-only afterwards: its const members are safe to
// read from several threads at once. Copying is forbidden (a RuleSet is large and shared).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orientation/model.h"
#include "referentials/barriers.h"
#include "referentials/inclusion.h"

namespace jalon::orientation {

using Date = std::chrono::sys_days;
// "YYYY-MM-DD" of an existing date, or nullopt.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);  // "YYYY-MM-DD"
// `d` plus `months` calendar months, on the last day of the month when the day does not exist
// (31 August + 6 months = 28 or 29 February).
Date add_months(Date d, int months);

// One condition of a rule: fact op value(s). For `=` and `!=` several values may be given
// ("housing=sheltered/homeless": any of them); order comparisons take one value.
struct Condition {
  enum class Op { eq, ne, lt, le, gt, ge };
  const FactDef* fact = nullptr;
  Op op = Op::eq;
  std::vector<int> values;  // numbers, or indexes into fact->values
  std::string text;         // as written: "age<26"
};

// The conditions of a `when` cell ("*", or "fact op value" joined by ","), checked against the
// fact catalogue; throws std::runtime_error "`where`: message" as RuleSet::load does. Other data
// files that select by facts (data/orientation/first-contact.txt) share this grammar.
std::vector<Condition> parse_conditions(const std::string& where, const std::string& cell);

// Where a row comes from, to name it in errors and in the reasons of decisions.
struct Origin {
  std::string file;  // file name, e.g. "referent.rules"
  int line = 0;
  std::string id;         // the row's id (rule id, criterion code, kind, …)
  std::string source;     // the text it relies on: "DOMAIN.md § Acteurs ; loi pour le plein emploi"
  Date effective{};       // applies from this date on (inclusive)
  std::string where() const { return file + ":" + std::to_string(line); }
};

// `referent` rows (first match by priority) and `offer` rows (every match, in priority order).
struct Rule {
  Origin origin;
  int priority = 0;
  std::vector<Condition> when;  // all must hold; empty = always ("*")
  std::string then;             // referent: a structure typology of data·inclusion or "none"; offer: a scheme code
  std::string reason;           // French, shown to users
};

// A `scheme` row: a scheme a person may be offered.
struct Scheme {
  Origin origin;
  std::string code, label;
  std::vector<std::string> thematics;  // data·inclusion thematics or categories, as written
};

// A `solution` row: the seed's solutions and actors for a barrier.
struct Solution {
  Origin origin;
  std::string barrier;              // code of data/barriers.csv
  std::string text;                 // French
  std::vector<std::string> actors;  // structure typologies of data·inclusion
};

// IAE rows.
struct Criterion {
  Origin origin;
  std::string code;
  int level = 2;  // 1 or 2
  std::vector<Condition> when;
  std::string proof;  // the document to collect, French
  std::string label;  // French
};
struct Requirement {  // `required`: level-2 criteria needed, without a level-1 one, for a kind
  Origin origin;
  SiaeKind kind{};
  int count = 0;
};
struct Incompatibility {  // `incompatible`: two criteria that cannot both hold
  Origin origin;
  std::string a, b;
};
struct Validity {  // `validity`: how long a diagnosis by this author is valid, and for whom
  Origin origin;
  Author author{};
  int months = 0, days = 0;  // one of the two
  bool all_siae = true;      // false: only for the employer who made it
};

class RuleSet {
 public:
  RuleSet() = default;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

  // Loads every `*.rules` file of `dir`, in name order, into this empty object, checking each
  // row against the fact catalogue, `inclusion` (structure typologies, thematics) and `barriers`.
  // Throws std::runtime_error "file:line: message" on an unknown row kind, fact, value, code
  // or referential code, a bad date or number, a row seen twice, two referent rules of the same
  // priority that can both match, a rule that an earlier rule always hides, or an
  // incompatibility naming an unknown criterion; and "dir: …" when the folder has no rule file.
  void load(const std::string& dir, const referentials::Inclusion& inclusion, const referentials::Barriers& barriers);
  // The same for one file's text, for tests; `file` names it in errors. May be called several
  // times; the cross-row checks run on what has been added so far.
  void add_text(const std::string& file, std::string_view text, const referentials::Inclusion& inclusion,
                const referentials::Barriers& barriers);

  // Rows in file order (referents and offers sorted by priority, stable).
  const std::vector<Rule>& referents() const { return referents_; }
  const std::vector<Rule>& offers() const { return offers_; }
  const std::vector<Scheme>& schemes() const { return schemes_; }
  const std::vector<Solution>& solutions() const { return solutions_; }
  const std::vector<Criterion>& criteria() const { return criteria_; }
  const std::vector<Requirement>& requirements() const { return requirements_; }
  const std::vector<Incompatibility>& incompatibilities() const { return incompatibilities_; }
  const std::vector<Validity>& validities() const { return validities_; }

  const Scheme* scheme(std::string_view code) const;
  // The version of the criterion `code` in force at `today` (latest effective <= today), or nullptr.
  const Criterion* criterion(std::string_view code, Date today) const;
  std::size_t size() const;  // rows of every kind

 private:
  void parse_text(const std::string& file, std::string_view text, const referentials::Inclusion& inclusion,
                  const referentials::Barriers& barriers);
  void check_all() const;
  std::vector<Rule> referents_, offers_;
  std::vector<Scheme> schemes_;
  std::vector<Solution> solutions_;
  std::vector<Criterion> criteria_;
  std::vector<Requirement> requirements_;
  std::vector<Incompatibility> incompatibilities_;
  std::vector<Validity> validities_;
};

// ---- The grammar every rule-like data file shares (docs/orientation.md, "Grammar"): rules.cpp
// and first_contact.cpp read their files through it.
// Throws std::runtime_error "where: message" (where is "file:line").
[[noreturn]] void fail(const std::string& where, const std::string& message);
// A code of a data file: lowercase letters, digits, "-" and "_", not empty.
bool slug(std::string_view s);
// One row: its cells split on "|" and trimmed, the first naming the row kind.
struct GrammarRow {
  int line = 0;
  std::string where;  // "file:line"
  std::vector<std::string> cells;
  // Throws (fail) unless the row has `n` cells; `columns` names them for the message.
  void need(std::size_t n, const char* columns) const;
};
// The rows of `content` (the text of `file`), blank lines and "#" comments left out.
std::vector<GrammarRow> grammar_rows(const std::string& file, std::string_view content);

// Loads data_dir/rules into the object returned by rules(), against the process's referentials
// (referentials::load_referentials must have run). Only the first successful call loads; on error
// it throws as RuleSet::load does and installs nothing. Call it before starting threads.
const RuleSet& load_rules(const std::string& data_dir);
// The rules of this process (empty before load_rules).
const RuleSet& rules();

}  // namespace jalon::orientation
