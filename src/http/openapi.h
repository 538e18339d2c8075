// The OpenAPI 3 document of the JSON API, built from the router's own table so that it lists
// every /api/v1 route the day it is added.
#pragma once
#include <string>

#include "http/route.h"

namespace jalon::http {

// The document as JSON text.
std::string openapi_document(const Router& router);
// Adds GET /api/v1/openapi.json (public). Call after every API route is added.
void add_openapi_route(Router& router);

}  // namespace jalon::http
