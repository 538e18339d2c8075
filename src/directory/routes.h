// Pages and API routes of the directory room.
#pragma once
#include "http/route.h"

namespace jalon::directory {

void add_routes(http::Router& router);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);

}  // namespace jalon::directory
