// multipart/form-data bodies (file uploads), parsed from our own Request.
#pragma once
#include <string>
#include <vector>

#include "http/http.h"

namespace jalon::http {

struct Part {
  std::string name, filename, content_type, body;
};

// True when the request's Content-Type is multipart/form-data.
bool is_multipart(const Request& req);
// The parts of the body; BadRequest (French message) when the body or boundary is malformed.
std::vector<Part> parse_multipart(const Request& req);
// The first part called `name`, or nullptr.
const Part* find_part(const std::vector<Part>& parts, const std::string& name);

}  // namespace jalon::http
