// The documents room's SQL. The bytes go through each engine's native API with binary values
// (SQLite BLOB, PostgreSQL bytea), never through text. Access is decided before (people::can).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "documents/model.h"

namespace jalon::documents::store {

// Inserts `d` (person, organisation, uploader, kind, title, filename, content type, sha256)
// with `bytes`; returns its id.
long long insert(db::Tx& tx, const Document& d, const std::string& bytes);
// The person's documents, newest first (descriptions only).
std::vector<Document> of_person(db::Tx& tx, long long person);
std::optional<Document> find(db::Tx& tx, long long id);
// The bytes of document `id` ("" when it does not exist).
std::string content(db::Tx& tx, long long id);
void remove(db::Tx& tx, long long id);

}  // namespace jalon::documents::store
