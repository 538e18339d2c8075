// The SQL of the diagnosis room. Diagnoses are inserted, never updated nor deleted.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "diagnosis/model.h"

namespace jalon::diagnosis::store {

// Inserts `d` (already validated) with its barriers, skills, jobs and ticked criteria; returns
// its id. `d.created_at` is set by the store.
long long insert(db::Tx& tx, const Diagnosis& d);

// The diagnoses of `person`, latest first (by made_on, then id).
std::vector<Summary> history(db::Tx& tx, long long person);

// Diagnosis `id` of `person` (nullopt when there is none, or it is another person's).
std::optional<Diagnosis> find(db::Tx& tx, long long person, long long id);

// The latest diagnosis of `person`, if any.
std::optional<Diagnosis> current(db::Tx& tx, long long person);

// Name, kind and prescriber flag of an organisation, for the author kind.
struct OrgFacts {
  std::string name, kind;
  bool authorised_prescriber = false;
};
OrgFacts organisation(db::Tx& tx, long long org);

}  // namespace jalon::diagnosis::store
