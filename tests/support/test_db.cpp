#include "support/test_db.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "base/crypto.h"
#include "db/migrate.h"

namespace jalon::test {

std::vector<db::Engine> engines() {
  std::vector<db::Engine> out{db::Engine::sqlite};
  const char* pg = std::getenv("JALON_TEST_PG_URL");
  if (pg && *pg) out.push_back(db::Engine::postgresql);
  else if (const char* req = std::getenv("JALON_TEST_REQUIRE_PG"); req && std::string(req) == "1") {
    std::cerr << "JALON_TEST_REQUIRE_PG=1 but JALON_TEST_PG_URL is not set\n";
    std::abort();
  }
  return out;
}

std::string engine_name(db::Engine e) { return e == db::Engine::sqlite ? "SQLite" : "PostgreSQL"; }

std::string fresh_url(db::Engine engine) {
  static std::atomic<int> counter{0};
  crypto::init();
  std::string tag = std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + crypto::random_token(6);
  for (auto& c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (engine == db::Engine::sqlite) {
    auto dir = std::filesystem::temp_directory_path() / "jalon-tests";
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / ("t_" + tag + ".db")).string();
  }
  std::string admin = std::getenv("JALON_TEST_PG_URL");
  {
    auto db = db::Database::open(admin, 1);
    auto lease = db->lease();
    lease->sql() << "CREATE DATABASE t_" + tag;
  }
  auto slash = admin.rfind('/');
  return admin.substr(0, slash + 1) + "t_" + tag;
}

std::unique_ptr<db::Database> fresh_database(db::Engine engine, std::size_t pool) {
  auto db = db::Database::open(fresh_url(engine), pool);
  db::migrate(*db);
  return db;
}

int count(db::Database& db, const std::string& sql) {
  db::Tx tx(db, db::Tx::Mode::read);
  int n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

std::string source_dir() {
  const char* env = std::getenv("JALON_SOURCE_DIR");
  return env && *env ? env : JALON_SOURCE_DIR;
}

}  // namespace jalon::test
