// Pages and API routes of the people room.
#pragma once
#include "http/route.h"

namespace jalon::people {

void add_routes(http::Router& router);
// Adds `r`, recording refused callers in the audit log when its path names a {person}.
void add_person_route(http::Router& router, http::Route r);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);

}  // namespace jalon::people
