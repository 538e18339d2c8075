// Demo data of appointments, documents and notifications around one demo person who has an
// e-mail address and so can open their own space ("Léna Moreau", lena.moreau@exemple.fr,
// followed by the Mission Locale d'Insertion du Poitou).
#pragma once
#include <map>
#include <string>

#include "db/db.h"

namespace jalon::space {

inline constexpr const char* kDemoPersonEmail = "lena.moreau@exemple.fr";

// Adds, in `tx`, the demo person, a few past appointments with their attendance and upcoming
// ones (dated from today), a document and a few notifications of the Mission Locale's
// counsellor. `org_of_slug` maps demo sigles to organisation ids (see app/demo.cpp). Returns
// the number of appointments created.
int load_demo(db::Tx& tx, const std::map<std::string, long long>& org_of_slug);

}  // namespace jalon::space
