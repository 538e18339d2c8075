// Demo applications for `jalon demo`: a few people of the demo Mission Locale applying to the
// demo offers, in every common state (new, processing, pool, refused, accepted with the others
// made obsolete and the hire in the pathway).
#pragma once
#include <map>
#include <string>

#include "db/db.h"

namespace jalon::jobs {

// Needs the demo organisations (slug → id: "ml-poitou", "aci-jardins", "boulangerie",
// "ei-recyclerie"), their users and people. Uses the open offers already there (the offers' own
// demo, loaded before), else creates three. Deterministic (people in name order); dates relative
// to `today`. Returns how many applications it made.
int load_application_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today);

}  // namespace jalon::jobs
