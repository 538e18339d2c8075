// Versioned schema migrations, compiled into the binary from migrations/NNNN_name.sql.
// The SQL is portable but for markers replaced per engine: @ID@ (an auto-increment 64-bit
// primary key), @BLOB@ (binary data) and @C@ (byte-order collation, for keys compared by range);
// a statement starting with "@sqlite " or "@postgresql " runs on that engine only.
#pragma once
#include <string>
#include <vector>

#include "db/db.h"

namespace jalon::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& embedded_migrations();

// The script of `m` in `engine`'s dialect.
std::string dialect(const std::string& sql, Engine engine);

// Applies the migrations not yet applied, each in its own transaction, in version order, and
// returns how many were applied. Safe when several servers start together: on PostgreSQL an
// advisory lock serialises them; on SQLite the write lock does.
int migrate(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

// Highest applied version, 0 for an empty database.
int current_version(Database& db);

}  // namespace jalon::db
