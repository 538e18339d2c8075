// The directory's side of a request: who is acting, and the structure or service a route names,
// loaded and checked with directory::can (the one access decision, rules.h).
#pragma once
#include <utility>

#include "directory/model.h"
#include "directory/rules.h"
#include "http/route.h"

namespace jalon::directory {

// The caller as the directory sees it: its organisations (memberships, or its API token's) and
// whether it is the platform administrator (never through an API token).
Actor actor_of(const http::Principal& who);

// Structure `id` of the route's organisation {org}, checked for `a`: NotFound when it does not
// exist or belongs to another organisation (an organisation's pages never show another's
// entries), Forbidden when directory::can refuses.
Structure org_structure(http::Ctx& ctx, long long id, Action a);
// Service `id` and its structure, under the same conditions.
std::pair<Structure, Service> org_service(http::Ctx& ctx, long long id, Action a);

}  // namespace jalon::directory
