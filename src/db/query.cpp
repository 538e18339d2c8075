#include "db/query.h"

#include <cstdlib>

#include <fmt/format.h>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <unordered_map>

namespace jalon::db {

namespace sq = sqlite_api;

namespace {
// SQLITE_TRANSIENT (a macro that needs the unwrapped header): SQLite copies the value.
const sq::sqlite3_destructor_type kTransient = reinterpret_cast<sq::sqlite3_destructor_type>(-1);
}  // namespace

// The statements prepared on one connection, by SQL text. A statement in use is taken out of
// the map and put back when its Query ends, so two live Queries never share one.
class StatementCache {
 public:
  ~StatementCache() {
    for (auto& [sql, st] : sqlite_) sq::sqlite3_finalize(st);
  }
  std::unordered_map<std::string, sq::sqlite3_stmt*> sqlite_;
  struct Pg {
    std::string name;
    int params = 0;
  };
  std::unordered_map<std::string, Pg> pg_;  // PostgreSQL keeps them by name; in use or not
  int next_pg_name = 0;
};

Connection::Connection(std::unique_ptr<soci::session> s) : session(std::move(s)) {}
Connection::~Connection() = default;
void Connection::drop_statements() { cache.reset(); }

namespace {
// ":name" placeholders to "$1", "$2"… in order (quotes and "::" casts left alone).
std::string to_dollar(const std::string& sql, int& count) {
  std::string out;
  count = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
      out += "::";
      ++i;
    } else if (c == ':' && i + 1 < sql.size() && (std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_')) {
      std::size_t j = i + 1;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
      out += "$" + std::to_string(++count);
      i = j - 1;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Failure sqlite_failure(int extended) {
  int primary = extended & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Failure::busy;
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) return Failure::unique;
  return Failure::other;
}

Failure pg_failure(const char* state) {
  std::string s = state ? state : "";
  if (s == "40001" || s == "40P01") return Failure::serialization;
  if (s == "23505") return Failure::unique;
  if (s.rfind("08", 0) == 0 || s == "57P01") return Failure::connection;
  return Failure::other;
}
}  // namespace

struct Query::Impl {
  Connection& conn;
  std::string sql;
  Engine engine;
  bool started = false;
  // SQLite
  sq::sqlite3* db = nullptr;
  sq::sqlite3_stmt* st = nullptr;
  bool has_row = false;
  // PostgreSQL
  PGconn* pg = nullptr;
  const StatementCache::Pg* prepared = nullptr;
  std::vector<std::optional<std::string>> params;
  PGresult* result = nullptr;
  int row = -1, rows = 0;
  int next_param = 0;

  Impl(Connection& c, std::string s, Engine e) : conn(c), sql(std::move(s)), engine(e) {}

  [[noreturn]] void fail_sqlite() {
    int code = sq::sqlite3_extended_errcode(db);
    throw Error(sqlite_failure(code), std::string(sq::sqlite3_errmsg(db)) + " (" + sql.substr(0, 80) + ")");
  }
  [[noreturn]] void fail_pg(PGresult* r) {
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(pg);
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    Failure f = pg_failure(state);
    if (!r && PQstatus(pg) != CONNECTION_OK) f = Failure::connection;
    if (r) PQclear(r);
    throw Error(f, msg);
  }
};

Query::Query(Tx& tx, const std::string& sql) : impl_(std::make_unique<Impl>(tx.connection(), sql, tx.engine())) {
  Impl& m = *impl_;
  if (!m.conn.cache) m.conn.cache = std::make_unique<StatementCache>();
  StatementCache& cache = *m.conn.cache;
  if (m.engine == Engine::sqlite) {
    m.db = static_cast<soci::sqlite3_session_backend*>(m.conn.session->get_backend())->conn_;
    auto it = cache.sqlite_.find(sql);
    if (it != cache.sqlite_.end()) {
      m.st = it->second;
      cache.sqlite_.erase(it);
    } else if (sq::sqlite3_prepare_v3(m.db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &m.st, nullptr) != SQLITE_OK) {
      m.fail_sqlite();
    }
  } else {
    m.pg = static_cast<soci::postgresql_session_backend*>(m.conn.session->get_backend())->conn_;
    auto it = cache.pg_.find(sql);
    if (it == cache.pg_.end()) {
      StatementCache::Pg p;
      std::string text = to_dollar(sql, p.params);
      p.name = "jalon_q" + std::to_string(++cache.next_pg_name);
      PGresult* r = PQprepare(m.pg, p.name.c_str(), text.c_str(), p.params, nullptr);
      if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) m.fail_pg(r);
      PQclear(r);
      it = cache.pg_.emplace(sql, std::move(p)).first;
    }
    m.prepared = &it->second;
    m.params.reserve(static_cast<std::size_t>(m.prepared->params));
  }
}

Query::~Query() {
  Impl& m = *impl_;
  if (m.st) {
    sq::sqlite3_reset(m.st);
    sq::sqlite3_clear_bindings(m.st);
    auto [it, fresh] = m.conn.cache->sqlite_.emplace(m.sql, m.st);
    if (!fresh) sq::sqlite3_finalize(m.st);  // another Query of the same text was put back first
  }
  if (m.result) PQclear(m.result);
}

Query& Query::bind(long long v) {
  Impl& m = *impl_;
  ++m.next_param;
  if (m.st) {
    if (sq::sqlite3_bind_int64(m.st, m.next_param, v) != SQLITE_OK) m.fail_sqlite();
  } else {
    m.params.emplace_back(std::to_string(v));
  }
  return *this;
}

Query& Query::bind(const std::string& v) {
  Impl& m = *impl_;
  ++m.next_param;
  if (m.st) {
    if (sq::sqlite3_bind_text(m.st, m.next_param, v.data(), static_cast<int>(v.size()), kTransient) != SQLITE_OK) m.fail_sqlite();
  } else {
    m.params.emplace_back(v);
  }
  return *this;
}

Query& Query::bind_null() {
  Impl& m = *impl_;
  ++m.next_param;
  if (m.st) {
    if (sq::sqlite3_bind_null(m.st, m.next_param) != SQLITE_OK) m.fail_sqlite();
  } else {
    m.params.emplace_back(std::nullopt);
  }
  return *this;
}

bool Query::next() {
  Impl& m = *impl_;
  if (m.st) {
    m.started = true;
    int rc = sq::sqlite3_step(m.st);
    if (rc == SQLITE_ROW) return m.has_row = true;
    if (rc == SQLITE_DONE) return m.has_row = false;
    m.has_row = false;
    m.fail_sqlite();
  }
  if (!m.started) {
    m.started = true;
    if (static_cast<int>(m.params.size()) != m.prepared->params)
      throw std::logic_error("Query: " + std::to_string(m.params.size()) + " values bound for " + std::to_string(m.prepared->params) +
                             " placeholders (" + m.sql.substr(0, 80) + ")");
    std::vector<const char*> values;
    values.reserve(m.params.size());
    for (const auto& p : m.params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecPrepared(m.pg, m.prepared->name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
    ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) m.fail_pg(r);
    m.result = r;
    m.rows = PQntuples(r);
  }
  return ++m.row < m.rows;
}

Query& Query::bind_real_or_null(const std::optional<double>& v) {
  if (!v) return bind_null();
  return bind(fmt::format("{}", *v));  // the shortest text that reads back to the same double
}

std::optional<double> Query::real(int col) const {
  if (is_null(col)) return std::nullopt;
  return std::strtod(text(col).c_str(), nullptr);
}

bool Query::is_null(int col) const {
  const Impl& m = *impl_;
  if (m.st) return sq::sqlite3_column_type(m.st, col) == SQLITE_NULL;
  return PQgetisnull(m.result, m.row, col) != 0;
}

long long Query::int64(int col) const {
  const Impl& m = *impl_;
  if (m.st) return sq::sqlite3_column_int64(m.st, col);
  if (PQgetisnull(m.result, m.row, col)) return 0;
  const char* v = PQgetvalue(m.result, m.row, col);
  if (v[0] == 't' || v[0] == 'f') return v[0] == 't';  // a PostgreSQL boolean
  return std::strtoll(v, nullptr, 10);
}

std::string Query::text(int col) const {
  const Impl& m = *impl_;
  if (m.st) {
    const unsigned char* v = sq::sqlite3_column_text(m.st, col);
    return v ? std::string(reinterpret_cast<const char*>(v), static_cast<std::size_t>(sq::sqlite3_column_bytes(m.st, col))) : std::string();
  }
  if (PQgetisnull(m.result, m.row, col)) return "";
  return std::string(PQgetvalue(m.result, m.row, col), static_cast<std::size_t>(PQgetlength(m.result, m.row, col)));
}

}  // namespace jalon::db
