// Pure decisions about people: search keys, validation, likely duplicates, and who may do what.
// No I/O, no clock: `today` is passed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "base/errors.h"
#include "people/model.h"

namespace jalon::people {

// A name folded for comparison and search: lowercase, no accents, without hyphens, apostrophes
// and spaces ("Jean-Éric D'Arc" -> "jeanericdarc").
std::string fold_name(const std::string& name);
Keys keys_of(const Person& p);

// The key that orders a person in lists: folded last name, first name, then the id, padded so
// that text order is the right order ("dupont marie 000000000042").
std::string sort_key(const Keys& k, long long id);

// Throws ValidationError listing every invalid field of `in` (field names as in Person),
// returns it normalised (trimmed, e-mail lowercased, phone without separators). `today` is
// "YYYY-MM-DD": a birth date must be in the past and at most 120 years ago.
Person validate_person(const PersonInput& in, const std::string& today,
                       const std::function<bool(const std::string&)>& commune_exists);

// Levenshtein distance, capped: returns `cap + 1` as soon as it is known to exceed `cap`.
int edit_distance(const std::string& a, const std::string& b, int cap = 2);

// Why `candidate` looks like `existing`, or "" when it does not: same France Travail
// identifier; or same birth date and names each within one edit once folded; or same birth date
// with first and last names swapped.
std::string duplicate_reason(const Person& candidate, const Person& existing);

}  // namespace jalon::people
