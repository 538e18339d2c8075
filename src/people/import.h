// Bulk import of people from a CSV file (CLI `jalon import people` and the upload page):
// every row validated first, nothing written unless all pass, then one transaction.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "db/db.h"
#include "people/model.h"

namespace jalon::people {

struct ImportReport {
  std::string encoding;
  char separator = ',';
  int rows = 0;
  std::vector<std::string> errors;  // "Ligne 12, colonne date_naissance : …" (the first 200)
  int error_count = 0;
  bool ok() const { return error_count == 0; }
};

// The columns a file may have (header names, accents and case ignored); "nom" and "prenom" are
// required. Documented on the upload page and in the README.
const std::vector<std::pair<std::string, std::string>>& import_columns();  // name, description

// Parses and validates `data` (see csv::parse for encodings and separators). Returns the people
// and fills `report`; when `report.ok()` is false the people must not be written.
std::vector<Person> prepare_import(std::string_view data, const std::string& today, ImportReport& report);

// Looks for rows of a prepared import that are likely duplicates of records already in the
// database (the rule of people::duplicate_reason, as at creation), reading in `tx`. Adds one
// error per such row to `report` ("La personne n° 12 du fichier … ressemble à la fiche n° 345"
// when `org` sees that record; otherwise only that another organisation follows a similar
// one) and returns the ids of the records `org` cannot see, for the audit log. Cost: one scan of
// the table when the file is about as large as the table, else lookups of the file's birth dates
// and France Travail identifiers, 25 per statement.
std::vector<long long> check_existing_duplicates(db::Tx& tx, long long org, const std::vector<Person>& rows, ImportReport& report);

// Writes `people` for `org` in the caller's write transaction: prepared statements on SQLite,
// COPY on PostgreSQL; every person gets the creator's grant. `progress(done, total)` is called
// now and then. Errors propagate; the caller's rollback then leaves nothing written.
// An initial load (at least as many rows as the table holds) rebuilds the non-unique indexes
// by sorting at the end. On SQLite readers keep their snapshot meanwhile; on PostgreSQL, where
// the foreign keys of both tables are also checked once at the end instead of row by row,
// dropping an index or a foreign key locks the tables (organisations included) against readers
// until the commit, so it is done only when `may_lock_readers` (the command line, never a web
// request).
// `phases`, when given, receives how long the rows and the index rebuilds took (the command line
// prints them, so that an import's time can be read phase by phase).
struct WritePhases {
  double rows_seconds = 0;
  double indexes_seconds = 0;
  int indexes_rebuilt = 0;
};
int write_import(db::Tx& tx, long long org, const std::vector<Person>& people,
                 const std::function<void(std::size_t, std::size_t)>& progress = {}, bool may_lock_readers = false,
                 WritePhases* phases = nullptr);

}  // namespace jalon::people
