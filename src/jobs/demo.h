// Demo jobs for `jalon demo`: offers of the demo employers and SIAE, diagnoses with wanted jobs
// and job profiles for people of the accompanying organisations (some shown to employers).
#pragma once
#include <map>
#include <string>

#include "db/db.h"

namespace jalon::jobs {

struct DemoCounts {
  int offers = 0, profiles = 0;
};

// Needs the demo organisations (slug → id), their users and people. Deterministic. Dates are
// relative to `today`.
DemoCounts load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug, const std::string& today);

}  // namespace jalon::jobs
