// Pages and API routes of the pathway room.
#pragma once
#include "http/route.h"

namespace jalon::directory {
class Live;
}

namespace jalon::pathways {

// `live` (the directory's search index, outliving the router) serves the orientation form's
// service search.
void add_routes(http::Router& router, directory::Live& live);
void add_page_routes(http::Router& router, directory::Live& live);
void add_api_routes(http::Router& router);

}  // namespace jalon::pathways
