// Databases for tests: a fresh, migrated database on each engine under test. SQLite always;
// PostgreSQL when JALON_TEST_PG_URL names a server (make test starts one and sets it).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "db/db.h"

namespace jalon::test {

// Engines to run engine-parameterised tests on. Fails the process when JALON_TEST_REQUIRE_PG=1
// and no PostgreSQL URL is given, so CI cannot silently skip PostgreSQL.
std::vector<db::Engine> engines();
std::string engine_name(db::Engine e);

// The URL of a new empty database on `engine` (a temporary SQLite file, or a new PostgreSQL
// database on the test server).
std::string fresh_url(db::Engine engine);

// A new, migrated database.
std::unique_ptr<db::Database> fresh_database(db::Engine engine, std::size_t pool = 8);

// The integer answer of `sql` (a COUNT(*) or similar) in a read transaction of its own.
int count(db::Database& db, const std::string& sql);

// The source tree (for web/ and data/).
std::string source_dir();

}  // namespace jalon::test
