// Statements kept prepared on their connection, for the hot paths (authentication, the people
// search, audit rows): the SQL is parsed once per connection instead of once per request, and
// rows are read without SOCI's per-row conversions. Everyday queries keep using SOCI.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/db.h"

namespace jalon::db {

// One execution of `sql` in `tx`. `sql` uses `:name` placeholders, each name once, bound in
// their order of appearance by bind(); columns are read by index (0-based) after next() returned
// true. The text of `sql` is the cache key: build it from constant parts only (never from
// values), or the cache grows without bound. Errors throw db::Error (see classify()).
// Not thread-safe (neither is the transaction); the statement is given back when destroyed.
class Query {
 public:
  Query(Tx& tx, const std::string& sql);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(long long v);
  Query& bind(const std::string& v);  // copied
  Query& bind_null();
  Query& bind_text_or_null(const std::string& v) { return v.empty() ? bind_null() : bind(v); }
  Query& bind_id_or_null(long long id) { return id ? bind(id) : bind_null(); }  // 0: none
  // A REAL column's value, sent as its shortest decimal text (both engines convert it).
  Query& bind_real_or_null(const std::optional<double>& v);

  // Executes on the first call; true while there is a row to read.
  bool next();
  // Executes a statement that returns no rows.
  void run() {
    while (next()) {
    }
  }

  bool is_null(int col) const;
  long long int64(int col) const;   // NULL reads as 0
  std::string text(int col) const;  // NULL reads as ""
  std::optional<double> real(int col) const;  // NULL reads as nullopt

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A database error raised by Query, already classified.
class Error : public std::runtime_error {
 public:
  Error(Failure f, const std::string& what) : std::runtime_error(what), failure_(f) {}
  Failure failure() const { return failure_; }

 private:
  Failure failure_;
};

}  // namespace jalon::db
