#include "diagnosis/store.h"

#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"

namespace jalon::diagnosis::store {

namespace {
// The fact columns, named as the declared facts of the orientation catalogue (migration 0007).
const std::string& fact_columns() {
  static const std::string cols = [] {
    std::string s;
    for (const auto& f : orientation::declared_facts()) s += std::string(s.empty() ? "" : ", ") + std::string(f.name);
    return s;
  }();
  return cols;
}

const std::string& insert_sql() {
  static const std::string sql = [] {
    std::string params;
    for (const auto& f : orientation::declared_facts()) params += ", :" + std::string(f.name);
    return "INSERT INTO diagnoses (person_id, organisation_id, author_id, author_kind, made_on, created_at, commune_code, comment, " +
           fact_columns() + ") VALUES (:p, :o, :a, :k, :m, :c, :cc, :cm" + params + ") RETURNING id";
  }();
  return sql;
}

const std::string& select_sql() {
  static const std::string sql =
      "SELECT d.id, d.person_id, d.organisation_id, d.author_id, o.name, u.display_name, d.author_kind, d.made_on, d.created_at, "
      "d.commune_code, d.comment, " +
      [] {
        std::string s;
        for (const auto& f : orientation::declared_facts()) s += std::string(s.empty() ? "" : ", ") + "d." + std::string(f.name);
        return s;
      }() +
      " FROM diagnoses d JOIN organisations o ON o.id = d.organisation_id JOIN users u ON u.id = d.author_id";
  return sql;
}

void fill_details(db::Tx& tx, Diagnosis& d) {
  {
    db::Query q(tx, "SELECT barrier, severity FROM diagnosis_barriers WHERE diagnosis_id = :d ORDER BY barrier");
    q.bind(d.id);
    while (q.next())
      if (auto s = orientation::parse_severity(q.text(1))) d.situation.barriers[q.text(0)] = *s;
  }
  {
    db::Query q(tx, "SELECT kind, code FROM diagnosis_skills WHERE diagnosis_id = :d ORDER BY kind, code");
    q.bind(d.id);
    while (q.next()) (q.text(0) == "rome" ? d.rome_skills : d.transversal_skills).push_back(q.text(1));
  }
  {
    db::Query q(tx, "SELECT job_title FROM diagnosis_jobs WHERE diagnosis_id = :d ORDER BY job_title");
    q.bind(d.id);
    while (q.next()) d.jobs.push_back(q.text(0));
  }
  {
    db::Query q(tx, "SELECT criterion FROM diagnosis_criteria WHERE diagnosis_id = :d ORDER BY criterion");
    q.bind(d.id);
    while (q.next()) d.situation.declared_criteria.insert(q.text(0));
  }
}

std::optional<Diagnosis> one(db::Tx& tx, const std::string& sql, long long a, long long b) {
  db::Query q(tx, sql);
  q.bind(a);
  if (b) q.bind(b);
  if (!q.next()) return std::nullopt;
  Diagnosis d;
  d.id = q.int64(0);
  d.person_id = q.int64(1);
  d.organisation_id = q.int64(2);
  d.author_id = q.int64(3);
  d.organisation_name = q.text(4);
  d.author_name = q.text(5);
  d.author_kind = parse_author_kind(q.text(6)).value_or(AuthorKind::other);
  d.made_on = q.text(7);
  d.created_at = q.text(8);
  d.commune_code = q.text(9);
  d.comment = q.text(10);
  int col = 11;
  for (const auto& f : orientation::declared_facts()) {
    if (!q.is_null(col) && !orientation::set_declared(d.situation, f.name, q.text(col)))
      throw std::runtime_error("diagnosis " + std::to_string(d.id) + ": value of " + std::string(f.name) + " outside the catalogue");
    ++col;
  }
  while (q.next()) {
  }
  fill_details(tx, d);
  return d;
}
}  // namespace

long long insert(db::Tx& tx, const Diagnosis& d) {
  long long id = 0;
  {
    db::Query q(tx, insert_sql());
    q.bind(d.person_id).bind(d.organisation_id).bind(d.author_id).bind(std::string(name(d.author_kind))).bind(d.made_on);
    q.bind(time::iso_now()).bind(d.commune_code).bind(d.comment);
    for (const auto& f : orientation::declared_facts()) {
      auto v = orientation::declared(d.situation, f.name);
      if (v) q.bind(*v);
      else q.bind_null();
    }
    if (q.next()) id = q.int64(0);
    while (q.next()) {
    }
  }
  for (const auto& [barrier, severity] : d.situation.barriers) {
    db::Query q(tx, "INSERT INTO diagnosis_barriers (diagnosis_id, barrier, severity) VALUES (:d, :b, :s)");
    const char* names[] = {"none", "light", "strong", "blocking"};
    q.bind(id).bind(barrier).bind(std::string(names[static_cast<int>(severity)]));
    q.run();
  }
  auto skills = [&](const std::vector<std::string>& codes, const std::string& kind) {
    for (const auto& c : codes) {
      db::Query q(tx, "INSERT INTO diagnosis_skills (diagnosis_id, kind, code) VALUES (:d, :k, :c)");
      q.bind(id).bind(kind).bind(c);
      q.run();
    }
  };
  skills(d.rome_skills, "rome");
  skills(d.transversal_skills, "transversal");
  for (const auto& j : d.jobs) {
    db::Query q(tx, "INSERT INTO diagnosis_jobs (diagnosis_id, job_title) VALUES (:d, :j)");
    q.bind(id).bind(j);
    q.run();
  }
  for (const auto& c : d.situation.declared_criteria) {
    db::Query q(tx, "INSERT INTO diagnosis_criteria (diagnosis_id, criterion) VALUES (:d, :c)");
    q.bind(id).bind(c);
    q.run();
  }
  return id;
}

std::vector<Summary> history(db::Tx& tx, long long person) {
  std::vector<Summary> out;
  db::Query q(tx,
              "SELECT d.id, d.made_on, o.name, u.display_name, d.author_kind, "
              "(SELECT COUNT(*) FROM diagnosis_barriers b WHERE b.diagnosis_id = d.id) "
              "FROM diagnoses d JOIN organisations o ON o.id = d.organisation_id JOIN users u ON u.id = d.author_id "
              "WHERE d.person_id = :p ORDER BY d.made_on DESC, d.id DESC");
  q.bind(person);
  while (q.next()) {
    Summary s;
    s.id = q.int64(0);
    s.made_on = q.text(1);
    s.organisation_name = q.text(2);
    s.author_name = q.text(3);
    s.author_kind = parse_author_kind(q.text(4)).value_or(AuthorKind::other);
    s.barriers = static_cast<int>(q.int64(5));
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Diagnosis> find(db::Tx& tx, long long person, long long id) {
  return one(tx, select_sql() + " WHERE d.id = :i AND d.person_id = :p", id, person);
}

std::optional<Diagnosis> current(db::Tx& tx, long long person) {
  return one(tx, select_sql() + " WHERE d.person_id = :p ORDER BY d.made_on DESC, d.id DESC LIMIT 1", person, 0);
}

OrgFacts organisation(db::Tx& tx, long long org) {
  db::Query q(tx, "SELECT name, kind, authorised_prescriber FROM organisations WHERE id = :o");
  q.bind(org);
  if (!q.next()) throw NotFound("Organisation introuvable.");
  OrgFacts f{q.text(0), q.text(1), q.int64(2) != 0};
  while (q.next()) {
  }
  return f;
}

}  // namespace jalon::diagnosis::store
