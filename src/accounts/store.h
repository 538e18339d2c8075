// The accounts room's SQL. Every function runs in the caller's transaction and assumes the
// caller already checked access (http::check_access and the routes).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/db.h"

namespace jalon::accounts::store {

// Organisations
// Both throw ValidationError on field "siret" when another organisation has that SIRET.
long long create_organisation(db::Tx& tx, const OrganisationInput& in);
void update_organisation(db::Tx& tx, long long id, const OrganisationInput& in);
std::optional<Organisation> find_organisation(db::Tx& tx, long long id);
Organisation get_organisation(db::Tx& tx, long long id);  // NotFound
std::vector<Organisation> list_organisations(db::Tx& tx);
std::vector<Organisation> organisations_of_user(db::Tx& tx, long long user_id);

// Users
long long create_user(db::Tx& tx, const std::string& email, const std::string& display_name,
                      const std::string& password_hash, bool platform_admin = false);  // Conflict if the e-mail exists
std::optional<User> find_user_by_email(db::Tx& tx, const std::string& email);
std::optional<User> find_user(db::Tx& tx, long long id);
void set_password(db::Tx& tx, long long user_id, const std::string& password_hash);

// Memberships
// Conflict when `user` already belongs to `org`, or is the platform admin (who never acts for
// an organisation, so never reaches its people).
void add_membership(db::Tx& tx, long long org, long long user, const std::string& role, bool social_worker);
std::vector<Member> members(db::Tx& tx, long long org);
std::optional<Member> member(db::Tx& tx, long long org, long long user);
int admin_count(db::Tx& tx, long long org);
void set_membership(db::Tx& tx, long long org, long long user, const std::string& role, bool social_worker);
void remove_membership(db::Tx& tx, long long org, long long user);
std::vector<MembershipOf> memberships_of(db::Tx& tx, long long user);

// Sessions: the raw id goes to the cookie, only its hash is stored.
struct NewSession {
  std::string raw_id, csrf_token;
};
NewSession create_session(db::Tx& tx, long long user, const std::string& ip, const std::string& user_agent,
                          int lifetime_hours);
struct LiveSession {
  long long user_id;
  std::string csrf_token, last_seen_at, email, display_name;
  bool platform_admin;
};
// The session whose id hashes to `id_hash` if it is neither expired (`now_iso` ≥ expires_at)
// nor idle (last seen before `idle_limit_iso`) and its user is active.
std::optional<LiveSession> find_live_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso,
                                             const std::string& idle_limit_iso);
void touch_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso);
void delete_session(db::Tx& tx, const std::string& id_hash);
void delete_sessions_of_user(db::Tx& tx, long long user);
int purge_expired_sessions(db::Tx& tx, const std::string& now_iso);

// Invitations: the raw code is sent by e-mail, only its hash is stored.
struct NewInvitation {
  long long id;
  std::string raw_code;
};
NewInvitation create_invitation(db::Tx& tx, long long org, const std::string& email, const std::string& role,
                                bool social_worker, long long invited_by, int valid_days);
std::optional<Invitation> find_invitation_by_code(db::Tx& tx, const std::string& raw_code);
std::optional<Invitation> find_invitation(db::Tx& tx, long long org, long long id);
std::vector<Invitation> pending_invitations(db::Tx& tx, long long org, const std::string& now_iso);
// Marks the invitation accepted; false when it already was (another request used it first).
bool mark_invitation_accepted(db::Tx& tx, long long id, long long user);
void revoke_invitation(db::Tx& tx, long long id);
// Revokes every pending invitation of `email` to `org` (one live invitation per address: a new
// one replaces the old, joining or leaving ends them).
void revoke_invitations_of(db::Tx& tx, long long org, const std::string& email);

// Password resets
std::string create_password_reset(db::Tx& tx, long long user, int valid_minutes);  // raw code
struct PasswordReset {
  long long user_id;
  std::string expires_at, used_at;
};
int recent_resets(db::Tx& tx, long long user, const std::string& since_iso);
std::optional<PasswordReset> find_password_reset(db::Tx& tx, const std::string& raw_code);
// Spends `raw_code` and every other pending link of the same user; false when `raw_code` was
// already spent (another request used it first).
bool mark_password_reset_used(db::Tx& tx, const std::string& raw_code, long long user);
// Spends every pending reset link of `user` (after a password change).
void spend_password_resets_of(db::Tx& tx, long long user);

// API tokens: "jln_" + random; shown once, stored hashed.
struct NewToken {
  long long id;
  std::string raw;
};
// `created_by` 0 records no author (tokens made with `jalon token create`).
NewToken create_api_token(db::Tx& tx, long long org, const std::string& name, long long created_by);
std::vector<ApiToken> api_tokens(db::Tx& tx, long long org);
std::optional<ApiToken> find_api_token(db::Tx& tx, long long org, long long id);
void revoke_api_token(db::Tx& tx, long long org, long long id);
struct TokenOwner {
  long long id, organisation_id;
  std::string last_used_at;
};
// The live (not revoked) token whose raw value hashes to `hash`.
std::optional<TokenOwner> find_live_token(db::Tx& tx, const std::string& hash);
void touch_token(db::Tx& tx, long long id, const std::string& now_iso);

// Login throttling
void record_login_failure(db::Tx& tx, const std::string& email, const std::string& ip);
int recent_failures_for_email(db::Tx& tx, const std::string& email, const std::string& since_iso);
int recent_failures_for_email_and_ip(db::Tx& tx, const std::string& email, const std::string& ip, const std::string& since_iso);
int recent_failures_for_ip(db::Tx& tx, const std::string& ip, const std::string& since_iso);
void clear_login_failures(db::Tx& tx, const std::string& email);

// Removes what is no longer needed: expired sessions, login failures and spent or expired links
// older than `before_iso`. Returns the rows removed.
int purge_stale(db::Tx& tx, const std::string& now_iso, const std::string& before_iso);

}  // namespace jalon::accounts::store
