// The one place where a request's access to a person is decided and written to the audit log.
#pragma once
#include <string>
#include <vector>

#include "http/route.h"
#include "people/model.h"
#include "people/rules.h"

namespace jalon::people {

// Loads person `id` for the organisation of the route ({org}) and checks `a` with people::can.
// A granted access is audited as `action` (reads in a transaction of their own, writes in the
// request's); a refusal is audited as "refused:<action>" and answered NotFound, so that a
// person's existence is not revealed to an organisation without access.
// `detail` goes with the audit entry of a granted access.
Person require(http::Ctx& ctx, long long id, Action a, const std::string& action, const std::string& detail = "");

// The same check, without the audit entry of a granted access (refusals are still audited):
// for actions on two records, logged once both are allowed.
Person check(http::Ctx& ctx, long long id, Action a, const std::string& action);

// Records, in `tx`, that `who` was refused a route naming person {person} in `req`.
void record_refusal(db::Tx& tx, const http::Request& req, const http::Principal& who);

// Appends an audit entry about `person` for the caller of `ctx`: in the request's transaction
// when it writes, else in one of its own.
void audit(http::Ctx& ctx, long long person, const std::string& action, const std::string& detail = "");
// The same entry about each of `people` (a list or an export), in one commit.
void audit_many(http::Ctx& ctx, const std::vector<long long>& people, const std::string& action, const std::string& detail = "");

}  // namespace jalon::people
