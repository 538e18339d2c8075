#include "appointments/ics.h"

#include <date/date.h>

namespace jalon::appointments::ics {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      out += "\\n";
      ++i;
    } else if (c == '\n' || c == '\r') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      // Other control characters are not allowed in TEXT: dropped.
    } else {
      out += c;
    }
  }
  return out;
}

std::string fold(const std::string& line) {
  std::string out;
  std::size_t pos = 0, limit = 75;  // the first line holds 75 octets, the next ones a space and 74
  while (line.size() - pos > limit) {
    std::size_t n = limit;
    // Back off to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (n > 0 && (static_cast<unsigned char>(line[pos + n]) & 0xC0) == 0x80) --n;
    out.append(line, pos, n);
    out += "\r\n ";
    pos += n;
    limit = 74;
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
  return out;
}

std::string utc_stamp(time::Instant t) {
  return date::format("%Y%m%dT%H%M%SZ", t);
}

std::string calendar(const std::vector<Event>& events, const std::string& name, time::Instant stamp) {
  std::string out;
  out += fold("BEGIN:VCALENDAR");
  out += fold("VERSION:2.0");
  out += fold("PRODID:-//Jalon//Rendez-vous//FR");
  out += fold("CALSCALE:GREGORIAN");
  out += fold("METHOD:PUBLISH");
  out += fold("X-WR-CALNAME:" + escape(name));
  for (const auto& e : events) {
    out += fold("BEGIN:VEVENT");
    out += fold("UID:" + e.uid);
    out += fold("DTSTAMP:" + utc_stamp(stamp));
    out += fold("DTSTART:" + utc_stamp(e.start));
    out += fold("DTEND:" + utc_stamp(e.start + std::chrono::minutes(e.duration_minutes)));
    out += fold("SUMMARY:" + escape(e.summary));
    if (!e.location.empty()) out += fold("LOCATION:" + escape(e.location));
    if (!e.description.empty()) out += fold("DESCRIPTION:" + escape(e.description));
    if (!e.url.empty()) out += fold("URL:" + e.url);
    out += fold(std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
    out += fold("END:VEVENT");
  }
  out += fold("END:VCALENDAR");
  return out;
}

}  // namespace jalon::appointments::ics
