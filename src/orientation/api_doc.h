// What the OpenAPI document says of the orientation room's public endpoints: request and
// response schemas (the situation's fields come from the fact catalogue) and one example each,
// a real answer of the engine (tests/orientation/public_api_test.cpp checks it).
#pragma once
#include "http/route.h"

namespace jalon::orientation {

http::ApiDoc first_contact_doc();
http::ApiDoc iae_eligibility_doc();

}  // namespace jalon::orientation
