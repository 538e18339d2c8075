// Pages and API routes of the people room.
#pragma once
#include "http/route.h"

namespace jalon::people {

void add_routes(http::Router& router);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);

}  // namespace jalon::people
