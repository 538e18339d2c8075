// What the pages and the API both do, written once: each function validates, writes through
// the store and queues e-mails, in the caller's transaction. Access is checked by the caller's
// route before any of these run.
#pragma once
#include <string>

#include "accounts/model.h"
#include "base/config.h"
#include "db/db.h"
#include "http/route.h"

namespace jalon::accounts {

bool commune_exists(const std::string& insee_code);
// "Poitiers : 86194" (several joined by ", ", at most 5) for a postal code, "" for none.
std::string communes_by_postal_code(const std::string& postal_code);

// Creates an organisation from `in` and invites `admin_email` as its first administrator.
// ValidationError lists every invalid field (organisation fields and "admin_email"); an empty
// address is accepted only when `admin_required` is false. Only the platform admin may set the
// authorised-prescriber flag: others get the kind's default.
long long create_organisation(db::Tx& tx, const Config& config, const http::Principal& who, OrganisationInput in,
                              const std::string& admin_email, bool admin_required);

// Invites `email` (normalised here) into `o` with `role` ("admin" or "member"). ValidationError
// on fields "email" and "role", also when the person is already a member. Returns the invitation id.
long long invite(db::Tx& tx, const Config& config, const Organisation& o, const std::string& email, const std::string& role,
                 bool social_worker, const http::Principal& who);

// Changes a member's role; removes a member. NotFound when `user` is not a member; Conflict when
// the organisation would be left without an administrator. Return the member as it was.
Member change_member(db::Tx& tx, long long org, long long user, const std::string& role, bool social_worker);
Member remove_member(db::Tx& tx, long long org, long long user);

// Creates and queues the invitation e-mail; the low-level part of invite() and create_organisation().
long long send_invitation(db::Tx& tx, const Config& config, const Organisation& o, const std::string& email,
                          const std::string& role, bool social_worker, long long inviter_id, const std::string& inviter_name);

}  // namespace jalon::accounts
