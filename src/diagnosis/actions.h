// What the diagnosis pages and API both do.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "db/db.h"
#include "diagnosis/model.h"
#include "orientation/engine.h"
#include "people/model.h"

namespace jalon::diagnosis {

// Validates `d` for `person` at `today` (ValidationError) and records it as made by user
// `author` (or, when 0, API token `token`) of organisation `org`: the author kind follows the
// organisation. Returns the new id.
long long create(db::Tx& tx, const people::Person& person, long long org, long long author, Diagnosis d,
                 const std::string& today, long long token = 0);

// The engine's answer to a diagnosis: the referent, schemes and barriers, and the IAE
// eligibility for every structure kind, judged as its author would (an employer's diagnosis as
// an employer's; any other as a prescriber's, whose validation the answer says it needs).
struct Advice {
  orientation::Situation situation;  // the diagnosis's, with the person's birth date
  orientation::Orientation orientation;
  std::vector<orientation::Eligibility> eligibility;  // aci, ai, ei, etti, eiti
  orientation::Author judged_as = orientation::Author::prescriber;
};
// `today` is the day the advice is asked for: ages and durations are counted at that day.
Advice advise(const Diagnosis& d, const std::string& birth_date, const std::string& today);

// Tells `f` about every diagnosis created (in its transaction, after the insert): rooms whose
// data derive from a person's latest diagnosis register at start-up (not thread-safe then).
void on_created(std::function<void(db::Tx&, long long person)> f);

// The IAE criterion codes of the rules in force (for validation and the form).
std::vector<std::string> criterion_codes(const std::string& today);

}  // namespace jalon::diagnosis
