// Statements kept prepared per connection (db::Query) and commits shared between concurrent
// small writes (db::transact_together), on both engines.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "db/query.h"
#include "support/test_db.h"

using namespace jalon;

class Queries : public ::testing::TestWithParam<db::Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, Queries, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

namespace {
void make_table(db::Database& db) {
  db::transact(db, [](db::Tx& tx) { tx.sql() << "CREATE TABLE q (id BIGINT PRIMARY KEY, name TEXT NOT NULL, note TEXT)"; });
}
}  // namespace

TEST_P(Queries, BindsInOrderReadsColumnsAndNullsAcrossTransactions) {
  auto db = test::fresh_database(GetParam(), 2);
  make_table(*db);
  const std::string insert = "INSERT INTO q (id, name, note) VALUES (:id, :name, :note)";
  db::transact(*db, [&](db::Tx& tx) {
    db::Query(tx, insert).bind(1LL).bind(std::string("Élodie ‘Ô’")).bind_null().run();
    db::Query(tx, insert).bind(2LL).bind(std::string("Luc")).bind(std::string("a:b ::text 'x'")).run();
  });
  // The same text again, in later transactions: the kept statement is reused with new values.
  for (long long id : {1LL, 2LL, 1LL}) {
    db::Tx tx(*db, db::Tx::Mode::read);
    db::Query q(tx, "SELECT id, name, note FROM q WHERE id = :id");
    q.bind(id);
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), id);
    EXPECT_EQ(q.text(1), id == 1 ? "Élodie ‘Ô’" : "Luc");
    EXPECT_EQ(q.is_null(2), id == 1);
    EXPECT_EQ(q.text(2), id == 1 ? "" : "a:b ::text 'x'");
    EXPECT_FALSE(q.next());
  }
  db::Tx tx(*db, db::Tx::Mode::read);
  db::Query all(tx, "SELECT id FROM q WHERE name <> :n ORDER BY id");
  all.bind(std::string(""));
  std::vector<long long> ids;
  while (all.next()) ids.push_back(all.int64(0));
  EXPECT_EQ(ids, (std::vector<long long>{1, 2}));
  // Two live queries of the same text on one connection do not share a statement.
  db::Query a(tx, "SELECT name FROM q WHERE id = :id"), b(tx, "SELECT name FROM q WHERE id = :id");
  a.bind(1LL);
  b.bind(2LL);
  ASSERT_TRUE(a.next());
  ASSERT_TRUE(b.next());
  EXPECT_EQ(a.text(0), "Élodie ‘Ô’");
  EXPECT_EQ(b.text(0), "Luc");
}

TEST_P(Queries, ErrorsAreClassifiedAndTheTransactionStillRollsBack) {
  auto db = test::fresh_database(GetParam(), 2);
  make_table(*db);
  db::transact(*db, [](db::Tx& tx) { db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(7LL).bind(std::string("x")).run(); });
  try {
    db::transact(*db, [](db::Tx& tx) {
      db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(8LL).bind(std::string("y")).run();
      db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(7LL).bind(std::string("z")).run();
    });
    FAIL() << "a duplicate key was accepted";
  } catch (const std::exception& e) {
    EXPECT_EQ(db::classify(e), db::Failure::unique) << e.what();
  }
  db::Tx tx(*db, db::Tx::Mode::read);
  db::Query n(tx, "SELECT COUNT(*) FROM q");
  ASSERT_TRUE(n.next());
  EXPECT_EQ(n.int64(0), 1);  // row 8 went with the failed transaction
  // A read transaction refuses writes, also through kept statements.
  EXPECT_ANY_THROW(db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(9LL).bind(std::string("w")).run());
}

TEST_P(Queries, ConcurrentAppendsShareCommitsAndAllLand) {
  auto db = test::fresh_database(GetParam(), 12);
  make_table(*db);
  constexpr int kThreads = 8, kEach = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        long long id = t * 1000 + i;
        try {
          db::transact_together(*db, [&](db::Tx& tx) {
            db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(id).bind(std::string("t")).run();
          });
        } catch (...) {
          ++failures;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  db::Tx tx(*db, db::Tx::Mode::read);
  db::Query n(tx, "SELECT COUNT(*) FROM q");
  ASSERT_TRUE(n.next());
  EXPECT_EQ(n.int64(0), kThreads * kEach);
}

TEST_P(Queries, OneFailingAppendDoesNotTakeTheOthersOfItsBatchDown) {
  auto db = test::fresh_database(GetParam(), 12);
  make_table(*db);
  db::transact(*db, [](db::Tx& tx) { db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(5LL).bind(std::string("x")).run(); });
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      long long id = t == 0 ? 5 : 100 + t;  // the first collides with the existing row
      try {
        db::transact_together(*db, [&](db::Tx& tx) {
          db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(id).bind(std::string("t")).run();
        });
      } catch (const std::exception& e) {
        EXPECT_EQ(db::classify(e), db::Failure::unique);
        ++failures;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 1);
  db::Tx tx(*db, db::Tx::Mode::read);
  db::Query n(tx, "SELECT COUNT(*) FROM q");
  ASSERT_TRUE(n.next());
  EXPECT_EQ(n.int64(0), 6);
}

TEST_P(Queries, RequestsRunningSideBySideShareOneCommit) {
  // Five callers each hold a read transaction (as requests do) when they bring their appends:
  // the first to write waits until all five are in its batch, so every append commits at once.
  // A generous bound keeps the test free of timing.
  auto db = test::fresh_database(GetParam(), 8);
  db->set_batch_gathering(std::chrono::seconds(30));
  make_table(*db);
  constexpr int kCallers = 5;
  std::atomic<int> opened{0}, ran{0};
  std::mutex m;
  std::vector<int> seen_at_commit;
  std::vector<std::thread> threads;
  for (int t = 0; t < kCallers; ++t)
    threads.emplace_back([&, t] {
      db::Tx reading(*db, db::Tx::Mode::read);
      ++opened;
      while (opened.load() < kCallers) std::this_thread::yield();
      db::transact_together(*db, [&](db::Tx& tx) {
        db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(static_cast<long long>(t)).bind(std::string("t")).run();
        ++ran;
        tx.on_commit([&] {
          std::lock_guard lock(m);
          seen_at_commit.push_back(ran.load());
        });
      });
    });
  for (auto& th : threads) th.join();
  // One commit: when it happened, every append had run.
  EXPECT_EQ(seen_at_commit, std::vector<int>(kCallers, kCallers));
  EXPECT_EQ(test::count(*db, "SELECT COUNT(*) FROM q"), kCallers);
}

TEST_P(Queries, ABatchDoesNotWaitForeverForATransactionThatBringsNothing) {
  auto db = test::fresh_database(GetParam(), 4);
  db->set_batch_gathering(std::chrono::milliseconds(50));
  make_table(*db);
  db::Tx elsewhere(*db, db::Tx::Mode::read);  // a transaction that never appends
  db::Tx mine(*db, db::Tx::Mode::read);       // the caller's own, as a request's
  ASSERT_EQ(db->in_use(), 2u) << "the batch has one work for two transactions running: it waits, then writes";
  db::transact_together(*db, [](db::Tx& tx) {
    db::Query(tx, "INSERT INTO q (id, name) VALUES (:i, :n)").bind(1LL).bind(std::string("seul")).run();
  });
  db::Tx tx(*db, db::Tx::Mode::read);
  db::Query n(tx, "SELECT COUNT(*) FROM q");
  ASSERT_TRUE(n.next());
  EXPECT_EQ(n.int64(0), 1);
}

TEST(BackgroundCheckpoint, CopiesCommittedPagesIntoTheDatabaseFile) {
  // 2 MB committed stays in the WAL under the automatic checkpoint (at 40 MB, db::Database::open) and
  // would reach the database file only with it; the server's background checkpoint copies it.
  std::string url = test::fresh_url(db::Engine::sqlite), path = url.substr(7);
  auto db = db::Database::open(url, 2);
  db->checkpoint_in_background(std::chrono::milliseconds(10));
  db::transact(*db, [](db::Tx& tx) {
    tx.sql() << "CREATE TABLE blob_rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
    for (long long i = 0; i < 512; ++i) db::Query(tx, "INSERT INTO blob_rows (id, body) VALUES (:i, :b)").bind(i).bind(std::string(4000, 'x')).run();
  });
  auto size = [&] { return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0; };
  for (int i = 0; i < 1000 && size() < 2'000'000; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(size(), 2'000'000u);
}
