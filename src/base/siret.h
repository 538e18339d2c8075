// SIREN/SIRET identifiers of French establishments.
#pragma once
#include <string>
#include <string_view>

namespace jalon::siret {

// Removes spaces (as people type "123 456 789 00012").
std::string normalise(std::string_view input);

// True for 14 digits passing the Luhn checksum, or, for La Poste's establishments (SIREN
// 356000000), many of whose SIRETs do not follow Luhn, 14 digits whose sum is a multiple of 5.
bool valid(std::string_view siret);

// `first13` (13 digits) followed by the Luhn key that makes a valid SIRET.
std::string with_key(const std::string& first13);

}  // namespace jalon::siret
