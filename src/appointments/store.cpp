#include "appointments/store.h"

#include <map>

#include "base/errors.h"
#include "base/time.h"

namespace jalon::appointments::store {

using db::as_int;
using db::as_text;
using soci::into;
using soci::use;

namespace {
const char* kSelect =
    "SELECT a.id, a.organisation_id, o.name, a.counsellor_id, u.display_name, u.email, a.kind, a.starts_at, "
    "a.duration_minutes, "
    "a.place, a.video_url, a.subject, COALESCE(a.created_by, 0), a.created_at, a.updated_at "
    "FROM appointments a JOIN organisations o ON o.id = a.organisation_id JOIN users u ON u.id = a.counsellor_id ";

Appointment from_row(const soci::row& r) {
  Appointment a;
  a.id = as_int(r, 0);
  a.organisation_id = as_int(r, 1);
  a.organisation_name = as_text(r, 2);
  a.counsellor_id = as_int(r, 3);
  a.counsellor_name = as_text(r, 4);
  a.counsellor_email = as_text(r, 5);
  parse_kind(as_text(r, 6), a.kind);
  a.starts_at = as_text(r, 7);
  a.duration_minutes = static_cast<int>(as_int(r, 8));
  a.place = as_text(r, 9);
  a.video_url = as_text(r, 10);
  a.subject = as_text(r, 11);
  a.created_by = as_int(r, 12);
  a.created_at = as_text(r, 13);
  a.updated_at = as_text(r, 14);
  return a;
}

const char* kParticipants =
    "SELECT p.appointment_id, p.person_id, pe.first_name, pe.last_name, pe.email, p.status, COALESCE(p.status_at, ''), "
    "p.by_person, "
    "COALESCE(p.reminded_at, '') FROM appointment_participants p JOIN people pe ON pe.id = p.person_id ";

Participant participant_from(const soci::row& r) {
  Participant p;
  p.person_id = as_int(r, 1);
  p.first_name = as_text(r, 2);
  p.last_name = as_text(r, 3);
  p.email = as_text(r, 4);
  parse_status(as_text(r, 5), p.status);
  p.status_at = as_text(r, 6);
  p.by_person = as_int(r, 7) != 0;
  p.reminded_at = as_text(r, 8);
  return p;
}

// Fills the participants of `list` with one query (ids are numbers: written into the SQL).
void load_participants(db::Tx& tx, std::vector<Appointment>& list) {
  if (list.empty()) return;
  std::string ids;
  std::map<long long, Appointment*> by_id;
  for (auto& a : list) {
    ids += (ids.empty() ? "" : ",") + std::to_string(a.id);
    by_id[a.id] = &a;
  }
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kParticipants) + "WHERE p.appointment_id IN (" + ids +
                                                        ") ORDER BY pe.last_name, pe.first_name, p.person_id");
  for (const auto& r : rs)
    if (auto it = by_id.find(as_int(r, 0)); it != by_id.end()) it->second->participants.push_back(participant_from(r));
}

template <typename Prep>
std::vector<Appointment> run(db::Tx& tx, Prep&& prep) {
  std::vector<Appointment> out;
  soci::rowset<soci::row> rs(prep);
  for (const auto& r : rs) out.push_back(from_row(r));
  load_participants(tx, out);
  return out;
}
}  // namespace

long long create(db::Tx& tx, long long org, const Appointment& a, long long created_by) {
  std::string now = time::iso_now(), kind = kind_code(a.kind);
  long long id = 0;
  soci::indicator by = created_by ? soci::i_ok : soci::i_null;
  tx.sql()
      << "INSERT INTO appointments (organisation_id, counsellor_id, kind, starts_at, duration_minutes, place, "
         "video_url, subject, "
         "created_by, created_at, updated_at) VALUES (:o, :c, :k, :s, :d, :p, :v, :sub, :by, :t1, :t2) RETURNING id",
      use(org), use(a.counsellor_id), use(kind), use(a.starts_at), use(a.duration_minutes), use(a.place),
      use(a.video_url), use(a.subject), use(created_by, by), use(now), use(now), into(id);
  return id;
}

void add_participant(db::Tx& tx, long long appointment, long long person) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM appointment_participants WHERE appointment_id = :a AND person_id = :p",
      use(appointment), use(person), into(n);
  if (n) throw Conflict("Cette personne est déjà inscrite à ce rendez-vous.");
  std::string now = time::iso_now();
  tx.sql() << "INSERT INTO appointment_participants (appointment_id, person_id, status, added_at) VALUES (:a, :p, "
              "'planned', :t)",
      use(appointment), use(person), use(now);
}

std::optional<Appointment> find(db::Tx& tx, long long id) {
  auto list = run(tx, (tx.sql().prepare << std::string(kSelect) + "WHERE a.id = :i", use(id)));
  if (list.empty()) return std::nullopt;
  return list.front();
}

std::vector<Appointment> of_organisation(db::Tx& tx, long long org, long long counsellor, const std::string& from_iso,
                                         const std::string& to_iso, int limit) {
  return run(tx,
             (tx.sql().prepare << std::string(kSelect) + "WHERE a.organisation_id = :o AND (:c1 = 0 OR a.counsellor_id "
                                                         "= :c2) AND a.starts_at >= :f AND a.starts_at < :t "
                                                         "ORDER BY a.starts_at, a.id LIMIT :l",
              use(org), use(counsellor), use(counsellor), use(from_iso), use(to_iso), use(limit)));
}

std::vector<Appointment> to_record(db::Tx& tx, long long org, long long counsellor, const std::string& now_iso,
                                   int limit) {
  return run(
      tx,
      (tx.sql().prepare
           << std::string(kSelect) +
                  "WHERE a.organisation_id = :o AND (:c1 = 0 OR a.counsellor_id = :c2) AND a.starts_at < :n AND EXISTS "
                  "(SELECT 1 FROM appointment_participants p WHERE p.appointment_id = a.id AND p.status = 'planned') "
                  "ORDER BY a.starts_at, a.id LIMIT :l",
       use(org), use(counsellor), use(counsellor), use(now_iso), use(limit)));
}

std::vector<Appointment> of_person(db::Tx& tx, long long person, long long org, int limit) {
  return run(tx, (tx.sql().prepare
                      << std::string(kSelect) +
                             "WHERE a.id IN (SELECT appointment_id FROM appointment_participants WHERE person_id = :p) "
                             "AND (:o1 = 0 OR a.organisation_id = :o2) ORDER BY a.starts_at DESC, a.id DESC LIMIT :l",
                  use(person), use(org), use(org), use(limit)));
}

std::vector<Appointment> upcoming_collective(db::Tx& tx, long long org, const std::string& now_iso, int limit) {
  return run(tx, (tx.sql().prepare << std::string(kSelect) +
                                          "WHERE a.organisation_id = :o AND a.kind = 'collective' AND a.starts_at > :n "
                                          "ORDER BY a.starts_at, a.id LIMIT :l",
                  use(org), use(now_iso), use(limit)));
}

void set_status(db::Tx& tx, long long appointment, long long person, Status s, long long by_user, bool by_person) {
  std::string now = time::iso_now(), code = status_code(s);
  int person_flag = by_person ? 1 : 0;
  soci::indicator by = by_user ? soci::i_ok : soci::i_null;
  tx.sql() << "UPDATE appointment_participants SET status = :s, status_at = :t, status_by_user = :u, by_person = :bp "
              "WHERE appointment_id = :a AND person_id = :p",
      use(code), use(now), use(by_user, by), use(person_flag), use(appointment), use(person);
  tx.sql() << "UPDATE appointments SET updated_at = :t WHERE id = :a", use(now), use(appointment);
}

std::vector<CounsellorStats> stats(db::Tx& tx, long long org, const std::string& from_iso, const std::string& to_iso) {
  std::vector<CounsellorStats> out;
  soci::rowset<soci::row> rs =
      (tx.sql().prepare
           << "SELECT a.counsellor_id, u.display_name, p.status, COUNT(*) FROM appointments a "
              "JOIN appointment_participants p ON p.appointment_id = a.id JOIN users u ON u.id = a.counsellor_id "
              "WHERE a.organisation_id = :o AND a.starts_at >= :f AND a.starts_at < :t "
              "GROUP BY a.counsellor_id, u.display_name, p.status ORDER BY u.display_name, a.counsellor_id",
       use(org), use(from_iso), use(to_iso));
  for (const auto& r : rs) {
    long long id = as_int(r, 0);
    if (out.empty() || out.back().counsellor_id != id) out.push_back(CounsellorStats{id, as_text(r, 1), {}});
    Status s;
    if (parse_status(as_text(r, 2), s)) out.back().counts.of(s) += static_cast<int>(as_int(r, 3));
  }
  return out;
}

std::vector<Appointment> reminders_due(db::Tx& tx, const std::string& now_iso, const std::string& until_iso,
                                       int limit) {
  std::vector<Appointment> out;
  std::string sql = std::string(
                        "SELECT a.id, rp.person_id FROM appointments a JOIN appointment_participants rp ON "
                        "rp.appointment_id = a.id ") +
                    "JOIN people rpe ON rpe.id = rp.person_id WHERE rp.status = 'planned' AND rp.reminded_at IS NULL "
                    "AND rpe.email <> '' "
                    "AND a.starts_at > :n AND a.starts_at <= :u ORDER BY a.starts_at, a.id, rp.person_id LIMIT :l";
  std::vector<std::pair<long long, long long>> pairs;
  {
    soci::rowset<soci::row> ids = (tx.sql().prepare << sql, use(now_iso), use(until_iso), use(limit));
    for (const auto& r : ids) pairs.emplace_back(as_int(r, 0), as_int(r, 1));
  }
  std::map<long long, Appointment> cache;
  for (auto [appointment, person] : pairs) {
    auto it = cache.find(appointment);
    if (it == cache.end()) {
      auto a = find(tx, appointment);
      if (!a) continue;
      it = cache.emplace(appointment, *a).first;
    }
    Appointment one = it->second;
    one.participants.clear();
    for (const auto& p : it->second.participants)
      if (p.person_id == person) one.participants.push_back(p);
    if (!one.participants.empty()) out.push_back(std::move(one));
  }
  return out;
}

bool mark_reminded(db::Tx& tx, long long appointment, long long person, const std::string& now_iso) {
  soci::statement st =
      (tx.sql().prepare
           << "UPDATE appointment_participants SET reminded_at = :t WHERE appointment_id = :a AND person_id = :p "
              "AND reminded_at IS NULL",
       use(now_iso), use(appointment), use(person));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace jalon::appointments::store
