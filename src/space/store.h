// The person's space: one-time links, the throttle of link requests, and person sessions. Only
// hashes of the secrets are stored (BLAKE2b, like reset links and user sessions).
#pragma once
#include <optional>
#include <string>

#include "db/db.h"

namespace jalon::space::store {

// A new link for `person` sent to `email`, valid `minutes`; returns the raw code (for the e-mail).
std::string create_link(db::Tx& tx, long long person, const std::string& email, int minutes);
int links_since(db::Tx& tx, long long person, const std::string& since_iso);
struct Link {
  long long person_id = 0;
  std::string expires_at, used_at;
};
std::optional<Link> find_link(db::Tx& tx, const std::string& raw_code);
// Spends `raw_code` if it is unused and not expired at `now_iso`, and every other pending link
// of the same person; returns the person, or 0 when the link was not usable (already spent by
// another request, expired, unknown).
long long spend_link(db::Tx& tx, const std::string& raw_code, const std::string& now_iso);

// Requests for links from client address `ip` (known addresses or not).
void record_request(db::Tx& tx, const std::string& ip);
int requests_since(db::Tx& tx, const std::string& ip, const std::string& since_iso);

struct NewSession {
  std::string raw_id, csrf_token;
};
NewSession create_session(db::Tx& tx, long long person, int lifetime_minutes);
struct LiveSession {
  long long person_id = 0;
  std::string csrf_token, last_seen_at, first_name, last_name, email;
};
// The session whose id hashes to `id_hash`, neither expired at `now_iso` nor idle since before
// `idle_limit_iso`, of a person record that was not merged since.
std::optional<LiveSession> find_live_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso,
                                             const std::string& idle_limit_iso);
void touch_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso);
void delete_session(db::Tx& tx, const std::string& id_hash);

// Removes expired sessions, spent or expired links and requests older than `before_iso`.
int purge(db::Tx& tx, const std::string& now_iso, const std::string& before_iso);

}  // namespace jalon::space::store
