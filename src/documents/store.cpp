#include "documents/store.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "base/time.h"
#include "db/query.h"

namespace jalon::documents::store {

namespace sq = sqlite_api;
using db::as_int;
using db::as_text;
using soci::into;
using soci::use;

namespace {
const char* kSelect =
    "SELECT d.id, d.person_id, d.organisation_id, COALESCE(d.uploaded_by, 0), o.name, COALESCE(u.display_name, ''), "
    "d.kind, d.title, "
    "d.filename, d.content_type, d.size, d.sha256, d.created_at FROM documents d JOIN organisations o ON o.id = "
    "d.organisation_id "
    "LEFT JOIN users u ON u.id = d.uploaded_by ";

Document from_row(const soci::row& r) {
  Document d;
  d.id = as_int(r, 0);
  d.person_id = as_int(r, 1);
  d.organisation_id = as_int(r, 2);
  d.uploaded_by = as_int(r, 3);
  d.organisation_name = as_text(r, 4);
  d.uploaded_by_name = as_text(r, 5);
  d.kind = as_text(r, 6);
  d.title = as_text(r, 7);
  d.filename = as_text(r, 8);
  d.content_type = as_text(r, 9);
  d.size = as_int(r, 10);
  d.sha256 = as_text(r, 11);
  d.created_at = as_text(r, 12);
  return d;
}

sq::sqlite3* sqlite_of(db::Tx& tx) {
  return static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend())->conn_;
}
PGconn* pg_of(db::Tx& tx) {
  return static_cast<soci::postgresql_session_backend*>(tx.sql().get_backend())->conn_;
}

[[noreturn]] void sqlite_fail(sq::sqlite3* db, sq::sqlite3_stmt* st) {
  std::string msg = sq::sqlite3_errmsg(db);
  if (st) sq::sqlite3_finalize(st);
  throw db::Error(db::Failure::other, "document: " + msg);
}

[[noreturn]] void pg_fail(PGconn* c, PGresult* r) {
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  db::Failure f = state && (std::string(state) == "40001" || std::string(state) == "40P01") ? db::Failure::serialization
                                                                                            : db::Failure::other;
  if (r) PQclear(r);
  throw db::Error(f, "document: " + msg);
}
}  // namespace

long long insert(db::Tx& tx, const Document& d, const std::string& bytes) {
  std::string now = time::iso_now();
  long long id = 0, size = static_cast<long long>(bytes.size());
  soci::indicator by = d.uploaded_by ? soci::i_ok : soci::i_null;
  tx.sql() << "INSERT INTO documents (person_id, organisation_id, uploaded_by, kind, title, filename, content_type, "
              "size, sha256, created_at) "
              "VALUES (:p, :o, :u, :k, :t, :f, :c, :s, :h, :at) RETURNING id",
      use(d.person_id), use(d.organisation_id), use(d.uploaded_by, by), use(d.kind), use(d.title), use(d.filename),
      use(d.content_type), use(size), use(d.sha256), use(now), into(id);
  if (tx.engine() == db::Engine::sqlite) {
    sq::sqlite3* db = sqlite_of(tx);
    sq::sqlite3_stmt* st = nullptr;
    if (sq::sqlite3_prepare_v2(db, "UPDATE documents SET content = ? WHERE id = ?", -1, &st, nullptr) != SQLITE_OK)
      sqlite_fail(db, nullptr);
    if (sq::sqlite3_bind_blob64(st, 1, bytes.data(), bytes.size(), reinterpret_cast<sq::sqlite3_destructor_type>(-1)) !=
            SQLITE_OK ||
        sq::sqlite3_bind_int64(st, 2, id) != SQLITE_OK || sq::sqlite3_step(st) != SQLITE_DONE)
      sqlite_fail(db, st);
    sq::sqlite3_finalize(st);
  } else {
    PGconn* c = pg_of(tx);
    std::string id_text = std::to_string(id);
    const char* values[2] = {bytes.data(), id_text.c_str()};
    int lengths[2] = {static_cast<int>(bytes.size()), 0};
    int formats[2] = {1, 0};  // the bytes as binary, the id as text
    PGresult* r = PQexecParams(c, "UPDATE documents SET content = $1::bytea WHERE id = $2::bigint", 2, nullptr, values,
                               lengths, formats, 0);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) pg_fail(c, r);
    PQclear(r);
  }
  return id;
}

std::vector<Document> of_person(db::Tx& tx, long long person) {
  std::vector<Document> out;
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << std::string(kSelect) + "WHERE d.person_id = :p ORDER BY d.id DESC", use(person));
  for (const auto& r : rs) out.push_back(from_row(r));
  return out;
}

std::optional<Document> find(db::Tx& tx, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kSelect) + "WHERE d.id = :i", use(id));
  for (const auto& r : rs) return from_row(r);
  return std::nullopt;
}

std::string content(db::Tx& tx, long long id) {
  if (tx.engine() == db::Engine::sqlite) {
    sq::sqlite3* db = sqlite_of(tx);
    sq::sqlite3_stmt* st = nullptr;
    if (sq::sqlite3_prepare_v2(db, "SELECT content FROM documents WHERE id = ?", -1, &st, nullptr) != SQLITE_OK)
      sqlite_fail(db, nullptr);
    if (sq::sqlite3_bind_int64(st, 1, id) != SQLITE_OK) sqlite_fail(db, st);
    std::string out;
    int rc = sq::sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const void* data = sq::sqlite3_column_blob(st, 0);
      int n = sq::sqlite3_column_bytes(st, 0);
      if (data && n > 0) out.assign(static_cast<const char*>(data), static_cast<std::size_t>(n));
    } else if (rc != SQLITE_DONE) {
      sqlite_fail(db, st);
    }
    sq::sqlite3_finalize(st);
    return out;
  }
  PGconn* c = pg_of(tx);
  std::string id_text = std::to_string(id);
  const char* values[1] = {id_text.c_str()};
  PGresult* r =
      PQexecParams(c, "SELECT content FROM documents WHERE id = $1::bigint", 1, nullptr, values, nullptr, nullptr, 1);
  if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) pg_fail(c, r);
  std::string out;
  if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
    out.assign(PQgetvalue(r, 0, 0), static_cast<std::size_t>(PQgetlength(r, 0, 0)));
  PQclear(r);
  return out;
}

void remove(db::Tx& tx, long long id) {
  tx.sql() << "DELETE FROM documents WHERE id = :i", use(id);
}

}  // namespace jalon::documents::store
