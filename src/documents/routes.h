// Pages and API routes of the documents room.
#pragma once
#include "http/route.h"

namespace jalon::documents {

void add_routes(http::Router& router);

}  // namespace jalon::documents
