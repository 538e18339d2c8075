// The person's own space: asking for a one-time link, opening it, and the pages of the person
// (their appointments, documents, who sees their file, their data as JSON, withdrawing
// consent).
#pragma once
#include "http/route.h"

namespace jalon::space {

void add_routes(http::Router& router);

}  // namespace jalon::space
