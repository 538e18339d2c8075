#include "directory/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "base/crypto.h"
#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"
#include "directory/live.h"

namespace jalon::directory::store {

namespace {

const char* kStructureColumns =
    "id, source, ext_id, COALESCE(organisation_id, 0), name, siret, description, address, address_extra, postal_code, commune_code, "
    "latitude, longitude, phone, email, website, opening_hours, accessibility_url, source_url, networks, typology, updated_on, "
    "created_at, updated_at";

const char* kServiceColumns =
    "s.id, s.source, s.ext_id, s.structure_id, st.ext_id, s.name, s.description, s.type, s.thematics, s.audiences, s.audiences_details, "
    "s.fees, s.fees_details, s.conditions, s.reception_modes, s.mobilisation_modes, s.mobilising_persons, s.mobilisation_details, "
    "s.mobilisation_link, s.eligibility_zone, s.weekly_hours, s.weeks, s.contact_name, s.phone, s.email, s.address, s.address_extra, "
    "s.postal_code, s.commune_code, s.latitude, s.longitude, s.opening_hours, s.source_url, s.status, s.updated_on, s.created_at, "
    "s.updated_at";

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

std::vector<std::string> split(const std::string& stored) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : stored) {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}



Structure structure_from(const db::Query& q) {
  Structure s;
  s.id = q.int64(0);
  s.source = q.text(1);
  s.ext_id = q.text(2);
  s.organisation_id = q.int64(3);
  s.name = q.text(4);
  s.siret = q.text(5);
  s.description = q.text(6);
  s.address = q.text(7);
  s.address_extra = q.text(8);
  s.postal_code = q.text(9);
  s.commune_code = q.text(10);
  s.latitude = q.real(11);
  s.longitude = q.real(12);
  s.phone = q.text(13);
  s.email = q.text(14);
  s.website = q.text(15);
  s.opening_hours = q.text(16);
  s.accessibility_url = q.text(17);
  s.source_url = q.text(18);
  s.networks = split(q.text(19));
  s.typology = q.text(20);
  s.updated_on = q.text(21);
  s.created_at = q.text(22);
  s.updated_at = q.text(23);
  return s;
}

Service service_from(const db::Query& q) {
  Service s;
  s.id = q.int64(0);
  s.source = q.text(1);
  s.ext_id = q.text(2);
  s.structure_id = q.int64(3);
  s.structure_ext_id = q.text(4);
  s.name = q.text(5);
  s.description = q.text(6);
  s.type = q.text(7);
  s.thematics = split(q.text(8));
  s.audiences = split(q.text(9));
  s.audiences_details = q.text(10);
  s.fees = q.text(11);
  s.fees_details = q.text(12);
  s.conditions = q.text(13);
  s.reception_modes = split(q.text(14));
  s.mobilisation_modes = split(q.text(15));
  s.mobilising_persons = split(q.text(16));
  s.mobilisation_details = q.text(17);
  s.mobilisation_link = q.text(18);
  s.eligibility_zone = split(q.text(19));
  s.weekly_hours = q.real(20);
  if (!q.is_null(21)) s.weeks = static_cast<int>(q.int64(21));
  s.contact_name = q.text(22);
  s.phone = q.text(23);
  s.email = q.text(24);
  s.address = q.text(25);
  s.address_extra = q.text(26);
  s.postal_code = q.text(27);
  s.commune_code = q.text(28);
  s.latitude = q.real(29);
  s.longitude = q.real(30);
  s.opening_hours = q.text(31);
  s.source_url = q.text(32);
  s.status = parse_status(q.text(33)).value_or(ServiceStatus::draft);
  s.updated_on = q.text(34);
  s.created_at = q.text(35);
  s.updated_at = q.text(36);
  return s;
}

// Binds the structure's columns in the order of the INSERT and UPDATE statements below.
void bind_structure(db::Query& q, const Structure& s) {
  if (s.organisation_id > 0) q.bind(s.organisation_id);
  else q.bind_null();
  q.bind(s.name).bind(s.siret).bind(s.description).bind(s.address).bind(s.address_extra).bind(s.postal_code).bind(s.commune_code);
  q.bind_real_or_null(s.latitude);
  q.bind_real_or_null(s.longitude);
  q.bind(s.phone).bind(s.email).bind(s.website).bind(s.opening_hours).bind(s.accessibility_url).bind(s.source_url).bind(join(s.networks));
  q.bind(s.typology).bind(s.updated_on);
}

void bind_service(db::Query& q, const Service& s) {
  q.bind(s.structure_id).bind(s.name).bind(s.description).bind(s.type).bind(join(s.thematics)).bind(join(s.audiences));
  q.bind(s.audiences_details).bind(s.fees).bind(s.fees_details).bind(s.conditions).bind(join(s.reception_modes));
  q.bind(join(s.mobilisation_modes)).bind(join(s.mobilising_persons)).bind(s.mobilisation_details).bind(s.mobilisation_link);
  q.bind(join(s.eligibility_zone));
  q.bind_real_or_null(s.weekly_hours);
  if (s.weeks) q.bind(static_cast<long long>(*s.weeks));
  else q.bind_null();
  q.bind(s.contact_name).bind(s.phone).bind(s.email).bind(s.address).bind(s.address_extra).bind(s.postal_code).bind(s.commune_code);
  q.bind_real_or_null(s.latitude);
  q.bind_real_or_null(s.longitude);
  q.bind(s.opening_hours).bind(s.source_url).bind(status_code(s.status)).bind(s.updated_on);
}

void log_change(db::Tx& tx, long long structure_id, long long service_id) {
  // This server's search index catches up as soon as the write is committed.
  tx.on_commit(mark_changed);
  // Readers apply the rows after the last id they saw, so ids must follow commit order. SQLite
  // has one writer; on PostgreSQL, directory writers take turns until their commit (the lock is
  // re-entrant within the transaction and released by COMMIT or ROLLBACK).
  if (tx.engine() == db::Engine::postgresql) db::Query(tx, "SELECT pg_advisory_xact_lock(7419003)").run();
  db::Query q(tx, "INSERT INTO directory_changes (structure_id, service_id, at) VALUES (:st, :sv, :at)");
  q.bind(structure_id);
  if (service_id > 0) q.bind(service_id);
  else q.bind_null();
  q.bind(time::iso_now()).run();
}

// A unique stand-in for the ext_id of a row being inserted, replaced once its id is known.
std::string provisional_ext_id() { return "jalon-provisoire-" + crypto::random_token(12); }

}  // namespace

long long create_structure(db::Tx& tx, Structure s) {
  bool assign = s.ext_id.empty();
  if (assign) {
    s.source = "jalon";
    s.ext_id = provisional_ext_id();
  }
  std::string now = time::iso_now();
  long long id = 0;
  {
    db::Query q(tx,
                "INSERT INTO structures (source, ext_id, organisation_id, name, siret, description, address, address_extra, postal_code, "
                "commune_code, latitude, longitude, phone, email, website, opening_hours, accessibility_url, source_url, networks, typology, "
                "updated_on, created_at, updated_at) VALUES (:src, :ext, :org, :name, :siret, :descr, :addr, :addr2, :pc, :cc, :lat, :lon, "
                ":phone, :email, :web, :hours, :access, :url, :networks, :typology, :upd, :cat, :uat) RETURNING id");
    q.bind(s.source).bind(s.ext_id);
    bind_structure(q, s);
    q.bind(now).bind(now);
    if (!q.next()) throw std::logic_error("INSERT … RETURNING gave no id");
    id = q.int64(0);
  }
  if (assign) {
    db::Query q(tx, "UPDATE structures SET ext_id = :ext WHERE id = :id");
    q.bind("jalon-s" + std::to_string(id)).bind(id).run();
  }
  log_change(tx, id, 0);
  return id;
}

void update_structure(db::Tx& tx, const Structure& s) {
  {
    db::Query q(tx,
                "UPDATE structures SET source = :src, ext_id = :ext, organisation_id = :org, name = :name, siret = :siret, description = :descr, "
                "address = :addr, address_extra = :addr2, postal_code = :pc, commune_code = :cc, latitude = :lat, longitude = :lon, "
                "phone = :phone, email = :email, website = :web, opening_hours = :hours, accessibility_url = :access, source_url = :url, "
                "networks = :networks, typology = :typology, updated_on = :upd, updated_at = :uat WHERE id = :id RETURNING id");
    q.bind(s.source).bind(s.ext_id);
    bind_structure(q, s);
    q.bind(time::iso_now()).bind(s.id);
    if (!q.next()) throw NotFound("Cette structure n'existe pas.");
  }
  log_change(tx, s.id, 0);
}

std::optional<Structure> find_structure(db::Tx& tx, long long id) {
  db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures WHERE id = :id");
  q.bind(id);
  if (!q.next()) return std::nullopt;
  return structure_from(q);
}

std::optional<Structure> find_structure(db::Tx& tx, const std::string& source, const std::string& ext_id) {
  db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures WHERE source = :src AND ext_id = :ext");
  q.bind(source).bind(ext_id);
  if (!q.next()) return std::nullopt;
  return structure_from(q);
}

std::vector<Structure> structures_of(db::Tx& tx, long long organisation_id) {
  db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures WHERE organisation_id = :org ORDER BY name, id");
  q.bind(organisation_id);
  std::vector<Structure> out;
  while (q.next()) out.push_back(structure_from(q));
  return out;
}

std::vector<Structure> all_structures(db::Tx& tx) {
  db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures ORDER BY id");
  std::vector<Structure> out;
  while (q.next()) out.push_back(structure_from(q));
  return out;
}

long long create_service(db::Tx& tx, Service s) {
  bool assign = s.ext_id.empty();
  if (assign) {
    s.source = "jalon";
    s.ext_id = provisional_ext_id();
  }
  std::string now = time::iso_now();
  long long id = 0;
  {
    db::Query q(tx,
                "INSERT INTO services (source, ext_id, structure_id, name, description, type, thematics, audiences, audiences_details, fees, "
                "fees_details, conditions, reception_modes, mobilisation_modes, mobilising_persons, mobilisation_details, mobilisation_link, "
                "eligibility_zone, weekly_hours, weeks, contact_name, phone, email, address, address_extra, postal_code, commune_code, "
                "latitude, longitude, opening_hours, source_url, status, updated_on, created_at, updated_at) VALUES (:src, :ext, :st, :name, "
                ":descr, :type, :them, :aud, :audd, :fees, :feesd, :cond, :recep, :mobm, :mobp, :mobd, :mobl, :zone, :hours, :weeks, "
                ":contact, :phone, :email, :addr, :addr2, :pc, :cc, :lat, :lon, :open, :url, :status, :upd, :cat, :uat) RETURNING id");
    q.bind(s.source).bind(s.ext_id);
    bind_service(q, s);
    q.bind(now).bind(now);
    if (!q.next()) throw std::logic_error("INSERT … RETURNING gave no id");
    id = q.int64(0);
  }
  if (assign) {
    db::Query q(tx, "UPDATE services SET ext_id = :ext WHERE id = :id");
    q.bind("jalon-sv" + std::to_string(id)).bind(id).run();
  }
  log_change(tx, s.structure_id, id);
  return id;
}

void update_service(db::Tx& tx, const Service& s) {
  long long previous_structure = 0;
  {
    db::Query q(tx, "SELECT structure_id FROM services WHERE id = :id");
    q.bind(s.id);
    if (!q.next()) throw NotFound("Ce service n'existe pas.");
    previous_structure = q.int64(0);
  }
  {
    db::Query q(tx,
                "UPDATE services SET source = :src, ext_id = :ext, structure_id = :st, name = :name, description = :descr, type = :type, "
                "thematics = :them, audiences = :aud, audiences_details = :audd, fees = :fees, fees_details = :feesd, conditions = :cond, "
                "reception_modes = :recep, mobilisation_modes = :mobm, mobilising_persons = :mobp, mobilisation_details = :mobd, "
                "mobilisation_link = :mobl, eligibility_zone = :zone, weekly_hours = :hours, weeks = :weeks, contact_name = :contact, "
                "phone = :phone, email = :email, address = :addr, address_extra = :addr2, postal_code = :pc, commune_code = :cc, "
                "latitude = :lat, longitude = :lon, opening_hours = :open, source_url = :url, status = :status, updated_on = :upd, "
                "updated_at = :uat WHERE id = :id");
    q.bind(s.source).bind(s.ext_id);
    bind_service(q, s);
    q.bind(time::iso_now()).bind(s.id).run();
  }
  // A service moved to another structure leaves the old one: both are logged.
  if (previous_structure != s.structure_id) log_change(tx, previous_structure, s.id);
  log_change(tx, s.structure_id, s.id);
}

std::optional<Service> find_service(db::Tx& tx, long long id) {
  db::Query q(tx, std::string("SELECT ") + kServiceColumns + " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.id = :id");
  q.bind(id);
  if (!q.next()) return std::nullopt;
  return service_from(q);
}

std::optional<Service> find_service(db::Tx& tx, const std::string& source, const std::string& ext_id) {
  db::Query q(tx, std::string("SELECT ") + kServiceColumns +
                      " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.source = :src AND s.ext_id = :ext");
  q.bind(source).bind(ext_id);
  if (!q.next()) return std::nullopt;
  return service_from(q);
}

std::vector<Service> services_of_structure(db::Tx& tx, long long structure_id, bool published_only) {
  db::Query q(tx, std::string("SELECT ") + kServiceColumns +
                      " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.structure_id = :st" +
                      (published_only ? " AND s.status = 'published'" : "") + " ORDER BY s.name, s.id");
  q.bind(structure_id);
  std::vector<Service> out;
  while (q.next()) out.push_back(service_from(q));
  return out;
}

std::vector<Service> services_of(db::Tx& tx, long long organisation_id) {
  db::Query q(tx, std::string("SELECT ") + kServiceColumns +
                      " FROM services s JOIN structures st ON st.id = s.structure_id WHERE st.organisation_id = :org "
                      "ORDER BY st.name, st.id, s.name, s.id");
  q.bind(organisation_id);
  std::vector<Service> out;
  while (q.next()) out.push_back(service_from(q));
  return out;
}

Upserted upsert_structure(db::Tx& tx, Structure s) {
  auto existing = find_structure(tx, s.source, s.ext_id);
  if (!existing) return {create_structure(tx, std::move(s)), true};
  s.id = existing->id;
  update_structure(tx, s);
  return {s.id, false};
}

Upserted upsert_service(db::Tx& tx, Service s) {
  auto existing = find_service(tx, s.source, s.ext_id);
  if (!existing) return {create_service(tx, std::move(s)), true};
  s.id = existing->id;
  s.status = existing->status;
  update_service(tx, s);
  return {s.id, false};
}

std::vector<Change> changes_after(db::Tx& tx, long long last_id, int limit) {
  db::Query q(tx, "SELECT id, structure_id, COALESCE(service_id, 0), at FROM directory_changes WHERE id > :last ORDER BY id LIMIT :n");
  q.bind(last_id).bind(static_cast<long long>(limit));
  std::vector<Change> out;
  while (q.next()) out.push_back({q.int64(0), q.int64(1), q.int64(2), q.text(3)});
  return out;
}

long long last_change_id(db::Tx& tx) {
  db::Query q(tx, "SELECT COALESCE(MAX(id), 0) FROM directory_changes");
  return q.next() ? q.int64(0) : 0;
}

namespace {
PublishedDirectory assemble(std::vector<Structure> structures, std::vector<Service> services) {
  PublishedDirectory d;
  std::unordered_map<long long, std::size_t> index;
  for (std::size_t i = 0; i < structures.size(); ++i) index.emplace(structures[i].id, i);
  d.structures = std::move(structures);
  d.structure_of.reserve(services.size());
  d.services.reserve(services.size());
  for (auto& s : services) {
    auto it = index.find(s.structure_id);
    if (it == index.end()) continue;  // cannot happen inside one transaction (foreign key)
    d.structure_of.push_back(it->second);
    d.services.push_back(std::move(s));
  }
  return d;
}
}  // namespace

PublishedDirectory load_published(db::Tx& tx) {
  std::vector<Structure> structures;
  {
    db::Query q(tx, std::string("SELECT ") + kStructureColumns +
                        " FROM structures WHERE id IN (SELECT structure_id FROM services WHERE status = 'published') ORDER BY id");
    while (q.next()) structures.push_back(structure_from(q));
  }
  std::vector<Service> services;
  {
    db::Query q(tx, std::string("SELECT ") + kServiceColumns +
                        " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.status = 'published' ORDER BY s.id");
    while (q.next()) services.push_back(service_from(q));
  }
  return assemble(std::move(structures), std::move(services));
}

PublishedDirectory load_published(db::Tx& tx, long long structure_id) {
  std::vector<Service> services;
  {
    db::Query q(tx, std::string("SELECT ") + kServiceColumns +
                        " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.structure_id = :st AND s.status = 'published' "
                        "ORDER BY s.id");
    q.bind(structure_id);
    while (q.next()) services.push_back(service_from(q));
  }
  std::vector<Structure> structures;
  if (!services.empty())
    if (auto s = find_structure(tx, structure_id)) structures.push_back(std::move(*s));
  return assemble(std::move(structures), std::move(services));
}

PublishedDirectory published_services(db::Tx& tx, const std::vector<long long>& ids) {
  // Fixed-size IN lists (unused places get 0, never an id): one kept statement for any page.
  constexpr std::size_t kChunk = 25;
  std::string marks;
  for (std::size_t i = 0; i < kChunk; ++i) marks += (i ? ", :i" : ":i") + std::to_string(i);
  std::vector<Service> services;
  std::vector<long long> structure_ids;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    db::Query q(tx, std::string("SELECT ") + kServiceColumns + " FROM services s JOIN structures st ON st.id = s.structure_id WHERE s.id IN (" +
                        marks + ") AND s.status = 'published'");
    for (std::size_t i = 0; i < kChunk; ++i) q.bind(from + i < ids.size() ? ids[from + i] : 0LL);
    while (q.next()) services.push_back(service_from(q));
  }
  std::sort(services.begin(), services.end(), [](const Service& a, const Service& b) { return a.id < b.id; });
  for (const auto& sv : services) structure_ids.push_back(sv.structure_id);
  std::sort(structure_ids.begin(), structure_ids.end());
  structure_ids.erase(std::unique(structure_ids.begin(), structure_ids.end()), structure_ids.end());
  std::vector<Structure> structures;
  for (std::size_t from = 0; from < structure_ids.size(); from += kChunk) {
    db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures WHERE id IN (" + marks + ")");
    for (std::size_t i = 0; i < kChunk; ++i) q.bind(from + i < structure_ids.size() ? structure_ids[from + i] : 0LL);
    while (q.next()) structures.push_back(structure_from(q));
  }
  std::sort(structures.begin(), structures.end(), [](const Structure& a, const Structure& b) { return a.id < b.id; });
  return assemble(std::move(structures), std::move(services));
}

PublishedDirectory load_published(db::Tx& tx, const std::vector<long long>& structure_ids) {
  constexpr std::size_t kChunk = 25;  // fixed-size IN lists, as in published_services
  std::string marks;
  for (std::size_t i = 0; i < kChunk; ++i) marks += (i ? ", :i" : ":i") + std::to_string(i);
  std::vector<Service> services;
  std::vector<Structure> structures;
  for (std::size_t from = 0; from < structure_ids.size(); from += kChunk) {
    auto bind_chunk = [&](db::Query& q) {
      for (std::size_t i = 0; i < kChunk; ++i) q.bind(from + i < structure_ids.size() ? structure_ids[from + i] : 0LL);
    };
    {
      db::Query q(tx, std::string("SELECT ") + kServiceColumns + " FROM services s JOIN structures st ON st.id = s.structure_id "
                          "WHERE s.structure_id IN (" + marks + ") AND s.status = 'published'");
      bind_chunk(q);
      while (q.next()) services.push_back(service_from(q));
    }
    db::Query q(tx, std::string("SELECT ") + kStructureColumns + " FROM structures WHERE id IN (" + marks +
                        ") AND id IN (SELECT structure_id FROM services WHERE status = 'published')");
    bind_chunk(q);
    while (q.next()) structures.push_back(structure_from(q));
  }
  std::sort(services.begin(), services.end(), [](const Service& a, const Service& b) { return a.id < b.id; });
  std::sort(structures.begin(), structures.end(), [](const Structure& a, const Structure& b) { return a.id < b.id; });
  return assemble(std::move(structures), std::move(services));
}

}  // namespace jalon::directory::store
