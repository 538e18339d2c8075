// Text helpers shared by every room: trimming, folding for search, e-mail syntax, URL coding.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jalon::text {

std::string trim(std::string_view s);

// Number of characters (code points) of UTF-8 text.
std::size_t utf8_length(std::string_view s);
// At most `max_bytes` of `s`, cut on a character boundary (the result stays valid UTF-8).
std::string cut_utf8(std::string_view s, std::size_t max_bytes);

// Lowercase without accents ("Élodie" -> "elodie"), for accent- and case-insensitive search
// and comparison. Thread-safe.
std::string fold(std::string_view utf8);

// True when `s` is well-formed UTF-8 (shortest forms, no surrogates).
bool utf8_well_formed(std::string_view s);
// True when `s` is well-formed UTF-8 without control characters other than tab, CR and LF.
bool valid_utf8(std::string_view s);

// A plausible e-mail address: one '@', a non-empty local part, a domain with a dot, no spaces,
// at most 254 bytes. Deliverability is proven by the links we send, not by syntax.
bool plausible_email(std::string_view s);

// Trimmed and lowercased (ASCII) e-mail, the form in which addresses are stored and compared.
std::string normalise_email(std::string_view s);

std::string url_decode(std::string_view s, bool plus_is_space = true);
std::string url_encode(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);

// A distance as pages show it: "2,4 km" under 10 km, "37 km" above.
std::string format_km(double km);

// A count as French text writes it: "20 000" (thousands apart by a no-break space).
std::string thousands(long long n);

// Escapes a string for inclusion in a JSON string literal (without the quotes).
std::string json_escape(std::string_view s);
// Appends `s` to `out` as a JSON string, quotes included, escaped as json_escape does.
void append_json_string(std::string& out, std::string_view s);

}  // namespace jalon::text
