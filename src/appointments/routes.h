// Pages and API routes of the appointments room.
#pragma once
#include "http/route.h"

namespace jalon::appointments {

void add_routes(http::Router& router);
void add_page_routes(http::Router& router);
void add_api_routes(http::Router& router);

// Writes one audit row per person of `people` for the caller of `ctx` (the read of a page that
// names them), in one shared commit.
void audit_each(http::Ctx& ctx, const std::vector<long long>& people, const std::string& action,
                const std::string& detail);

}  // namespace jalon::appointments
