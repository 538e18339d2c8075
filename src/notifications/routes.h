// Pages of the notifications room: the list with "mark read", the preferences, and the bell of
// the layout.
#pragma once
#include "http/route.h"

namespace jalon::notifications {

// Adds the pages and installs the bell (http::set_layout_filler).
void add_routes(http::Router& router);

}  // namespace jalon::notifications
