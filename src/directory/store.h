// The directory's SQL. Functions run in the caller's transaction and trust their input: it was
// validated (directory/rules.h) and access was decided (directory::can) before. Every write
// appends a row to directory_changes in the same transaction, so the search indexes of every
// server see it (docs/directory.md). Vocabulary lists are stored comma-separated.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "directory/model.h"

namespace jalon::directory::store {

// Inserts a structure and returns its id. An empty ext_id becomes "jalon-s<id>" (source
// "jalon"); organisation_id 0 is stored as none. created_at/updated_at are stamped now.
long long create_structure(db::Tx& tx, Structure s);
// Saves every field of `s` (by id) except id, created_at; NotFound when there is no such row.
void update_structure(db::Tx& tx, const Structure& s);
std::optional<Structure> find_structure(db::Tx& tx, long long id);
std::optional<Structure> find_structure(db::Tx& tx, const std::string& source, const std::string& ext_id);
// The structures of an organisation, by name.
std::vector<Structure> structures_of(db::Tx& tx, long long organisation_id);
// Every structure, by id (the export).
std::vector<Structure> all_structures(db::Tx& tx);

// Inserts a service of structure `s.structure_id` and returns its id; an empty ext_id becomes
// "jalon-sv<id>".
long long create_service(db::Tx& tx, Service s);
// Saves every field of `s` (by id), the status included.
void update_service(db::Tx& tx, const Service& s);
std::optional<Service> find_service(db::Tx& tx, long long id);
std::optional<Service> find_service(db::Tx& tx, const std::string& source, const std::string& ext_id);
// The services of a structure by name (`published_only`: only those with status published).
std::vector<Service> services_of_structure(db::Tx& tx, long long structure_id, bool published_only);
// The services of every structure of an organisation, by structure name then service name.
std::vector<Service> services_of(db::Tx& tx, long long organisation_id);

// Imports: inserts, or updates the row with the same (source, ext_id) keeping its id and
// created_at. A structure's organisation_id is written as given (the caller checked that the
// importer may take it). An existing service keeps its status (an archived service stays
// archived when a file updates it); a new one gets `s.status`.
struct Upserted {
  long long id = 0;
  bool created = false;
};
Upserted upsert_structure(db::Tx& tx, Structure s);
Upserted upsert_service(db::Tx& tx, Service s);

// The change-log rows after `last_id`, oldest first, at most `limit`.
std::vector<Change> changes_after(db::Tx& tx, long long last_id, int limit = 1000);
// The id of the last change-log row, 0 when there is none: where an index built now starts.
long long last_change_id(db::Tx& tx);

// Every published service with its structure: what the search index is built from. Two
// queries whatever the size (no N+1).
PublishedDirectory load_published(db::Tx& tx);
// The same, restricted to one structure (an index applying a change): its published services
// and, when it has any, the structure.
PublishedDirectory load_published(db::Tx& tx, long long structure_id);

// The same for several structures at once (an index applying a batch of changes): two
// statements per 25 structures.
PublishedDirectory load_published(db::Tx& tx, const std::vector<long long>& structure_ids);

// The published services among `ids` (any order, any number) with their structures, as
// load_published gives them; the others (unknown, no longer published) are left out. Two
// statements per 25 ids, whatever the page.
PublishedDirectory published_services(db::Tx& tx, const std::vector<long long>& ids);

}  // namespace jalon::directory::store
