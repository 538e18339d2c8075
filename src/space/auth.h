// Who is calling from the person's own space: the `jalon_espace` cookie of a session opened by
// a one-time link.
#pragma once
#include "base/config.h"
#include "db/db.h"
#include "http/route.h"

namespace jalon::space {

inline constexpr const char* kSpaceCookie = "jalon_espace";
inline constexpr int kSessionMinutes = 120;  // absolute lifetime of a person's session
inline constexpr int kIdleMinutes = 30;      // ended after this long without a request

// A Principal of kind person when the request's cookie names a live person session (its
// last-seen time refreshed at most every five minutes, in a transaction of its own on `db` when
// `tx` only reads); anonymous otherwise, with `expired` set when the cookie names no live
// session.
http::Principal authenticate(db::Database& db, db::Tx& tx, const http::Request& req, bool& expired);

}  // namespace jalon::space
