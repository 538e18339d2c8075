// Instants and civil dates. Instants are stored as ISO 8601 UTC text ("2026-11-28T09:30:00Z"),
// which sorts the same on both engines; civil dates as "YYYY-MM-DD". "Today" is always computed
// here, in the organisation's time zone, and passed to rules and queries.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace jalon::time {

using Instant = std::chrono::sys_seconds;

// The clock every room reads. Tests replace it with a fixed instant.
Instant now();
void set_clock_for_tests(std::function<Instant()> clock);  // empty function restores the system clock

std::string iso(Instant t);                         // "2026-11-28T09:30:00Z"
std::optional<Instant> parse_iso(std::string_view s);  // inverse of iso()
std::string iso_now();

// The civil date ("YYYY-MM-DD") of `t` in the IANA zone `tz` (e.g. "Europe/Paris").
std::string civil_date(Instant t, const std::string& tz = "Europe/Paris");
std::string today(const std::string& tz = "Europe/Paris");
// The civil date in `tz` of a stored instant ("2026-08-31T23:30:00Z" -> "2026-09-01" in Paris),
// not its first ten characters, which name the UTC day. Text that is not an instant: its first
// ten characters (a civil date stays itself).
std::string civil_date_of(std::string_view iso_instant, const std::string& tz = "Europe/Paris");
// The stored instant at which civil date `civil` begins in `tz` ("2026-09-01" ->
// "2026-08-31T22:00:00Z" in Paris): what "updated before that day" compares a stored instant with.
std::string start_of_day(const std::string& civil, const std::string& tz = "Europe/Paris");

// "28/11/2026 à 10:30" in `tz`: how the UI shows an instant.
std::string display(Instant t, const std::string& tz = "Europe/Paris");

// "2006-03-14" -> "14/03/2006": how the UI shows a civil date; other text as it is.
std::string display_civil(const std::string& civil);

// True for an existing "YYYY-MM-DD" date.
bool valid_civil_date(std::string_view s);

}  // namespace jalon::time
