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

// "28/11/2026 à 10:30" in `tz`: how the UI shows an instant.
std::string display(Instant t, const std::string& tz = "Europe/Paris");

// "2006-03-14" -> "14/03/2006": how the UI shows a civil date; other text as it is.
std::string display_civil(const std::string& civil);

// True for an existing "YYYY-MM-DD" date.
bool valid_civil_date(std::string_view s);

}  // namespace jalon::time
