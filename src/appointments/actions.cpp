#include "appointments/actions.h"

#include <fmt/format.h>

#include <algorithm>

#include "accounts/store.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "base/errors.h"
#include "mail/outbox.h"
#include "notifications/notify.h"

namespace jalon::appointments {

namespace {
time::Instant start_of(const Appointment& a) {
  auto t = time::parse_iso(a.starts_at);
  return t ? *t : time::Instant{};
}

const Participant* participant(const Appointment& a, long long person) {
  for (const auto& p : a.participants)
    if (p.person_id == person) return &p;
  return nullptr;
}

std::string link_to(const Appointment& a) {
  return "/organisations/" + std::to_string(a.organisation_id) + "/rendez-vous/" + std::to_string(a.id);
}

std::string details(const Appointment& a) {
  std::string out =
      "  Quand : " + display_when(start_of(a)) + " (" + std::to_string(a.duration_minutes) + " minutes)\n";
  out += "  Avec : " + a.counsellor_name + ", " + a.organisation_name + "\n";
  out += "  Objet : " + a.subject + "\n";
  if (!a.place.empty()) out += "  Lieu : " + a.place + "\n";
  if (!a.video_url.empty()) out += "  Visio : " + a.video_url + "\n";
  return out;
}
}  // namespace

long long create_appointment(db::Tx& tx, long long org, const Input& in, const std::vector<long long>& people,
                             long long by_user, time::Instant now) {
  Appointment a = validate(in, now, true);
  if (a.counsellor_id <= 0 || !accounts::store::member(tx, org, a.counsellor_id))
    throw ValidationError("counsellor_id", "Choisissez un conseiller parmi les membres de votre organisation.");
  if (a.kind == Kind::individual && people.size() != 1)
    throw ValidationError("kind", "Un rendez-vous individuel concerne une seule personne.");
  long long id = store::create(tx, org, a, by_user);
  for (long long person : people) store::add_participant(tx, id, person);
  if (a.counsellor_id != by_user) {
    auto created = store::find(tx, id);
    auto author = accounts::store::find_user(tx, by_user);
    notifications::notify(tx, a.counsellor_id, "appointment.assigned",
                          (author ? author->display_name : std::string("Un collègue")) +
                              " vous confie un rendez-vous " + kind_label(a.kind) + " le " +
                              display_when(start_of(*created)) + " : " + a.subject + ".",
                          link_to(*created));
  }
  return id;
}

void enrol(db::Tx& tx, const Appointment& a, long long person, time::Instant now) {
  if (a.kind != Kind::collective) throw Conflict("Seul un rendez-vous collectif accueille plusieurs personnes.");
  if (started(start_of(a), now)) throw Conflict("Ce rendez-vous collectif a déjà commencé.");
  bool all_cancelled = !a.participants.empty();
  for (const auto& p : a.participants) all_cancelled = all_cancelled && p.status == Status::cancelled;
  if (all_cancelled) throw Conflict("Ce rendez-vous collectif est annulé.");
  store::add_participant(tx, a.id, person);
}

void change_status(db::Tx& tx, const Appointment& a, long long person, Status to, long long by_user,
                   time::Instant now) {
  const Participant* p = participant(a, person);
  if (!p) throw NotFound("Cette personne ne participe pas à ce rendez-vous.");
  std::string why = refusal(p->status, to, started(start_of(a), now));
  if (!why.empty()) throw Conflict(why);
  store::set_status(tx, a.id, person, to, by_user, false);
}

int cancel(db::Tx& tx, const Appointment& a, long long by_user, time::Instant now, const std::string& base_url) {
  int n = 0;
  bool has_started = started(start_of(a), now);
  for (const auto& p : a.participants) {
    if (p.status != Status::planned) continue;
    store::set_status(tx, a.id, p.person_id, Status::cancelled, by_user, false);
    ++n;
    // Only an appointment still to come is worth an e-mail.
    if (!p.email.empty() && !has_started) {
      Mail m = cancellation_mail(a, p, base_url);
      mail::enqueue(tx, p.email, m.subject, m.body);
    }
  }
  if (n == 0) throw Conflict("Plus personne n'est attendu à ce rendez-vous : il n'y a rien à annuler.");
  return n;
}

void cancel_by_person(db::Tx& tx, const Appointment& a, long long person, time::Instant now) {
  const Participant* p = participant(a, person);
  if (!p) throw NotFound("Ce rendez-vous n'existe pas.");
  std::string why = person_cancel_refusal(p->status, started(start_of(a), now));
  if (!why.empty()) throw Conflict(why);
  store::set_status(tx, a.id, person, Status::excused, 0, true);
  notifications::notify(tx, a.counsellor_id, "appointment.cancelled_by_person",
                        p->first_name + " " + p->last_name + " annule sa venue au rendez-vous du " +
                            display_when(start_of(a)) + " (" + a.subject + ").",
                        link_to(a));
}

int send_reminders(db::Database& db, const std::string& base_url, time::Instant now) {
  std::string from = time::iso(now), until = time::iso(now + std::chrono::hours(24));
  {
    // Most passes find nothing: look first without taking SQLite's write lock.
    db::Tx look(db, db::Tx::Mode::read);
    if (store::reminders_due(look, from, until, 1).empty()) return 0;
  }
  int sent = 0;
  db::transact(db, [&](db::Tx& tx) {
    sent = 0;
    if (tx.engine() == db::Engine::postgresql) {
      // Held until this transaction ends: a second server skips the pass instead of waiting.
      int got = 0;
      tx.sql() << "SELECT CASE WHEN pg_try_advisory_xact_lock(7419009) THEN 1 ELSE 0 END", soci::into(got);
      if (!got) return;
    }
    for (const auto& a : store::reminders_due(tx, from, until, 200)) {
      const Participant& p = a.participants.front();
      if (!store::mark_reminded(tx, a.id, p.person_id, from)) continue;
      Mail m = reminder_mail(a, p, base_url);
      mail::enqueue(tx, p.email, m.subject, m.body);
      ++sent;
    }
  });
  return sent;
}

Mail reminder_mail(const Appointment& a, const Participant& p, const std::string& base_url) {
  Mail m;
  m.subject = "Rappel : votre rendez-vous du " + display_when(start_of(a));
  m.body =
      "Bonjour " + p.first_name + ",\n\nNous vous rappelons votre rendez-vous :\n\n" + details(a) +
      "\nSi vous ne pouvez pas venir, prévenez-nous : vous pouvez annuler votre venue depuis votre espace personnel, " +
      base_url + "/mon-espace\n\n-- \nJalon, pour " + a.organisation_name + "\n";
  return m;
}

Mail cancellation_mail(const Appointment& a, const Participant& p, const std::string& base_url) {
  Mail m;
  m.subject = "Rendez-vous annulé : " + display_when(start_of(a));
  m.body = "Bonjour " + p.first_name + ",\n\nLe rendez-vous suivant est annulé :\n\n" + details(a) +
           "\nVotre conseiller reviendra vers vous pour en fixer un autre si besoin. Vos rendez-vous sont dans votre "
           "espace personnel, " +
           base_url + "/mon-espace\n\n-- \nJalon, pour " + a.organisation_name + "\n";
  return m;
}

std::string host_of(const std::string& base_url) {
  std::string h = base_url;
  if (auto s = h.find("://"); s != std::string::npos) h = h.substr(s + 3);
  h = h.substr(0, h.find_first_of("/:"));
  return h.empty() ? "jalon.local" : h;
}

std::vector<ics::Event> events(const std::vector<Appointment>& list, const std::string& host, long long person,
                               const std::function<bool(long long)>& visible) {
  std::vector<ics::Event> out;
  for (const auto& a : list) {
    ics::Event e;
    e.start = start_of(a);
    e.duration_minutes = a.duration_minutes;
    e.location = a.place;
    e.url = a.video_url;
    std::string description = std::string("Rendez-vous ") + kind_label(a.kind) + " – " + a.organisation_name +
                              "\nConseiller : " + a.counsellor_name;
    if (!a.video_url.empty()) description += "\nVisio : " + a.video_url;
    if (person) {
      const Participant* p = participant(a, person);
      if (!p) continue;
      e.uid = fmt::format("rdv-{}-p-{}@{}", a.id, person, host);
      e.summary = a.subject + " (" + a.organisation_name + ")";
      e.cancelled = p->status == Status::cancelled || p->status == Status::excused;
    } else {
      e.uid = fmt::format("rdv-{}@{}", a.id, host);
      std::string names;
      int hidden = 0;
      for (const auto& p : a.participants) {
        if (!visible(p.person_id)) {
          ++hidden;
          continue;
        }
        names += (names.empty() ? "" : ", ") + p.first_name + " " + p.last_name;
      }
      if (hidden) names += (names.empty() ? "" : ", ") + std::to_string(hidden) + " autre(s)";
      e.summary = a.subject + (names.empty() ? "" : " – " + names);
      e.cancelled =
          !a.participants.empty() && std::all_of(a.participants.begin(), a.participants.end(),
                                                 [](const Participant& p) { return p.status == Status::cancelled; });
    }
    e.description = description;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace jalon::appointments
