// Who is calling: the session cookie for people in a browser, a bearer token for programs.
#pragma once
#include "base/config.h"
#include "db/db.h"
#include "http/route.h"

namespace jalon::accounts {

inline constexpr const char* kSessionCookie = "jalon_session";

// The http::Authenticator of Jalon. Sessions expire after config.session_hours, or
// config.session_idle_minutes without a request; `last_seen_at` and a token's `last_used_at`
// are refreshed at most every five minutes, in a transaction of their own on `db`.
http::Principal authenticate(db::Database& db, db::Tx& tx, const http::Request& req, const Config& config, bool& expired);

}  // namespace jalon::accounts
