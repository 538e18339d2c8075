// The storage layer on both engines: migrations, transactions, the pool, portable SQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "db/migrate.h"
#include "support/test_db.h"

using namespace jalon;

class Storage : public ::testing::TestWithParam<db::Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, Storage, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(Storage, MigrationsApplyOnceAndRecordTheirVersion) {
  auto db = db::Database::open(test::fresh_url(GetParam()), 2);
  EXPECT_EQ(db::current_version(*db), 0);
  int applied = db::migrate(*db);
  EXPECT_EQ(applied, static_cast<int>(db::embedded_migrations().size()));
  EXPECT_EQ(db::current_version(*db), db::embedded_migrations().back().version);
  EXPECT_EQ(db::migrate(*db), 0);  // idempotent
}

TEST_P(Storage, AFailingMigrationLeavesNothingBehind) {
  auto db = test::fresh_database(GetParam(), 2);
  std::vector<db::Migration> bad = {{9001, "9001_bad", "CREATE TABLE half_done (id @ID@, x TEXT); INSERT INTO no_such_table VALUES (1);"}};
  EXPECT_ANY_THROW(db::migrate(*db, bad));
  db::Tx tx(*db, db::Tx::Mode::read);
  int n = -1;
  tx.sql() << "SELECT COUNT(*) FROM schema_migrations WHERE version = 9001", soci::into(n);
  EXPECT_EQ(n, 0);
  // The table created before the failing statement was rolled back with it.
  EXPECT_ANY_THROW(tx.sql() << "SELECT COUNT(*) FROM half_done");
}

TEST_P(Storage, TransactionRollsBackUnlessCommitted) {
  auto db = test::fresh_database(GetParam());
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    db::set_setting(tx, "k", "abandoned");
  }
  {
    db::Tx tx(*db, db::Tx::Mode::read);
    EXPECT_FALSE(db::setting(tx, "k"));
  }
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    db::set_setting(tx, "k", "kept");
    tx.commit();
  }
  db::Tx tx(*db, db::Tx::Mode::read);
  EXPECT_EQ(db::setting(tx, "k").value_or(""), "kept");
}

TEST_P(Storage, InsertReturningIdAndUnicodeRoundTrip) {
  auto db = test::fresh_database(GetParam());
  db::Tx tx(*db, db::Tx::Mode::write);
  std::string name = "Mission Locale d'Insertion – Châtellerault 🌱", kind = "mission_locale", siret = "73282932000074",
              commune = "86066", t = "2026-11-28T00:00:00Z";
  long long id1 = 0, id2 = 0;
  tx.sql() << "INSERT INTO organisations (name, kind, siret, commune_code, created_at, updated_at) VALUES (:n, :k, :s, :c, :t, :t2) RETURNING id",
      soci::use(name), soci::use(kind), soci::use(siret), soci::use(commune), soci::use(t), soci::use(t), soci::into(id1);
  std::string siret2 = "13000548100010";
  tx.sql() << "INSERT INTO organisations (name, kind, siret, commune_code, created_at, updated_at) VALUES (:n, :k, :s, :c, :t, :t2) RETURNING id",
      soci::use(name), soci::use(kind), soci::use(siret2), soci::use(commune), soci::use(t), soci::use(t), soci::into(id2);
  EXPECT_GT(id1, 0);
  EXPECT_EQ(id2, id1 + 1);
  std::string back;
  tx.sql() << "SELECT name FROM organisations WHERE id = :i", soci::use(id1), soci::into(back);
  EXPECT_EQ(back, name);
  // The unique index on SIRET holds on both engines.
  auto duplicate = [&] {
    tx.sql() << "INSERT INTO organisations (name, kind, siret, commune_code, created_at, updated_at) VALUES (:n, :k, :s, :c, :t, :t2)",
        soci::use(name), soci::use(kind), soci::use(siret), soci::use(commune), soci::use(t), soci::use(t);
  };
  EXPECT_ANY_THROW(duplicate());
}

TEST_P(Storage, ForeignKeysAreEnforced) {
  auto db = test::fresh_database(GetParam());
  db::Tx tx(*db, db::Tx::Mode::write);
  EXPECT_ANY_THROW(tx.sql() << "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (999, 999, 'admin', 'x')");
}

TEST_P(Storage, ColumnReadersAgreeAcrossEngines) {
  auto db = test::fresh_database(GetParam());
  db::Tx tx(*db, db::Tx::Mode::write);
  tx.sql() << "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ('a@b.fr', 's', 'b', 't')";
  soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT id, attempts, sent_at, subject, COUNT(*) OVER () FROM outbox");
  int rows = 0;
  for (const auto& r : rs) {
    EXPECT_GT(db::as_int(r, 0), 0);
    EXPECT_EQ(db::as_int(r, 1), 0);
    EXPECT_EQ(db::as_text(r, 2), "");  // NULL
    EXPECT_EQ(db::as_text(r, 3), "s");
    EXPECT_EQ(db::as_int(r, 4), 1);
    ++rows;
  }
  EXPECT_EQ(rows, 1);
}

TEST_P(Storage, ConcurrentWritersAllCommit) {
  auto db = test::fresh_database(GetParam(), 6);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          // Read, then write: SQLite needs the write lock up front; PostgreSQL (serialisable)
          // may refuse one of two such transactions, which transact() replays.
          db::transact(*db, [&](db::Tx& tx) {
            int n = 0;
            tx.sql() << "SELECT COUNT(*) FROM outbox", soci::into(n);
            std::string r = "w" + std::to_string(t) + "@x.fr";
            tx.sql() << "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (:r, 's', 'b', 't')", soci::use(r);
          }, 50);
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  db::Tx tx(*db, db::Tx::Mode::read);
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM outbox", soci::into(n);
  EXPECT_EQ(n, 150);
}

TEST_P(Storage, PoolCountsLeasesAndWaits) {
  auto db = test::fresh_database(GetParam(), 2);
  EXPECT_EQ(db->pool_size(), 2u);
  EXPECT_EQ(db->in_use(), 0u);
  {
    auto a = db->lease();
    auto b = db->lease();
    EXPECT_EQ(db->in_use(), 2u);
    std::thread waiter([&] { auto c = db->lease(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    a.reset();
    waiter.join();
  }
  EXPECT_EQ(db->in_use(), 0u);
  EXPECT_GE(db->waits(), 1u);
}

TEST_P(Storage, TheAuditLogRefusesUpdatesAndDeletes) {
  auto db = test::fresh_database(GetParam());
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    tx.sql() << "INSERT INTO audit_log (at, action) VALUES ('2026-11-28T00:00:00Z', 'read')";
    tx.commit();
  }
  for (const char* change : {"UPDATE audit_log SET action = 'rien'", "DELETE FROM audit_log"}) {
    db::Tx tx(*db, db::Tx::Mode::write);
    EXPECT_ANY_THROW(tx.sql() << change) << change;
  }
  db::Tx tx(*db, db::Tx::Mode::read);
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'read'", soci::into(n);
  EXPECT_EQ(n, 1);
}

TEST(StorageUrl, RejectsUnknownSchemes) {
  EXPECT_THROW(db::Database::open("mysql://x", 1), std::runtime_error);
  EXPECT_THROW(db::Database::open("sqlite:", 1), std::runtime_error);
}

TEST(SplitStatements, KeepsTriggerAndFunctionBodiesWhole) {
  auto s = db::split_statements("CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'x');\nEND;\n"
                                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'x'; END $$ LANGUAGE plpgsql;\n"
                                "CREATE TRIGGER g BEFORE DELETE ON a FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_NE(s[0].find("END"), std::string::npos);
  EXPECT_NE(s[1].find("LANGUAGE plpgsql"), std::string::npos);
  EXPECT_EQ(s[2].rfind("CREATE TRIGGER g", 0), 0u);
  EXPECT_EQ(s[3], "SELECT 1");
}

TEST(SplitStatements, RespectsQuotesAndComments) {
  auto s = db::split_statements("CREATE TABLE a (x TEXT DEFAULT ';'); -- a comment; with semicolon\nINSERT INTO a VALUES ('b;c');\n");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "CREATE TABLE a (x TEXT DEFAULT ';')");
  EXPECT_NE(s[1].find("'b;c'"), std::string::npos);
}

TEST(Dialect, ReplacesMarkersPerEngine) {
  EXPECT_EQ(db::dialect("id @ID@, b @BLOB@", db::Engine::sqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB");
  EXPECT_EQ(db::dialect("id @ID@, b @BLOB@", db::Engine::postgresql), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, b BYTEA");
}
