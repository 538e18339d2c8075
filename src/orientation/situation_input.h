// Filling a Situation (model.h) by fact names and values as the rule files write them ("rqth" =
// "yes", "qualification" = "infra3", "age" = "19"), for the forms and JSON bodies that describe
// a situation and for the data files that imply facts (data/orientation/first-contact.txt).
// Pure: no I/O.
#pragma once
#include <optional>
#include <string_view>

#include "orientation/model.h"

namespace jalon::orientation {

// True for the facts a Situation holds as declared: every fact of the catalogue but those
// computed from dates (jobseeker_months, resource_months).
bool settable(const FactDef& fact);

// The value of `text` for `fact`: a whole number 0..150 for a number fact, else the position of
// `text` among fact.values ("no"/"yes" for yes/no facts). Nullopt for anything else.
std::optional<int> fact_value(const FactDef& fact, std::string_view text);

// Sets `fact` of `s` to `value` (as fact_value() returns it). Expects settable(fact).
void set_fact(Situation& s, const FactDef& fact, int value);

// True when `s` declares `fact` (for `age`: the declared age, not the birth date).
bool has_fact(const Situation& s, const FactDef& fact);

}  // namespace jalon::orientation
