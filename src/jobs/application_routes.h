// Pages and API routes of job applications (docs/jobs.md, "Applications"), and the sections
// other rooms show: the person's page panel and the person's own space.
#pragma once
#include <string>

#include "http/route.h"

namespace jalon::jobs {

// Every application route (pages, the person's space, the API) and the person's page panel.
void add_application_routes(http::Router& router);
void add_application_page_routes(http::Router& router);  // application_routes.cpp
void add_application_api_routes(http::Router& router);   // application_api.cpp

// The "Mes candidatures" section of the person's own space (HTML), for the person of `ctx`.
std::string space_applications_section(http::Ctx& ctx);

}  // namespace jalon::jobs
