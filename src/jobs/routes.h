// The jobs pages and API (docs/jobs.md): employers' offers and their matching candidates, the
// public job search, and the counsellor's "offers for this person".
#pragma once
#include "http/route.h"

namespace jalon::jobs {

class Live;
// Adds every jobs route (pages and API) on `live`, which must outlive the router, and hooks the
// job profiles to the diagnosis and people rooms' changes.
void add_routes(http::Router& router, Live& live);

// The parts, in their own files.
void add_offer_routes(http::Router& router, Live& live);
void add_search_routes(http::Router& router, Live& live);
void add_person_routes(http::Router& router, Live& live);
void add_api_routes(http::Router& router, Live& live);

}  // namespace jalon::jobs
