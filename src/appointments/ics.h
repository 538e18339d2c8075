// iCalendar (RFC 5545) text of appointments, for calendar applications. Pure.
#pragma once
#include <string>
#include <vector>

#include "base/time.h"

namespace jalon::appointments::ics {

struct Event {
  std::string uid;  // globally unique and stable: "rdv-12-p-34@jalon.example.fr"
  time::Instant start;
  int duration_minutes = 0;
  std::string summary, location, description, url;
  bool cancelled = false;
};

// TEXT value escaping: backslash, semicolon and comma are escaped with a backslash, line breaks
// (LF or CRLF) become "\n".
std::string escape(const std::string& text);
// One content line folded at 75 octets (RFC 5545 3.1): CRLF and a space before each
// continuation, never inside a UTF-8 character; ends with CRLF.
std::string fold(const std::string& line);
// "20261201T083000Z"
std::string utc_stamp(time::Instant t);

// A VCALENDAR of `events` (times in UTC, DTSTAMP `stamp`), named `name` for the applications
// that show one (X-WR-CALNAME). CRLF line ends throughout.
std::string calendar(const std::vector<Event>& events, const std::string& name, time::Instant stamp);

}  // namespace jalon::appointments::ics
