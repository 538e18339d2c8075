// What the directory's pages, API and command line all do: validate, decide access with
// directory::can, write through the store. Each function throws Forbidden when `who` may not,
// ValidationError for invalid input, and writes nothing then.
#pragma once
#include <string>

#include "db/db.h"
#include "directory/model.h"
#include "directory/rules.h"

namespace jalon::directory {

// Creates a structure for `organisation_id` (0: none, the platform admin's) from `in` (its id,
// source, ext_id and organisation are ignored). date_maj is today. Returns the new id.
// `prior` may hold errors found while reading the input (see validate_structure).
long long create_structure(db::Tx& tx, const Actor& who, long long organisation_id, Structure in, const std::string& today,
                           Validator prior = {});
// Saves `changes` onto `current` (identity, organisation and creation kept); date_maj is today.
Structure update_structure(db::Tx& tx, const Actor& who, const Structure& current, Structure changes, const std::string& today,
                           Validator prior = {});

// Creates a draft service of `structure`. Returns the new id.
long long create_service(db::Tx& tx, const Actor& who, const Structure& structure, Service in, const std::string& today,
                         Validator prior = {});
// Saves `changes` onto `current` (identity, structure and status kept); date_maj is today.
Service update_service(db::Tx& tx, const Actor& who, const Structure& structure, const Service& current, Service changes,
                       const std::string& today, Validator prior = {});

// The lifecycle: draft -> published -> archived, and back to draft from either. Moving along
// another edge is a Conflict. Publishing needs Action::publish, archiving Action::archive, back
// to draft Action::edit. date_maj becomes today (the organisation vouches for it again).
bool can_move(ServiceStatus from, ServiceStatus to);
Service change_status(db::Tx& tx, const Actor& who, const Structure& structure, const Service& current, ServiceStatus to,
                      const std::string& today);

}  // namespace jalon::directory
