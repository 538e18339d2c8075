#include "space/auth.h"

#include "base/crypto.h"
#include "base/time.h"
#include "space/store.h"

namespace jalon::space {

http::Principal authenticate(db::Database& db, db::Tx& tx, const http::Request& req, bool& expired) {
  http::Principal p;
  expired = false;
  std::string raw = req.cookie(kSpaceCookie);
  if (raw.empty()) return p;
  std::string hash = crypto::hash_token(raw), now = time::iso_now();
  auto s = store::find_live_session(tx, hash, now, time::iso(time::now() - std::chrono::minutes(kIdleMinutes)));
  if (!s) {
    expired = true;
    return p;
  }
  p.kind = http::Principal::Kind::person;
  p.person_id = s->person_id;
  p.csrf_token = s->csrf_token;
  p.display_name = s->first_name + " " + s->last_name;
  p.email = s->email;
  p.session_hash = hash;
  if (s->last_seen_at < time::iso(time::now() - std::chrono::minutes(5))) {
    if (tx.mode() == db::Tx::Mode::write) {
      store::touch_session(tx, hash, now);
    } else {
      db::Tx w(db, db::Tx::Mode::write);
      store::touch_session(w, hash, now);
      w.commit();
    }
  }
  return p;
}

}  // namespace jalon::space
