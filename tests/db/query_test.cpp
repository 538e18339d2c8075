// Statements kept prepared per connection (db::Query) and commits shared between concurrent
// small writes (db::transact_together), on both engines.
#include <gtest/gtest.h>

#include <atomic>
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
