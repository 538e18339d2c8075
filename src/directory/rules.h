// Pure decisions about the directory: validation of structures and services against the
// referentials, staleness, and who may do what. No I/O, no clock: `today` is passed.
//
// Field names in validation errors are the data·inclusion v1 names ("nom", "code_insee",
// "thematiques"…): the forms, the JSON API and the import report all use them, so one message
// reaches the right input wherever the data came from.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/errors.h"
#include "directory/model.h"

namespace jalon::referentials {
class Communes;
class Inclusion;
}  // namespace jalon::referentials

namespace jalon::directory {

// The referentials the rules check against (read-only, loaded at start-up). Tests may pass
// their own; the product passes the process's (see process_referentials()).
struct Referentials {
  const referentials::Communes& communes;
  const referentials::Inclusion& inclusion;
};
Referentials process_referentials();

// Returns `in` trimmed and normalised (e-mail lowercased, SIRET and phone without spaces,
// lists without duplicates, the commune filled from a postal code that serves one commune), or
// throws ValidationError with one French message per invalid field. `prior` may already hold
// errors found while reading the input (a number that is not one): they are reported together.
// `updated_on` (date_maj) is required, a valid date not after `today` ("YYYY-MM-DD").
// Identity (source, ext_id) is checked when present; the store assigns it to new entries.
Structure validate_structure(const Structure& in, const std::string& today, const Referentials& refs, Validator prior = {});
Service validate_service(const Service& in, const std::string& today, const Referentials& refs, Validator prior = {});

// A number typed in a form or a CSV cell: "7,5" and "7.5" both read 7.5; "" reads nullopt.
// Sets `ok` to false (and returns nullopt) for anything else.
std::optional<double> parse_decimal(const std::string& text, bool& ok);
std::optional<int> parse_integer(const std::string& text, bool& ok);

// Eligibility zone codes as people type them: separated by commas, semicolons, spaces or '|'.
std::vector<std::string> split_codes(const std::string& text);

// How pages show a telephone number: "05 49 00 00 08" for ten digits, other forms as stored.
// (Distances: text::format_km.)
std::string display_phone(const std::string& phone);
// Where a service is received, on one line ("22 rue Carnot, 86000 Poitiers"): the service's own
// address when it names one, else its structure's. Reads the process's communes for the name.
std::string display_address(const Service& service, const Structure& structure);
// The telephone number to call for a service: its own, else its structure's (as stored).
const std::string& contact_phone(const Service& service, const Structure& structure);

// True when the entry was last updated 12 months or more before `today` (same day a year
// before; 29 February counts from 28 February), or when `updated_on` is not a valid date.
bool is_stale(const std::string& updated_on, const std::string& today);

// Who is acting, as far as the directory cares.
struct Actor {
  bool platform_admin = false;
  // The organisations the caller acts for: a user's memberships, or an API token's organisation.
  std::vector<long long> organisations;
};

enum class Action {
  read,            // the structure and its published services: anyone, without login
  read_unpublished,  // its draft and archived services
  create,          // a structure for its organisation, or a service of the structure
  edit,
  publish,
  archive,
  import,          // create or update it from a data·inclusion file
};

// The one access decision of the directory, for pages, API and imports alike. Reading is
// public. Every other action on a structure (and its services) belongs to the members of the
// structure's organisation; a structure without organisation (imported from elsewhere) is
// managed by the platform administrator. For `create`, pass a structure whose
// organisation_id is the organisation it is created for.
bool can(const Actor& who, const Structure& structure, Action a);

}  // namespace jalon::directory
