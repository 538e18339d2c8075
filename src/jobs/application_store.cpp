#include "jobs/application_store.h"

#include <stdexcept>

#include "base/time.h"
#include "db/query.h"

namespace jalon::jobs::application_store {

namespace {


const char* kOfferSelect =
    "SELECT f.id, f.organisation_id, o.name, f.title, f.commune_code, f.status, f.positions "
    "FROM job_offers f JOIN organisations o ON o.id = f.organisation_id ";

OfferBrief offer_from(const db::Query& q) {
  OfferBrief b;
  b.id = q.int64(0);
  b.organisation_id = q.int64(1);
  b.organisation_name = q.text(2);
  b.title = q.text(3);
  b.commune_code = q.text(4);
  b.open = q.text(5) == "open";
  b.positions = static_cast<int>(q.int64(6));
  return b;
}

const char* kSelect =
    "SELECT a.id, a.offer_id, a.organisation_id, a.person_id, a.sender_kind, COALESCE(a.sender_org, 0), "
    "COALESCE(a.sender_user, 0), a.message, COALESCE(a.cv_document_id, 0), a.state, COALESCE(a.refusal_reason, ''), "
    "a.answer, COALESCE(a.hired_on, ''), a.created_at, a.state_at, f.title, f.commune_code, e.name, "
    "COALESCE(so.name, ''), COALESCE(su.display_name, ''), f.positions, f.status, COALESCE(a.hire_step_id, 0) "
    "FROM job_applications a JOIN job_offers f ON f.id = a.offer_id JOIN organisations e ON e.id = a.organisation_id "
    "LEFT JOIN organisations so ON so.id = a.sender_org LEFT JOIN users su ON su.id = a.sender_user ";

Application from(const db::Query& q) {
  Application a;
  a.id = q.int64(0);
  a.offer_id = q.int64(1);
  a.organisation_id = q.int64(2);
  a.person_id = q.int64(3);
  a.sender_kind = q.text(4);
  a.sender_org = q.int64(5);
  a.sender_user = q.int64(6);
  a.message = q.text(7);
  a.cv_document_id = q.int64(8);
  a.state = parse_application_state(q.text(9)).value_or(ApplicationState::new_);
  a.refusal_reason = parse_refusal_reason(q.text(10));
  a.answer = q.text(11);
  a.hired_on = q.text(12);
  a.created_at = q.text(13);
  a.state_at = q.text(14);
  a.offer_title = q.text(15);
  a.offer_commune = q.text(16);
  a.employer_name = q.text(17);
  a.sender_org_name = q.text(18);
  a.sender_user_name = q.text(19);
  a.offer_positions = static_cast<int>(q.int64(20));
  a.offer_open = q.text(21) == "open";
  a.hire_step_id = q.int64(22);
  return a;
}

const char* kPendingList = "('new', 'processing', 'postponed', 'prior_to_hire', 'pool')";

// The WHERE clause of `f` from constant parts (the statement cache keys on the text), and its
// values bound in the same order.
std::string where_of(const Filter& f, bool with_state_and_keyset) {
  std::string w = "WHERE 1 = 1";
  if (f.organisation) w += " AND a.organisation_id = :org";
  if (f.sender_org) w += " AND a.sender_org = :sorg";
  if (f.person) w += " AND a.person_id = :person";
  if (f.offer) w += " AND a.offer_id = :offer";
  if (!f.from.empty()) w += " AND a.created_at >= :from";
  if (!f.to.empty()) w += " AND a.created_at < :to";
  if (!f.sender_kind.empty()) w += " AND a.sender_kind = :kind";
  if (with_state_and_keyset) {
    if (f.state == "pending")
      w += std::string(" AND a.state IN ") + kPendingList;
    else if (!f.state.empty())
      w += " AND a.state = :state";
    if (f.before) w += " AND a.id < :before";
  }
  return w;
}

void bind_filter(db::Query& q, const Filter& f, bool with_state_and_keyset) {
  if (f.organisation) q.bind(f.organisation);
  if (f.sender_org) q.bind(f.sender_org);
  if (f.person) q.bind(f.person);
  if (f.offer) q.bind(f.offer);
  if (!f.from.empty()) q.bind(f.from + "T00:00:00Z");
  // The day after `to`, so that the whole day is included.
  if (!f.to.empty()) {
    auto t = time::parse_iso(f.to + "T00:00:00Z");
    q.bind(t ? time::iso(*t + std::chrono::hours(24)) : f.to + "T23:59:59Z");
  }
  if (!f.sender_kind.empty()) q.bind(f.sender_kind);
  if (with_state_and_keyset) {
    if (!f.state.empty() && f.state != "pending") q.bind(f.state);
    if (f.before) q.bind(f.before);
  }
}

}  // namespace

std::optional<OfferBrief> find_offer(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kOfferSelect) + "WHERE f.id = :id");
  q.bind(id);
  std::optional<OfferBrief> out;
  while (q.next()) out = offer_from(q);
  return out;
}

std::vector<OfferBrief> open_offers(db::Tx& tx, int limit) {
  db::Query q(tx, std::string(kOfferSelect) + "WHERE f.status = 'open' ORDER BY f.id DESC LIMIT :n");
  q.bind(static_cast<long long>(limit));
  std::vector<OfferBrief> out;
  while (q.next()) out.push_back(offer_from(q));
  return out;
}

std::vector<OfferBrief> offers_of(db::Tx& tx, long long org, int limit) {
  db::Query q(tx, std::string(kOfferSelect) + "WHERE f.organisation_id = :o ORDER BY f.id DESC LIMIT :n");
  q.bind(org).bind(static_cast<long long>(limit));
  std::vector<OfferBrief> out;
  while (q.next()) out.push_back(offer_from(q));
  return out;
}

long long insert(db::Tx& tx, const NewApplication& a) {
  std::string now = time::iso_now();
  db::Query q(tx,
              "INSERT INTO job_applications (offer_id, organisation_id, person_id, sender_kind, sender_org, "
              "sender_user, message, cv_document_id, state, created_at, state_at) VALUES (:f, :o, :p, :k, :so, :su, "
              ":m, :cv, 'new', :c, :s) RETURNING id");
  q.bind(a.offer_id).bind(a.organisation_id).bind(a.person_id).bind(a.sender_kind);
  q.bind_id_or_null(a.sender_org);
  q.bind_id_or_null(a.sender_user);
  q.bind(a.message);
  q.bind_id_or_null(a.cv_document_id);
  q.bind(now).bind(now);
  if (!q.next()) throw std::runtime_error("INSERT … RETURNING id returned no row");
  long long id = q.int64(0);
  q.run();
  return id;
}

std::optional<Application> find(db::Tx& tx, long long id) {
  db::Query q(tx, std::string(kSelect) + "WHERE a.id = :id");
  q.bind(id);
  std::optional<Application> out;
  while (q.next()) out = from(q);
  return out;
}

bool move(db::Tx& tx, long long id, ApplicationState from, ApplicationState to, std::optional<RefusalReason> reason,
          const std::string& answer, const std::string& hired_on) {
  db::Query q(tx,
              "UPDATE job_applications SET state = :to, refusal_reason = :r, answer = CASE WHEN :a = '' THEN answer "
              "ELSE :a2 END, hired_on = COALESCE(:h, hired_on), state_at = :at WHERE id = :id AND state = :from "
              "RETURNING id");
  q.bind(std::string(name(to)));
  if (reason)
    q.bind(std::string(name(*reason)));
  else
    q.bind_null();
  q.bind(answer).bind(answer).bind_text_or_null(hired_on).bind(time::iso_now()).bind(id).bind(std::string(name(from)));
  bool moved = false;
  while (q.next()) moved = true;
  return moved;
}

void set_hire_step(db::Tx& tx, long long id, long long step) {
  db::Query q(tx, "UPDATE job_applications SET hire_step_id = :s WHERE id = :id");
  q.bind_id_or_null(step).bind(id).run();
}

int detach_cv(db::Tx& tx, long long document) {
  db::Query q(tx, "UPDATE job_applications SET cv_document_id = NULL WHERE cv_document_id = :d RETURNING id");
  q.bind(document);
  int n = 0;
  while (q.next()) ++n;
  return n;
}

void add_event(db::Tx& tx, long long application, std::optional<ApplicationState> from, ApplicationState to,
               const std::string& reason, const By& by) {
  db::Query q(tx,
              "INSERT INTO job_application_events (application_id, from_state, to_state, reason, by_user, by_org, "
              "by_person, at) VALUES (:a, :f, :t, :r, :u, :o, :p, :at)");
  q.bind(application);
  if (from)
    q.bind(std::string(name(*from)));
  else
    q.bind_null();
  q.bind(std::string(name(to))).bind_text_or_null(reason);
  q.bind_id_or_null(by.user);
  q.bind_id_or_null(by.org);
  q.bind(static_cast<long long>(by.person ? 1 : 0)).bind(time::iso_now()).run();
}

std::vector<Event> events(db::Tx& tx, long long application) {
  db::Query q(tx,
              "SELECT e.id, e.application_id, COALESCE(e.from_state, ''), e.to_state, COALESCE(e.reason, ''), e.at, "
              "COALESCE(e.by_user, 0), COALESCE(e.by_org, 0), e.by_person, COALESCE(u.display_name, ''), "
              "COALESCE(o.name, '') FROM job_application_events e LEFT JOIN users u ON u.id = e.by_user "
              "LEFT JOIN organisations o ON o.id = e.by_org WHERE e.application_id = :a ORDER BY e.id");
  q.bind(application);
  std::vector<Event> out;
  while (q.next()) {
    Event e;
    e.id = q.int64(0);
    e.application_id = q.int64(1);
    e.from = parse_application_state(q.text(2));
    e.to = parse_application_state(q.text(3)).value_or(ApplicationState::new_);
    e.reason = q.text(4);
    e.at = q.text(5);
    e.by_user = q.int64(6);
    e.by_org = q.int64(7);
    e.by_person = q.int64(8) != 0;
    e.user_name = q.text(9);
    e.org_name = q.text(10);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Application> list(db::Tx& tx, const Filter& f, int limit) {
  db::Query q(tx, std::string(kSelect) + where_of(f, true) + " ORDER BY a.id DESC LIMIT :n");
  bind_filter(q, f, true);
  q.bind(static_cast<long long>(limit));
  std::vector<Application> out;
  while (q.next()) out.push_back(from(q));
  return out;
}

std::vector<std::pair<std::string, int>> counts(db::Tx& tx, const Filter& f) {
  db::Query q(tx, "SELECT a.state, COUNT(*) FROM job_applications a " + where_of(f, false) + " GROUP BY a.state");
  bind_filter(q, f, false);
  std::vector<std::pair<std::string, int>> out;
  while (q.next()) out.emplace_back(q.text(0), static_cast<int>(q.int64(1)));
  return out;
}

std::vector<Application> pending_of_person(db::Tx& tx, long long person, long long except) {
  db::Query q(tx, std::string(kSelect) + "WHERE a.person_id = :p AND a.id <> :x AND a.state IN " + kPendingList +
                      " ORDER BY a.id");
  q.bind(person).bind(except);
  std::vector<Application> out;
  while (q.next()) out.push_back(from(q));
  return out;
}

std::vector<long long> due_for_auto_refusal(db::Tx& tx, const std::string& bound, int limit) {
  db::Query q(tx,
              "SELECT id FROM job_applications WHERE state IN ('new', 'processing', 'postponed') AND state_at < :b "
              "ORDER BY state_at, id LIMIT :n");
  q.bind(time::start_of_day(bound)).bind(static_cast<long long>(limit));  // the Paris day's start
  std::vector<long long> out;
  while (q.next()) out.push_back(q.int64(0));
  return out;
}

}  // namespace jalon::jobs::application_store
