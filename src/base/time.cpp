#include "base/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <sstream>

namespace jalon::time {
namespace {
std::mutex g_mutex;
std::function<Instant()> g_clock;
}  // namespace

Instant now() {
  {
    std::lock_guard lock(g_mutex);
    if (g_clock) return g_clock();
  }
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

void set_clock_for_tests(std::function<Instant()> clock) {
  std::lock_guard lock(g_mutex);
  g_clock = std::move(clock);
}

std::string iso(Instant t) {
  // By hand: every request and audit row asks for one, and date::format's stream cost more
  // than the audit row's insert.
  auto day = std::chrono::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<Instant> parse_iso(std::string_view s) {
  std::istringstream in{std::string(s)};
  Instant t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail()) return std::nullopt;
  return t;
}

std::string iso_now() { return iso(now()); }

std::string civil_date(Instant t, const std::string& tz) {
  auto zt = date::make_zoned(date::locate_zone(tz), t);
  return date::format("%Y-%m-%d", zt.get_local_time());
}

std::string today(const std::string& tz) { return civil_date(now(), tz); }

std::string civil_date_of(std::string_view iso_instant, const std::string& tz) {
  if (auto t = parse_iso(iso_instant)) return civil_date(*t, tz);
  return std::string(iso_instant.substr(0, 10));
}

std::string start_of_day(const std::string& civil, const std::string& tz) {
  std::istringstream in{civil};
  date::local_days day;
  in >> date::parse("%Y-%m-%d", day);
  if (in.fail()) throw std::invalid_argument("start_of_day: not a date: " + civil);
  // A day that begins in a gap or an overlap of the zone (none does at midnight in Paris): the
  // earliest instant of it.
  auto zt = date::make_zoned(date::locate_zone(tz), day, date::choose::earliest);
  return iso(std::chrono::time_point_cast<std::chrono::seconds>(zt.get_sys_time()));
}

std::string display(Instant t, const std::string& tz) {
  auto zt = date::make_zoned(date::locate_zone(tz), t);
  return date::format("%d/%m/%Y à %H:%M", zt.get_local_time());
}

std::string display_civil(const std::string& civil) {
  if (civil.size() != 10) return civil;
  return civil.substr(8, 2) + "/" + civil.substr(5, 2) + "/" + civil.substr(0, 4);
}

bool valid_civil_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}.ok();
}

}  // namespace jalon::time
