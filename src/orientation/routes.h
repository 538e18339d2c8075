// Routes of the orientation room.
#pragma once
#include "http/route.h"

namespace jalon::directory {
class Live;
}

namespace jalon::orientation {

// The public self-orientation and IAE eligibility simulator, for anyone and storing nothing:
// pages /par-ou-commencer and /iae/eligibilite, API POST /api/v1/orientation/first-contact and
// POST /api/v1/iae/eligibility (docs/orientation.md, "Public pages and endpoints"). `live`, the
// directory's search index, must outlive the router.
void add_public_routes(http::Router& router, directory::Live& live);
// The two pages alone (add_public_routes adds them with the API).
void add_public_pages(http::Router& router, directory::Live& live);

}  // namespace jalon::orientation
