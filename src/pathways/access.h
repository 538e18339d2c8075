// The one place where a request's access to a pathway or an orientation is decided, for the
// pages and the API alike, and written to the audit log against the person.
#pragma once
#include <string>

#include "http/route.h"
#include "pathways/model.h"
#include "pathways/rules.h"
#include "people/model.h"

namespace jalon::pathways {

// The acting organisation ({org}) and user (0 for an API token) of the request.
Actor actor_of(const http::Ctx& ctx);
// The caller as a reader of notes; `member`: its organisation is an active member.
NoteViewer viewer_of(const http::Ctx& ctx, bool member);

// A pathway once access is decided.
struct Loaded {
  Pathway pathway;
  people::Person person;
  PathwayFacts facts;
  Actor actor;
  NoteViewer viewer;
};

// Loads the pathway of path parameter {pathway} for the route's organisation and checks, in
// order: the person (people::can read for `see`, write otherwise: refused as the people room
// does, 404 without a grant), then the pathway action (Forbidden, audited "refused:pathway", or
// Conflict when only the state stands in the way). A granted access is audited as "read" or
// "update" with `detail` (default: the pathway's number).
Loaded require(http::Ctx& ctx, PathwayAction a, const std::string& detail = "");

// Loads orientation {orientation} (or the path parameter `param`) for the route's organisation:
// NotFound unless it sent or received it (refusal audited); Forbidden or Conflict when `a` is not
// for its side or state. A granted access is audited against the person ("read" for see,
// "update" otherwise) with `detail`.
Orientation require_orientation(http::Ctx& ctx, OrientationAction a, const std::string& detail,
                                const std::string& param = "orientation");

// Adds `r`, recording in the audit log the callers the route itself refuses (another
// organisation's address) when its path names a {pathway} or an orientation.
void add_route(http::Router& router, http::Route r);

}  // namespace jalon::pathways
