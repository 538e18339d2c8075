// Import and export of the directory in the data·inclusion v1 schema (CLI `jalon import
// services` / `jalon export services`, the upload pages, GET /api/v1/directory/export).
//
// Accepted files: JSON, either an object {"structures": [...], "services": [...]} or an array of
// services each of which may carry its structure under "structure"; CSV (header of schema
// field names, ';' or ',' separated, lists separated by '|' or ','), a file of structures and/or
// a file of services, told apart by their header (a "structure_id" column means services).
// A service's structure_id names a structure of the same source, in the files or already in the
// directory.
#pragma once
#include <string>
#include <vector>

#include "db/db.h"
#include "directory/rules.h"

namespace jalon::directory {

struct ImportFile {
  std::string name;  // shown in the report
  std::string data;
};

// One problem of one record, or of a whole file (record 0).
struct ImportProblem {
  std::string file;
  std::string kind;  // "structure", "service", or "" for the file itself
  int record = 0;    // 1-based position in its list (JSON) or data row (CSV)
  int line = 0;      // CSV line, 0 for JSON
  std::string id;    // the record's data·inclusion id, when it has one
  std::string field;
  std::string message;
  // "services.csv, service n° 3 (ligne 4, id dora--12), champ thematiques : …"
  std::string text() const;
};

struct ImportReport {
  int structures = 0, services = 0;  // records read
  int structures_created = 0, structures_updated = 0, services_created = 0, services_updated = 0;
  std::vector<ImportProblem> problems;  // the first kMaxProblems
  int problem_count = 0;
  bool ok() const { return problem_count == 0; }
  static constexpr int kMaxProblems = 500;
};

// Reads, validates and, when every record of every file passes, writes them in `tx` (the
// caller commits): structures and services are created or updated by (source, id). Structures
// are given to `organisation_id` (0: none); an existing structure must already belong to it,
// and `who` must be allowed Action::import on it (directory::can). New services are published;
// existing ones keep their status. The source "jalon" is Jalon's own: a file may update such
// records (an export imported back) but not create them. When the report is not ok(), nothing
// was written.
ImportReport import_files(db::Tx& tx, const Actor& who, long long organisation_id, const std::vector<ImportFile>& files,
                          const std::string& today);

// The whole published directory: every structure, and the published services.
// {"structures": [...], "services": [...]}, each object valid against the v1 schemas.
std::string export_json(db::Tx& tx);
// The same as two CSV files (see exchange.h).
std::string export_structures_csv(db::Tx& tx);
std::string export_services_csv(db::Tx& tx);

}  // namespace jalon::directory
