#include "accounts/auth.h"

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/errors.h"
#include "base/time.h"

namespace jalon::accounts {

namespace {
bool stale(const std::string& last_iso) { return last_iso < time::iso(time::now() - std::chrono::minutes(5)); }

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
  std::string now = time::iso_now();
  std::string auth = req.header("authorization");
  std::string scheme = auth.substr(0, 7);
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme == "bearer ") {
    auto token = store::find_live_token(tx, crypto::hash_token(auth.substr(7)));
    if (!token) throw Unauthorized("Jeton d'API inconnu ou révoqué.");
    p.kind = http::Principal::Kind::api_token;
    p.token_id = token->id;
    p.token_organisation_id = token->organisation_id;
    if (stale(token->last_used_at)) bookkeeping(db, tx, [&](db::Tx& w) { store::touch_token(w, token->id, now); });
    return p;
  }
  std::string raw = req.cookie(kSessionCookie);
  if (raw.empty()) return p;
  std::string hash = crypto::hash_token(raw);
  std::string idle_limit = time::iso(time::now() - std::chrono::minutes(config.session_idle_minutes));
  auto s = store::find_live_session(tx, hash, now, idle_limit);
  if (!s) {
    expired = true;
    return p;
  }
  p.kind = http::Principal::Kind::user;
  p.user_id = s->user_id;
  p.csrf_token = s->csrf_token;
  p.email = s->email;
  p.display_name = s->display_name;
  p.platform_admin = s->platform_admin;
  p.session_hash = hash;
  if (stale(s->last_seen_at)) bookkeeping(db, tx, [&](db::Tx& w) { store::touch_session(w, hash, now); });
  for (const auto& m : store::memberships_of(tx, p.user_id))
    p.memberships.push_back(http::Membership{m.organisation_id, m.organisation_name, m.role, m.social_worker});
  return p;
}

}  // namespace jalon::accounts
