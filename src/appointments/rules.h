// Pure decisions about appointments: the attendance state machine, validation of what is
// typed, times in the organisation's zone, reminders, no-show rates. No I/O, no clock: `now`
// is passed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "appointments/model.h"
#include "base/time.h"

namespace jalon::appointments {

// The attendance state machine, as a table. A planned appointment becomes seen, excused,
// no-show or cancelled; a recorded attendance (seen, excused, no-show) may be corrected to
// another one; cancelled is final and nothing goes back to planned. Seen and no-show need the
// appointment to have started.
struct Transition {
  Status from, to;
  bool needs_start;
};
const std::vector<Transition>& transitions();

// Why `from` may not become `to` when the appointment has (or has not) started, in French; ""
// when it may.
std::string refusal(Status from, Status to, bool started);
inline bool allowed(Status from, Status to, bool started) {
  return refusal(from, to, started).empty();
}

// The person cancels their own coming, from their space: only a planned appointment that has
// not started; it becomes "excused" (by the person). Returns the French reason, or "".
std::string person_cancel_refusal(Status current, bool started);

// Whether the appointment starting at `starts_at` has started at `now`.
bool started(time::Instant starts_at, time::Instant now);

// A reminder is due once, within the 24 hours before the start, for a planned participant.
bool reminder_due(Status status, bool already_reminded, time::Instant starts_at, time::Instant now);

// The UTC instant of a civil date and "HH:MM" time in the zone `tz`; nullopt when the text is
// not a date and a time, or when that time does not exist that day (spring change of hour).
// An ambiguous time (autumn) is its first occurrence.
std::optional<time::Instant> local_to_utc(const std::string& date, const std::string& hhmm,
                                          const std::string& tz = "Europe/Paris");
// The civil date and "HH:MM" of `t` in `tz`.
std::pair<std::string, std::string> utc_to_local(time::Instant t, const std::string& tz = "Europe/Paris");
// "lundi 1er décembre 2026 à 09:30" in `tz`.
std::string display_when(time::Instant t, const std::string& tz = "Europe/Paris");
// "09:30" in `tz`.
std::string display_hour(time::Instant t, const std::string& tz = "Europe/Paris");

// Validates `in` (ValidationError naming each field: kind, date, time, duration, place,
// video_url, subject) and returns the appointment it describes (kind, starts_at in UTC,
// duration, place, video link, subject, counsellor). Either a place or a video link is needed.
// A new appointment may not start in the past (`creating` and `now`).
Appointment validate(const Input& in, time::Instant now, bool creating, const std::string& tz = "Europe/Paris");

// No-shows among the appointments whose outcome is known (seen + excused + no-show), or
// nullopt when there are none. Planned and cancelled ones do not count.
std::optional<double> no_show_rate(const StatusCounts& c);
// "12,5 %" or "–".
std::string display_rate(const std::optional<double>& rate);

}  // namespace jalon::appointments
