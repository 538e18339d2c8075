// JSON bodies of the API (Boost.JSON), kept out of widely included headers.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "base/errors.h"
#include "http/http.h"

namespace jalon::http {

// The request body as a JSON object; BadRequest (400) when it is not JSON or not an object.
boost::json::object body_object(const Request& req);

// Reads an optional string field; ValidationError (422) naming the field when it has another type.
std::string get_string(const boost::json::object& o, const char* field, const std::string& fallback = "");
bool get_bool(const boost::json::object& o, const char* field, bool fallback = false);
// An optional number field (null or absent: nullopt); ValidationError naming it for another type.
std::optional<double> get_number(const boost::json::object& o, const char* field);
bool has(const boost::json::object& o, const char* field);
// An optional id field (0 when absent or null); ValidationError naming it when not a whole number >= 0.
long long get_id(const boost::json::object& o, const char* field);
// null for "" or 0, else the value: optional fields of answers.
boost::json::value nullable(const std::string& s);
boost::json::value nullable_id(long long id);

Response json_response(const boost::json::value& v, int status = 200);
// {"items": […]} without copying the array (an initializer list would copy it deeply).
Response items_response(boost::json::array&& items, int status = 200);

}  // namespace jalon::http
