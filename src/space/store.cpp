#include "space/store.h"

#include "base/crypto.h"
#include "base/time.h"
#include "db/query.h"

namespace jalon::space::store {

using db::as_int;
using db::as_text;
using soci::into;
using soci::use;

namespace {
std::string in_minutes(int minutes) {
  return time::iso(time::now() + std::chrono::minutes(minutes));
}

int affected(soci::statement& st) {
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}
}  // namespace

std::string create_link(db::Tx& tx, long long person, const std::string& email, int minutes) {
  std::string code = crypto::random_token(32);
  std::string hash = crypto::hash_token(code), now = time::iso_now(), expires = in_minutes(minutes);
  tx.sql()
      << "INSERT INTO space_links (token_hash, person_id, email, created_at, expires_at) VALUES (:h, :p, :e, :t, :x)",
      use(hash), use(person), use(email), use(now), use(expires);
  return code;
}

int links_since(db::Tx& tx, long long person, const std::string& since_iso) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM space_links WHERE person_id = :p AND created_at > :t", use(person), use(since_iso),
      into(n);
  return n;
}

std::optional<Link> find_link(db::Tx& tx, const std::string& raw_code) {
  std::string hash = crypto::hash_token(raw_code);
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << "SELECT person_id, expires_at, COALESCE(used_at, '') FROM space_links WHERE token_hash = :h",
       use(hash));
  for (const auto& r : rs) return Link{as_int(r, 0), as_text(r, 1), as_text(r, 2)};
  return std::nullopt;
}

long long spend_link(db::Tx& tx, const std::string& raw_code, const std::string& now_iso) {
  std::string hash = crypto::hash_token(raw_code);
  soci::statement st =
      (tx.sql().prepare
           << "UPDATE space_links SET used_at = :t WHERE token_hash = :h AND used_at IS NULL AND expires_at > :n",
       use(now_iso), use(hash), use(now_iso));
  if (affected(st) != 1) return 0;
  long long person = 0;
  tx.sql() << "SELECT person_id FROM space_links WHERE token_hash = :h", use(hash), into(person);
  tx.sql() << "UPDATE space_links SET used_at = :t WHERE person_id = :p AND used_at IS NULL", use(now_iso), use(person);
  return person;
}

void record_request(db::Tx& tx, const std::string& ip) {
  std::string now = time::iso_now();
  tx.sql() << "INSERT INTO space_link_requests (ip, at) VALUES (:i, :t)", use(ip), use(now);
}

int requests_since(db::Tx& tx, const std::string& ip, const std::string& since_iso) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM space_link_requests WHERE ip = :i AND at > :t", use(ip), use(since_iso), into(n);
  return n;
}

NewSession create_session(db::Tx& tx, long long person, int lifetime_minutes) {
  NewSession s{crypto::random_token(32), crypto::random_token(32)};
  std::string hash = crypto::hash_token(s.raw_id), now = time::iso_now(), expires = in_minutes(lifetime_minutes);
  tx.sql() << "INSERT INTO space_sessions (id_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) "
              "VALUES (:h, :p, :c, :t1, :t2, :x)",
      use(hash), use(person), use(s.csrf_token), use(now), use(now), use(expires);
  return s;
}

std::optional<LiveSession> find_live_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso,
                                             const std::string& idle_limit_iso) {
  // Every request of the person asks: kept prepared.
  db::Query q(
      tx,
      "SELECT s.person_id, s.csrf_token, s.last_seen_at, p.first_name, p.last_name, p.email FROM space_sessions s "
      "JOIN people p ON p.id = s.person_id WHERE s.id_hash = :h AND s.expires_at > :n AND s.last_seen_at > :i "
      "AND p.merged_into IS NULL");
  q.bind(id_hash).bind(now_iso).bind(idle_limit_iso);
  if (!q.next()) return std::nullopt;
  return LiveSession{q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)};
}

void touch_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso) {
  tx.sql() << "UPDATE space_sessions SET last_seen_at = :t WHERE id_hash = :h", use(now_iso), use(id_hash);
}

void delete_session(db::Tx& tx, const std::string& id_hash) {
  tx.sql() << "DELETE FROM space_sessions WHERE id_hash = :h", use(id_hash);
}

int purge(db::Tx& tx, const std::string& now_iso, const std::string& before_iso) {
  int n = 0;
  soci::statement a = (tx.sql().prepare << "DELETE FROM space_sessions WHERE expires_at < :n", use(now_iso));
  n += affected(a);
  soci::statement b = (tx.sql().prepare << "DELETE FROM space_links WHERE expires_at < :b", use(before_iso));
  n += affected(b);
  soci::statement c = (tx.sql().prepare << "DELETE FROM space_link_requests WHERE at < :b", use(before_iso));
  n += affected(c);
  return n;
}

}  // namespace jalon::space::store
