// The demo territory: the Vienne département (86) with an organisation of every kind and users
// for every role. Deterministic: the same data on every machine.
#pragma once
#include <string>

#include "db/db.h"

namespace jalon::app {

inline constexpr const char* kDemoPassword = "Jalon-demo-2026";

struct DemoReport {
  bool created = false;  // false when the demo was already loaded
  int organisations = 0, users = 0, people = 0, structures = 0, services = 0, appointments = 0, offers = 0, job_profiles = 0;
};

// Loads the demo once (remembered in settings); later calls change nothing. Needs the
// referentials loaded (referentials::load_referentials); reads the demo directory from
// `data_dir`/demo/directory.json (data·inclusion format).
DemoReport load_demo(db::Database& db, const std::string& data_dir);

// The logins to print and document: e-mail and what the account can do.
std::string demo_logins();

}  // namespace jalon::app
