#include "accounts/auth.h"

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/errors.h"
#include "base/time.h"

namespace jalon::accounts {

using soci::into;
using soci::use;

namespace {
bool stale(const std::string& last_iso) {
  return last_iso < time::iso(time::now() - std::chrono::minutes(5));
}

// Runs a small bookkeeping write: in the request's transaction when it already writes (a
// second writer would wait on SQLite's lock held by the first), else in one of its own.
template <typename F>
void bookkeeping(db::Database& db, db::Tx& tx, F&& write) {
  if (tx.mode() == db::Tx::Mode::write) {
    write(tx);
    return;
  }
  db::Tx w(db, db::Tx::Mode::write);
  write(w);
  w.commit();
}
}  // namespace

http::Principal authenticate(db::Database& db, db::Tx& tx, const http::Request& req, const Config& config, bool& expired) {
  http::Principal p;
  expired = false;
  std::string auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    std::string raw = auth.substr(7);
    std::string hash = crypto::hash_token(raw);
    soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT id, organisation_id, COALESCE(last_used_at, '') FROM api_tokens "
                                                      "WHERE token_hash = :h AND revoked_at IS NULL",
                                  use(hash));
    for (const auto& r : rs) {
      p.kind = http::Principal::Kind::api_token;
      p.token_id = db::as_int(r, 0);
      p.token_organisation_id = db::as_int(r, 1);
      if (stale(db::as_text(r, 2)))
        bookkeeping(db, tx, [&](db::Tx& w) {
          std::string now = time::iso_now();
          w.sql() << "UPDATE api_tokens SET last_used_at = :t WHERE id = :i", use(now), use(p.token_id);
        });
      return p;
    }
    throw Unauthorized("Jeton d'API inconnu ou révoqué.");
  }
  std::string raw = req.cookie(kSessionCookie);
  if (raw.empty()) return p;
  std::string hash = crypto::hash_token(raw);
  std::string now = time::iso_now();
  std::string idle_limit = time::iso(time::now() - std::chrono::minutes(config.session_idle_minutes));
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << "SELECT s.user_id, s.csrf_token, s.last_seen_at, u.email, u.display_name, u.platform_admin "
                           "FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.id_hash = :h AND s.expires_at > :n AND s.last_seen_at > :i AND u.active = 1",
       use(hash), use(now), use(idle_limit));
  for (const auto& r : rs) {
    p.kind = http::Principal::Kind::user;
    p.user_id = db::as_int(r, 0);
    p.csrf_token = db::as_text(r, 1);
    p.email = db::as_text(r, 3);
    p.display_name = db::as_text(r, 4);
    p.platform_admin = db::as_bool(r, 5);
    p.session_hash = hash;
    if (stale(db::as_text(r, 2)))
      bookkeeping(db, tx, [&](db::Tx& w) { w.sql() << "UPDATE sessions SET last_seen_at = :t WHERE id_hash = :h", use(now), use(hash); });
  }
  if (p.kind != http::Principal::Kind::user) {
    expired = true;
    return p;
  }
  p.memberships = store::memberships_of(tx, p.user_id);
  return p;
}

}  // namespace jalon::accounts
