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
// `by_postal_code` gives the communes (INSEE code, name) of a postal code: with it, a postal
// code alone fills the commune when it serves just one, and a commune must match its postal code.
using CommunesOfPostalCode = std::function<std::vector<std::pair<std::string, std::string>>(const std::string&)>;
Person validate_person(const PersonInput& in, const std::string& today,
                       const std::function<bool(const std::string&)>& commune_exists,
                       const CommunesOfPostalCode& by_postal_code = {});

// Levenshtein distance, capped: returns `cap + 1` as soon as it is known to exceed `cap`.
int edit_distance(const std::string& a, const std::string& b, int cap = 2);

// Why `candidate` looks like `existing`, or "" when it does not: same France Travail
// identifier; or same birth date and names each within one edit once folded; or same birth date
// with first and last names swapped.
std::string duplicate_reason(const Person& candidate, const Person& existing);

// What an organisation's user or API token may do with a person's record. The route already
// checked that the caller acts for that organisation (member or token); this decides from the
// organisation's grant, the caller's role and the person's consent. The platform admin never
// acts for an organisation here, so never passes.
enum class Action { read, write, share, revoke_grant, read_audit, merge };
struct AccessFacts {
  bool organisation_has_grant = false;  // a live grant of the acting organisation
  bool caller_is_org_admin = false;     // an administrator of the acting organisation (not a token)
  bool person_consents = false;         // consent to sharing between organisations
};
bool can(Action a, const AccessFacts& f);

// Grants that a withdrawal of consent keeps: the creator's and the referent's.
bool survives_consent_withdrawal(const std::string& reason);

}  // namespace jalon::people
