#include "notifications/store.h"

#include "base/time.h"
#include "db/query.h"

namespace jalon::notifications::store {

using soci::into;
using soci::use;

long long insert(db::Tx& tx, long long user, const std::string& kind, const std::string& text,
                 const std::string& link) {
  std::string now = time::iso_now();
  long long id = 0;
  tx.sql()
      << "INSERT INTO notifications (user_id, kind, text, link, created_at) VALUES (:u, :k, :t, :l, :c) RETURNING id",
      use(user), use(kind), use(text), use(link), use(now), into(id);
  return id;
}

int unread_count(db::Tx& tx, long long user) {
  // Every page of a logged-in user asks: kept prepared, served by the partial index.
  db::Query q(tx, "SELECT COUNT(*) FROM notifications WHERE user_id = :u AND read_at IS NULL");
  q.bind(user);
  return q.next() ? static_cast<int>(q.int64(0)) : 0;
}

std::vector<Notification> latest(db::Tx& tx, long long user, long long before_id, int limit) {
  std::vector<Notification> out;
  long long before = before_id > 0 ? before_id : (1LL << 62);
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << "SELECT id, user_id, kind, text, link, created_at, COALESCE(read_at, '') FROM notifications "
                           "WHERE user_id = :u AND id < :b ORDER BY id DESC LIMIT :l",
       use(user), use(before), use(limit));
  for (const auto& r : rs)
    out.push_back(Notification{db::as_int(r, 0), db::as_int(r, 1), db::as_text(r, 2), db::as_text(r, 3),
                               db::as_text(r, 4), db::as_text(r, 5), db::as_text(r, 6)});
  return out;
}

int mark_read(db::Tx& tx, long long user, long long id) {
  std::string now = time::iso_now();
  if (id > 0) {
    soci::statement st =
        (tx.sql().prepare << "UPDATE notifications SET read_at = :t WHERE user_id = :u AND id = :i AND read_at IS NULL",
         use(now), use(user), use(id));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  }
  soci::statement st =
      (tx.sql().prepare << "UPDATE notifications SET read_at = :t WHERE user_id = :u AND read_at IS NULL", use(now),
       use(user));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::map<std::string, Channel> preferences(db::Tx& tx, long long user) {
  std::map<std::string, Channel> out;
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << "SELECT kind, channel FROM notification_preferences WHERE user_id = :u", use(user));
  for (const auto& r : rs) {
    Channel c;
    if (parse_channel(db::as_text(r, 1), c)) out[db::as_text(r, 0)] = c;
  }
  return out;
}

std::optional<Channel> preference(db::Tx& tx, long long user, const std::string& kind) {
  std::string code;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT channel FROM notification_preferences WHERE user_id = :u AND kind = :k", use(user), use(kind),
      into(code, ind);
  Channel c;
  if (ind == soci::i_ok && tx.sql().got_data() && parse_channel(code, c)) return c;
  return std::nullopt;
}

void set_preference(db::Tx& tx, long long user, const std::string& kind, Channel c) {
  std::string code = channel_code(c);
  tx.sql() << "INSERT INTO notification_preferences (user_id, kind, channel) VALUES (:u, :k, :c) "
              "ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel",
      use(user), use(kind), use(code);
}

}  // namespace jalon::notifications::store
