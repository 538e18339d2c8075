// The SQL of job applications (migration 0010: job_applications, job_application_events) and the
// few columns of job_offers they need. Functions run in the caller's transaction and trust their
// input: it was validated (application_rules.h) and access was decided (application_access.h).
// Lists read the names of offers, organisations and users by joins, in one statement; the
// people's names come from people::store::identities (one more statement per list).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "jobs/application_rules.h"

namespace jalon::jobs::application_store {

// What an application needs of its offer.
struct OfferBrief {
  long long id = 0, organisation_id = 0;
  std::string organisation_name, title, commune_code;
  bool open = false;
  int positions = 1;
};
std::optional<OfferBrief> find_offer(db::Tx& tx, long long id);
// Open offers, newest first, at most `limit` (the apply forms' choice when no offer is given).
std::vector<OfferBrief> open_offers(db::Tx& tx, int limit = 200);
// The offers of `org` (every status), newest first (the inbox's filter).
std::vector<OfferBrief> offers_of(db::Tx& tx, long long org, int limit = 500);

struct Application {
  long long id = 0, offer_id = 0, organisation_id = 0, person_id = 0;
  std::string sender_kind;  // "person", "prescriber", "employer"
  long long sender_org = 0, sender_user = 0;
  std::string message;
  long long cv_document_id = 0;
  ApplicationState state = ApplicationState::new_;
  std::optional<RefusalReason> refusal_reason;
  std::string answer, hired_on, created_at, state_at;
  long long hire_step_id = 0;  // the pathway step its acceptance added (0: none)
  // joined
  std::string offer_title, offer_commune, employer_name, sender_org_name, sender_user_name;
  int offer_positions = 1;
  bool offer_open = false;
};

struct NewApplication {
  long long offer_id = 0, organisation_id = 0, person_id = 0;
  std::string sender_kind;
  long long sender_org = 0, sender_user = 0;
  std::string message;
  long long cv_document_id = 0;
};
// Inserts a new application (state new, state_at now). A second live application of the person
// to the offer fails on the partial unique index (db::Failure::unique).
long long insert(db::Tx& tx, const NewApplication& a);
std::optional<Application> find(db::Tx& tx, long long id);

// Moves `id` from `from` to `to` with its reason, answer and hiring date (empty: unchanged for
// the answer, cleared for the others); false when it was no longer in `from` (another request or
// the background job came first). Stamps state_at.
bool move(db::Tx& tx, long long id, ApplicationState from, ApplicationState to, std::optional<RefusalReason> reason,
          const std::string& answer, const std::string& hired_on);

// Remembers the pathway step the acceptance of application `id` added.
void set_hire_step(db::Tx& tx, long long id, long long step);

// The applications that sent document `document` as their CV no longer do (the document is
// being deleted from the person's file). Returns how many.
int detach_cv(db::Tx& tx, long long document);

// Who made a transition: a user of an organisation (or an API token: user 0), the person
// themself, or the platform (all zero).
struct By {
  long long user = 0, org = 0;
  bool person = false;
};
void add_event(db::Tx& tx, long long application, std::optional<ApplicationState> from, ApplicationState to,
               const std::string& reason, const By& by);
struct Event {
  long long id = 0, application_id = 0;
  std::optional<ApplicationState> from;
  ApplicationState to = ApplicationState::new_;
  std::string reason, at;
  long long by_user = 0, by_org = 0;
  bool by_person = false;
  std::string user_name, org_name;
};
std::vector<Event> events(db::Tx& tx, long long application);  // oldest first

// The inbox's and the export's filters; empty or zero: any.
struct Filter {
  long long organisation = 0;  // the employer (inbox)
  long long sender_org = 0;    // the sender (sent list)
  long long person = 0;        // one person (their space, their page)
  std::string state;           // a state code, or "pending"
  long long offer = 0;
  std::string from, to;  // created between these civil dates (UTC days), both included
  std::string sender_kind;
  long long before = 0;  // keyset: ids below this one
};
// Newest first (by id), at most `limit`.
std::vector<Application> list(db::Tx& tx, const Filter& f, int limit);
// How many per state code, under `f` without its state and keyset.
std::vector<std::pair<std::string, int>> counts(db::Tx& tx, const Filter& f);

// The other pending applications of `person` (not `except`), oldest first.
std::vector<Application> pending_of_person(db::Tx& tx, long long person, long long except);
// Awaiting an answer with state_at before the start of day `bound` in Paris ("YYYY-MM-DD", see
// auto_refusal_bound), oldest first, at most `limit`.
std::vector<long long> due_for_auto_refusal(db::Tx& tx, const std::string& bound, int limit = 500);

}  // namespace jalon::jobs::application_store
