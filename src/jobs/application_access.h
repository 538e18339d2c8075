// The one place where a request's access to a job application is decided, for the pages, the
// API and the person's space alike, and written to the audit log against the person.
//
// Who sees an application: the employer organisation of the offer (its members see the
// applicant's identity, contact, message and CV), the organisation that sent it, and the
// organisations that may read the person's record (people::can read: a live grant); the person
// themself in their own space. Who acts is application_rules.h's table (employer, sender,
// person); an organisation that only has access to the person reads without acting.
#pragma once
#include <string>
#include <vector>

#include "http/route.h"
#include "jobs/application_actions.h"
#include "jobs/application_store.h"

namespace jalon::jobs {

// The caller of a staff route, as the actions see it.
Acting acting_of(const http::Ctx& ctx);

struct LoadedApplication {
  application_store::Application app;
  std::vector<ApplicationActor> roles;  // of the route's organisation: employer, sender
  bool person_access = false;           // the organisation may read the person's record
};

// Loads application {application} for the route's organisation. NotFound (audited
// "refused:application") unless the organisation is its employer, its sender or may read the
// person; for `act`, Forbidden (audited) when it is neither employer nor sender. A granted
// access is audited against the person as "read" or, for `act`, "update", with `detail`.
LoadedApplication require_application(http::Ctx& ctx, bool act, const std::string& detail);

// The person's own application {application} in their space: NotFound for anybody else's.
application_store::Application require_own_application(http::Ctx& ctx);

// Whether organisation `org` may read person `person`'s record (a live grant).
bool may_read_person(db::Tx& tx, long long org, long long person);

// Adds `r`, recording in the audit log the callers the route itself refuses when its path names
// an {application} or a {person}.
void add_application_route(http::Router& router, http::Route r);

}  // namespace jalon::jobs
