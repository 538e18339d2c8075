// The directory in the data·inclusion v1 exchange format (data/data-inclusion/v1/*.json): JSON
// objects and CSV rows whose keys are the schema's field names ("nom", "code_insee",
// "thematiques"…). Used by the export, the import and the JSON API, which all speak it.
// Includes Boost.JSON: keep this header out of widely included ones.
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "base/errors.h"
#include "directory/model.h"

namespace jalon::directory {

// A structure or a service as a data·inclusion v1 object: what the official schema validates.
// Empty texts and lists are null, as the schema expects; "commune" is the commune's name.
boost::json::object structure_to_json(const Structure& s);
boost::json::object service_to_json(const Service& s);

// Reads the data·inclusion fields present in `o` over `base` (absent fields keep base's value;
// null empties them). Lists are arrays of strings, or a string of values separated by '|' or
// ','; numbers may be JSON numbers or text ("7,5"). A field of the wrong type is added to `v`
// (by its data·inclusion name) and left as in base. Unknown keys are ignored. Nothing is
// validated here beyond types: see validate_structure / validate_service. A service's
// "structure_id" is read into structure_ext_id.
Structure structure_from_json(const boost::json::object& o, Structure base, Validator& v);
Service service_from_json(const boost::json::object& o, Service base, Validator& v);

// The schema's field names in the order of CSV columns.
const std::vector<std::string>& structure_fields();
const std::vector<std::string>& service_fields();
// Fields holding lists (CSV cells "a|b") and numbers.
bool is_list_field(const std::string& name);
bool is_number_field(const std::string& name);

// CSV files with a header of field names, ',' separated, RFC 4180 quoting, lists joined by '|'.
std::string structures_csv(const std::vector<Structure>& structures);
std::string services_csv(const std::vector<Service>& services);

}  // namespace jalon::directory
