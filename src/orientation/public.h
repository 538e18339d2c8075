// What the public pages and the public API of the orientation room share ("Par où commencer ?"
// and the IAE eligibility simulator): reading a situation from a form or a JSON body, finding
// the place a person names, and computing the answers with the engine. Nothing is stored: no
// person, no audit row.
//
// Field names in errors: a form names its fields after the facts of the catalogue ("age",
// "birth_date", "qualification"…) and "place", "barriers", "criteria", "kind", "author"; the API
// puts the facts under "situation." ("situation.age") and names the rest the same way, except
// "difficulties" for the barriers.
#pragma once
#include <boost/json/fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/errors.h"
#include "db/db.h"
#include "directory/live.h"
#include "directory/search.h"
#include "http/http.h"
#include "orientation/engine.h"
#include "orientation/first_contact.h"
#include "orientation/nearby.h"
#include "referentials/communes.h"

namespace jalon::orientation::pub {

// The ages the public tools answer for (a declared age, or the age a birth date gives).
inline constexpr int kMinAge = 10, kMaxAge = 99;

// The facts of a form: one field per fact, named after it, its value as the rule files write it
// ("yes", "infra3"; "" or absent: not said), and the dates "birth_date", "jobseeker_since",
// "resource_since" as "AAAA-MM-JJ" or "JJ/MM/AAAA". Faults go to `errors` under the field's name.
Situation situation_from_form(const http::Form& form, Date today, Validator& errors);

// The facts of the JSON object `v` (the request's "situation"): yes/no facts as booleans,
// ordered facts as strings of their values, "age" as an integer, dates as "AAAA-MM-JJ". Faults go
// to `errors` as "situation.<key>" (an unknown key too), or "situation" when `v` is missing or
// not an object.
Situation situation_from_json(const boost::json::value* v, Date today, Validator& errors);

// Checks what both tools need of an age: an age or a birth date, within [kMinAge, kMaxAge].
// `prefix` is "" (forms) or "situation." (API). Skips what `errors` already reports.
void check_age(const Situation& s, Date today, Validator& errors, const std::string& prefix);

// A place the directory can search around.
struct Where {
  directory::Place place;
  std::string label;  // "Poitiers (86)", "86000 Poitiers"
};
// The place a person names: `commune_code` (INSEE) when given, else `postal_code`, else `text`
// (a postal code, an INSEE code or a commune's name, as directory::place_from_text reads it).
// Nullopt with a French message in `errors` under `text_field` (or "commune_code",
// "postal_code") when nothing is given, nothing matches, or the name is borne by several
// communes: then `choices` (when given) lists them.
std::optional<Where> find_place(const std::string& text, const std::string& commune_code,
                                const std::string& postal_code, Validator& errors, const std::string& text_field,
                                std::vector<const referentials::Commune*>* choices = nullptr);

// Checks barrier codes (data/barriers.csv) into `errors` under `field`.
void check_difficulties(const std::vector<std::string>& codes, Validator& errors, const std::string& field);

// The answer of "Par où commencer ?": the engine's orientation of the situation (with the
// difficulties set as the first-contact data says), the directory around the place, and the
// FAQ entries for the situation.
struct FirstContactAnswer {
  Date today{};
  Situation situation;  // as answered: difficulties and the facts they imply applied
  Orientation orientation;
  Where where;
  Nearby nearby;
  std::vector<const FaqEntry*> faq;
};
// Expects a situation and difficulties that passed the checks above. Reads in `tx`; brings the
// live index up to date with `db` first.
FirstContactAnswer first_contact(db::Database& db, db::Tx& tx, directory::Live& live, Situation s,
                                 const std::vector<std::string>& difficulties, const Where& where, Date today);

// Checks ticked criteria (codes of criterion rows in force at `today`) into `errors` under `field`.
void check_criteria(const std::set<std::string>& codes, Date today, Validator& errors, const std::string& field);

// A ValidationError whose fields are prefixed (the engine names "birth_date", the API
// "situation.birth_date").
ValidationError prefixed(const ValidationError& e, const std::string& prefix);

}  // namespace jalon::orientation::pub
