#include "people/import.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "base/csv.h"
#include "base/errors.h"
#include "base/text.h"
#include "base/time.h"
#include "db/query.h"
#include "people/actions.h"
#include "people/rules.h"

namespace jalon::people {

const std::vector<std::pair<std::string, std::string>>& import_columns() {
  static const std::vector<std::pair<std::string, std::string>> cols = {
      {"nom", "nom d'usage (obligatoire)"},
      {"prenom", "prénom (obligatoire)"},
      {"nom_naissance", "nom de naissance"},
      {"date_naissance", "JJ/MM/AAAA ou AAAA-MM-JJ"},
      {"sexe", "F ou M"},
      {"email", "adresse e-mail"},
      {"telephone", "numéro de téléphone"},
      {"adresse", "numéro et voie"},
      {"code_postal", "5 chiffres"},
      {"commune", "code INSEE de la commune"},
      {"identifiant_france_travail", "7 à 11 chiffres ou lettres"},
      {"niveau_qualification", "0 (aucun diplôme), 3 à 8"},
      {"consentement", "oui ou non : consentement au partage entre organisations"},
  };
  return cols;
}

namespace {
// Field of Person -> column name, for error messages.
const std::map<std::string, std::string>& column_of_field() {
  static const std::map<std::string, std::string> m = {
      {"last_name", "nom"},           {"first_name", "prenom"},    {"birth_name", "nom_naissance"}, {"birth_date", "date_naissance"},
      {"sex", "sexe"},                {"email", "email"},          {"phone", "telephone"},          {"address", "adresse"},
      {"postal_code", "code_postal"}, {"commune_code", "commune"}, {"ft_id", "identifiant_france_travail"},
      {"qualification_level", "niveau_qualification"}};
  return m;
}

std::string header_key(const std::string& h) {
  std::string f = text::fold(text::trim(h)), out;
  for (char c : f) out.push_back(c == ' ' || c == '-' || c == '\'' ? '_' : c);
  // "date de naissance" -> "date_naissance", "niveau de qualification" -> "niveau_qualification".
  for (const char* filler : {"_de_", "_d_", "_du_"})
    for (std::string::size_type pos; (pos = out.find(filler)) != std::string::npos;) out.replace(pos, std::strlen(filler), "_");
  if (out == "prenoms") return "prenom";
  if (out == "courriel" || out == "e_mail" || out == "mail") return "email";
  if (out == "tel" || out == "telephone_portable") return "telephone";
  if (out == "code_insee" || out == "commune_insee") return "commune";
  if (out == "identifiant_ft" || out == "id_france_travail") return "identifiant_france_travail";
  return out;
}

// "14/03/2006" or "2006-03-14" to "2006-03-14"; other text is returned as is (and refused by validation).
std::string civil(const std::string& s) {
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') return s.substr(6, 4) + "-" + s.substr(3, 2) + "-" + s.substr(0, 2);
  return s;
}
}  // namespace

std::vector<Person> prepare_import(std::string_view data, const std::string& today, ImportReport& report) {
  std::vector<Person> out;
  auto add_error = [&](const std::string& e) {
    if (report.errors.size() < 200) report.errors.push_back(e);
    ++report.error_count;
  };
  csv::Table t;
  try {
    t = csv::parse(data);
  } catch (const ValidationError& e) {
    add_error(e.fields()[0].message);
    return out;
  }
  report.encoding = t.encoding;
  report.separator = t.separator;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    if (text::trim(t.header[i]).empty()) continue;  // a trailing separator: nothing under it is read
    std::string k = header_key(t.header[i]);
    bool known = false;
    for (const auto& [name, desc] : import_columns()) known = known || name == k;
    if (!known) add_error("Ligne 1 : la colonne « " + t.header[i] + " » est inconnue.");
    else if (col.count(k)) add_error("Ligne 1 : la colonne « " + t.header[i] + " » apparaît deux fois.");
    else col[k] = i;
  }
  for (const char* required : {"nom", "prenom"})
    if (!col.count(required)) add_error(std::string("Ligne 1 : la colonne obligatoire « ") + required + " » manque.");
  if (!report.ok()) return out;
  // Column positions, looked up once (-1: absent, read as empty).
  auto at = [&](const char* c) {
    auto it = col.find(c);
    return it == col.end() ? -1 : static_cast<int>(it->second);
  };
  const int c_last = at("nom"), c_first = at("prenom"), c_birth_name = at("nom_naissance"), c_birth = at("date_naissance"),
            c_sex = at("sexe"), c_email = at("email"), c_phone = at("telephone"), c_address = at("adresse"), c_postal = at("code_postal"),
            c_commune = at("commune"), c_ft = at("identifiant_france_travail"), c_level = at("niveau_qualification"),
            c_consent = at("consentement");
  // Rows are validated in chunks on the machine's cores, each person written at its row's
  // place; errors are taken chunk by chunk in file order, so the report reads the same as from
  // one thread. Each row's fields are moved into its person and the row freed on the worker's
  // thread; the worker also hashes the keys the duplicate search below compares.
  struct Chunk {
    std::vector<std::string> errors;
    int error_count = 0;
    std::exception_ptr failure;
  };
  const std::size_t total_rows = t.rows.size();
  out.resize(total_rows);
  std::vector<bool> valid(total_rows, false);  // written by chunks of whole words, see below
  std::vector<std::uint64_t> ft_hash(total_rows), identity_hash(total_rows);
  auto validate_rows = [&](std::size_t from, std::size_t to, Chunk& c) noexcept {
    try {
      auto error = [&](std::string e) {
        if (c.errors.size() < 200) c.errors.push_back(std::move(e));
        ++c.error_count;
      };
      for (std::size_t r = from; r < to; ++r) {
        auto& row = t.rows[r];
        if (row.fields.size() != t.header.size()) {
          error(fmt::format("Ligne {} : {} colonnes au lieu de {}.", row.line, row.fields.size(), t.header.size()));
          continue;
        }
        auto take = [&](int i) { return i < 0 ? std::string() : std::move(row.fields[static_cast<std::size_t>(i)]); };
        Person p;
        p.last_name = take(c_last);
        p.first_name = take(c_first);
        p.birth_name = take(c_birth_name);
        p.birth_date = civil(text::trim(take(c_birth)));
        p.sex = take(c_sex);
        p.email = take(c_email);
        p.phone = take(c_phone);
        p.address = take(c_address);
        p.postal_code = take(c_postal);
        p.commune_code = take(c_commune);
        p.ft_id = take(c_ft);
        p.qualification_level = take(c_level);
        std::string consent = text::fold(text::trim(take(c_consent)));
        std::vector<std::string>().swap(row.fields);
        p.consent_sharing = consent == "oui" || consent == "o" || consent == "1" || consent == "vrai";
        if (!consent.empty() && !p.consent_sharing && consent != "non" && consent != "n" && consent != "0" && consent != "faux") {
          error(fmt::format("Ligne {}, colonne consentement : écrivez « oui » ou « non ».", row.line));
          continue;
        }
        try {
          out[r] = validate_person(p, today, commune_exists, communes_of_postal_code);
          valid[r] = true;
          const Person& v = out[r];
          Keys k = keys_of(v);
          std::hash<std::string_view> h;
          ft_hash[r] = h(v.ft_id);
          identity_hash[r] = (h(k.last) * 0x9E3779B97F4A7C15ULL ^ h(k.first)) * 0x9E3779B97F4A7C15ULL ^ h(v.birth_date);
        } catch (const ValidationError& e) {
          for (const auto& f : e.fields()) {
            auto it = column_of_field().find(f.field);
            error(fmt::format("Ligne {}, colonne {} : {}", row.line, it == column_of_field().end() ? f.field : it->second, f.message));
          }
        }
      }
    } catch (...) {
      c.failure = std::current_exception();  // rethrown on the caller's thread
    }
  };
  // std::vector<bool> packs 64 rows a word: chunk bounds are multiples of 64 so that no two
  // threads write the same word.
  const std::size_t threads = total_rows < 20000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  auto bound = [&](std::size_t i) { return i == threads ? total_rows : total_rows * i / threads / 64 * 64; };
  std::vector<Chunk> chunks(threads);
  {
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < threads; ++i) workers.emplace_back(validate_rows, bound(i), bound(i + 1), std::ref(chunks[i]));
    validate_rows(0, bound(1), chunks[0]);
    for (auto& w : workers) w.join();
  }
  t = csv::Table{};
  report.rows = static_cast<int>(total_rows);
  for (auto& c : chunks)
    if (c.failure) std::rethrow_exception(c.failure);
  for (auto& c : chunks) {
    for (auto& e : c.errors) add_error(std::move(e));
    report.error_count += c.error_count - static_cast<int>(c.errors.size());  // those counted but not kept
  }
  if (report.rows == 0) add_error("Le fichier ne contient aucune personne (seulement la ligne d'en-tête).");
  if (!report.ok()) {
    // Only the rows that passed, as the people of a refused file are never written anyway.
    std::size_t kept = 0;
    for (std::size_t r = 0; r < total_rows; ++r)
      if (valid[r]) out[kept++] = std::move(out[r]);
    out.resize(kept);
    return out;
  }
  // The same person twice in one file: same France Travail identifier, or same names and birth
  // date. Each row is compared with the first earlier row sharing its identifier, else (when its
  // identifier is new) its names and birth date; one error per row. Rows sorted by the hash of
  // their key, then by position, put such first rows at the head of their run; a run is then
  // checked on the keys themselves (a hash may collide).
  const std::size_t n = out.size();
  std::vector<std::size_t> earlier(n, n);  // the row each row repeats, or n
  auto first_of_runs = [&](const std::vector<std::uint64_t>& hash, auto include, auto same) {
    std::vector<std::pair<std::uint64_t, std::size_t>> order;
    for (std::size_t i = 0; i < n; ++i)
      if (include(i)) order.emplace_back(hash[i], i);
    std::sort(order.begin(), order.end());
    for (std::size_t from = 0, to; from < order.size(); from = to) {
      for (to = from + 1; to < order.size() && order[to].first == order[from].first;) ++to;
      for (std::size_t j = from + 1; j < to; ++j)
        for (std::size_t i = from; i < j; ++i)
          if (earlier[order[i].second] == n && same(order[i].second, order[j].second)) {
            earlier[order[j].second] = order[i].second;
            break;
          }
    }
  };
  first_of_runs(ft_hash, [&](std::size_t i) { return !out[i].ft_id.empty(); },
                [&](std::size_t a, std::size_t b) { return out[a].ft_id == out[b].ft_id; });
  first_of_runs(identity_hash, [&](std::size_t i) { return earlier[i] == n && !out[i].birth_date.empty(); },
                [&](std::size_t a, std::size_t b) {
                  Keys ka = keys_of(out[a]), kb = keys_of(out[b]);
                  return ka.last == kb.last && ka.first == kb.first && out[a].birth_date == out[b].birth_date;
                });
  for (std::size_t i = 0; i < n; ++i)
    if (earlier[i] != n)
      add_error(fmt::format("La personne n° {} du fichier ({} {}) apparaît déjà en n° {}.", i + 1, out[i].first_name, out[i].last_name, earlier[i] + 1));
  return out;
}

std::vector<long long> check_existing_duplicates(db::Tx& tx, long long org, const std::vector<Person>& rows, ImportReport& report) {
  std::vector<long long> hidden;
  if (rows.empty()) return hidden;
  long long existing = 0;
  {
    db::Query n(tx, "SELECT COUNT(*) FROM people WHERE merged_into IS NULL");
    if (n.next()) existing = n.int64(0);
  }
  if (existing == 0) return hidden;
  auto read = [](db::Query& q) {
    Person p;
    p.id = q.int64(0);
    p.first_name = q.text(1);
    p.last_name = q.text(2);
    p.birth_date = q.text(3);
    p.ft_id = q.text(4);
    return p;
  };
  // Existing records by France Travail identifier and by birth date: all of them when the
  // file is not much smaller than the table, else only those sharing a key with the file.
  std::unordered_map<std::string, std::vector<Person>> by_ft, by_birth;
  const char* columns = "SELECT id, first_name, last_name, COALESCE(birth_date, ''), ft_id FROM people ";
  if (existing <= 4 * static_cast<long long>(rows.size())) {
    db::Query q(tx, std::string(columns) + "WHERE merged_into IS NULL");
    while (q.next()) {
      Person p = read(q);
      if (!p.ft_id.empty()) by_ft[p.ft_id].push_back(p);
      if (!p.birth_date.empty()) by_birth[p.birth_date].push_back(std::move(p));
    }
  } else {
    // The file's distinct keys, looked up by fixed-size IN lists (padding "" matches nothing:
    // identifiers are never empty there, birth dates are NULL when unknown).
    std::vector<std::string> fts, births;
    {
      std::set<std::string> f, b;
      for (const Person& r : rows) {
        if (!r.ft_id.empty()) f.insert(r.ft_id);
        if (!r.birth_date.empty()) b.insert(r.birth_date);
      }
      fts.assign(f.begin(), f.end());
      births.assign(b.begin(), b.end());
    }
    constexpr std::size_t kChunk = 25;
    std::string marks;
    for (std::size_t i = 0; i < kChunk; ++i) marks += (i ? ", :k" : ":k") + std::to_string(i);
    auto lookup = [&](const std::vector<std::string>& keys, const std::string& where, bool by_identifier) {
      for (std::size_t from = 0; from < keys.size(); from += kChunk) {
        db::Query q(tx, std::string(columns) + where + " IN (" + marks + ") AND merged_into IS NULL");
        for (std::size_t i = 0; i < kChunk; ++i) q.bind(from + i < keys.size() ? keys[from + i] : std::string());
        while (q.next()) {
          Person p = read(q);
          if (by_identifier) by_ft[p.ft_id].push_back(std::move(p));
          else by_birth[p.birth_date].push_back(std::move(p));
        }
      }
    };
    lookup(fts, "WHERE ft_id <> '' AND ft_id", true);
    lookup(births, "WHERE birth_date", false);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Person& r = rows[i];
    const Person* match = nullptr;
    std::string why;
    for (auto* m : {&by_ft, &by_birth}) {
      auto it = m->find(m == &by_ft ? r.ft_id : r.birth_date);
      if (it == m->end() || (m == &by_ft ? r.ft_id : r.birth_date).empty()) continue;
      for (const Person& e : it->second)
        if (!(why = duplicate_reason(r, e)).empty()) {
          match = &e;
          break;
        }
      if (match) break;
    }
    if (!match) continue;
    std::string who = fmt::format("La personne n° {} du fichier ({} {})", i + 1, r.first_name, r.last_name);
    bool sees = false;
    {
      db::Query g(tx, "SELECT COUNT(*) FROM person_grants WHERE person_id = :p AND organisation_id = :o AND revoked_at IS NULL");
      g.bind(match->id).bind(org);
      sees = g.next() && g.int64(0) > 0;
    }
    if (sees) {
      if (report.errors.size() < 200)
        report.errors.push_back(fmt::format("{} ressemble à la fiche n° {} ({} {}) : {}.", who, match->id, match->first_name, match->last_name, why));
    } else {
      // Neither who nor why, as at creation; the organisations that follow it see the check.
      if (report.errors.size() < 200)
        report.errors.push_back(who + " ressemble à une fiche suivie par une autre organisation.");
      hidden.push_back(match->id);
    }
    ++report.error_count;
  }
  return hidden;
}

namespace {
// A field in PostgreSQL's COPY text format.
void copy_field(std::string& line, const std::string& v, bool null_if_empty = false) {
  if (null_if_empty && v.empty()) {
    line += "\\N";
    return;
  }
  for (char c : v) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line.push_back(c);
    }
  }
}

void copy_rows(PGconn* conn, const std::string& command, const std::function<bool(std::string&)>& next_line) {
  PGresult* res = PQexec(conn, command.c_str());
  if (PQresultStatus(res) != PGRES_COPY_IN) {
    std::string err = PQerrorMessage(conn);
    PQclear(res);
    throw std::runtime_error("COPY could not start: " + err);
  }
  PQclear(res);
  std::string buf, line;
  while (next_line(line)) {
    buf += line;
    line.clear();
    if (buf.size() > (1 << 20)) {
      if (PQputCopyData(conn, buf.data(), static_cast<int>(buf.size())) != 1) throw std::runtime_error(PQerrorMessage(conn));
      buf.clear();
    }
  }
  if (!buf.empty() && PQputCopyData(conn, buf.data(), static_cast<int>(buf.size())) != 1) throw std::runtime_error(PQerrorMessage(conn));
  if (PQputCopyEnd(conn, nullptr) != 1) throw std::runtime_error(PQerrorMessage(conn));
  while ((res = PQgetResult(conn)) != nullptr) {
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    std::string err = ok ? "" : PQresultErrorMessage(res);
    PQclear(res);
    if (!ok) throw std::runtime_error("COPY failed: " + err);
  }
}

}  // namespace

int write_import(db::Tx& tx, long long org, const std::vector<Person>& people,
                 const std::function<void(std::size_t, std::size_t)>& progress, bool may_lock_readers, WritePhases* phases) {
  if (people.empty()) return 0;
  WritePhases measured;
  auto started = std::chrono::steady_clock::now();
  auto rows_written = [&] {
    measured.rows_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    started = std::chrono::steady_clock::now();
  };
  const std::size_t total = people.size(), step_every = std::max<std::size_t>(1, total / 100);
  std::string now = time::iso_now();
  long long first_id = 0;
  if (tx.engine() == db::Engine::sqlite) {
    // A large page cache keeps the growing indexes in memory until the commit (the default
    // spills them to the WAL many times over); given back afterwards.
    tx.sql() << "PRAGMA cache_size = -262144";
    struct Restore {
      db::Tx& tx;
      ~Restore() {
        try { tx.sql() << "PRAGMA cache_size = -8192"; } catch (...) {}
      }
    } restore{tx};
    // The write lock is ours: ids after the current maximum are free.
    // Also after AUTOINCREMENT's high-water mark: an id once used is never given again.
    long long max_id = 0;
    soci::indicator ind;
    tx.sql() << "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM people UNION ALL SELECT seq FROM sqlite_sequence WHERE name = 'people')",
        soci::into(max_id, ind);
    first_id = (ind == soci::i_ok ? max_id : 0) + 1;
    // An initial load (at least as many people as the table holds) drops the secondary indexes
    // whose keys arrive in random order and builds them again at the end by sorting, as a
    // restore does: far less work than a million random insertions. Unique indexes stay, so
    // every constraint is checked row by row. Readers keep their snapshot meanwhile (WAL).
    std::vector<std::pair<std::string, std::string>> rebuilt;  // (name, CREATE INDEX statement)
    if (static_cast<long long>(total) >= first_id - 1) {
      soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                                        "tbl_name IN ('people', 'person_grants') AND sql IS NOT NULL "
                                                        "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name");
      for (const auto& r : rs) rebuilt.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
      for (const auto& [name, sql] : rebuilt) tx.sql() << "DROP INDEX " + name;
      tx.sql() << "PRAGMA threads = 2";  // the index sorter may use a second core
    }
    // The native API on the session's own connection: one prepared single-row statement per
    // table, values bound without copies. (Multi-row INSERTs cost more: SQLite then keeps a
    // statement journal of every page they touch, so that one failing row undoes the others.)
    namespace sq = sqlite_api;
    sq::sqlite3* conn = static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend())->conn_;
    struct Statement {
      sq::sqlite3_stmt* st = nullptr;
      ~Statement() { sq::sqlite3_finalize(st); }
    };
    auto prepare = [&](Statement& s, const char* sql) {
      if (sq::sqlite3_prepare_v2(conn, sql, -1, &s.st, nullptr) != SQLITE_OK) throw std::runtime_error(sq::sqlite3_errmsg(conn));
    };
    Statement person, grant;
    prepare(person,
            "INSERT INTO people (id, first_name, last_name, birth_name, key_first, key_last, birth_date, sex, email, phone, address, "
            "postal_code, commune_code, ft_id, qualification_level, consent_sharing, consent_at, created_by_org, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    prepare(grant,
            "INSERT INTO person_grants (person_id, organisation_id, reason, granted_at, granted_by_org, sort_key, first_name, last_name, "
            "birth_date, commune_code) VALUES (?,?,?,?,?,?,?,?,?,?)");
    auto text = [](sq::sqlite3_stmt* st, int i, const std::string& v, bool null_if_empty = false) {
      if (null_if_empty && v.empty()) sq::sqlite3_bind_null(st, i);
      else sq::sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    };
    auto step = [&](sq::sqlite3_stmt* st) {
      if (sq::sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sq::sqlite3_errmsg(conn));
      sq::sqlite3_reset(st);
    };
    // In id order: the people table, its creator's grant and the grants' primary key all grow
    // at their end. Progress: rows to 90 %, then the indexes.
    const std::string creator = "creator";
    Keys k;
    std::string key;
    for (std::size_t i = 0; i < total; ++i) {
      const Person& p = people[i];
      long long id = first_id + static_cast<long long>(i);
      k = keys_of(p);
      key = sort_key(k, id);
      sq::sqlite3_stmt* st = person.st;
      sq::sqlite3_bind_int64(st, 1, id);
      text(st, 2, p.first_name);
      text(st, 3, p.last_name);
      text(st, 4, p.birth_name);
      text(st, 5, k.first);
      text(st, 6, k.last);
      text(st, 7, p.birth_date, true);
      text(st, 8, p.sex);
      text(st, 9, p.email);
      text(st, 10, p.phone);
      text(st, 11, p.address);
      text(st, 12, p.postal_code);
      text(st, 13, p.commune_code);
      text(st, 14, p.ft_id);
      text(st, 15, p.qualification_level);
      sq::sqlite3_bind_int(st, 16, p.consent_sharing ? 1 : 0);
      // SQLITE_STATIC: the bound text must live until the step, so never a temporary.
      if (p.consent_sharing) text(st, 17, now);
      else sq::sqlite3_bind_null(st, 17);
      sq::sqlite3_bind_int64(st, 18, org);
      text(st, 19, now);
      text(st, 20, now);
      step(st);
      st = grant.st;
      sq::sqlite3_bind_int64(st, 1, id);
      sq::sqlite3_bind_int64(st, 2, org);
      text(st, 3, creator);
      text(st, 4, now);
      sq::sqlite3_bind_int64(st, 5, org);
      text(st, 6, key);
      text(st, 7, p.first_name);
      text(st, 8, p.last_name);
      text(st, 9, p.birth_date, true);
      text(st, 10, p.commune_code);
      step(st);
      if (progress && i % step_every == 0) progress(i * 9 / 10, total);
    }
    rows_written();
    for (const auto& [name, sql] : rebuilt) tx.sql() << sql;
    if (!rebuilt.empty()) tx.sql() << "PRAGMA threads = 0";
    measured.indexes_rebuilt = static_cast<int>(rebuilt.size());
  } else {
    auto* backend = static_cast<soci::postgresql_session_backend*>(tx.sql().get_backend());
    PGconn* conn = backend->conn_;
    // Other writers wait until we commit: the block of ids reserved below stays ours.
    tx.sql() << "LOCK TABLE people IN EXCLUSIVE MODE";
    long long existing = 0;
    tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM people", soci::into(existing);
    tx.sql() << "SELECT nextval(pg_get_serial_sequence('people', 'id'))", soci::into(first_id);
    long long last = first_id + static_cast<long long>(total) - 1;
    tx.sql() << "SELECT setval(pg_get_serial_sequence('people', 'id'), :l)", soci::use(last);
    // An initial load rebuilds the non-unique indexes once at the end, as on SQLite, and checks
    // the foreign keys of both tables once at the end too: PostgreSQL checks a foreign key with a
    // trigger and a locking query per row, which cost more than the COPY itself (measured: COPY
    // of the grants 5x faster without them). Re-adding a constraint validates every row with one
    // join, so a row pointing nowhere still refuses the whole import. Dropping an index or a
    // foreign key locks the tables against readers until the commit, the referenced ones
    // (organisations) included: initial loads from the command line only.
    std::vector<std::pair<std::string, std::string>> rebuilt;  // (name, CREATE INDEX statement)
    std::vector<std::array<std::string, 3>> constraints;       // (table, name, definition)
    if (may_lock_readers && static_cast<long long>(total) >= existing) {
      soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                                                        "AND tablename IN ('people', 'person_grants') AND indexdef NOT LIKE 'CREATE UNIQUE%' "
                                                        "ORDER BY indexname");
      for (const auto& r : rs) rebuilt.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
      soci::rowset<soci::row> fk = (tx.sql().prepare << "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
                                                        "FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('people'::regclass, "
                                                        "'person_grants'::regclass) ORDER BY 1, 2");
      for (const auto& r : fk) constraints.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
      for (const auto& [name, sql] : rebuilt) tx.sql() << "DROP INDEX " + name;
      for (const auto& [table, name, definition] : constraints) tx.sql() << "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
      tx.sql() << "SET LOCAL maintenance_work_mem = '256MB'";
    }
    std::vector<std::string> sort_keys(total);
    std::size_t i = 0;
    copy_rows(conn,
              "COPY people (id, first_name, last_name, birth_name, key_first, key_last, birth_date, sex, email, phone, address, postal_code, "
              "commune_code, ft_id, qualification_level, consent_sharing, consent_at, created_by_org, created_at, updated_at) FROM STDIN",
              [&](std::string& line) {
                if (i == total) return false;
                const Person& p = people[i];
                const Keys k = keys_of(p);
                long long id = first_id + static_cast<long long>(i);
                sort_keys[i] = sort_key(k, id);
                line = std::to_string(id);
                for (const std::string* f : {&p.first_name, &p.last_name, &p.birth_name, &k.first, &k.last}) {
                  line += '\t';
                  copy_field(line, *f);
                }
                line += '\t';
                copy_field(line, p.birth_date, true);
                for (const std::string* f : {&p.sex, &p.email, &p.phone, &p.address, &p.postal_code, &p.commune_code, &p.ft_id,
                                             &p.qualification_level}) {
                  line += '\t';
                  copy_field(line, *f);
                }
                line += p.consent_sharing ? "\t1\t" + now : "\t0\t\\N";
                line += "\t" + std::to_string(org) + "\t" + now + "\t" + now + "\n";
                if (progress && (i % step_every == 0)) progress(i * 45 / 100, total);
                ++i;
                return true;
              });
    std::size_t n = 0;
    copy_rows(conn,
              "COPY person_grants (person_id, organisation_id, reason, granted_at, granted_by_org, sort_key, first_name, last_name, birth_date, "
              "commune_code) FROM STDIN",
              [&](std::string& line) {
                if (n == total) return false;
                std::size_t at = n;
                const Person& p = people[at];
                long long id = first_id + static_cast<long long>(at);
                line = std::to_string(id) + "\t" + std::to_string(org) + "\tcreator\t" + now + "\t" + std::to_string(org) + "\t";
                copy_field(line, sort_keys[at]);
                line += '\t';
                copy_field(line, p.first_name);
                line += '\t';
                copy_field(line, p.last_name);
                line += '\t';
                copy_field(line, p.birth_date, true);
                line += '\t';
                copy_field(line, p.commune_code);
                line += '\n';
                if (progress && (n % step_every == 0)) progress(total * 45 / 100 + n * 45 / 100, total);
                ++n;
                return true;
              });
    rows_written();
    for (const auto& [name, sql] : rebuilt) tx.sql() << sql;
    for (const auto& [table, name, definition] : constraints) tx.sql() << "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition;
    measured.indexes_rebuilt = static_cast<int>(rebuilt.size());
  }
  measured.indexes_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (phases) *phases = measured;
  if (progress) progress(total, total);
  return static_cast<int>(total);
}

}  // namespace jalon::people
