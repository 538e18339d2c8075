#include "pathways/store.h"

#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"

namespace jalon::pathways::store {

namespace {


long long inserted_id(db::Query& q) {
  if (!q.next()) throw std::runtime_error("INSERT … RETURNING id returned no row");
  long long id = q.int64(0);
  q.run();
  return id;
}

const char* kPathwayColumns =
    "p.id, p.person_id, p.status, p.referent_org_id, COALESCE(p.referent_user_id, 0), o.name, COALESCE(u.display_name, "
    "''), "
    "p.started_on, COALESCE(p.closed_on, ''), p.outcome, p.outcome_detail, p.created_by_org, "
    "COALESCE(p.created_by_user, 0), "
    "p.created_at, p.updated_at";
const char* kPathwayFrom =
    " FROM pathways p JOIN organisations o ON o.id = p.referent_org_id LEFT JOIN users u ON u.id = p.referent_user_id";

Pathway pathway_from(const db::Query& q, int i = 0) {
  Pathway p;
  p.id = q.int64(i + 0);
  p.person_id = q.int64(i + 1);
  p.status = parse_status(q.text(i + 2)).value_or(Status::open);
  p.referent_org_id = q.int64(i + 3);
  p.referent_user_id = q.int64(i + 4);
  p.referent_org_name = q.text(i + 5);
  p.referent_user_name = q.text(i + 6);
  p.started_on = q.text(i + 7);
  p.closed_on = q.text(i + 8);
  p.outcome = q.text(i + 9);
  p.outcome_detail = q.text(i + 10);
  p.created_by_org = q.int64(i + 11);
  p.created_by_user = q.int64(i + 12);
  p.created_at = q.text(i + 13);
  p.updated_at = q.text(i + 14);
  return p;
}

std::vector<Pathway> pathways_where(db::Tx& tx, const std::string& where, long long value) {
  db::Query q(tx, std::string("SELECT ") + kPathwayColumns + kPathwayFrom + " WHERE " + where);
  q.bind(value);
  std::vector<Pathway> out;
  while (q.next()) out.push_back(pathway_from(q));
  return out;
}

const char* kMemberSelect =
    "SELECT m.id, m.pathway_id, m.organisation_id, o.name, m.status, m.origin, m.requested_at, COALESCE(m.joined_at, "
    "''), "
    "COALESCE(m.ended_at, '') FROM pathway_members m JOIN organisations o ON o.id = m.organisation_id ";

Member member_from(const db::Query& q) {
  Member m;
  m.id = q.int64(0);
  m.pathway_id = q.int64(1);
  m.organisation_id = q.int64(2);
  m.organisation_name = q.text(3);
  m.status = parse_member_status(q.text(4)).value_or(MemberStatus::ended);
  m.origin = q.text(5);
  m.requested_at = q.text(6);
  m.joined_at = q.text(7);
  m.ended_at = q.text(8);
  return m;
}

const char* kObjectiveSelect =
    "SELECT id, pathway_id, domain, title, status, COALESCE(target_on, ''), created_by_org, created_at, updated_at "
    "FROM pathway_objectives ";

Objective objective_from(const db::Query& q) {
  Objective o;
  o.id = q.int64(0);
  o.pathway_id = q.int64(1);
  o.domain = parse_domain(q.text(2)).value_or(Domain::professional);
  o.title = q.text(3);
  o.status = parse_progress(q.text(4)).value_or(Progress::planned);
  o.target_on = q.text(5);
  o.created_by_org = q.int64(6);
  o.created_at = q.text(7);
  o.updated_at = q.text(8);
  return o;
}

const char* kActionSelect =
    "SELECT id, pathway_id, objective_id, title, status, responsible, COALESCE(start_on, ''), COALESCE(due_on, ''), "
    "COALESCE(completed_on, ''), created_by_org, created_at, updated_at FROM pathway_actions ";

Action action_from(const db::Query& q) {
  Action a;
  a.id = q.int64(0);
  a.pathway_id = q.int64(1);
  a.objective_id = q.int64(2);
  a.title = q.text(3);
  a.status = parse_progress(q.text(4)).value_or(Progress::planned);
  a.responsible = q.text(5);
  a.start_on = q.text(6);
  a.due_on = q.text(7);
  a.completed_on = q.text(8);
  a.created_by_org = q.int64(9);
  a.created_at = q.text(10);
  a.updated_at = q.text(11);
  return a;
}

const char* kStepSelect =
    "SELECT s.id, s.pathway_id, s.scheme, s.title, COALESCE(s.organisation_id, 0), COALESCE(o.name, ''), "
    "COALESCE(s.phase, 0), "
    "COALESCE(s.start_on, ''), COALESCE(s.end_on, ''), s.status, s.created_by_org, s.created_at, s.updated_at "
    "FROM pathway_steps s LEFT JOIN organisations o ON o.id = s.organisation_id ";

Step step_from(const db::Query& q) {
  Step s;
  s.id = q.int64(0);
  s.pathway_id = q.int64(1);
  s.scheme = q.text(2);
  s.title = q.text(3);
  s.organisation_id = q.int64(4);
  s.organisation_name = q.text(5);
  s.phase = static_cast<int>(q.int64(6));
  s.start_on = q.text(7);
  s.end_on = q.text(8);
  s.status = parse_progress(q.text(9)).value_or(Progress::planned);
  s.created_by_org = q.int64(10);
  s.created_at = q.text(11);
  s.updated_at = q.text(12);
  return s;
}

const char* kNoteSelect =
    "SELECT n.id, n.pathway_id, n.person_id, n.author_org_id, COALESCE(n.author_user_id, 0), o.name, "
    "COALESCE(u.display_name, ''), "
    "n.level, n.body, n.version, n.created_at, n.updated_at FROM pathway_notes n JOIN organisations o ON o.id = "
    "n.author_org_id "
    "LEFT JOIN users u ON u.id = n.author_user_id ";

Note note_from(const db::Query& q) {
  Note n;
  n.id = q.int64(0);
  n.pathway_id = q.int64(1);
  n.person_id = q.int64(2);
  n.author_org_id = q.int64(3);
  n.author_user_id = q.int64(4);
  n.author_org_name = q.text(5);
  n.author_user_name = q.text(6);
  n.level = parse_note_level(q.text(7)).value_or(NoteLevel::social);  // unknown: the most restricted
  n.body = q.text(8);
  n.version = static_cast<int>(q.int64(9));
  n.created_at = q.text(10);
  n.updated_at = q.text(11);
  return n;
}

const char* kVersionSelect =
    "SELECT v.note_id, v.version, v.level, v.body, v.written_at, v.written_by_org, COALESCE(v.written_by_user, 0), "
    "o.name, "
    "COALESCE(u.display_name, '') FROM pathway_note_versions v JOIN organisations o ON o.id = v.written_by_org "
    "LEFT JOIN users u ON u.id = v.written_by_user ";

NoteVersion version_from(const db::Query& q) {
  NoteVersion v;
  v.note_id = q.int64(0);
  v.version = static_cast<int>(q.int64(1));
  v.level = parse_note_level(q.text(2)).value_or(NoteLevel::social);
  v.body = q.text(3);
  v.written_at = q.text(4);
  v.written_by_org = q.int64(5);
  v.written_by_user = q.int64(6);
  v.written_by_org_name = q.text(7);
  v.written_by_user_name = q.text(8);
  return v;
}

void insert_version(db::Tx& tx, long long note, int version, NoteLevel level, const std::string& body, const Actor& by,
                    const std::string& at) {
  db::Query q(
      tx,
      "INSERT INTO pathway_note_versions (note_id, version, level, body, written_at, written_by_org, written_by_user) "
      "VALUES (:n, :v, :l, :b, :t, :o, :u)");
  q.bind(note).bind(static_cast<long long>(version)).bind(std::string(code(level))).bind(body).bind(at).bind(by.org);
  q.bind_id_or_null(by.user);
  q.run();
}

const char* kOrientationSelect =
    "SELECT r.id, r.person_id, COALESCE(r.pathway_id, 0), r.from_org_id, COALESCE(r.from_user_id, 0), r.to_org_id, "
    "COALESCE(r.service_id, 0), COALESCE(r.diagnosis_id, 0), fo.name, COALESCE(fu.display_name, ''), "
    "COALESCE(fu.email, ''), to_.name, "
    "COALESCE(sv.name, ''), r.motif, r.status, r.refusal_reason, r.refusal_detail, r.sent_on, r.expires_on, "
    "r.created_at, "
    "COALESCE(r.answered_at, ''), COALESCE(r.answered_by_user, 0) "
    "FROM orientations r JOIN organisations fo ON fo.id = r.from_org_id JOIN organisations to_ ON to_.id = r.to_org_id "
    "LEFT JOIN users fu ON fu.id = r.from_user_id LEFT JOIN services sv ON sv.id = r.service_id ";

Orientation orientation_from(const db::Query& q) {
  Orientation o;
  o.id = q.int64(0);
  o.person_id = q.int64(1);
  o.pathway_id = q.int64(2);
  o.from_org_id = q.int64(3);
  o.from_user_id = q.int64(4);
  o.to_org_id = q.int64(5);
  o.service_id = q.int64(6);
  o.diagnosis_id = q.int64(7);
  o.from_org_name = q.text(8);
  o.from_user_name = q.text(9);
  o.from_user_email = q.text(10);
  o.to_org_name = q.text(11);
  o.service_name = q.text(12);
  o.motif = q.text(13);
  o.status = parse_orientation_status(q.text(14)).value_or(OrientationStatus::cancelled);
  o.refusal_reason = q.text(15);
  o.refusal_detail = q.text(16);
  o.sent_on = q.text(17);
  o.expires_on = q.text(18);
  o.created_at = q.text(19);
  o.answered_at = q.text(20);
  o.answered_by_user = q.int64(21);
  return o;
}

std::vector<Orientation> orientations_where(db::Tx& tx, const std::string& where, long long id,
                                            const std::string& status, int limit) {
  std::string sql = std::string(kOrientationSelect) + "WHERE " + where;
  if (!status.empty()) sql += " AND r.status = :s";
  sql += " ORDER BY r.id DESC LIMIT :l";
  db::Query q(tx, sql);
  q.bind(id);
  if (!status.empty()) q.bind(status);
  q.bind(static_cast<long long>(limit));
  std::vector<Orientation> out;
  while (q.next()) out.push_back(orientation_from(q));
  return out;
}

}  // namespace

// ---- Pathways

long long create_pathway(db::Tx& tx, long long person, const Actor& by, long long referent_org, long long referent_user,
                         const std::string& started_on) {
  std::string now = time::iso_now();
  db::Query q(
      tx,
      "INSERT INTO pathways (person_id, status, referent_org_id, referent_user_id, started_on, created_by_org, "
      "created_by_user, created_at, updated_at) VALUES (:p, 'open', :ro, :ru, :s, :co, :cu, :c, :u) RETURNING id");
  q.bind(person).bind(referent_org);
  q.bind_id_or_null(referent_user);
  q.bind(started_on).bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(now).bind(now);
  long long id = inserted_id(q);
  add_member(tx, id, referent_org, MemberStatus::active, "opened", by.user);
  return id;
}

std::optional<Pathway> find_pathway(db::Tx& tx, long long id) {
  auto rows = pathways_where(tx, "p.id = :i", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<Pathway> current_pathway(db::Tx& tx, long long person) {
  auto rows = pathways_where(tx, "p.person_id = :p AND p.status <> 'closed'", person);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Pathway> pathways_of_person(db::Tx& tx, long long person) {
  return pathways_where(tx, "p.person_id = :p ORDER BY p.id DESC", person);
}

void set_status(db::Tx& tx, long long id, Status s, const std::string& closed_on, const std::string& outcome,
                const std::string& outcome_detail) {
  db::Query q(tx,
              "UPDATE pathways SET status = :s, closed_on = :c, outcome = :o, outcome_detail = :d, updated_at = :u "
              "WHERE id = :i");
  q.bind(std::string(code(s)))
      .bind_text_or_null(closed_on)
      .bind(outcome)
      .bind(outcome_detail)
      .bind(time::iso_now())
      .bind(id)
      .run();
}

void set_referent(db::Tx& tx, long long id, long long org, long long user) {
  db::Query q(tx, "UPDATE pathways SET referent_org_id = :o, referent_user_id = :u, updated_at = :t WHERE id = :i");
  q.bind(org);
  q.bind_id_or_null(user);
  q.bind(time::iso_now()).bind(id).run();
}

std::vector<Listed> pathways_of_org(db::Tx& tx, long long org, int limit) {
  db::Query q(tx,
              std::string("SELECT ") + kPathwayColumns + kPathwayFrom +
                  " JOIN pathway_members m ON m.pathway_id = p.id AND m.organisation_id = :o AND m.status = 'active' "
                  "ORDER BY CASE WHEN p.status = 'closed' THEN 1 ELSE 0 END, p.id DESC LIMIT :l");
  q.bind(org).bind(static_cast<long long>(limit));
  std::vector<Listed> out;
  while (q.next()) {
    Listed l{pathway_from(q), false};
    l.referent = l.pathway.referent_org_id == org;
    out.push_back(std::move(l));
  }
  return out;
}

// ---- Members

std::vector<Member> members(db::Tx& tx, long long pathway) {
  db::Query q(tx, std::string(kMemberSelect) + "WHERE m.pathway_id = :p ORDER BY m.id");
  q.bind(pathway);
  std::vector<Member> out;
  while (q.next()) out.push_back(member_from(q));
  return out;
}

std::optional<Member> live_member(db::Tx& tx, long long pathway, long long org) {
  db::Query q(tx, std::string(kMemberSelect) +
                      "WHERE m.pathway_id = :p AND m.organisation_id = :o AND m.status IN ('requested', 'active')");
  q.bind(pathway).bind(org);
  std::optional<Member> out;
  while (q.next()) out = member_from(q);
  return out;
}

long long add_member(db::Tx& tx, long long pathway, long long org, MemberStatus status, const std::string& origin,
                     long long user) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO pathway_members (pathway_id, organisation_id, status, origin, requested_by_user, "
              "requested_at, joined_at) "
              "VALUES (:p, :o, :s, :g, :u, :r, :j) RETURNING id");
  q.bind(pathway).bind(org).bind(std::string(code(status))).bind(origin);
  q.bind_id_or_null(user);
  q.bind(now).bind_text_or_null(status == MemberStatus::active ? now : "");
  return inserted_id(q);
}

void set_member_status(db::Tx& tx, long long member_id, MemberStatus status, long long user) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "UPDATE pathway_members SET status = :s, decided_by_user = :u, "
              "joined_at = CASE WHEN :a = 1 THEN :t1 ELSE joined_at END, "
              "ended_at = CASE WHEN :e = 1 THEN :t2 ELSE ended_at END WHERE id = :i");
  q.bind(std::string(code(status)));
  q.bind_id_or_null(user);
  q.bind(status == MemberStatus::active ? 1LL : 0LL).bind(now);
  q.bind(status == MemberStatus::ended || status == MemberStatus::refused ? 1LL : 0LL).bind(now).bind(member_id).run();
}

// ---- Engagement, steps, social outcomes

long long add_objective(db::Tx& tx, long long pathway, Domain domain, const std::string& title,
                        const std::string& target_on, const Actor& by) {
  std::string now = time::iso_now();
  db::Query q(
      tx,
      "INSERT INTO pathway_objectives (pathway_id, domain, title, status, target_on, created_by_org, created_by_user, "
      "created_at, updated_at) VALUES (:p, :d, :t, 'planned', :o, :co, :cu, :c, :u) RETURNING id");
  q.bind(pathway).bind(std::string(code(domain))).bind(title).bind_text_or_null(target_on).bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(now).bind(now);
  return inserted_id(q);
}

std::optional<Objective> find_objective(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kObjectiveSelect) + "WHERE id = :i");
  q.bind(id);
  std::optional<Objective> out;
  while (q.next()) out = objective_from(q);
  return out;
}

std::vector<Objective> objectives(db::Tx& tx, long long pathway) {
  db::Query q(tx, std::string(kObjectiveSelect) + "WHERE pathway_id = :p ORDER BY id");
  q.bind(pathway);
  std::vector<Objective> out;
  while (q.next()) out.push_back(objective_from(q));
  return out;
}

void set_objective_status(db::Tx& tx, long long id, Progress p) {
  db::Query q(tx, "UPDATE pathway_objectives SET status = :s, updated_at = :u WHERE id = :i");
  q.bind(std::string(code(p))).bind(time::iso_now()).bind(id).run();
}

long long add_action(db::Tx& tx, long long pathway, long long objective, const std::string& title,
                     const std::string& responsible, const std::string& start_on, const std::string& due_on,
                     const Actor& by) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO pathway_actions (pathway_id, objective_id, title, status, responsible, start_on, due_on, "
              "created_by_org, "
              "created_by_user, created_at, updated_at) VALUES (:p, :ob, :t, 'planned', :r, :s, :d, :co, :cu, :c, :u) "
              "RETURNING id");
  q.bind(pathway)
      .bind(objective)
      .bind(title)
      .bind(responsible)
      .bind_text_or_null(start_on)
      .bind_text_or_null(due_on)
      .bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(now).bind(now);
  return inserted_id(q);
}

std::optional<Action> find_action(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kActionSelect) + "WHERE id = :i");
  q.bind(id);
  std::optional<Action> out;
  while (q.next()) out = action_from(q);
  return out;
}

std::vector<Action> actions(db::Tx& tx, long long pathway) {
  db::Query q(tx, std::string(kActionSelect) + "WHERE pathway_id = :p ORDER BY objective_id, id");
  q.bind(pathway);
  std::vector<Action> out;
  while (q.next()) out.push_back(action_from(q));
  return out;
}

void set_action_status(db::Tx& tx, long long id, Progress p, const std::string& today) {
  bool finished = p == Progress::done || p == Progress::abandoned;
  db::Query q(tx, "UPDATE pathway_actions SET status = :s, completed_on = :c, updated_at = :u WHERE id = :i");
  q.bind(std::string(code(p))).bind_text_or_null(finished ? today : "").bind(time::iso_now()).bind(id).run();
}

long long add_step(db::Tx& tx, long long pathway, const std::string& scheme, const std::string& title,
                   long long organisation, int phase, const std::string& start_on, const std::string& end_on,
                   const Actor& by) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO pathway_steps (pathway_id, scheme, title, organisation_id, phase, start_on, end_on, status, "
              "created_by_org, "
              "created_by_user, created_at, updated_at) VALUES (:p, :s, :t, :o, :ph, :sd, :ed, 'planned', :co, :cu, "
              ":c, :u) RETURNING id");
  q.bind(pathway).bind(scheme).bind(title);
  q.bind_id_or_null(organisation);
  q.bind_id_or_null(phase);
  q.bind_text_or_null(start_on).bind_text_or_null(end_on).bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(now).bind(now);
  return inserted_id(q);
}

std::optional<Step> find_step(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kStepSelect) + "WHERE s.id = :i");
  q.bind(id);
  std::optional<Step> out;
  while (q.next()) out = step_from(q);
  return out;
}

std::vector<Step> steps(db::Tx& tx, long long pathway) {
  db::Query q(tx,
              std::string(kStepSelect) +
                  "WHERE s.pathway_id = :p ORDER BY CASE WHEN s.start_on IS NULL THEN 1 ELSE 0 END, s.start_on, s.id");
  q.bind(pathway);
  std::vector<Step> out;
  while (q.next()) out.push_back(step_from(q));
  return out;
}

void set_step_status(db::Tx& tx, long long id, Progress p) {
  db::Query q(tx, "UPDATE pathway_steps SET status = :s, updated_at = :u WHERE id = :i");
  q.bind(std::string(code(p))).bind(time::iso_now()).bind(id).run();
}

long long add_social_outcome(db::Tx& tx, long long pathway, const std::string& kind, const std::string& achieved_on,
                             const std::string& detail, const Actor& by) {
  db::Query q(tx,
              "INSERT INTO pathway_social_outcomes (pathway_id, kind, achieved_on, detail, organisation_id, user_id, "
              "recorded_at) "
              "VALUES (:p, :k, :a, :d, :o, :u, :r) RETURNING id");
  q.bind(pathway).bind(kind).bind(achieved_on).bind(detail).bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(time::iso_now());
  return inserted_id(q);
}

std::vector<SocialOutcome> social_outcomes(db::Tx& tx, long long pathway) {
  db::Query q(tx,
              "SELECT s.id, s.pathway_id, s.kind, s.achieved_on, s.detail, s.organisation_id, o.name, s.recorded_at "
              "FROM pathway_social_outcomes s JOIN organisations o ON o.id = s.organisation_id WHERE s.pathway_id = :p "
              "ORDER BY s.achieved_on, s.id");
  q.bind(pathway);
  std::vector<SocialOutcome> out;
  while (q.next())
    out.push_back(
        SocialOutcome{q.int64(0), q.int64(1), q.text(2), q.text(3), q.text(4), q.int64(5), q.text(6), q.text(7)});
  return out;
}

// ---- Events

void add_event(db::Tx& tx, long long pathway, const Actor& by, const std::string& kind, long long subject,
               const std::string& detail) {
  db::Query q(tx,
              "INSERT INTO pathway_events (pathway_id, at, organisation_id, user_id, kind, subject_id, detail) "
              "VALUES (:p, :a, :o, :u, :k, :s, :d)");
  q.bind(pathway).bind(time::iso_now());
  q.bind_id_or_null(by.org);
  q.bind_id_or_null(by.user);
  q.bind(kind);
  q.bind_id_or_null(subject);
  q.bind(detail).run();
}

std::vector<Event> events(db::Tx& tx, long long pathway) {
  db::Query q(
      tx,
      "SELECT e.id, e.pathway_id, e.at, COALESCE(e.organisation_id, 0), COALESCE(e.user_id, 0), COALESCE(o.name, ''), "
      "COALESCE(u.display_name, ''), e.kind, COALESCE(e.subject_id, 0), e.detail FROM pathway_events e "
      "LEFT JOIN organisations o ON o.id = e.organisation_id LEFT JOIN users u ON u.id = e.user_id "
      "WHERE e.pathway_id = :p ORDER BY e.id");
  q.bind(pathway);
  std::vector<Event> out;
  while (q.next()) {
    Event e;
    e.id = q.int64(0);
    e.pathway_id = q.int64(1);
    e.at = q.text(2);
    e.organisation_id = q.int64(3);
    e.user_id = q.int64(4);
    e.organisation_name = q.text(5);
    e.user_name = q.text(6);
    e.kind = q.text(7);
    e.subject_id = q.int64(8);
    e.detail = q.text(9);
    out.push_back(std::move(e));
  }
  return out;
}

// ---- Notes

long long add_note(db::Tx& tx, long long pathway, long long person, NoteLevel level, const std::string& body,
                   const Actor& by) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO pathway_notes (pathway_id, person_id, author_org_id, author_user_id, level, body, version, "
              "created_at, "
              "updated_at) VALUES (:p, :pe, :o, :u, :l, :b, 1, :c, :m) RETURNING id");
  q.bind(pathway).bind(person).bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(std::string(code(level))).bind(body).bind(now).bind(now);
  long long id = inserted_id(q);
  insert_version(tx, id, 1, level, body, by, now);
  return id;
}

std::optional<Note> find_note(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kNoteSelect) + "WHERE n.id = :i");
  q.bind(id);
  std::optional<Note> out;
  while (q.next()) out = note_from(q);
  return out;
}

std::vector<Note> notes(db::Tx& tx, long long pathway) {
  db::Query q(tx, std::string(kNoteSelect) + "WHERE n.pathway_id = :p ORDER BY n.id DESC");
  q.bind(pathway);
  std::vector<Note> out;
  while (q.next()) out.push_back(note_from(q));
  return out;
}

std::vector<Note> notes_of_person(db::Tx& tx, long long person, NoteLevel level) {
  db::Query q(tx, std::string(kNoteSelect) + "WHERE n.person_id = :p AND n.level = :l ORDER BY n.id DESC");
  q.bind(person).bind(std::string(code(level)));
  std::vector<Note> out;
  while (q.next()) out.push_back(note_from(q));
  return out;
}

void edit_note(db::Tx& tx, const Note& current, NoteLevel level, const std::string& body, const Actor& by) {
  std::string now = time::iso_now();
  int version = current.version + 1;
  // The version is appended first: UNIQUE (note_id, version) refuses a concurrent edit of the
  // same version, so neither overwrites the other silently.
  insert_version(tx, current.id, version, level, body, by, now);
  db::Query q(
      tx,
      "UPDATE pathway_notes SET level = :l, body = :b, version = :v, updated_at = :u WHERE id = :i AND version = :old");
  q.bind(std::string(code(level))).bind(body).bind(static_cast<long long>(version)).bind(now).bind(current.id);
  q.bind(static_cast<long long>(current.version)).run();
}

std::vector<NoteVersion> note_versions(db::Tx& tx, long long note) {
  db::Query q(tx, std::string(kVersionSelect) + "WHERE v.note_id = :n ORDER BY v.version");
  q.bind(note);
  std::vector<NoteVersion> out;
  while (q.next()) out.push_back(version_from(q));
  return out;
}

std::vector<NoteVersion> note_versions_of_pathway(db::Tx& tx, long long pathway) {
  db::Query q(tx, std::string(kVersionSelect) +
                      "JOIN pathway_notes n ON n.id = v.note_id WHERE n.pathway_id = :p ORDER BY v.note_id, v.version");
  q.bind(pathway);
  std::vector<NoteVersion> out;
  while (q.next()) out.push_back(version_from(q));
  return out;
}

// ---- Orientations

long long create_orientation(db::Tx& tx, const NewOrientation& o, const Actor& by) {
  db::Query q(
      tx,
      "INSERT INTO orientations (person_id, pathway_id, from_org_id, from_user_id, to_org_id, service_id, motif, "
      "diagnosis_id, status, sent_on, expires_on, created_at) VALUES (:p, :pw, :fo, :fu, :to, :sv, :m, :d, 'pending', "
      ":s, "
      ":e, :c) RETURNING id");
  q.bind(o.person);
  q.bind_id_or_null(o.pathway);
  q.bind(by.org);
  q.bind_id_or_null(by.user);
  q.bind(o.to_org);
  q.bind_id_or_null(o.service);
  q.bind(o.motif);
  q.bind_id_or_null(o.diagnosis);
  q.bind(o.sent_on).bind(o.expires_on).bind(time::iso_now());
  return inserted_id(q);
}

std::optional<Orientation> find_orientation(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kOrientationSelect) + "WHERE r.id = :i");
  q.bind(id);
  std::optional<Orientation> out;
  while (q.next()) out = orientation_from(q);
  return out;
}

bool pending_duplicate(db::Tx& tx, long long person, long long to_org, long long service) {
  db::Query q(tx,
              "SELECT COUNT(*) FROM orientations WHERE person_id = :p AND to_org_id = :o AND status = 'pending' "
              "AND COALESCE(service_id, 0) = :s");
  q.bind(person).bind(to_org).bind(service);
  return q.next() && q.int64(0) > 0;
}

std::vector<Orientation> received(db::Tx& tx, long long org, const std::string& status, int limit) {
  return orientations_where(tx, "r.to_org_id = :o", org, status, limit);
}

std::vector<Orientation> sent(db::Tx& tx, long long org, const std::string& status, int limit) {
  return orientations_where(tx, "r.from_org_id = :o", org, status, limit);
}

std::vector<Orientation> orientations_of_pathway(db::Tx& tx, long long pathway) {
  return orientations_where(tx, "r.pathway_id = :p", pathway, "", 1000);
}

std::vector<Orientation> orientations_of_person(db::Tx& tx, long long person, const std::string& status) {
  return orientations_where(tx, "r.person_id = :p", person, status, 100);
}

bool answer(db::Tx& tx, long long id, OrientationStatus to, long long user, const std::string& reason,
            const std::string& detail) {
  db::Query q(tx,
              "UPDATE orientations SET status = :s, refusal_reason = :r, refusal_detail = :d, answered_at = :a, "
              "answered_by_user = :u WHERE id = :i AND status = 'pending' RETURNING id");
  q.bind(std::string(code(to))).bind(reason).bind(detail).bind(time::iso_now());
  q.bind_id_or_null(user);
  q.bind(id);
  bool changed = q.next();
  q.run();
  return changed;
}

void link_pathway(db::Tx& tx, long long orientation, long long pathway) {
  db::Query q(tx, "UPDATE orientations SET pathway_id = :p WHERE id = :i");
  q.bind(pathway).bind(orientation).run();
}

void add_orientation_event(db::Tx& tx, long long orientation, const std::string& kind, const Actor& by,
                           const std::string& detail) {
  db::Query q(tx,
              "INSERT INTO orientation_events (orientation_id, at, kind, organisation_id, user_id, detail) "
              "VALUES (:o, :a, :k, :org, :u, :d)");
  q.bind(orientation).bind(time::iso_now()).bind(kind);
  q.bind_id_or_null(by.org);
  q.bind_id_or_null(by.user);
  q.bind(detail).run();
}

std::vector<OrientationEvent> orientation_events(db::Tx& tx, const std::vector<long long>& orientations) {
  std::vector<OrientationEvent> out;
  // Fixed chunks of 100 placeholders (unused ones bound to 0, which no row has): one statement
  // text, kept prepared, whatever the number of ids.
  constexpr std::size_t kChunk = 100;
  static const std::string sql = [] {
    std::string s =
        "SELECT e.id, e.orientation_id, e.at, e.kind, COALESCE(e.organisation_id, 0), COALESCE(e.user_id, 0), "
        "COALESCE(o.name, ''), "
        "COALESCE(u.display_name, ''), e.detail FROM orientation_events e LEFT JOIN organisations o ON o.id = "
        "e.organisation_id "
        "LEFT JOIN users u ON u.id = e.user_id WHERE e.orientation_id IN (";
    for (std::size_t i = 0; i < kChunk; ++i) s += (i ? ", :i" : ":i") + std::to_string(i);
    return s + ") ORDER BY e.orientation_id, e.id";
  }();
  for (std::size_t start = 0; start < orientations.size(); start += kChunk) {
    db::Query q(tx, sql);
    for (std::size_t i = 0; i < kChunk; ++i) q.bind(start + i < orientations.size() ? orientations[start + i] : 0LL);
    while (q.next()) {
      OrientationEvent e;
      e.id = q.int64(0);
      e.orientation_id = q.int64(1);
      e.at = q.text(2);
      e.kind = q.text(3);
      e.organisation_id = q.int64(4);
      e.user_id = q.int64(5);
      e.organisation_name = q.text(6);
      e.user_name = q.text(7);
      e.detail = q.text(8);
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<long long> due_to_expire(db::Tx& tx, const std::string& today, int limit) {
  db::Query q(
      tx, "SELECT id FROM orientations WHERE status = 'pending' AND expires_on < :t ORDER BY expires_on, id LIMIT :l");
  q.bind(today).bind(static_cast<long long>(limit));
  std::vector<long long> out;
  while (q.next()) out.push_back(q.int64(0));
  return out;
}

// ---- Settings

int expiry_days(db::Tx& tx, long long org) {
  db::Query q(tx, "SELECT orientation_expiry_days FROM pathway_settings WHERE organisation_id = :o");
  q.bind(org);
  int days = kDefaultExpiryDays;
  while (q.next()) days = static_cast<int>(q.int64(0));
  return days;
}

void set_expiry_days(db::Tx& tx, long long org, int days) {
  int exists = 0;
  {
    db::Query q(tx, "SELECT COUNT(*) FROM pathway_settings WHERE organisation_id = :o");
    q.bind(org);
    if (q.next()) exists = static_cast<int>(q.int64(0));
  }
  db::Query q(tx, exists ? "UPDATE pathway_settings SET orientation_expiry_days = :d WHERE organisation_id = :o"
                         : "INSERT INTO pathway_settings (orientation_expiry_days, organisation_id) VALUES (:d, :o)");
  q.bind(static_cast<long long>(days)).bind(org).run();
}

}  // namespace jalon::pathways::store
