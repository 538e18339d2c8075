// The appointment pages: a person's appointments and the new-appointment form, collective
// appointments, an appointment with its attendance, the counsellor's agenda, iCalendar exports
// and the no-show statistics.
#include "appointments/routes.h"

#include <fmt/format.h>

#include "accounts/store.h"
#include "appointments/actions.h"
#include "appointments/ics.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "base/text.h"
#include "http/page.h"
#include "people/access.h"
#include "people/routes.h"
#include "people/store.h"

namespace jalon::appointments {

using namespace http;

void audit_each(Ctx& ctx, const std::vector<long long>& people_ids, const std::string& action,
                const std::string& detail) {
  if (people_ids.empty()) return;
  std::vector<people::AuditEntry> entries;
  auto org = ctx.req.params.find("org");
  for (long long id : people_ids) {
    people::AuditEntry e;
    e.user_id = ctx.who.user_id;
    e.token_id = ctx.who.token_id;
    e.organisation_id = org == ctx.req.params.end() ? 0 : parse_id(org->second);
    e.person_id = id;
    e.action = action;
    e.detail = detail;
    e.ip = ctx.req.remote_ip;
    entries.push_back(std::move(e));
  }
  if (ctx.tx.mode() == db::Tx::Mode::write || !ctx.db) {
    for (const auto& e : entries) people::store::audit(ctx.tx, e);
    return;
  }
  db::transact_together(*ctx.db, [&](db::Tx& own) {
    for (const auto& e : entries) people::store::audit(own, e);
  });
}

namespace {

std::string org_base(long long org) {
  return "/organisations/" + std::to_string(org);
}
std::string person_base(long long org, long long person) {
  return org_base(org) + "/personnes/" + std::to_string(person);
}
std::string appointment_url(long long org, long long id) {
  return org_base(org) + "/rendez-vous/" + std::to_string(id);
}

time::Instant start_of(const Appointment& a) {
  auto t = time::parse_iso(a.starts_at);
  return t ? *t : time::Instant{};
}

Appointment load(Ctx& ctx) {
  auto a = store::find(ctx.tx, ctx.id("appointment"));
  if (!a || a->organisation_id != ctx.org())
    throw NotFound("Ce rendez-vous n'existe pas ou n'est pas celui de votre organisation.");
  return *a;
}

std::vector<long long> participant_ids(const std::vector<Appointment>& list) {
  std::vector<long long> ids;
  for (const auto& a : list)
    for (const auto& p : a.participants) ids.push_back(p.person_id);
  return ids;
}

// The status of an appointment as a whole, for lists.
std::string overall_status(const Appointment& a) {
  if (a.participants.empty()) return "aucun inscrit";
  if (a.participants.size() == 1) return status_label(a.participants.front().status);
  StatusCounts c;
  for (const auto& p : a.participants) ++c.of(p.status);
  if (c.cancelled == c.total()) return "annulé";
  std::string out;
  for (Status s : all_statuses())
    if (int n = c.of(s)) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + status_label(s);
  return out;
}

// Fills one row of a list of appointments.
void fill_row(ctemplate::TemplateDictionary* d, const Appointment& a, long long org, const std::set<long long>& visible,
              long long only_person = 0) {
  d->SetIntValue("ID", a.id);
  d->SetValue("URL", appointment_url(org, a.id));
  d->SetValue("WHEN", display_when(start_of(a)));
  d->SetValue("HOUR", display_hour(start_of(a)));
  d->SetIntValue("DURATION", a.duration_minutes);
  d->SetValue("SUBJECT", a.subject);
  d->SetValue("KIND", kind_label(a.kind));
  d->SetValue("COUNSELLOR", a.counsellor_name);
  d->SetValue("WHERE", a.place.empty() ? "en visio" : a.place);
  std::string names;
  int hidden = 0;
  for (const auto& p : a.participants) {
    if (!visible.count(p.person_id)) {
      ++hidden;
      continue;
    }
    names += (names.empty() ? "" : ", ") + p.first_name + " " + p.last_name;
  }
  if (hidden)
    names +=
        (names.empty() ? "" : ", ") + std::to_string(hidden) + " personne(s) dont la fiche ne vous est plus accessible";
  d->SetValue("WHO", names.empty() ? "aucun inscrit" : names);
  std::string status = overall_status(a);
  if (only_person)
    for (const auto& p : a.participants)
      if (p.person_id == only_person)
        status = std::string(status_label(p.status)) + (p.by_person ? " (par la personne)" : "");
  d->SetValue("STATUS", status);
}

// --- the form -------------------------------------------------------------------------------

Input read_input(Ctx& ctx, Kind kind) {
  const Form& f = ctx.form();
  Input in;
  in.kind = kind_code(kind);
  in.date = f.get("date");
  in.time = f.get("time");
  in.duration = f.get("duration");
  in.place = f.get("place");
  in.video_url = f.get("video_url");
  in.subject = f.get("subject");
  in.counsellor_id = parse_id(f.get("counsellor_id"));
  return in;
}

Response appointment_form(Ctx& ctx, const Input& values, const people::Person* person, const ValidationError* err) {
  long long org = ctx.org();
  Page page(ctx, "appointments/form",
            person ? "Nouveau rendez-vous avec " + person->first_name + " " + person->last_name
                   : "Nouveau rendez-vous collectif");
  auto& b = page.body();
  if (person) {
    b.SetValue("ACTION", person_base(org, person->id) + "/rendez-vous");
    b.SetValue("BACK", person_base(org, person->id) + "/rendez-vous");
    b.SetValue("BACK_LABEL", "Rendez-vous de " + person->first_name + " " + person->last_name);
  } else {
    b.SetValue("ACTION", org_base(org) + "/rendez-vous");
    b.SetValue("BACK", org_base(org) + "/agenda");
    b.SetValue("BACK_LABEL", "Agenda");
    b.ShowSection("COLLECTIVE");
  }
  page.field("date", "Date", "date", values.date, {"Au format JJ/MM/AAAA.", "off", true});
  page.field("time", "Heure de début", "time", values.time, {"Heure de Paris.", "off", true});
  page.field("duration", "Durée (en minutes)", "number", values.duration.empty() ? "45" : values.duration,
             {"Entre 5 et 600 minutes.", "off", true});
  std::vector<Page::Option> counsellors;
  for (const auto& m : accounts::store::members(ctx.tx, org))
    counsellors.push_back({std::to_string(m.user_id), m.display_name, ""});
  long long chosen = values.counsellor_id ? values.counsellor_id : ctx.who.user_id;
  page.select("counsellor_id", "Conseiller", counsellors, std::to_string(chosen));
  page.field(
      "subject", "Objet", "text", values.subject,
      {person ? "Par exemple : point sur la recherche d'emploi." : "Par exemple : atelier CV, information collective.",
       "off", true});
  page.field("place", "Lieu", "text", values.place,
             {"Adresse ou salle ; laissez vide pour un rendez-vous en visio.", "off", false});
  page.field("video_url", "Lien de visio", "url", values.video_url, {"Commence par https://.", "off", false});
  if (err) page.errors(*err);
  return page.render();
}

people::Person person_for_form(Ctx& ctx) {
  return people::require(ctx, ctx.id("person"), people::Action::read, "read");
}

Response new_individual(Ctx& ctx) {
  people::Person p = person_for_form(ctx);
  return appointment_form(ctx, Input{}, &p, nullptr);
}

Response create_individual(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::write, "appointment.create");
  long long id =
      create_appointment(ctx.tx, org, read_input(ctx, Kind::individual), {p.id}, ctx.who.user_id, time::now());
  people::audit(ctx, p.id, "appointment.create", "rendez-vous n° " + std::to_string(id));
  return redirect_with_flash(appointment_url(org, id), "Le rendez-vous est enregistré.");
}

Response create_collective(Ctx& ctx) {
  long long org = ctx.org();
  long long id = create_appointment(ctx.tx, org, read_input(ctx, Kind::collective), {}, ctx.who.user_id, time::now());
  return redirect_with_flash(
      appointment_url(org, id),
      "Le rendez-vous collectif est enregistré. Inscrivez-y des personnes depuis leur fiche ou ci-dessous.");
}

// --- a person's appointments ------------------------------------------------------------------

Response person_list(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "appointment.list");
  Page page(ctx, "appointments/person", "Rendez-vous de " + p.first_name + " " + p.last_name);
  auto& b = page.body();
  b.SetValue("PERSON_URL", person_base(org, p.id));
  b.SetValue("PERSON_NAME", p.first_name + " " + p.last_name);
  b.SetValue("NEW_URL", person_base(org, p.id) + "/rendez-vous/nouveau");
  b.SetValue("ICS_URL", person_base(org, p.id) + "/rendez-vous/calendrier.ics");
  auto list = store::of_person(ctx.tx, p.id, org, 200);
  std::set<long long> visible = people::store::with_grant(ctx.tx, org, participant_ids(list));
  time::Instant now = time::now();
  // The list comes latest first: those to come are shown soonest first, then the past ones.
  for (auto it = list.rbegin(); it != list.rend(); ++it)
    if (start_of(*it) >= now) fill_row(b.AddSectionDictionary("UPCOMING"), *it, org, visible, p.id);
  for (const auto& a : list)
    if (start_of(a) < now) fill_row(b.AddSectionDictionary("PAST"), a, org, visible, p.id);
  if (list.empty()) b.ShowSection("NONE");
  std::vector<Page::Option> sessions;
  for (const auto& a : store::upcoming_collective(ctx.tx, org, time::iso(now), 50)) {
    bool in = false;
    for (const auto& pa : a.participants) in = in || pa.person_id == p.id;
    if (!in) sessions.push_back({std::to_string(a.id), display_when(start_of(a)) + " – " + a.subject, ""});
  }
  if (!sessions.empty()) {
    b.AddSectionDictionary("ENROL")->SetValue("ACTION", person_base(org, p.id) + "/rendez-vous/inscription");
    page.select("appointment_id", "Séance collective à venir", sessions, "");
  }
  return page.render();
}

Response enrol_person(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::write, "appointment.enrol");
  long long id = parse_id(ctx.form().get("appointment_id"));
  if (id <= 0) throw ValidationError("appointment_id", "Choisissez une séance collective.");
  auto a = store::find(ctx.tx, id);
  if (!a || a->organisation_id != org)
    throw ValidationError("appointment_id", "Cette séance n'existe pas dans votre organisation.");
  enrol(ctx.tx, *a, p.id, time::now());
  people::audit(ctx, p.id, "appointment.enrol", "rendez-vous n° " + std::to_string(id));
  return redirect_with_flash(person_base(org, p.id) + "/rendez-vous",
                             p.first_name + " " + p.last_name + " est inscrit(e) à la séance.");
}

Response ics_response(const std::string& body, const std::string& filename) {
  Response r = Response::text(body, 200, "text/calendar; charset=utf-8");
  r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

Response person_ics(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "appointment.ics");
  auto list = store::of_person(ctx.tx, p.id, org, 500);
  auto events = appointments::events(list, host_of(ctx.config.base_url), p.id, [](long long) { return true; });
  return ics_response(ics::calendar(events, "Rendez-vous de " + p.first_name + " " + p.last_name, time::now()),
                      "rendez-vous-" + std::to_string(p.id) + ".ics");
}

// --- one appointment --------------------------------------------------------------------------

Response show(Ctx& ctx) {
  long long org = ctx.org();
  Appointment a = load(ctx);
  Page page(ctx, "appointments/show", std::string("Rendez-vous ") + kind_label(a.kind) + " : " + a.subject);
  auto& b = page.body();
  std::vector<long long> ids;
  for (const auto& p : a.participants) ids.push_back(p.person_id);
  std::set<long long> visible = people::store::with_grant(ctx.tx, org, ids);
  b.SetValue("AGENDA_URL", org_base(org) + "/agenda");
  b.SetValue("WHEN", display_when(start_of(a)));
  b.SetIntValue("DURATION", a.duration_minutes);
  b.SetValue("KIND", kind_label(a.kind));
  b.SetValue("COUNSELLOR", a.counsellor_name);
  b.SetValue("SUBJECT", a.subject);
  if (!a.place.empty()) b.AddSectionDictionary("PLACE")->SetValue("VALUE", a.place);
  if (!a.video_url.empty()) b.AddSectionDictionary("VIDEO")->SetValue("URL", a.video_url);
  bool has_started = started(start_of(a), time::now());
  bool any_planned = false;
  std::vector<long long> shown;
  int hidden = 0;
  for (const auto& p : a.participants) {
    any_planned = any_planned || p.status == Status::planned;
    if (!visible.count(p.person_id)) {
      ++hidden;
      continue;
    }
    shown.push_back(p.person_id);
    auto* d = b.AddSectionDictionary("PARTICIPANT");
    d->SetValue("NAME", p.first_name + " " + p.last_name);
    d->SetValue("URL", person_base(org, p.person_id) + "/rendez-vous");
    d->SetIntValue("PERSON_ID", p.person_id);
    d->SetValue("STATUS", std::string(status_label(p.status)) + (p.by_person ? " (par la personne)" : ""));
    d->SetValue("ACTION", appointment_url(org, a.id) + "/presence");
    bool any = false;
    for (Status s : all_statuses()) {
      if (!allowed(p.status, s, has_started)) continue;
      auto* o = d->AddSectionDictionary("OPTION");
      o->SetValue("VALUE", status_code(s));
      o->SetValue("LABEL", status_label(s));
      any = true;
    }
    if (any)
      d->ShowSection("CHANGEABLE");
    else
      d->ShowSection("FINAL");
  }
  if (hidden) b.AddSectionDictionary("HIDDEN")->SetIntValue("COUNT", hidden);
  if (a.participants.empty()) b.ShowSection("NOBODY");
  if (any_planned) b.AddSectionDictionary("CANCEL")->SetValue("ACTION", appointment_url(org, a.id) + "/annuler");
  if (a.kind == Kind::collective && !has_started) {
    b.AddSectionDictionary("ADD")->SetValue("ACTION", appointment_url(org, a.id) + "/participants");
    page.field("person_id", "Numéro de la fiche de la personne", "text", "",
               {"Le numéro figure dans l'adresse de sa fiche.", "off", true});
  }
  audit_each(ctx, shown, "appointment.read", "rendez-vous n° " + std::to_string(a.id));
  return page.render();
}

Response record_status(Ctx& ctx) {
  long long org = ctx.org();
  Appointment a = load(ctx);
  const Form& f = ctx.form();
  long long person = parse_id(f.get("person_id"));
  Status to;
  if (person <= 0) throw ValidationError("person_id", "Indiquez la personne dont vous notez la présence.");
  if (!parse_status(f.get("status"), to))
    throw ValidationError("status", "Choisissez un statut : venu, excusé, absent ou annulé.");
  people::Person p = people::check(ctx, person, people::Action::write, "appointment.status");
  change_status(ctx.tx, a, p.id, to, ctx.who.user_id, time::now());
  people::audit(ctx, p.id, "appointment.status", "rendez-vous n° " + std::to_string(a.id) + " : " + status_label(to));
  return redirect_with_flash(appointment_url(org, a.id),
                             "Présence de " + p.first_name + " " + p.last_name + " : " + status_label(to) + ".");
}

Response add_participant(Ctx& ctx) {
  long long org = ctx.org();
  Appointment a = load(ctx);
  long long person = parse_id(ctx.form().get("person_id"));
  if (person <= 0) throw ValidationError("person_id", "Indiquez le numéro de la fiche de la personne.");
  people::Person p = people::check(ctx, person, people::Action::write, "appointment.enrol");
  enrol(ctx.tx, a, p.id, time::now());
  people::audit(ctx, p.id, "appointment.enrol", "rendez-vous n° " + std::to_string(a.id));
  return redirect_with_flash(appointment_url(org, a.id), p.first_name + " " + p.last_name + " est inscrit(e).");
}

Response cancel_appointment(Ctx& ctx) {
  long long org = ctx.org();
  Appointment a = load(ctx);
  std::vector<long long> planned;
  for (const auto& p : a.participants)
    if (p.status == Status::planned) planned.push_back(p.person_id);
  int n = cancel(ctx.tx, a, ctx.who.user_id, time::now(), ctx.config.base_url);
  audit_each(ctx, planned, "appointment.cancel", "rendez-vous n° " + std::to_string(a.id));
  return redirect_with_flash(
      appointment_url(org, a.id),
      "Le rendez-vous est annulé (" + std::to_string(n) + " personne(s) prévenue(s) quand leur adresse est connue).");
}

// --- agenda, exports, statistics -------------------------------------------------------------

Response agenda(Ctx& ctx) {
  long long org = ctx.org();
  Page page(ctx, "appointments/agenda", "Agenda des rendez-vous");
  auto& b = page.body();
  auto members = accounts::store::members(ctx.tx, org);
  std::string who = ctx.req.query("conseiller");
  long long counsellor = who.empty() ? ctx.who.user_id : parse_id(who);
  bool known = false;
  std::vector<Page::Option> options{{"tous", "Tous les conseillers", ""}};
  std::string counsellor_name;
  for (const auto& m : members) {
    options.push_back({std::to_string(m.user_id), m.display_name, ""});
    if (m.user_id == counsellor) {
      known = true;
      counsellor_name = m.display_name;
    }
  }
  if (!known) counsellor = 0;
  std::string from = ctx.req.query("du");
  if (!time::valid_civil_date(from)) from = ctx.today();
  page.select("conseiller", "Conseiller", options, counsellor ? std::to_string(counsellor) : "tous", "", false);
  page.field("du", "À partir du", "date", from, {"", "off", false, false});
  auto start = local_to_utc(from, "00:00");
  std::string from_iso = time::iso(start ? *start : time::now());
  time::Instant now = time::now();
  auto upcoming = store::of_organisation(ctx.tx, org, counsellor, from_iso, "9999", 51);
  auto pending = store::to_record(ctx.tx, org, counsellor, time::iso(now), 50);
  std::vector<long long> ids = participant_ids(upcoming), more_ids = participant_ids(pending);
  ids.insert(ids.end(), more_ids.begin(), more_ids.end());
  std::set<long long> visible = people::store::with_grant(ctx.tx, org, ids);
  bool more = upcoming.size() > 50;
  if (more) upcoming.pop_back();
  std::string day;
  ctemplate::TemplateDictionary* day_dict = nullptr;
  for (const auto& a : upcoming) {
    std::string d = utc_to_local(start_of(a)).first;
    if (!day_dict || d != day) {
      day = d;
      day_dict = b.AddSectionDictionary("DAY");
      std::string when = display_when(start_of(a));
      day_dict->SetValue("LABEL", when.substr(0, when.rfind(" à ")));
    }
    fill_row(day_dict->AddSectionDictionary("ITEM"), a, org, visible);
  }
  if (upcoming.empty()) b.ShowSection("NONE");
  if (more) b.ShowSection("MORE");
  for (const auto& a : pending) fill_row(b.AddSectionDictionary("PENDING"), a, org, visible);
  if (!pending.empty()) b.ShowSection("HAS_PENDING");
  b.SetValue("NEW_URL", org_base(org) + "/rendez-vous/nouveau");
  b.SetValue("STATS_URL", org_base(org) + "/rendez-vous/statistiques");
  if (counsellor) {
    auto* ics = b.AddSectionDictionary("ICS");
    ics->SetValue("URL", org_base(org) + "/agenda/" + std::to_string(counsellor) + "/calendrier.ics");
    ics->SetValue("NAME", counsellor_name);
  }
  people::audit(ctx, 0, "agenda", "conseiller=" + std::to_string(counsellor) + " du=" + from);
  return page.render();
}

Response counsellor_ics(Ctx& ctx) {
  long long org = ctx.org(), user = ctx.id("user");
  auto m = accounts::store::member(ctx.tx, org, user);
  if (!m) throw NotFound("Ce conseiller n'est pas membre de votre organisation.");
  time::Instant now = time::now();
  auto list = store::of_organisation(ctx.tx, org, user, time::iso(now - std::chrono::hours(24 * 90)), "9999", 1000);
  auto ids = participant_ids(list);
  std::set<long long> visible = people::store::with_grant(ctx.tx, org, ids);
  auto events =
      appointments::events(list, host_of(ctx.config.base_url), 0, [&](long long p) { return visible.count(p) > 0; });
  std::vector<long long> named(visible.begin(), visible.end());
  audit_each(ctx, named, "appointment.ics", "agenda de " + m->display_name);
  return ics_response(ics::calendar(events, "Rendez-vous de " + m->display_name, now),
                      "agenda-" + std::to_string(user) + ".ics");
}

Response statistics(Ctx& ctx) {
  long long org = ctx.org();
  Page page(ctx, "appointments/stats", "Statistiques des rendez-vous");
  auto& b = page.body();
  std::string today = ctx.today();
  std::string from = ctx.req.query("du"), to = ctx.req.query("au");
  auto default_from = local_to_utc(today, "00:00");
  std::string ninety = utc_to_local(*default_from - std::chrono::hours(24 * 90)).first;
  std::vector<FieldError> errors;
  auto has = [&](const std::string& f) {
    for (const auto& e : errors)
      if (e.field == f) return true;
    return false;
  };
  if (!from.empty() && !time::valid_civil_date(from)) errors.push_back({"du", "La date de début n'est pas valide."});
  if (!to.empty() && !time::valid_civil_date(to)) errors.push_back({"au", "La date de fin n'est pas valide."});
  if (from.empty() || has("du")) from = ninety;
  if (to.empty() || has("au")) to = today;
  if (errors.empty() && to < from) errors.push_back({"au", "La date de fin précède la date de début."});
  page.field("du", "Du", "date", from, {"", "off", false, false});
  page.field("au", "Au (inclus)", "date", to, {"", "off", false, false});
  auto f = local_to_utc(from, "00:00");
  auto t = local_to_utc(to, "00:00");
  std::vector<CounsellorStats> rows;
  if (errors.empty() && f && t) rows = store::stats(ctx.tx, org, time::iso(*f), time::iso(*t + std::chrono::hours(24)));
  StatusCounts total;
  for (const auto& r : rows) {
    auto* d = b.AddSectionDictionary("ROW");
    d->SetValue("NAME", r.name);
    for (Status s : all_statuses()) {
      d->SetIntValue(std::string("N_") + status_code(s), r.counts.count(s));
      total.of(s) += r.counts.count(s);
    }
    d->SetValue("RATE", display_rate(no_show_rate(r.counts)));
  }
  if (rows.empty())
    b.ShowSection("NONE");
  else {
    auto* d = b.AddSectionDictionary("TOTAL");
    for (Status s : all_statuses()) d->SetIntValue(std::string("N_") + status_code(s), total.of(s));
    d->SetValue("RATE", display_rate(no_show_rate(total)));
  }
  b.SetValue("FROM", time::display_civil(from));
  b.SetValue("TO", time::display_civil(to));
  b.SetValue("AGENDA_URL", org_base(org) + "/agenda");
  if (!errors.empty()) page.errors(ValidationError(errors));
  return page.render();
}

}  // namespace

void add_page_routes(Router& router) {
  using people::add_person_route;
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/rendez-vous", "appointments.person",
                            Access::member, http::Kind::page, person_list});
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/rendez-vous/nouveau",
                            "appointments.new", Access::member, http::Kind::page, new_individual});
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/rendez-vous/calendrier.ics",
                            "appointments.person.ics", Access::member, http::Kind::page, person_ics});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/rendez-vous", "appointments.create",
                            Access::member, http::Kind::page, create_individual, [](Ctx& c, const ValidationError& e) {
                              people::Person p = person_for_form(c);
                              return appointment_form(c, read_input(c, Kind::individual), &p, &e);
                            }});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/rendez-vous/inscription",
                            "appointments.enrol", Access::member, http::Kind::page, enrol_person});
  router.add({Method::get, "/organisations/{org}/rendez-vous/nouveau", "appointments.new_collective", Access::member,
              http::Kind::page, [](Ctx& c) { return appointment_form(c, Input{}, nullptr, nullptr); }});
  router.add({Method::post, "/organisations/{org}/rendez-vous", "appointments.create_collective", Access::member,
              http::Kind::page, create_collective, [](Ctx& c, const ValidationError& e) {
                return appointment_form(c, read_input(c, Kind::collective), nullptr, &e);
              }});
  router.add({Method::get, "/organisations/{org}/rendez-vous/statistiques", "appointments.stats", Access::member,
              http::Kind::page, statistics});
  router.add({Method::get, "/organisations/{org}/rendez-vous/{appointment}", "appointments.show", Access::member,
              http::Kind::page, show});
  router.add({Method::post, "/organisations/{org}/rendez-vous/{appointment}/presence", "appointments.status",
              Access::member, http::Kind::page, record_status});
  router.add({Method::post, "/organisations/{org}/rendez-vous/{appointment}/participants",
              "appointments.add_participant", Access::member, http::Kind::page, add_participant});
  router.add({Method::post, "/organisations/{org}/rendez-vous/{appointment}/annuler", "appointments.cancel",
              Access::member, http::Kind::page, cancel_appointment});
  router.add(
      {Method::get, "/organisations/{org}/agenda", "appointments.agenda", Access::member, http::Kind::page, agenda});
  router.add({Method::get, "/organisations/{org}/agenda/{user}/calendrier.ics", "appointments.counsellor.ics",
              Access::member, http::Kind::page, counsellor_ics});
}

void add_routes(Router& router) {
  add_page_routes(router);
  add_api_routes(router);
}

}  // namespace jalon::appointments
