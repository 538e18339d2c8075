// What the application pages, the API, the person's space and the background job all do. Each
// function runs in the caller's write transaction, checks the rules (application_rules.h) from
// the facts it reads, writes an event row for every transition, tells who must know
// (notifications, e-mail to the person), and throws ValidationError (bad input), Conflict (the
// state forbids it), Forbidden (the actor may not) or NotFound. Whether the caller may see the
// application at all is application_access.h's question, asked before.
#pragma once
#include <string>
#include <vector>

#include "db/db.h"
#include "jobs/application_rules.h"
#include "jobs/application_store.h"

namespace jalon::jobs {

// Who acts: staff of an organisation (user 0 for an API token), the person in their own space,
// or the platform (the background job).
struct Acting {
  enum class Kind { organisation, person, platform };
  Kind kind = Kind::platform;
  long long org = 0, user = 0;  // organisation
  long long person = 0;         // person
  static Acting staff(long long org, long long user) { return {Kind::organisation, org, user, 0}; }
  static Acting self(long long person) { return {Kind::person, 0, 0, person}; }
  static Acting platform() { return {}; }
};

// The roles `by` holds on `a` (employer, sender, person, platform); empty: none.
std::vector<ApplicationActor> roles_of(const application_store::Application& a, const Acting& by);

struct NewApplicationInput {
  long long person = 0, offer = 0, cv_document = 0;  // cv 0: none
  std::string message;
};
// Applies `in.person` to an open offer, as the person themself or as staff of an organisation
// (the employer of the offer: sender kind "employer"; any other: "prescriber"). The caller has
// checked its access to the person. ValidationError on offer_id (unknown or closed),
// cv_document_id (not a CV of this person), message; Conflict when a live application of the
// person to the offer exists. Tells the employer's members (no identity in the text) and, when
// staff applied, the person by e-mail. Returns the id.
long long apply(db::Tx& tx, const Acting& by, const NewApplicationInput& in, const std::string& base_url);

// Makes the transition `in` asks for on `a` (as read in this transaction). Accepting also marks
// the person's other pending applications obsolete and records the hire in their pathway;
// cancelling a hire abandons that step. Tells the employer (a withdrawal), the sender
// organisation (a decision) and the person by e-mail (a decision), each no more than they may
// see. Returns the state reached.
ApplicationState transition(db::Tx& tx, const Acting& by, const application_store::Application& a,
                            const TransitionInput& in, const std::string& today, const std::string& base_url);

// Refuses, with the reason auto_no_answer, the applications awaiting an answer whose last
// transition is kAutoRefusalDays days before `today` or more: one write transaction; on
// PostgreSQL only the server that takes the advisory lock does it (the others return 0).
// Returns how many were refused.
int refuse_unanswered(db::Database& db, const std::string& today, const std::string& base_url);

}  // namespace jalon::jobs
