// Pages and API of the diagnosis room: a person's diagnoses, the form of a new one, and one
// diagnosis with the orientation engine's answer (docs/diagnosis.md).
#pragma once
#include "directory/live.h"
#include "http/route.h"

namespace jalon::diagnosis {

// Adds the routes and the panel of the person page. `live` (the directory's index) gives the
// nearest services of each barrier; it must outlive the router.
void add_routes(http::Router& router, const directory::Live& live);

}  // namespace jalon::diagnosis
