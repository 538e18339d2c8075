// Pure decisions of the accounts room: what a valid organisation, password or invitation is.
// No I/O and no clock: callers pass what is needed.
#pragma once
#include <functional>
#include <string>

#include "accounts/model.h"
#include "base/errors.h"

namespace jalon::accounts {

// Throws ValidationError listing every invalid field of `in` (fields: name, kind, siret,
// commune_code). `commune_exists` tells whether an INSEE code is in the referential. Returns the
// input normalised (trimmed, SIRET without spaces).
OrganisationInput validate_organisation(const OrganisationInput& in,
                                        const std::function<bool(const std::string&)>& commune_exists,
                                        const std::function<std::string(const std::string&)>& by_postal_code = {});
// The same, adding the messages to `v` (to report them with other fields) instead of throwing.
// `by_postal_code`, when given, names the communes of a postal code ("Poitiers : 86194"), so
// that someone who typed a postal code is told which INSEE code to use.
OrganisationInput validate_organisation(Validator& v, const OrganisationInput& in,
                                        const std::function<bool(const std::string&)>& commune_exists,
                                        const std::function<std::string(const std::string&)>& by_postal_code = {});

// Password policy (field `field`): 12 to 200 characters, not the e-mail address.
void check_password(Validator& v, const std::string& field, const std::string& password, const std::string& email);

// A new password and its confirmation (fields `field` and `confirm_field`).
void check_new_password(Validator& v, const std::string& field, const std::string& confirm_field, const std::string& password,
                        const std::string& confirmation, const std::string& email);

// An API token's name: 1 to 100 characters once trimmed.
void check_token_name(Validator& v, const std::string& field, const std::string& name);

// Display name: 2 to 120 characters once trimmed.
void check_display_name(Validator& v, const std::string& field, const std::string& name);

// An organisation keeps at least one administrator: refuses (ValidationError on "role") to
// demote or remove the last one.
void check_keeps_an_admin(int admins_now, bool target_is_admin, bool target_stays_admin);

// A one-time link is usable when it was neither used nor revoked and `now_iso` < `expires_at`.
bool link_usable(const std::string& now_iso, const std::string& expires_at, const std::string& used_at,
                 const std::string& revoked_at = "");

// Where to go after logging in: `next` when it is a local path ("/…" but not "//…"),
// else the dashboard.
std::string safe_next(const std::string& next);

}  // namespace jalon::accounts
