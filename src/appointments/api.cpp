// /api/v1 routes of the appointments room: the same rules as the pages (member of {org}, each
// person through people::can, every access audited).
#include <boost/json.hpp>

#include "accounts/store.h"
#include "appointments/actions.h"
#include "appointments/routes.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "http/json.h"
#include "people/access.h"
#include "people/routes.h"
#include "people/store.h"

namespace jalon::appointments {

using namespace http;
namespace json = boost::json;

namespace {

const char* kAppointmentSchema =
    R"J({"type":"object","required":["id","organisation_id","kind","starts_at","duration_minutes","subject","counsellor","participants"],"properties":{
"id":{"type":"integer"},"organisation_id":{"type":"integer"},"kind":{"type":"string","enum":["individual","collective"]},
"starts_at":{"type":"string","description":"début, instant UTC ISO 8601"},"date":{"type":"string","format":"date","description":"date à Paris"},
"time":{"type":"string","description":"heure de début à Paris, HH:MM"},"duration_minutes":{"type":"integer"},
"place":{"type":"string"},"video_url":{"type":"string"},"subject":{"type":"string"},
"counsellor":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"}}},
"participants":{"type":"array","items":{"type":"object","properties":{"person_id":{"type":"integer"},"first_name":{"type":"string"},"last_name":{"type":"string"},
"status":{"type":"string","enum":["planned","seen","excused","no_show","cancelled"]},"by_person":{"type":"boolean"}}}},
"hidden_participants":{"type":"integer","description":"personnes inscrites dont la fiche n'est plus accessible à l'organisation"}}})J";

const char* kAppointmentInput =
    R"J({"type":"object","required":["date","time","duration_minutes","subject","counsellor_id"],"properties":{
"kind":{"type":"string","enum":["individual","collective"],"default":"individual"},
"person_ids":{"type":"array","items":{"type":"integer"},"description":"une personne pour un rendez-vous individuel, zéro ou plus pour un collectif"},
"counsellor_id":{"type":"integer","description":"un membre de l'organisation"},
"date":{"type":"string","format":"date","description":"à Paris"},"time":{"type":"string","description":"HH:MM à Paris"},
"duration_minutes":{"type":"integer","minimum":5,"maximum":600},"place":{"type":"string"},"video_url":{"type":"string"},"subject":{"type":"string"}}})J";

std::string list_of(const char* item) {
  return std::string(R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":)J") +
         item + "}}}";
}

json::object appointment_json(const Appointment& a, const std::set<long long>& visible) {
  auto start = time::parse_iso(a.starts_at);
  auto local = utc_to_local(start ? *start : time::Instant{});
  json::array participants;
  int hidden = 0;
  for (const auto& p : a.participants) {
    if (!visible.count(p.person_id)) {
      ++hidden;
      continue;
    }
    participants.push_back({{"person_id", p.person_id},
                            {"first_name", p.first_name},
                            {"last_name", p.last_name},
                            {"status", status_code(p.status)},
                            {"by_person", p.by_person}});
  }
  return {{"id", a.id},
          {"organisation_id", a.organisation_id},
          {"kind", kind_code(a.kind)},
          {"starts_at", a.starts_at},
          {"date", local.first},
          {"time", local.second},
          {"duration_minutes", a.duration_minutes},
          {"place", a.place},
          {"video_url", a.video_url},
          {"subject", a.subject},
          {"counsellor", {{"id", a.counsellor_id}, {"name", a.counsellor_name}}},
          {"participants", std::move(participants)},
          {"hidden_participants", hidden}};
}

std::vector<long long> ids_of(const std::vector<Appointment>& list) {
  std::vector<long long> ids;
  for (const auto& a : list)
    for (const auto& p : a.participants) ids.push_back(p.person_id);
  return ids;
}

json::array items_of(db::Tx& tx, long long org, const std::vector<Appointment>& list) {
  std::set<long long> visible = people::store::with_grant(tx, org, ids_of(list));
  json::array items;
  for (const auto& a : list) items.push_back(appointment_json(a, visible));
  return items;
}

Appointment load(Ctx& ctx) {
  auto a = store::find(ctx.tx, ctx.id("appointment"));
  if (!a || a->organisation_id != ctx.org())
    throw NotFound("Ce rendez-vous n'existe pas ou n'est pas celui de votre organisation.");
  return *a;
}

long long int_field(const json::object& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return 0;
  if (!it->value().is_int64())
    throw ValidationError(field, std::string("Le champ « ") + field + " » doit être un entier.");
  return it->value().as_int64();
}

std::string day_start_iso(const std::string& civil, const std::string& field) {
  auto t = local_to_utc(civil, "00:00");
  if (!t) throw ValidationError(field, "Date attendue au format AAAA-MM-JJ.");
  return time::iso(*t);
}

Response list(Ctx& ctx) {
  long long org = ctx.org();
  std::string from = ctx.req.query("from"), to = ctx.req.query("to");
  std::string from_iso =
      from.empty() ? time::iso(time::now() - std::chrono::hours(24 * 30)) : day_start_iso(from, "from");
  std::string to_iso =
      to.empty() ? "9999" : time::iso(*time::parse_iso(day_start_iso(to, "to")) + std::chrono::hours(24));
  long long counsellor = parse_id(ctx.req.query("counsellor"));
  auto rows = store::of_organisation(ctx.tx, org, counsellor, from_iso, to_iso, 200);
  people::audit(ctx, 0, "agenda", ctx.req.raw_query);
  return items_response(items_of(ctx.tx, org, rows));
}

Response create(Ctx& ctx) {
  long long org = ctx.org();
  auto body = body_object(ctx.req);
  Input in;
  in.kind = get_string(body, "kind", "individual");
  in.date = get_string(body, "date");
  in.time = get_string(body, "time");
  long long minutes = int_field(body, "duration_minutes");
  in.duration = minutes > 0 ? std::to_string(minutes) : "";
  in.place = get_string(body, "place");
  in.video_url = get_string(body, "video_url");
  in.subject = get_string(body, "subject");
  in.counsellor_id = int_field(body, "counsellor_id");
  std::vector<long long> people_ids;
  if (auto it = body.find("person_ids"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array())
      throw ValidationError("person_ids", "« person_ids » est une liste d'identifiants de personnes.");
    for (const auto& v : it->value().as_array()) {
      if (!v.is_int64() || v.as_int64() <= 0)
        throw ValidationError("person_ids", "« person_ids » est une liste d'identifiants (entiers) de personnes.");
      people_ids.push_back(v.as_int64());
    }
  }
  for (long long id : people_ids) people::check(ctx, id, people::Action::write, "appointment.create");
  long long id = create_appointment(ctx.tx, org, in, people_ids, ctx.who.user_id, time::now());
  for (long long person : people_ids)
    people::audit(ctx, person, "appointment.create", "rendez-vous n° " + std::to_string(id));
  auto a = store::find(ctx.tx, id);
  Response r = json_response(appointment_json(*a, people::store::with_grant(ctx.tx, org, people_ids)), 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(org) + "/appointments/" + std::to_string(id));
  return r;
}

Response get(Ctx& ctx) {
  Appointment a = load(ctx);
  std::vector<long long> ids;
  for (const auto& p : a.participants) ids.push_back(p.person_id);
  auto visible = people::store::with_grant(ctx.tx, ctx.org(), ids);
  audit_each(ctx, std::vector<long long>(visible.begin(), visible.end()), "appointment.read",
             "rendez-vous n° " + std::to_string(a.id));
  return json_response(appointment_json(a, visible));
}

Response enrol_one(Ctx& ctx) {
  Appointment a = load(ctx);
  auto body = body_object(ctx.req);
  long long person = int_field(body, "person_id");
  if (person <= 0) throw ValidationError("person_id", "Indiquez l'identifiant de la personne à inscrire.");
  people::Person p = people::check(ctx, person, people::Action::write, "appointment.enrol");
  enrol(ctx.tx, a, p.id, time::now());
  people::audit(ctx, p.id, "appointment.enrol", "rendez-vous n° " + std::to_string(a.id));
  auto updated = store::find(ctx.tx, a.id);
  std::vector<long long> ids;
  for (const auto& x : updated->participants) ids.push_back(x.person_id);
  return json_response(appointment_json(*updated, people::store::with_grant(ctx.tx, ctx.org(), ids)), 201);
}

Response set_participant_status(Ctx& ctx) {
  Appointment a = load(ctx);
  auto body = body_object(ctx.req);
  Status to;
  if (!parse_status(get_string(body, "status"), to))
    throw ValidationError("status", "« status » vaut seen, excused, no_show ou cancelled.");
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::write, "appointment.status");
  change_status(ctx.tx, a, p.id, to, ctx.who.user_id, time::now());
  people::audit(ctx, p.id, "appointment.status", "rendez-vous n° " + std::to_string(a.id) + " : " + status_label(to));
  auto updated = store::find(ctx.tx, a.id);
  std::vector<long long> ids;
  for (const auto& x : updated->participants) ids.push_back(x.person_id);
  return json_response(appointment_json(*updated, people::store::with_grant(ctx.tx, ctx.org(), ids)));
}

Response cancel_one(Ctx& ctx) {
  Appointment a = load(ctx);
  std::vector<long long> planned;
  for (const auto& p : a.participants)
    if (p.status == Status::planned) planned.push_back(p.person_id);
  cancel(ctx.tx, a, ctx.who.user_id, time::now(), ctx.config.base_url);
  audit_each(ctx, planned, "appointment.cancel", "rendez-vous n° " + std::to_string(a.id));
  auto updated = store::find(ctx.tx, a.id);
  std::vector<long long> ids;
  for (const auto& x : updated->participants) ids.push_back(x.person_id);
  return json_response(appointment_json(*updated, people::store::with_grant(ctx.tx, ctx.org(), ids)));
}

Response of_person(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "appointment.list");
  return items_response(items_of(ctx.tx, org, store::of_person(ctx.tx, p.id, org, 200)));
}

Response stats(Ctx& ctx) {
  long long org = ctx.org();
  std::string from = ctx.req.query("from"), to = ctx.req.query("to");
  std::string today = ctx.today();
  if (to.empty()) to = today;
  if (from.empty()) from = utc_to_local(*local_to_utc(today, "00:00") - std::chrono::hours(24 * 90)).first;
  std::string from_iso = day_start_iso(from, "from");
  std::string to_iso = time::iso(*time::parse_iso(day_start_iso(to, "to")) + std::chrono::hours(24));
  if (to_iso <= from_iso) throw ValidationError("to", "La date de fin précède la date de début.");
  json::array items;
  StatusCounts total;
  auto counts_json = [](const StatusCounts& c) {
    json::object o;
    for (Status s : all_statuses()) o[status_code(s)] = c.count(s);
    auto rate = no_show_rate(c);
    o["no_show_rate"] = rate ? json::value(*rate) : json::value(nullptr);
    return o;
  };
  for (const auto& r : store::stats(ctx.tx, org, from_iso, to_iso)) {
    json::object o = counts_json(r.counts);
    o["counsellor_id"] = r.counsellor_id;
    o["counsellor_name"] = r.name;
    items.push_back(std::move(o));
    for (Status s : all_statuses()) total.of(s) += r.counts.count(s);
  }
  return json_response(
      json::object{{"from", from}, {"to", to}, {"items", std::move(items)}, {"total", counts_json(total)}});
}

}  // namespace

void add_api_routes(Router& router) {
  using people::add_person_route;
  std::string list_schema = list_of(kAppointmentSchema);
  router.add({Method::get,
              "/api/v1/organisations/{org}/appointments",
              "api.appointments.list",
              Access::member,
              http::Kind::api,
              list,
              nullptr,
              {"Rendez-vous de l'organisation, du plus proche au plus lointain (200 au plus)",
               "Rendez-vous",
               "",
               list_schema,
               200,
               {{"from", "date de début AAAA-MM-JJ à Paris (par défaut : il y a 30 jours)"},
                {"to", "date de fin incluse AAAA-MM-JJ"},
                {"counsellor", "identifiant du conseiller"}}}});
  router.add({Method::post,
              "/api/v1/organisations/{org}/appointments",
              "api.appointments.create",
              Access::member,
              http::Kind::api,
              create,
              nullptr,
              {"Créer un rendez-vous individuel ou collectif (le conseiller est prévenu si ce n'est pas l'auteur)",
               "Rendez-vous", kAppointmentInput, kAppointmentSchema, 201}});
  router.add(
      {Method::get,
       "/api/v1/organisations/{org}/appointments/stats",
       "api.appointments.stats",
       Access::member,
       http::Kind::api,
       stats,
       nullptr,
       {"Statistiques d'absence par conseiller : nombre de participations par statut et taux d'absence (absents / "
        "(venus + excusés + absents))",
        "Rendez-vous",
        "",
        R"J({"type":"object","required":["from","to","items","total"],"properties":{"from":{"type":"string"},"to":{"type":"string"},"items":{"type":"array","items":{"type":"object"}},"total":{"type":"object"}}})J",
        200,
        {{"from", "AAAA-MM-JJ (par défaut : il y a 90 jours)"},
         {"to", "AAAA-MM-JJ inclus (par défaut : aujourd'hui)"}}}});
  router.add({Method::get,
              "/api/v1/organisations/{org}/appointments/{appointment}",
              "api.appointments.get",
              Access::member,
              http::Kind::api,
              get,
              nullptr,
              {"Un rendez-vous et la présence de chaque participant (accès journalisé)", "Rendez-vous", "",
               kAppointmentSchema}});
  router.add({Method::post,
              "/api/v1/organisations/{org}/appointments/{appointment}/participants",
              "api.appointments.enrol",
              Access::member,
              http::Kind::api,
              enrol_one,
              nullptr,
              {"Inscrire une personne à un rendez-vous collectif", "Rendez-vous",
               R"J({"type":"object","required":["person_id"],"properties":{"person_id":{"type":"integer"}}})J",
               kAppointmentSchema, 201}});
  add_person_route(
      router,
      {Method::patch,
       "/api/v1/organisations/{org}/appointments/{appointment}/participants/{person}",
       "api.appointments.status",
       Access::member,
       http::Kind::api,
       set_participant_status,
       nullptr,
       {"Noter la présence d'un participant (prévu → venu, excusé, absent ou annulé ; corrections entre venu, excusé "
        "et absent)",
        "Rendez-vous",
        R"J({"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["seen","excused","no_show","cancelled"]}}})J",
        kAppointmentSchema}});
  router.add({Method::post,
              "/api/v1/organisations/{org}/appointments/{appointment}/cancel",
              "api.appointments.cancel",
              Access::member,
              http::Kind::api,
              cancel_one,
              nullptr,
              {"Annuler le rendez-vous pour tous les participants encore attendus (prévenus par e-mail)", "Rendez-vous",
               "", kAppointmentSchema}});
  add_person_route(
      router, {Method::get,
               "/api/v1/organisations/{org}/people/{person}/appointments",
               "api.appointments.person",
               Access::member,
               http::Kind::api,
               of_person,
               nullptr,
               {"Rendez-vous d'une personne avec l'organisation (accès journalisé)", "Rendez-vous", "", list_schema}});
}

}  // namespace jalon::appointments
