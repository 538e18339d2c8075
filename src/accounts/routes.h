// Pages and API routes of the accounts room.
#pragma once
#include "accounts/model.h"
#include "base/config.h"
#include "db/db.h"
#include "http/page.h"
#include "http/route.h"

namespace jalon::accounts {

void add_routes(http::Router& router, db::Database& db);

// Split by theme; each adds its routes to `router`.
void add_session_routes(http::Router& router);       // home, login, logout, dashboard, account, password reset
void add_organisation_routes(http::Router& router);  // organisation, members, invitations, API tokens, admin
void add_api_routes(http::Router& router);           // /api/v1

// Shared by the pages: the organisation kinds as <select> options grouped by family, and a
// commune's "Name (code)" label.
std::vector<http::Page::Option> kind_options();
std::string commune_label(const std::string& code);

}  // namespace jalon::accounts
