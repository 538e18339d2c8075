// Demo pathways for `jalon demo`: a few people followed by several organisations, with their
// engagement, steps, notes of every level and orientations in every state.
#pragma once
#include <map>
#include <string>

#include "db/db.h"

namespace jalon::pathways {

struct DemoCounts {
  int pathways = 0, orientations = 0, notes = 0;
};

// Needs the demo organisations (slug → id: "ml-poitou", "entraide", "aci-jardins",
// "departement", "ccas-chatellerault"), their users (conseil.<slug>@jalon-demo.fr,
// social.<slug>@…), their people and the demo directory. Dates are relative to `today`.
// Deterministic: picks people in name order.
DemoCounts load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today);

}  // namespace jalon::pathways
