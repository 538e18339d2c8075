// Pages and API routes of the people room.
#pragma once
#include <functional>
#include <string>

#include "http/route.h"
#include "people/model.h"

namespace jalon::people {

void add_routes(http::Router& router);
// Adds `r`, recording refused callers in the audit log when its path names a {person}.
void add_person_route(http::Router& router, http::Route r);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);

// A section another room shows on a person's page (diagnosis, pathway…): HTML rendered from
// that room's own template, in the page's transaction, once the caller's access to `person` is
// granted and audited. Panels show in the order of their names; adding a name again replaces
// its panel (several App objects in one test process add the same ones).
using PersonPanel = std::function<std::string(http::Ctx&, const Person& person)>;
void add_person_panel(const std::string& name, PersonPanel panel);

}  // namespace jalon::people
