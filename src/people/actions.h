// What the people pages and API both do.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "db/db.h"
#include "people/model.h"
#include "people/store.h"

namespace jalon::people {

// Tells `f` about every record updated or merged (in the write's transaction, after it): rooms
// whose data derive from a person's record register at start-up (not thread-safe then).
void on_changed(std::function<void(db::Tx&, long long person)> f);

bool commune_exists(const std::string& insee_code);
std::vector<std::pair<std::string, std::string>> communes_of_postal_code(const std::string& postal_code);

// A likely duplicate found at creation. The identity of a record the organisation cannot see
// is never shown: only that one exists elsewhere.
struct Duplicate {
  long long id = 0;       // 0 when the organisation cannot see the record
  std::string name;       // "" when hidden
  std::string birth_date;
  std::string reason;
};

struct Creation {
  long long id = 0;                   // set when created
  std::vector<Duplicate> duplicates;  // set when refused for likely duplicates
  std::vector<long long> hidden;      // ids of matching records the organisation cannot see (to audit)
};

// Validates `in` (ValidationError) and, unless `confirmed`, looks for likely duplicates: when
// some are found nothing is written and they are returned. Otherwise creates the person for
// `org` (creator's grant) and returns its id.
Creation create_person(db::Tx& tx, long long org, const Person& in, const std::string& today, bool confirmed);

// Validates and saves `changes` onto `current` (every field replaced). Withdrawing consent
// revokes the grants given by sharing (the creator's and the referent's stay).
Person update_person(db::Tx& tx, const Person& current, Person changes, const std::string& today);

// Merges record `absorbed_id` into `kept` (both already checked with Action::merge by the
// caller for `org`): ValidationError when they are the same record or `absorbed` was merged.
void merge_people(db::Tx& tx, long long org, const Person& kept, long long absorbed_id);

// Shares `person` with organisation `target` (ValidationError on "organisation_id" when it
// does not exist, Conflict when it already has access). The caller checked Action::share.
void share_with(db::Tx& tx, long long person, long long target, long long by_org);
// Ends `target`'s access (NotFound without one; Conflict for the creator's, which stays).
void revoke_access(db::Tx& tx, long long person, long long target);

// Searches the people `org` sees for the name typed ("dup", "Da Silva", "Dupont Marie"): first
// as the start of a last name (words joined, as keys are stored), then, when that finds nobody
// and several words were typed, as a full last name followed by the start of a first name.
std::vector<store::Row> search_people(db::Tx& tx, long long org, store::Query q, const std::string& typed);

}  // namespace jalon::people
