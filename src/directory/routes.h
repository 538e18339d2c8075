// Pages and API routes of the directory room.
#pragma once
#include "http/route.h"

namespace jalon::directory {

void add_routes(http::Router& router);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);
class Live;
// The public search (page /annuaire and GET /api/v1/directory/services) on `live`, which must
// outlive the router.
void add_search_routes(http::Router& router, Live& live);

}  // namespace jalon::directory
