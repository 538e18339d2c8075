// Small helpers shared by the room's page files (routes.cpp, orientation_routes.cpp).
#pragma once
#include <string>

#include "base/errors.h"
#include "base/time.h"
#include "http/page.h"

namespace jalon::pathways::pages {

inline std::string org_url(long long org) {
  return "/organisations/" + std::to_string(org);
}
inline std::string person_url(long long org, long long person) {
  return org_url(org) + "/personnes/" + std::to_string(person);
}
inline std::string pathway_url(long long org, long long pathway) {
  return org_url(org) + "/parcours/" + std::to_string(pathway);
}
inline std::string orientation_url(long long org, long long id) {
  return org_url(org) + "/orientations/" + std::to_string(id);
}

// The same errors, each field renamed `prefix` + field: a page holding several forms gives their
// fields distinct names ("objective_title", "step_title") while the rules name them as the API does.
inline ValidationError prefixed(const ValidationError& e, const std::string& prefix) {
  std::vector<FieldError> fields;
  for (const auto& f : e.fields()) fields.push_back({prefix + f.field, f.message});
  return ValidationError(fields, e.what());
}

// "28/11/2026 à 10:30" from an ISO instant; the text itself when it is not one.
inline std::string when(const std::string& iso) {
  auto t = time::parse_iso(iso);
  return t ? time::display(*t) : iso;
}
// The civil date of an ISO instant, shown "28/11/2026".
inline std::string day_of(const std::string& iso) {
  auto t = time::parse_iso(iso);
  return t ? time::display_civil(time::civil_date(*t)) : iso;
}

}  // namespace jalon::pathways::pages
