#include "appointments/rules.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <cmath>

#include "base/errors.h"
#include "base/text.h"

namespace jalon::appointments {

const std::vector<Transition>& transitions() {
  using S = Status;
  static const std::vector<Transition> table = {
      {S::planned, S::seen, true},       {S::planned, S::excused, false}, {S::planned, S::no_show, true},
      {S::planned, S::cancelled, false}, {S::seen, S::excused, false},    {S::seen, S::no_show, true},
      {S::excused, S::seen, true},       {S::excused, S::no_show, true},  {S::no_show, S::seen, true},
      {S::no_show, S::excused, false},
  };
  return table;
}

std::string refusal(Status from, Status to, bool has_started) {
  if (from == to) return std::string("Le rendez-vous est déjà au statut « ") + status_label(to) + " ».";
  if (from == Status::cancelled) return "Un rendez-vous annulé ne change plus de statut : créez-en un nouveau.";
  if (to == Status::planned)
    return "Une présence enregistrée ne redevient pas « prévu » : corrigez-la vers venu, excusé ou absent.";
  if (from != Status::planned && to == Status::cancelled)
    return "La présence est déjà enregistrée : corrigez-la plutôt que d'annuler le rendez-vous.";
  for (const auto& t : transitions())
    if (t.from == from && t.to == to) {
      if (t.needs_start && !has_started)
        return std::string("Le rendez-vous n'a pas encore commencé : la personne ne peut pas encore être notée « ") +
               status_label(to) + " ».";
      return "";
    }
  return std::string("Passage impossible de « ") + status_label(from) + " » à « " + status_label(to) + " ».";
}

std::string person_cancel_refusal(Status current, bool has_started) {
  if (current != Status::planned) return "Ce rendez-vous n'est plus prévu : il ne peut pas être annulé.";
  if (has_started) return "Ce rendez-vous a déjà commencé : prévenez directement votre conseiller.";
  return "";
}

bool started(time::Instant starts_at, time::Instant now) {
  return now >= starts_at;
}

bool reminder_due(Status status, bool already_reminded, time::Instant starts_at, time::Instant now) {
  return status == Status::planned && !already_reminded && now < starts_at && starts_at - now <= std::chrono::hours(24);
}

namespace {
bool two_digits(const std::string& s, std::size_t at, int max, int& out) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return out <= max;
}
}  // namespace

std::optional<time::Instant> local_to_utc(const std::string& date, const std::string& hhmm, const std::string& tz) {
  if (!time::valid_civil_date(date)) return std::nullopt;
  int h = 0, m = 0;
  // "HH:MM", or "HH:MM:SS" with 00 seconds (what some browsers send).
  if (!(hhmm.size() == 5 || (hhmm.size() == 8 && hhmm.substr(5) == ":00")) || hhmm[2] != ':' ||
      !two_digits(hhmm, 0, 23, h) || !two_digits(hhmm, 3, 59, m))
    return std::nullopt;
  int y = std::stoi(date.substr(0, 4));
  unsigned mo = static_cast<unsigned>(std::stoi(date.substr(5, 2))),
           d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  date::local_seconds local = date::local_days{date::year{y} / date::month{mo} / date::day{d}} + std::chrono::hours(h) +
                              std::chrono::minutes(m);
  const date::time_zone* zone = date::locate_zone(tz);
  auto info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}

std::pair<std::string, std::string> utc_to_local(time::Instant t, const std::string& tz) {
  auto zt = date::make_zoned(date::locate_zone(tz), t);
  return {date::format("%Y-%m-%d", zt.get_local_time()), date::format("%H:%M", zt.get_local_time())};
}

std::string display_when(time::Instant t, const std::string& tz) {
  static const char* days[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
  static const char* months[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  auto local = date::make_zoned(date::locate_zone(tz), t).get_local_time();
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::weekday wd{day};
  unsigned dn = static_cast<unsigned>(ymd.day());
  return fmt::format("{} {}{} {} {} à {}", days[wd.c_encoding()], dn, dn == 1 ? "er" : "",
                     months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     date::format("%H:%M", local));
}

std::string display_hour(time::Instant t, const std::string& tz) {
  return utc_to_local(t, tz).second;
}

Appointment validate(const Input& in, time::Instant now, bool creating, const std::string& tz) {
  Validator v;
  Appointment a;
  if (!parse_kind(in.kind, a.kind)) v.add("kind", "Choisissez un rendez-vous individuel ou collectif.");
  std::optional<time::Instant> start;
  bool date_ok = time::valid_civil_date(text::trim(in.date));
  if (text::trim(in.date).empty())
    v.add("date", "Indiquez la date du rendez-vous.");
  else if (!date_ok)
    v.add("date", "La date n'est pas valide (format attendu : JJ/MM/AAAA).");
  if (text::trim(in.time).empty())
    v.add("time", "Indiquez l'heure du rendez-vous.");
  else if (date_ok) {
    start = local_to_utc(text::trim(in.date), text::trim(in.time), tz);
    if (!start) v.add("time", "L'heure n'est pas valide, ou n'existe pas ce jour-là (passage à l'heure d'été).");
  }
  if (start && creating && *start < now) v.add("date", "Le rendez-vous ne peut pas commencer dans le passé.");
  std::string duration = text::trim(in.duration);
  int minutes = 0;
  bool digits = !duration.empty() && duration.size() <= 4;
  for (char c : duration) digits = digits && c >= '0' && c <= '9';
  if (digits) minutes = std::stoi(duration);
  if (!digits || minutes < 5 || minutes > 600) v.add("duration", "Indiquez une durée en minutes, entre 5 et 600.");
  a.place = text::trim(in.place);
  a.video_url = text::trim(in.video_url);
  a.subject = text::trim(in.subject);
  if (a.subject.empty())
    v.add("subject", "Indiquez l'objet du rendez-vous.");
  else if (text::utf8_length(a.subject) > 200)
    v.add("subject", "L'objet tient en 200 caractères au plus.");
  if (text::utf8_length(a.place) > 300) v.add("place", "Le lieu tient en 300 caractères au plus.");
  if (!a.video_url.empty()) {
    bool web = a.video_url.rfind("https://", 0) == 0 || a.video_url.rfind("http://", 0) == 0;
    bool clean = a.video_url.size() <= 500 && a.video_url.find_first_of(" \t\r\n\"<>") == std::string::npos;
    if (!web || !clean || a.video_url.size() < 12)
      v.add("video_url", "Le lien de visio commence par https:// (exemple : https://visio.exemple.fr/salle).");
  }
  if (a.place.empty() && a.video_url.empty()) v.add("place", "Indiquez le lieu du rendez-vous, ou un lien de visio.");
  v.throw_if_any();
  a.starts_at = time::iso(*start);
  a.duration_minutes = minutes;
  a.counsellor_id = in.counsellor_id;
  return a;
}

std::optional<double> no_show_rate(const StatusCounts& c) {
  int due = c.seen + c.excused + c.no_show;
  if (due == 0) return std::nullopt;
  return static_cast<double>(c.no_show) / due;
}

std::string display_rate(const std::optional<double>& rate) {
  if (!rate) return "–";
  std::string s = fmt::format("{:.1f}", *rate * 100);
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  if (s.size() > 2 && s.substr(s.size() - 2) == ",0") s.resize(s.size() - 2);
  return s + " %";
}

}  // namespace jalon::appointments
