#include "jobs/store.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "base/time.h"
#include "jobs/rules.h"
#include "db/query.h"
#include "jobs/live.h"

namespace jalon::jobs::store {

namespace {
void log_change(db::Tx& tx, const char* kind, long long ref) {
  // This server's index catches up as soon as the write is committed.
  tx.on_commit(mark_changed);
  // Readers apply the rows after the last id they saw, so ids must follow commit order. SQLite
  // has one writer; on PostgreSQL, writers of the jobs change log take turns until their commit
  // (the lock is re-entrant within the transaction and released by COMMIT or ROLLBACK).
  if (tx.engine() == db::Engine::postgresql) db::Query(tx, "SELECT pg_advisory_xact_lock(7419010)").run();
  db::Query q(tx, "INSERT INTO jobs_changes (kind, ref_id, at) VALUES (:k, :r, :at)");
  q.bind(std::string(kind)).bind(ref).bind(time::iso_now()).run();
}
}  // namespace

void offer_changed(db::Tx& tx, long long offer_id) { log_change(tx, "offer", offer_id); }
void candidate_changed(db::Tx& tx, long long person_id) { log_change(tx, "candidate", person_id); }

std::vector<Change> changes_after(db::Tx& tx, long long after, int limit) {
  db::Query q(tx, "SELECT id, kind, ref_id FROM jobs_changes WHERE id > :a ORDER BY id LIMIT :n");
  q.bind(after).bind(static_cast<long long>(limit));
  std::vector<Change> out;
  while (q.next()) out.push_back({q.int64(0), q.text(1) == "offer", q.int64(2)});
  return out;
}

std::string label_key(db::Tx& tx) {
  db::Query q(tx, "SELECT value FROM settings WHERE key = 'jobs_label_key'");
  if (!q.next() || q.text(0).size() < 32) throw std::runtime_error("the jobs label key is missing (migration 0012)");
  return q.text(0);
}

long long last_change_id(db::Tx& tx) {
  db::Query q(tx, "SELECT COALESCE(MAX(id), 0) FROM jobs_changes");
  return q.next() ? q.int64(0) : 0;
}

}  // namespace jalon::jobs::store

namespace jalon::jobs::store {

namespace {

std::string join_codes(const std::vector<std::uint32_t>& codes) {
  std::string s;
  for (auto c : codes) s += (s.empty() ? "" : ",") + std::to_string(c);
  return s;
}
std::vector<std::uint32_t> split_codes(const std::string& s) {
  std::vector<std::uint32_t> out;
  const char* p = s.c_str();
  while (*p) {
    char* end = nullptr;
    unsigned long v = std::strtoul(p, &end, 10);
    if (end == p) break;
    if (v > 0 && v <= UINT32_MAX) out.push_back(static_cast<std::uint32_t>(v));
    p = *end == ',' ? end + 1 : end;
  }
  std::sort(out.begin(), out.end());
  return out;
}

constexpr const char* kPending = "'new', 'processing', 'postponed', 'prior_to_hire', 'pool'";

const std::string& offer_columns() {
  static const std::string s = std::string(
      "o.id, o.organisation_id, g.name, o.job_title_code, o.title, o.description, o.commune_code, o.contract, o.contract_months, "
      "o.hours_per_week, COALESCE(o.start_on, ''), o.positions, o.licence_required, o.disability_accessible, o.iae_reserved, "
      "o.max_distance_km, o.status, COALESCE(o.closed_reason, ''), COALESCE(o.closed_at, ''), o.created_at, o.updated_at, "
      "(SELECT COUNT(*) FROM job_applications a WHERE a.offer_id = o.id AND a.state IN (") + kPending + ")) "
      "FROM job_offers o JOIN organisations g ON g.id = o.organisation_id";
  return s;
}

JobOffer offer_from(const db::Query& q) {
  JobOffer o;
  o.id = q.int64(0);
  o.organisation_id = q.int64(1);
  o.organisation_name = q.text(2);
  o.job_title = static_cast<std::uint32_t>(q.int64(3));
  o.title = q.text(4);
  o.description = q.text(5);
  o.commune_code = q.text(6);
  o.contract = parse_contract(q.text(7)).value_or(Contract::cdi);
  if (!q.is_null(8)) o.contract_months = static_cast<int>(q.int64(8));
  o.hours = q.real(9).value_or(35);
  o.start_on = q.text(10);
  o.positions = static_cast<int>(q.int64(11));
  o.licence_required = q.int64(12) != 0;
  o.disability_accessible = q.int64(13) != 0;
  o.iae_reserved = q.int64(14) != 0;
  o.max_distance_km = q.real(15);
  o.open = q.text(16) == "open";
  o.closed_reason = parse_closed_reason(q.text(17));
  o.closed_at = q.text(18);
  o.created_at = q.text(19);
  o.updated_at = q.text(20);
  o.pending = static_cast<int>(q.int64(21));
  return o;
}

void bind_fields(db::Query& q, const JobOffer& o) {
  q.bind(static_cast<long long>(o.job_title)).bind(o.title).bind(o.description).bind(o.commune_code).bind(std::string(name(o.contract)));
  if (o.contract_months) q.bind(static_cast<long long>(*o.contract_months));
  else q.bind_null();
  q.bind_real_or_null(o.hours);
  q.bind_text_or_null(o.start_on).bind(static_cast<long long>(o.positions)).bind(o.licence_required ? 1LL : 0LL);
  q.bind(o.disability_accessible ? 1LL : 0LL).bind(o.iae_reserved ? 1LL : 0LL);
  q.bind_real_or_null(o.max_distance_km);
}

void write_skills(db::Tx& tx, long long offer, const std::vector<SkillAsked>& skills) {
  db::Query(tx, "DELETE FROM job_offer_skills WHERE offer_id = :o").bind(offer).run();
  for (const auto& s : skills) {
    db::Query q(tx, "INSERT INTO job_offer_skills (offer_id, skill_code, essential) VALUES (:o, :s, :e)");
    q.bind(offer).bind(static_cast<long long>(s.code)).bind(s.essential ? 1LL : 0LL).run();
  }
}

void read_skills(db::Tx& tx, JobOffer& o) {
  db::Query q(tx, "SELECT skill_code, essential FROM job_offer_skills WHERE offer_id = :o ORDER BY skill_code");
  q.bind(o.id);
  while (q.next()) o.skills.push_back({static_cast<std::uint32_t>(q.int64(0)), q.int64(1) != 0});
}

}  // namespace

long long insert_offer(db::Tx& tx, const JobOffer& o, long long user) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO job_offers (organisation_id, job_title_code, title, description, commune_code, contract, contract_months, "
              "hours_per_week, start_on, positions, licence_required, disability_accessible, iae_reserved, max_distance_km, status, "
              "created_by, created_at, updated_at) VALUES (:org, :jt, :ti, :de, :co, :ct, :cm, :h, :st, :p, :l, :da, :iae, :md, 'open', "
              ":by, :c, :u) RETURNING id");
  q.bind(o.organisation_id);
  bind_fields(q, o);
  if (user) q.bind(user);
  else q.bind_null();
  q.bind(now).bind(now);
  if (!q.next()) throw std::runtime_error("insert_offer: no id");
  long long id = q.int64(0);
  write_skills(tx, id, o.skills);
  offer_changed(tx, id);
  return id;
}

void update_offer(db::Tx& tx, const JobOffer& o) {
  db::Query q(tx,
              "UPDATE job_offers SET job_title_code = :jt, title = :ti, description = :de, commune_code = :co, contract = :ct, "
              "contract_months = :cm, hours_per_week = :h, start_on = :st, positions = :p, licence_required = :l, "
              "disability_accessible = :da, iae_reserved = :iae, max_distance_km = :md, updated_at = :u WHERE id = :id");
  bind_fields(q, o);
  q.bind(time::iso_now()).bind(o.id).run();
  write_skills(tx, o.id, o.skills);
  offer_changed(tx, o.id);
}

bool close_offer(db::Tx& tx, long long id, ClosedReason why) {
  std::string now = time::iso_now();
  db::Query q(tx, "UPDATE job_offers SET status = 'closed', closed_reason = :r, closed_at = :a WHERE id = :id AND status = 'open' RETURNING id");
  q.bind(std::string(name(why))).bind(now).bind(id);
  if (!q.next()) return false;
  offer_changed(tx, id);
  return true;
}

bool reopen_offer(db::Tx& tx, long long id) {
  db::Query q(tx,
              "UPDATE job_offers SET status = 'open', closed_reason = NULL, closed_at = NULL, updated_at = :u WHERE id = :id AND status = 'closed' "
              "RETURNING id");
  q.bind(time::iso_now()).bind(id);
  if (!q.next()) return false;
  offer_changed(tx, id);
  return true;
}

std::optional<JobOffer> find_offer(db::Tx& tx, long long id) {
  db::Query q(tx, "SELECT " + offer_columns() + " WHERE o.id = :id");
  q.bind(id);
  if (!q.next()) return std::nullopt;
  JobOffer o = offer_from(q);
  read_skills(tx, o);
  return o;
}

std::vector<JobOffer> offers_of(db::Tx& tx, long long org, int limit, int offset) {
  db::Query q(tx, "SELECT " + offer_columns() + " WHERE o.organisation_id = :org ORDER BY o.status DESC, o.id DESC LIMIT :n OFFSET :off");
  q.bind(org).bind(static_cast<long long>(limit)).bind(static_cast<long long>(offset));
  std::vector<JobOffer> out;
  while (q.next()) out.push_back(offer_from(q));
  return out;
}

std::vector<JobOffer> offers_by_ids(db::Tx& tx, const std::vector<long long>& ids) {
  std::vector<JobOffer> out;
  // One statement per id keeps the SQL text constant (the statement cache); a page shows 20.
  for (long long id : ids) {
    db::Query q(tx, "SELECT " + offer_columns() + " WHERE o.id = :id");
    q.bind(id);
    if (q.next()) out.push_back(offer_from(q));
  }
  return out;
}

std::vector<long long> stale_offers(db::Tx& tx, const std::string& before, int limit) {
  db::Query q(tx, "SELECT id FROM job_offers WHERE status = 'open' AND updated_at < :b ORDER BY id LIMIT :n");
  q.bind(before).bind(static_cast<long long>(limit));
  std::vector<long long> out;
  while (q.next()) out.push_back(q.int64(0));
  return out;
}

void for_each_open_offer(db::Tx& tx, const std::function<void(JobOffer&)>& f) {
  // Two ordered scans merged by offer id: no query per offer.
  db::Query offers(tx, "SELECT " + offer_columns() + " WHERE o.status = 'open' ORDER BY o.id");
  db::Query skills(tx,
                   "SELECT s.offer_id, s.skill_code, s.essential FROM job_offer_skills s JOIN job_offers o ON o.id = s.offer_id "
                   "WHERE o.status = 'open' ORDER BY s.offer_id, s.skill_code");
  bool more = skills.next();
  while (offers.next()) {
    JobOffer o = offer_from(offers);
    while (more && skills.int64(0) < o.id) more = skills.next();
    while (more && skills.int64(0) == o.id) {
      o.skills.push_back({static_cast<std::uint32_t>(skills.int64(1)), skills.int64(2) != 0});
      more = skills.next();
    }
    f(o);
  }
}

std::vector<JobOffer> latest_open_offers(db::Tx& tx, int limit) {
  db::Query q(tx, "SELECT " + offer_columns() + " WHERE o.status = 'open' ORDER BY o.id DESC LIMIT :n");
  q.bind(static_cast<long long>(limit));
  std::vector<JobOffer> out;
  while (q.next()) out.push_back(offer_from(q));
  return out;
}

namespace {
constexpr const char* kProfileColumns =
    "person_id, searching, shown_to_employers, contracts, min_hours, max_hours, COALESCE(available_on, ''), chosen_radius_km, "
    "COALESCE(chosen_commune, ''), COALESCE(diagnosis_id, 0), wanted_jobs, skills, commune_code, radius_km, licence, "
    "COALESCE(iae_eligible_until, ''), updated_at, COALESCE(updated_by_org, 0) FROM job_profiles";

JobProfile profile_from(const db::Query& q) {
  JobProfile p;
  p.person_id = q.int64(0);
  p.searching = q.int64(1) != 0;
  p.shown_to_employers = q.int64(2) != 0;
  p.contracts = parse_contracts(q.text(3), "contracts");
  p.min_hours = q.real(4).value_or(0);
  p.max_hours = q.real(5).value_or(48);
  p.available_on = q.text(6);
  p.chosen_radius_km = q.real(7);
  p.chosen_commune = q.text(8);
  p.diagnosis_id = q.int64(9);
  p.wanted_jobs = split_codes(q.text(10));
  p.skills = split_codes(q.text(11));
  p.commune_code = q.text(12);
  p.radius_km = q.real(13).value_or(30);
  p.licence = q.int64(14) != 0;
  p.iae_eligible_until = q.text(15);
  p.updated_at = q.text(16);
  p.updated_by_org = q.int64(17);
  return p;
}
}  // namespace

std::optional<JobProfile> find_profile(db::Tx& tx, long long person) {
  db::Query q(tx, std::string("SELECT ") + kProfileColumns + " WHERE person_id = :p");
  q.bind(person);
  if (!q.next()) return std::nullopt;
  return profile_from(q);
}

void save_profile(db::Tx& tx, const JobProfile& p, long long org, long long user) {
  db::Query q(tx,
              "INSERT INTO job_profiles (person_id, searching, shown_to_employers, contracts, min_hours, max_hours, available_on, "
              "chosen_radius_km, chosen_commune, diagnosis_id, wanted_jobs, skills, commune_code, radius_km, licence, iae_eligible_until, "
              "updated_by_org, updated_by_user, updated_at) VALUES (:p, :s, :se, :c, :mi, :ma, :av, :cr, :cc, :d, :w, :sk, :co, :r, :l, "
              ":iae, :org, :u, :at) ON CONFLICT (person_id) DO UPDATE SET searching = excluded.searching, "
              "shown_to_employers = excluded.shown_to_employers, contracts = excluded.contracts, min_hours = excluded.min_hours, "
              "max_hours = excluded.max_hours, available_on = excluded.available_on, chosen_radius_km = excluded.chosen_radius_km, "
              "chosen_commune = excluded.chosen_commune, diagnosis_id = excluded.diagnosis_id, wanted_jobs = excluded.wanted_jobs, "
              "skills = excluded.skills, commune_code = excluded.commune_code, radius_km = excluded.radius_km, licence = excluded.licence, "
              "iae_eligible_until = excluded.iae_eligible_until, "
              "updated_by_org = COALESCE(excluded.updated_by_org, job_profiles.updated_by_org), "
              "updated_by_user = COALESCE(excluded.updated_by_user, job_profiles.updated_by_user), updated_at = excluded.updated_at");
  q.bind(p.person_id).bind(p.searching ? 1LL : 0LL).bind(p.shown_to_employers ? 1LL : 0LL).bind(contracts_text(p.contracts));
  q.bind_real_or_null(p.min_hours);
  q.bind_real_or_null(p.max_hours);
  q.bind_text_or_null(p.available_on);
  q.bind_real_or_null(p.chosen_radius_km);
  q.bind_text_or_null(p.chosen_commune);
  if (p.diagnosis_id) q.bind(p.diagnosis_id);
  else q.bind_null();
  q.bind(join_codes(p.wanted_jobs)).bind(join_codes(p.skills)).bind(p.commune_code);
  q.bind_real_or_null(p.radius_km);
  q.bind(p.licence ? 1LL : 0LL).bind_text_or_null(p.iae_eligible_until);
  if (org) q.bind(org);
  else q.bind_null();
  if (user) q.bind(user);
  else q.bind_null();
  q.bind(time::iso_now()).run();
  candidate_changed(tx, p.person_id);
}

std::vector<long long> eligibility_ended(db::Tx& tx, const std::string& from, const std::string& before) {
  db::Query q(tx,
              "SELECT person_id FROM job_profiles WHERE shown_to_employers = 1 AND iae_eligible_until >= :f AND iae_eligible_until < :b "
              "ORDER BY person_id");
  q.bind(from).bind(before);
  std::vector<long long> out;
  while (q.next()) out.push_back(q.int64(0));
  return out;
}

void for_each_shown_profile(db::Tx& tx, const std::function<void(JobProfile&)>& f) {
  db::Query q(tx, std::string("SELECT ") + kProfileColumns + " WHERE searching = 1 AND shown_to_employers = 1 AND wanted_jobs <> '' ORDER BY person_id");
  while (q.next()) {
    JobProfile p = profile_from(q);
    f(p);
  }
}

}  // namespace jalon::jobs::store
