// The storage layer: a pool of SOCI sessions on SQLite or PostgreSQL, transactions, and the
// few spots where the two SQL dialects differ. Rooms write portable SQL with `:name` parameters.
#pragma once
#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace jalon::db {

enum class Engine { sqlite, postgresql };

class Database;
class Tx;
class StatementCache;  // db/query.h

// One pooled connection: its SOCI session and the statements kept prepared on it.
struct Connection {
  std::unique_ptr<soci::session> session;
  std::unique_ptr<StatementCache> cache;  // made on first use; dropped when the session reconnects
  // SQLite: whether PRAGMA query_only is on (-1 unknown). Changing it expires every prepared
  // statement of the connection, so it is changed only when the next transaction needs it.
  int query_only = -1;
  explicit Connection(std::unique_ptr<soci::session> s);
  ~Connection();
  void drop_statements();
};

// Exclusive use of one pooled connection; returns it to the pool when destroyed.
class Lease {
 public:
  Lease(Database& db, std::unique_ptr<Connection> c);
  ~Lease();
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& sql() { return *conn_->session; }
  Connection& connection() { return *conn_; }

 private:
  Database& db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  // Opens `pool_size` connections to `url`: "sqlite:PATH" (the file is created; WAL, foreign
  // keys and a busy timeout are set on every connection) or "postgresql://…" (a libpq URI).
  // Throws std::runtime_error with the reason if the database cannot be reached.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 8);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return engine_; }
  const std::string& url() const { return url_; }

  // Waits for a free connection and reconnects it if the server dropped it. Thread-safe.
  // A caller holding a lease may take a second one (a short bookkeeping transaction) only when
  // the pool is larger than the number of threads that do so, which App guarantees.
  // The connection may write (outside a transaction, e.g. migrations).
  std::unique_ptr<Lease> lease();

  std::size_t pool_size() const { return size_; }
  std::size_t in_use() const;

  // SQLite: checkpoints the WAL on a thread of its own, every `every`, instead of in the commit
  // that crosses the WAL's size limit (SQLite's automatic checkpoint), which made that request —
  // and, for a shared audit commit, every request waiting on it — wait for the page copies and
  // the fsync. For a server; call it before the pool is used. Nothing on PostgreSQL.
  void checkpoint_in_background(std::chrono::milliseconds every = std::chrono::milliseconds(100));
  // How long the writer of a transact_together() batch waits at most for the others (SQLite:
  // 1 ms; PostgreSQL: 0, no wait).
  void set_batch_gathering(std::chrono::microseconds most) { gather_ = most; }
  std::uint64_t waits() const;  // times a caller had to wait for a connection

 private:
  friend class Lease;
  Database(Engine engine, std::string url) : engine_(engine), url_(std::move(url)) {}
  void give_back(std::unique_ptr<Connection> c);
  // A free connection, preferably one whose query_only is already `query_only` (SQLite).
  std::unique_ptr<Lease> take(int query_only);

  Engine engine_;
  std::string url_;
  std::size_t size_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
  std::uint64_t waits_ = 0;
  // SQLite has one writer at a time: this server's writers queue here, in order, instead of
  // polling the file lock with SQLite's sleeping busy handler (other processes still do).
  std::mutex sqlite_writer_;
  friend class Tx;
  // The batch of transact_together() being filled, and whether one is being written.
  struct Batch;
  std::mutex batch_mutex_;
  std::shared_ptr<Batch> open_batch_;
  bool batch_writing_ = false;
  bool batch_gathering_ = false;  // a leader waits for the running transactions to join its batch
  std::chrono::microseconds gather_{1000};
  std::condition_variable batch_done_;
  std::condition_variable batch_grew_;
  friend void transact_together(Database& db, const std::function<void(Tx&)>& work);
  // The background checkpoint (SQLite), stopped before the connections close.
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool checkpoint_stop_ = false;
  std::thread checkpointer_;
};

// One transaction on a leased connection. Rolls back when destroyed without commit(), so a
// handler that throws never leaves partial writes. Write transactions on SQLite start with
// BEGIN IMMEDIATE (a deferred one that later writes fails under concurrency without retry);
// on PostgreSQL they are SERIALIZABLE, so that check-then-write logic behaves as on SQLite —
// the caller retries on Failure::serialization. Read transactions see one snapshot.
class Tx {
 public:
  enum class Mode { read, write };
  Tx(Database& db, Mode mode);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  soci::session& sql() { return lease_->sql(); }
  Connection& connection() { return lease_->connection(); }
  Engine engine() const { return engine_; }
  Mode mode() const { return mode_; }
  void commit();
  bool committed() const { return done_; }
  // Runs `f` once this transaction has committed (never if it rolls back): to tell in-memory
  // indexes that the database changed. `f` must not throw (what it throws is ignored).
  void on_commit(std::function<void()> f) { after_commit_.push_back(std::move(f)); }

 private:
  std::unique_lock<std::mutex> writer_;  // held for a SQLite write transaction's whole life
  std::unique_ptr<Lease> lease_;
  Engine engine_;
  Mode mode_;
  bool done_ = false;
  std::vector<std::function<void()>> after_commit_;
};

// Server-wide settings (the `settings` table): e.g. whether the demo data was loaded.
std::optional<std::string> setting(Tx& tx, const std::string& key);
void set_setting(Tx& tx, const std::string& key, const std::string& value);

// Column readers that accept whatever integer or text type each engine reports for a column,
// and read NULL as 0 or "".
long long as_int(const soci::row& r, std::size_t i);
std::string as_text(const soci::row& r, std::size_t i);
inline bool as_bool(const soci::row& r, std::size_t i) { return as_int(r, i) != 0; }

// What a database error means for the caller, the same on both engines.
enum class Failure {
  busy,           // SQLite's write lock stayed taken past the busy timeout: retry later (503)
  serialization,  // PostgreSQL could not serialise concurrent transactions: retry the request
  unique,         // a unique constraint refused a duplicate (409)
  connection,     // the connection to the server is broken
  other,
};
Failure classify(const std::exception& e);

// Runs `work(tx)` in a write transaction and commits it, replaying all of `work` when
// PostgreSQL reports a serialization failure (at most `attempts` times). Other errors propagate.
template <typename F>
void transact(Database& db, F&& work, int attempts = 5) {
  for (int i = 1;; ++i) {
    try {
      Tx tx(db, Tx::Mode::write);
      work(tx);
      tx.commit();
      return;
    } catch (const std::exception& e) {
      if (i >= attempts || classify(e) != Failure::serialization) throw;
    }
  }
}

// Runs `work(tx)` in a write transaction shared with the concurrent callers of this function on
// the same database, and returns once that transaction is committed (or throws what it threw).
// For small appends that do not depend on each other, such as audit rows of reads: one commit
// then serves many requests. On SQLite the caller that writes a batch first waits, at most 1 ms
// (Database::set_batch_gathering), until every transaction running on this database has either
// brought its work or ended: requests running side by side (each holds a connection) mostly end
// with such a work, and one commit for all of them costs less than one each, for the readers
// too, whose page caches every commit empties. A caller alone does not wait. PostgreSQL does not
// wait (0), see Database::open. `work` may run twice (a serialization retry, or alone after its
// batch failed), so it must only write. A batch that fails on something one work may have caused
// (a constraint, a bad value) is replayed one `work` at a time, so that failure stays its
// caller's; a busy lock or a broken connection fails the whole batch at once. Thread-safe.
void transact_together(Database& db, const std::function<void(Tx&)>& work);

// Splits a script into statements on top-level semicolons (quotes and `--` comments respected).
std::vector<std::string> split_statements(const std::string& script);

}  // namespace jalon::db
