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
                                        const std::function<bool(const std::string&)>& commune_exists);

// Password policy (field `field`): 12 to 200 characters, not the e-mail address.
void check_password(Validator& v, const std::string& field, const std::string& password, const std::string& email);

// Display name: 2 to 120 characters once trimmed.
void check_display_name(Validator& v, const std::string& field, const std::string& name);

// An organisation keeps at least one administrator: refuses (Conflict) to demote or remove the
// last one.
void check_keeps_an_admin(int admins_now, bool target_is_admin, bool target_stays_admin);

// A one-time link is usable when it was neither used nor revoked and `now_iso` < `expires_at`.
bool link_usable(const std::string& now_iso, const std::string& expires_at, const std::string& used_at,
                 const std::string& revoked_at = "");

// Where to go after logging in: `next` when it is a local path ("/…" but not "//…"),
// else the dashboard.
std::string safe_next(const std::string& next);

}  // namespace jalon::accounts
