#include "people/store.h"

#include <algorithm>

#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"
#include "people/rules.h"

namespace jalon::people::store {

using db::as_bool;
using db::as_int;
using db::as_text;
using soci::into;
using soci::use;

namespace {
const char* kPersonColumns =
    "p.id, p.first_name, p.last_name, p.birth_name, COALESCE(p.birth_date, ''), p.sex, p.email, p.phone, p.address, "
    "p.postal_code, p.commune_code, p.ft_id, p.qualification_level, p.consent_sharing, COALESCE(p.consent_at, ''), "
    "p.created_by_org, p.created_at, p.updated_at, COALESCE(p.merged_into, 0)";

Person person_from(const soci::row& r, std::size_t i = 0) {
  Person p;
  p.id = as_int(r, i + 0);
  p.first_name = as_text(r, i + 1);
  p.last_name = as_text(r, i + 2);
  p.birth_name = as_text(r, i + 3);
  p.birth_date = as_text(r, i + 4);
  p.sex = as_text(r, i + 5);
  p.email = as_text(r, i + 6);
  p.phone = as_text(r, i + 7);
  p.address = as_text(r, i + 8);
  p.postal_code = as_text(r, i + 9);
  p.commune_code = as_text(r, i + 10);
  p.ft_id = as_text(r, i + 11);
  p.qualification_level = as_text(r, i + 12);
  p.consent_sharing = as_bool(r, i + 13);
  p.consent_at = as_text(r, i + 14);
  p.created_by_org = as_int(r, i + 15);
  p.created_at = as_text(r, i + 16);
  p.updated_at = as_text(r, i + 17);
  p.merged_into = as_int(r, i + 18);
  return p;
}

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }
}  // namespace

long long create(db::Tx& tx, const Person& p, long long org) {
  Keys k = keys_of(p);
  std::string now = time::iso_now();
  int consent = p.consent_sharing ? 1 : 0;
  std::string consent_at = p.consent_sharing ? (p.consent_at.empty() ? now : p.consent_at) : "";
  soci::indicator bd = null_if_empty(p.birth_date), ca = null_if_empty(consent_at);
  long long id = 0;
  tx.sql() << "INSERT INTO people (first_name, last_name, birth_name, key_first, key_last, birth_date, sex, email, phone, address, "
              "postal_code, commune_code, ft_id, qualification_level, consent_sharing, consent_at, created_by_org, created_at, updated_at) "
              "VALUES (:fn, :ln, :bn, :kf, :kl, :bd, :sx, :em, :ph, :ad, :pc, :cc, :ft, :ql, :cs, :ca, :org, :t1, :t2) RETURNING id",
      use(p.first_name), use(p.last_name), use(p.birth_name), use(k.first), use(k.last), use(p.birth_date, bd), use(p.sex),
      use(p.email), use(p.phone), use(p.address), use(p.postal_code), use(p.commune_code), use(p.ft_id), use(p.qualification_level),
      use(consent), use(consent_at, ca), use(org), use(now), use(now), into(id);
  std::string key = sort_key(k, id);
  tx.sql() << "INSERT INTO person_grants (person_id, organisation_id, reason, granted_at, granted_by_org, sort_key, first_name, last_name, "
              "birth_date, commune_code) VALUES (:p, :o, 'creator', :t, :b, :k, :fn, :ln, :bd, :cc)",
      use(id), use(org), use(now), use(org), use(key), use(p.first_name), use(p.last_name), use(p.birth_date, bd), use(p.commune_code);
  return id;
}

std::optional<Person> find(db::Tx& tx, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.id = :i", use(id));
  for (const auto& r : rs) return person_from(r);
  return std::nullopt;
}

std::vector<Person> find_by_email(db::Tx& tx, const std::string& email, int limit) {
  std::vector<Person> out;
  if (email.empty()) return out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string("SELECT ") + kPersonColumns +
                                                        " FROM people p WHERE p.email = :e AND p.merged_into IS NULL ORDER BY p.id LIMIT :l",
                                use(email), use(limit));
  for (const auto& r : rs) out.push_back(person_from(r));
  return out;
}

void update(db::Tx& tx, const Person& p) {
  Keys k = keys_of(p);
  std::string now = time::iso_now(), key = sort_key(k, p.id);
  int consent = p.consent_sharing ? 1 : 0;
  // Consent given now without a date is dated now; withdrawn, it has no date.
  std::string consent_at = p.consent_sharing ? (p.consent_at.empty() ? now : p.consent_at) : "";
  soci::indicator bd = null_if_empty(p.birth_date), ca = null_if_empty(consent_at);
  tx.sql() << "UPDATE people SET first_name = :fn, last_name = :ln, birth_name = :bn, key_first = :kf, key_last = :kl, birth_date = :bd, "
              "sex = :sx, email = :em, phone = :ph, address = :ad, postal_code = :pc, commune_code = :cc, ft_id = :ft, "
              "qualification_level = :ql, consent_sharing = :cs, consent_at = :ca, updated_at = :t WHERE id = :i",
      use(p.first_name), use(p.last_name), use(p.birth_name), use(k.first), use(k.last), use(p.birth_date, bd), use(p.sex), use(p.email),
      use(p.phone), use(p.address), use(p.postal_code), use(p.commune_code), use(p.ft_id), use(p.qualification_level), use(consent),
      use(consent_at, ca), use(now), use(p.id);
  tx.sql() << "UPDATE person_grants SET sort_key = :k, first_name = :fn, last_name = :ln, birth_date = :bd, commune_code = :cc "
              "WHERE person_id = :i",
      use(key), use(p.first_name), use(p.last_name), use(p.birth_date, bd), use(p.commune_code), use(p.id);
}

void merge(db::Tx& tx, long long kept, long long absorbed, long long by_org) {
  auto k = find(tx, kept);
  if (!k) throw NotFound("Cette personne n'existe pas.");
  for (const auto& g : grants(tx, absorbed)) {
    if (!g.revoked_at.empty()) continue;
    // The organisations that created or refer the duplicate keep their access (and its reason);
    // access given by sharing follows only if the kept record's person consents to sharing.
    bool own = g.reason == "creator" || g.reason == "referent";
    if (!has_grant(tx, kept, g.organisation_id) && (own || k->consent_sharing))
      grant(tx, kept, g.organisation_id, g.reason == "referent" ? GrantReason::referent : own ? GrantReason::creator : GrantReason::merge,
            by_org);
    revoke(tx, absorbed, g.organisation_id);
  }
  std::string now = time::iso_now();
  tx.sql() << "UPDATE people SET merged_into = :k, updated_at = :t WHERE id = :a", use(kept), use(now), use(absorbed);
}

bool has_grant(db::Tx& tx, long long person, long long org) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM person_grants WHERE person_id = :p AND organisation_id = :o AND revoked_at IS NULL", use(person),
      use(org), into(n);
  return n > 0;
}

std::set<long long> with_grant(db::Tx& tx, long long org, const std::vector<long long>& people) {
  std::set<long long> out;
  if (people.empty()) return out;
  std::string ids;  // numbers only: written into the statement
  for (long long id : people) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT person_id FROM person_grants WHERE organisation_id = :o AND revoked_at IS NULL "
                                                    "AND person_id IN (" + ids + ")",
                                use(org));
  for (const auto& r : rs) out.insert(as_int(r, 0));
  return out;
}

std::vector<Grant> grants(db::Tx& tx, long long person) {
  std::vector<Grant> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT g.person_id, g.organisation_id, o.name, g.reason, g.granted_at, "
                                                    "COALESCE(g.revoked_at, ''), COALESCE(g.granted_by_org, 0) FROM person_grants g "
                                                    "JOIN organisations o ON o.id = g.organisation_id WHERE g.person_id = :p "
                                                    "ORDER BY g.granted_at, g.organisation_id",
                                use(person));
  for (const auto& r : rs)
    out.push_back(Grant{as_int(r, 0), as_int(r, 1), as_text(r, 2), as_text(r, 3), as_text(r, 4), as_text(r, 5), as_int(r, 6)});
  return out;
}

void grant(db::Tx& tx, long long person, long long org, GrantReason reason, long long by_org) {
  auto p = find(tx, person);
  if (!p) throw NotFound("Cette personne n'existe pas.");
  std::string now = time::iso_now(), key = sort_key(keys_of(*p), person), reason_code = grant_reason_code(reason);
  soci::indicator bd = null_if_empty(p->birth_date);
  int live = 0, any = 0;
  tx.sql() << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END), 0) FROM person_grants "
              "WHERE person_id = :p AND organisation_id = :o",
      use(person), use(org), into(any), into(live);
  if (live > 0) throw Conflict("Cette organisation a déjà accès à la fiche.");
  if (any > 0)
    tx.sql() << "UPDATE person_grants SET revoked_at = NULL, reason = :r, granted_at = :t, granted_by_org = :b, sort_key = :k, "
                "first_name = :fn, last_name = :ln, birth_date = :bd, commune_code = :cc WHERE person_id = :p AND organisation_id = :o",
        use(reason_code), use(now), use(by_org), use(key), use(p->first_name), use(p->last_name), use(p->birth_date, bd),
        use(p->commune_code), use(person), use(org);
  else
    tx.sql() << "INSERT INTO person_grants (person_id, organisation_id, reason, granted_at, granted_by_org, sort_key, first_name, last_name, "
                "birth_date, commune_code) VALUES (:p, :o, :r, :t, :b, :k, :fn, :ln, :bd, :cc)",
        use(person), use(org), use(reason_code), use(now), use(by_org), use(key), use(p->first_name), use(p->last_name),
        use(p->birth_date, bd), use(p->commune_code);
}

void revoke(db::Tx& tx, long long person, long long org) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE person_grants SET revoked_at = :t WHERE person_id = :p AND organisation_id = :o AND revoked_at IS NULL", use(now),
      use(person), use(org);
}

void set_grant_reason(db::Tx& tx, long long person, long long org, GrantReason reason) {
  std::string code = grant_reason_code(reason);
  tx.sql() << "UPDATE person_grants SET reason = :r WHERE person_id = :p AND organisation_id = :o AND revoked_at IS NULL", use(code),
      use(person), use(org);
}

namespace {
// Rows of `ids` by chunks of 50 placeholders (the unused ones bound to 0, which no row has), so
// that each statement's text is constant and stays prepared.
std::vector<Row> rows_by_ids(db::Tx& tx, const std::string& head, long long org, const std::vector<long long>& ids) {
  constexpr std::size_t kChunk = 50;
  std::string sql = head;
  for (std::size_t i = 0; i < kChunk; ++i) sql += (i ? ", :i" : ":i") + std::to_string(i);
  sql += ") ORDER BY 2";
  std::vector<Row> out;
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    db::Query query(tx, sql);
    if (org) query.bind(org);
    for (std::size_t i = 0; i < kChunk; ++i) query.bind(start + i < ids.size() ? ids[start + i] : 0LL);
    while (query.next()) out.push_back(Row{query.int64(1), query.text(2), query.text(3), query.text(4), query.text(5), query.text(0)});
  }
  std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
  out.erase(std::unique(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.id == b.id; }), out.end());
  return out;
}
}  // namespace

std::vector<Row> visible_to(db::Tx& tx, long long org, const std::vector<long long>& ids) {
  return rows_by_ids(tx,
                     "SELECT g.sort_key, g.person_id, g.first_name, g.last_name, COALESCE(g.birth_date, ''), g.commune_code "
                     "FROM person_grants g WHERE g.organisation_id = :o AND g.revoked_at IS NULL AND g.person_id IN (",
                     org, ids);
}

std::vector<Row> identities(db::Tx& tx, const std::vector<long long>& ids) {
  return rows_by_ids(tx,
                     "SELECT '', p.id, p.first_name, p.last_name, COALESCE(p.birth_date, ''), p.commune_code FROM people p WHERE p.id IN (",
                     0, ids);
}

std::vector<Contact> contacts(db::Tx& tx, const std::vector<long long>& ids) {
  constexpr std::size_t kChunk = 50;
  std::string sql = "SELECT p.id, COALESCE(p.email, ''), COALESCE(p.phone, '') FROM people p WHERE p.id IN (";
  for (std::size_t i = 0; i < kChunk; ++i) sql += (i ? ", :i" : ":i") + std::to_string(i);
  sql += ")";
  std::vector<Contact> out;
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    db::Query query(tx, sql);
    for (std::size_t i = 0; i < kChunk; ++i) query.bind(start + i < ids.size() ? ids[start + i] : 0LL);
    while (query.next()) out.push_back(Contact{query.int64(0), query.text(1), query.text(2)});
  }
  std::sort(out.begin(), out.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; });
  out.erase(std::unique(out.begin(), out.end(), [](const Contact& a, const Contact& b) { return a.id == b.id; }),
            out.end());
  return out;
}

std::vector<Row> search(db::Tx& tx, long long org, const Query& q) {
  // One index range per filter, read from the grants alone: (organisation_id, sort_key) — the
  // table itself on SQLite, a covering index on PostgreSQL — or (…, birth_date, sort_key) and
  // (…, commune_code, sort_key), partial on live grants. The name prefix is a range on
  // sort_key, which starts with the folded last name.
  std::string sql =
      "SELECT g.sort_key, g.person_id, g.first_name, g.last_name, COALESCE(g.birth_date, ''), g.commune_code "
      "FROM person_grants g WHERE g.organisation_id = :o AND g.revoked_at IS NULL";
  std::string name_from, name_to;
  if (!q.name.empty()) {
    name_from = q.name;
    name_to = q.name + "\xF4\x8F\xBF\xBF";  // above every UTF-8 character
    sql += " AND g.sort_key >= :nf AND g.sort_key < :nt";
  }
  if (!q.birth_date.empty()) sql += " AND g.birth_date = :bd";
  if (!q.commune_code.empty()) sql += " AND g.commune_code = :cc";
  if (!q.after.empty()) sql += " AND g.sort_key > :after";
  sql += " ORDER BY g.sort_key LIMIT :l";
  // Parameters are bound in the order of their placeholders; only the filters in use are bound
  // (16 shapes of the statement at most, each kept prepared).
  db::Query query(tx, sql);
  query.bind(org);
  if (!q.name.empty()) query.bind(name_from).bind(name_to);
  if (!q.birth_date.empty()) query.bind(q.birth_date);
  if (!q.commune_code.empty()) query.bind(q.commune_code);
  if (!q.after.empty()) query.bind(q.after);
  query.bind(static_cast<long long>(q.limit));
  std::vector<Row> out;
  while (query.next()) out.push_back(Row{query.int64(1), query.text(2), query.text(3), query.text(4), query.text(5), query.text(0)});
  return out;
}

std::vector<Person> duplicate_candidates(db::Tx& tx, const Person& p) {
  std::vector<Person> out;
  std::string sql = std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.merged_into IS NULL AND p.id <> :i AND (";
  bool by_ft = !p.ft_id.empty(), by_birth = !p.birth_date.empty();
  if (!by_ft && !by_birth) return out;
  if (by_ft) sql += "(p.ft_id = :ft AND p.ft_id <> '')";  // the second term lets the partial index serve
  if (by_ft && by_birth) sql += " OR ";
  if (by_birth) sql += "p.birth_date = :bd";
  sql += ") ORDER BY p.id LIMIT 200";
  soci::details::prepare_temp_type prep = (tx.sql().prepare << sql);
  prep, use(p.id);
  if (by_ft) prep, use(p.ft_id);
  if (by_birth) prep, use(p.birth_date);
  soci::rowset<soci::row> rs(prep);
  for (const auto& r : rs) out.push_back(person_from(r));
  return out;
}

void audit(db::Tx& tx, const AuditEntry& e) {
  std::string at = e.at.empty() ? time::iso_now() : e.at;
  db::Query q(tx, "INSERT INTO audit_log (at, user_id, token_id, organisation_id, person_id, action, detail, ip) "
                  "VALUES (:at, :u, :t, :o, :p, :a, :d, :ip)");
  q.bind(at);
  for (long long id : {e.user_id, e.token_id, e.organisation_id, e.person_id}) id ? q.bind(id) : q.bind_null();
  q.bind(e.action).bind(e.detail).bind(e.ip).run();
}

namespace {
const char* kAuditSelect =
    "SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(a.token_id, 0), COALESCE(a.organisation_id, 0), COALESCE(a.person_id, 0), "
    "COALESCE(u.display_name, ''), COALESCE(o.name, ''), COALESCE(p.first_name || ' ' || p.last_name, ''), a.action, a.detail, a.ip "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN organisations o ON o.id = a.organisation_id "
    "LEFT JOIN people p ON p.id = a.person_id ";

AuditEntry audit_from(const soci::row& r) {
  AuditEntry e;
  e.id = as_int(r, 0);
  e.at = as_text(r, 1);
  e.user_id = as_int(r, 2);
  e.token_id = as_int(r, 3);
  e.organisation_id = as_int(r, 4);
  e.person_id = as_int(r, 5);
  e.user_name = as_text(r, 6);
  e.organisation_name = as_text(r, 7);
  e.person_name = as_text(r, 8);
  e.action = as_text(r, 9);
  e.detail = as_text(r, 10);
  e.ip = as_text(r, 11);
  return e;
}
}  // namespace

std::vector<AuditEntry> audit_about(db::Tx& tx, long long person, int limit) {
  std::vector<AuditEntry> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kAuditSelect) + "WHERE a.person_id = :p ORDER BY a.id DESC LIMIT :l",
                                use(person), use(limit));
  for (const auto& r : rs) out.push_back(audit_from(r));
  return out;
}

std::vector<AuditEntry> audit_of(db::Tx& tx, long long org, const AuditQuery& q) {
  std::string sql =
      "SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(a.token_id, 0), COALESCE(a.organisation_id, 0), COALESCE(a.person_id, 0), "
      "COALESCE(u.display_name, ''), COALESCE(o.name, ''), COALESCE(p.first_name || ' ' || p.last_name, ''), a.action, a.detail, a.ip "
      "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN organisations o ON o.id = a.organisation_id "
      "LEFT JOIN people p ON p.id = a.person_id "
      "WHERE (a.person_id IN (SELECT person_id FROM person_grants WHERE organisation_id = :org AND revoked_at IS NULL) "
      "OR a.person_id IN (SELECT m.id FROM people m JOIN person_grants mg ON mg.person_id = m.merged_into "
      "WHERE mg.organisation_id = :org3 AND mg.revoked_at IS NULL) "
      "OR (a.person_id IS NULL AND a.organisation_id = :org2))";
  if (q.person) sql += " AND a.person_id = :p";
  if (!q.action.empty()) sql += " AND a.action = :a";
  if (q.before_id) sql += " AND a.id < :b";
  sql += " ORDER BY a.id DESC LIMIT :l";
  soci::details::prepare_temp_type prep = (tx.sql().prepare << sql);
  prep, use(org), use(org), use(org);
  if (q.person) prep, use(q.person);
  if (!q.action.empty()) prep, use(q.action);
  if (q.before_id) prep, use(q.before_id);
  int limit = q.limit;
  prep, use(limit);
  soci::rowset<soci::row> rs(prep);
  std::vector<AuditEntry> out;
  for (const auto& r : rs) {
    AuditEntry e;
    e.id = as_int(r, 0);
    e.at = as_text(r, 1);
    e.user_id = as_int(r, 2);
    e.token_id = as_int(r, 3);
    e.organisation_id = as_int(r, 4);
    e.person_id = as_int(r, 5);
    e.user_name = as_text(r, 6);
    e.organisation_name = as_text(r, 7);
    e.person_name = as_text(r, 8);
    e.action = as_text(r, 9);
    e.detail = as_text(r, 10);
    e.ip = as_text(r, 11);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace jalon::people::store
