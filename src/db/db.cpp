#include "db/db.h"

#include "db/query.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <stdexcept>

namespace jalon::db {

namespace {
// SOCI's PostgreSQL back end takes keyword=value connection strings; libpq parses the URI.
std::string pg_conninfo(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "invalid PostgreSQL URL";
    PQfreemem(err);
    throw std::runtime_error("invalid PostgreSQL URL: " + msg);
  }
  std::string out;
  for (auto* o = opts; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    std::string v = o->val, quoted;
    for (char c : v) {
      if (c == '\\' || c == '\'') quoted.push_back('\\');
      quoted.push_back(c);
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + quoted + "'";
  }
  PQconninfoFree(opts);
  return out;
}
}  // namespace

Lease::Lease(Database& db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
Lease::~Lease() { db_.give_back(std::move(conn_)); }

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  std::unique_ptr<Database> db;
  if (url.rfind("sqlite:", 0) == 0) {
    db.reset(new Database(Engine::sqlite, url));
    std::string path = url.substr(7);
    if (path.empty()) throw std::runtime_error("empty SQLite path in database URL");
    for (std::size_t i = 0; i < pool_size; ++i) {
      auto s = std::make_unique<soci::session>("sqlite3", "db=\"" + path + "\" timeout=10");
      std::string mode;
      *s << "PRAGMA journal_mode=WAL", soci::into(mode);
      if (mode != "wal") throw std::runtime_error("SQLite could not switch " + path + " to WAL mode (got " + mode + ")");
      *s << "PRAGMA foreign_keys=ON";
      *s << "PRAGMA busy_timeout=10000";
      *s << "PRAGMA synchronous=NORMAL";
      // Checkpoints copy each changed page once, however many commits changed it: a longer WAL
      // (up to 40 MB instead of 4 MB) means far fewer page copies and fsyncs when small commits
      // (audit rows) keep rewriting the same pages.
      *s << "PRAGMA wal_autocheckpoint=10000";
      db->free_.push_back(std::make_unique<Connection>(std::move(s)));
    }
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db.reset(new Database(Engine::postgresql, url));
    // Commits of different connections proceed side by side there: waiting for a batch to
    // fill cost more than it saved (people search 3,200 -> 2,600 req/s, measured).
    db->gather_ = std::chrono::microseconds(0);
    for (std::size_t i = 0; i < pool_size; ++i) {
      auto s = std::make_unique<soci::session>("postgresql", pg_conninfo(url));
      *s << "SET TIME ZONE 'UTC'";
      db->free_.push_back(std::make_unique<Connection>(std::move(s)));
    }
  } else {
    throw std::runtime_error("unsupported database URL (expected sqlite:PATH or postgresql://…): " + url);
  }
  db->size_ = pool_size;
  return db;
}

Database::~Database() {
  if (checkpointer_.joinable()) {
    {
      std::lock_guard lock(checkpoint_mutex_);
      checkpoint_stop_ = true;
    }
    checkpoint_wake_.notify_one();
    checkpointer_.join();
  }
}

void Database::checkpoint_in_background(std::chrono::milliseconds every) {
  if (engine_ != Engine::sqlite || checkpointer_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    for (auto& c : free_) *c->session << "PRAGMA wal_autocheckpoint=0";
  }
  // Its own connection, outside the pool: a checkpoint never waits for a free one. PASSIVE copies
  // what no reader still needs and never blocks readers or the writer.
  auto s = std::make_unique<soci::session>("sqlite3", "db=\"" + url_.substr(7) + "\" timeout=10");
  *s << "PRAGMA busy_timeout=0";
  checkpointer_ = std::thread([this, every, s = std::move(s)] {
    std::unique_lock lock(checkpoint_mutex_);
    while (!checkpoint_wake_.wait_for(lock, every, [&] { return checkpoint_stop_; })) {
      lock.unlock();
      try {
        *s << "PRAGMA wal_checkpoint(PASSIVE)";
      } catch (...) {
        // Busy or failed this time: the next round tries again.
      }
      lock.lock();
    }
  });
}

std::unique_ptr<Lease> Database::lease() {
  auto l = take(0);
  Connection& c = l->connection();
  if (engine_ == Engine::sqlite && c.query_only != 0) {
    *c.session << "PRAGMA query_only=0";
    c.query_only = 0;
  }
  return l;
}

std::unique_ptr<Lease> Database::take(int query_only) {
  std::unique_lock lock(mutex_);
  if (free_.empty()) {
    ++waits_;
    cv_.wait(lock, [&] { return !free_.empty(); });
  }
  for (std::size_t i = free_.size(); i-- > 0;)
    if (free_[i]->query_only == query_only) {
      std::swap(free_[i], free_.back());
      break;
    }
  auto c = std::move(free_.back());
  free_.pop_back();
  lock.unlock();
  if (engine_ == Engine::postgresql && !c->session->is_connected()) {
    c->drop_statements();  // its prepared statements went with the old connection
    try {
      c->session->reconnect();
      *c->session << "SET TIME ZONE 'UTC'";
    } catch (...) {
      give_back(std::move(c));
      throw;
    }
  }
  return std::make_unique<Lease>(*this, std::move(c));
}

void Database::give_back(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(c));
  }
  cv_.notify_one();
  // A transaction ended: a leader gathering a batch may have nobody left to wait for.
  if (gather_.count() == 0) return;
  std::lock_guard batch(batch_mutex_);
  if (batch_gathering_) batch_grew_.notify_one();
}

std::size_t Database::in_use() const {
  std::lock_guard lock(mutex_);
  return size_ - free_.size();
}

std::uint64_t Database::waits() const {
  std::lock_guard lock(mutex_);
  return waits_;
}

Tx::Tx(Database& db, Mode mode)
    : writer_(db.engine() == Engine::sqlite && mode == Mode::write ? std::unique_lock<std::mutex>(db.sqlite_writer_)
                                                                    : std::unique_lock<std::mutex>()),
      lease_(db.take(mode == Mode::read ? 1 : 0)),
      engine_(db.engine()),
      mode_(mode) {
  if (engine_ == Engine::sqlite) {
    // A write in a read transaction fails at once, as on PostgreSQL, instead of being lost.
    int query_only = mode == Mode::read ? 1 : 0;
    if (connection().query_only != query_only) {
      sql() << (query_only ? "PRAGMA query_only=1" : "PRAGMA query_only=0");
      connection().query_only = query_only;
    }
    Query(*this, mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN").run();
  }
  else
    sql() << (mode == Mode::write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

Tx::~Tx() {
  try {
    if (engine_ == Engine::sqlite) {
      if (!done_) Query(*this, "ROLLBACK").run();
    } else if (!done_) {
      sql() << "ROLLBACK";
    }
  } catch (...) {
    // The connection is broken; the next lease reconnects (PostgreSQL) or fails clearly.
  }
}

void Tx::commit() {
  if (done_) return;
  if (engine_ == Engine::sqlite) Query(*this, "COMMIT").run();
  else sql() << "COMMIT";
  done_ = true;
  for (auto& f : after_commit_) {
    try {
      f();
    } catch (...) {
    }
  }
  after_commit_.clear();
}

struct Database::Batch {
  std::vector<const std::function<void(Tx&)>*> works;
  bool done = false;
  std::vector<std::exception_ptr> errors;  // one per work, null when it was written
};

void transact_together(Database& db, const std::function<void(Tx&)>& work) {
  // Leader and followers: the first caller to find no batch being written writes every work
  // queued so far; the others wait for the batch that holds theirs. Works queued while a batch is
  // written form the next one. The works live on their callers' stacks until they are told done.
  std::unique_lock lock(db.batch_mutex_);
  if (!db.open_batch_) db.open_batch_ = std::make_shared<Database::Batch>();
  std::shared_ptr<Database::Batch> mine = db.open_batch_;
  std::size_t index = mine->works.size();
  mine->works.push_back(&work);
  if (db.batch_gathering_) db.batch_grew_.notify_one();
  while (!mine->done) {
    if (db.batch_writing_ || db.batch_gathering_) {
      db.batch_done_.wait(lock);
      continue;
    }
    // Every caller holds a connection (the request's own transaction) while it waits here: the
    // batch holds everyone running once it has as many works as connections are in use.
    if (db.gather_.count() > 0) {
      auto until = std::chrono::steady_clock::now() + db.gather_;
      db.batch_gathering_ = true;
      while (db.open_batch_->works.size() < db.in_use() && db.batch_grew_.wait_until(lock, until) == std::cv_status::no_timeout) {
      }
      db.batch_gathering_ = false;
    }
    std::shared_ptr<Database::Batch> batch = std::move(db.open_batch_);
    db.batch_writing_ = true;
    lock.unlock();
    std::vector<std::exception_ptr> errors(batch->works.size());
    try {
      transact(db, [&](Tx& tx) {
        for (const auto* w : batch->works) (*w)(tx);
      });
    } catch (const std::exception& e) {
      // A failure one work may have caused (a constraint, a bad value): replay them one by one,
      // so it stays that caller's. A busy lock, a broken connection or repeated serialization
      // failures are everyone's: replaying would only wait again, once per work.
      Failure f = classify(e);
      bool one_of_them = batch->works.size() > 1 && (f == Failure::other || f == Failure::unique);
      if (!one_of_them) std::fill(errors.begin(), errors.end(), std::current_exception());
      else
        for (std::size_t i = 0; i < batch->works.size(); ++i) {
          try {
            transact(db, *batch->works[i]);
          } catch (...) {
            errors[i] = std::current_exception();
          }
        }
    } catch (...) {
      std::fill(errors.begin(), errors.end(), std::current_exception());
    }
    lock.lock();
    batch->errors = std::move(errors);
    batch->done = true;
    db.batch_writing_ = false;
    db.batch_done_.notify_all();
  }
  if (mine->errors[index]) std::rethrow_exception(mine->errors[index]);
}

std::optional<std::string> setting(Tx& tx, const std::string& key) {
  std::string v;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(v, ind);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return v;
}

void set_setting(Tx& tx, const std::string& key, const std::string& value) {
  tx.sql() << "DELETE FROM settings WHERE key = :k", soci::use(key);
  tx.sql() << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
}

Failure classify(const std::exception& e) {
  if (auto* q = dynamic_cast<const Error*>(&e)) return q->failure();
  std::string what = e.what();
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "40001" || state == "40P01") return Failure::serialization;
    if (state == "23505") return Failure::unique;
    if (state.rfind("08", 0) == 0 || state == "57P01") return Failure::connection;
  }
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e); se && se->get_error_category() == soci::soci_error::connection_error)
    return Failure::connection;
  if (what.find("database is locked") != std::string::npos || what.find("database table is locked") != std::string::npos)
    return Failure::busy;
  if (what.find("UNIQUE constraint failed") != std::string::npos) return Failure::unique;
  return Failure::other;
}

long long as_int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<long long>(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: throw std::runtime_error("column is not an integer: " + r.get_properties(i).get_name());
  }
}

std::string as_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return "";
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string: return r.get<std::string>(i);
    case soci::dt_integer: return std::to_string(r.get<int>(i));
    case soci::dt_long_long: return std::to_string(r.get<long long>(i));
    case soci::dt_unsigned_long_long: return std::to_string(r.get<unsigned long long>(i));
    case soci::dt_double: return std::to_string(r.get<double>(i));
    default: throw std::runtime_error("column is not text: " + r.get_properties(i).get_name());
  }
}

std::vector<std::string> split_statements(const std::string& script) {
  std::vector<std::string> out;
  std::string cur;
  bool in_single = false, in_double = false, in_dollar = false;
  // Inside "CREATE TRIGGER … BEGIN … END;" the semicolons end the trigger's own statements.
  auto in_trigger_body = [&] {
    std::string head;
    for (char ch : cur.substr(cur.find_first_not_of(" \t\r\n") == std::string::npos ? cur.size() : cur.find_first_not_of(" \t\r\n"), 40))
      head.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    for (const char* marker : {"@SQLITE ", "@POSTGRESQL "})  // engine markers (see migrate.h)
      if (head.rfind(marker, 0) == 0) head.erase(0, std::char_traits<char>::length(marker));
    if (head.rfind("CREATE TRIGGER", 0) != 0) return false;
    std::string upper;
    for (char ch : cur) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    // A body opened by BEGIN and not yet closed by a final END (PostgreSQL triggers have none).
    auto begin = upper.find("BEGIN");
    if (begin == std::string::npos) return false;
    auto end = upper.rfind("END");
    return end == std::string::npos || end < begin || upper.find_first_not_of(" \t\r\n", end + 3) != std::string::npos;
  };
  for (std::size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (!in_single && !in_double && c == '$' && i + 1 < script.size() && script[i + 1] == '$') {
      in_dollar = !in_dollar;  // PostgreSQL's $$-quoted function bodies
      cur += "$$";
      ++i;
      continue;
    }
    if (in_dollar) {
      cur.push_back(c);
      continue;
    }
    if (!in_single && !in_double && c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      cur.push_back('\n');
      continue;
    }
    if (c == '\'' && !in_double) in_single = !in_single;
    if (c == '"' && !in_single) in_double = !in_double;
    if (c == ';' && !in_single && !in_double && !in_trigger_body()) {
      auto first = cur.find_first_not_of(" \t\r\n");
      if (first != std::string::npos) out.push_back(cur.substr(first));
      cur.clear();
      continue;
    }
    cur.push_back(c);
  }
  auto first = cur.find_first_not_of(" \t\r\n");
  if (first != std::string::npos) out.push_back(cur.substr(first));
  return out;
}

}  // namespace jalon::db
