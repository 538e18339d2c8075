// A person record as the API writes it (Boost.JSON): the people API and the person's own data
// export share it.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "people/model.h"

namespace jalon::people {

// A text field, or null when empty.
boost::json::value nullable(const std::string& s);
// Every field of the record (dates as stored; empty optional ones as null).
boost::json::object person_json(const Person& p);

}  // namespace jalon::people
