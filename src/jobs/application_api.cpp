// The JSON API of job applications: the inbox (received) and the sent list with the same filters
// as the pages, one application with its events, applying for a person, and the transitions.
// Access is decided by application_access.h, as for the pages.
#include <boost/json.hpp>
#include <map>

#include "base/time.h"
#include "http/json.h"
#include "jobs/application_access.h"
#include "jobs/application_actions.h"
#include "jobs/application_routes.h"
#include "jobs/application_store.h"
#include "people/access.h"
#include "people/store.h"

namespace jalon::jobs {

using namespace http;
namespace json = boost::json;
namespace astore = application_store;
using astore::Application;

namespace {



json::object application_json(const Application& a) {
  return {{"id", a.id},
          {"offer_id", a.offer_id},
          {"offer_title", a.offer_title},
          {"employer_organisation_id", a.organisation_id},
          {"employer_organisation_name", a.employer_name},
          {"person_id", a.person_id},
          {"sender_kind", a.sender_kind},
          {"sender_organisation_id", nullable_id(a.sender_org)},
          {"sender_organisation_name", nullable(a.sender_org_name)},
          {"sender_name", nullable(a.sender_user_name)},
          {"message", a.message},
          {"cv_document_id", nullable_id(a.cv_document_id)},
          {"state", name(a.state)},
          {"state_label", label(a.state)},
          {"refusal_reason", a.refusal_reason ? json::value(name(*a.refusal_reason)) : json::value(nullptr)},
          {"answer", a.answer},
          {"hired_on", nullable(a.hired_on)},
          {"created_at", a.created_at},
          {"state_at", a.state_at}};
}

json::object person_json(const people::store::Row& r) {
  return {{"first_name", r.first_name}, {"last_name", r.last_name}, {"birth_date", nullable(r.birth_date)}};
}

Response one(Ctx& ctx, long long id, int status = 200) {
  auto a = astore::find(ctx.tx, id);
  if (!a) throw NotFound("Cette candidature n'existe pas.");
  json::object o = application_json(*a);
  if (auto p = people::store::find(ctx.tx, a->person_id))
    o["person"] = json::object{{"first_name", p->first_name},
                               {"last_name", p->last_name},
                               {"birth_date", nullable(p->birth_date)},
                               {"email", nullable(p->email)},
                               {"phone", nullable(p->phone)}};
  json::array events;
  for (const auto& e : astore::events(ctx.tx, a->id))
    events.push_back({{"at", e.at},
                      {"from_state", e.from ? json::value(name(*e.from)) : json::value(nullptr)},
                      {"to_state", name(e.to)},
                      {"reason", nullable(e.reason)},
                      {"by", e.by_person ? "person"
                             : e.by_org  ? "organisation"
                                         : "platform"},
                      {"organisation_id", nullable_id(e.by_org)},
                      {"user_name", nullable(e.user_name)}});
  o["events"] = std::move(events);
  return json_response(o, status);
}

Response list(Ctx& ctx) {
  std::string box = ctx.req.query("box");
  if (!box.empty() && box != "received" && box != "sent")
    throw ValidationError("box", "« box » vaut received (par défaut) ou sent.");
  Validator v;
  astore::Filter f;
  if (box == "sent")
    f.sender_org = ctx.org();
  else
    f.organisation = ctx.org();
  f.state = ctx.req.query("state");
  if (!f.state.empty() && f.state != "pending" && !parse_application_state(f.state))
    v.add("state",
          "« state » vaut pending ou un état : new, processing, postponed, prior_to_hire, accepted, refused, "
          "cancelled, obsolete, pool.");
  std::string offer = ctx.req.query("offer_id"), before = ctx.req.query("before");
  f.offer = parse_id(offer);
  if (!offer.empty() && !f.offer) v.add("offer_id", "« offer_id » est un identifiant d'offre.");
  f.before = parse_id(before);
  if (!before.empty() && !f.before) v.add("before", "« before » est un identifiant de candidature.");
  f.from = ctx.req.query("from");
  f.to = ctx.req.query("to");
  if (!f.from.empty() && !time::valid_civil_date(f.from)) v.add("from", "« from » est une date AAAA-MM-JJ.");
  if (!f.to.empty() && !time::valid_civil_date(f.to)) v.add("to", "« to » est une date AAAA-MM-JJ.");
  f.sender_kind = ctx.req.query("sender_kind");
  if (!f.sender_kind.empty() && f.sender_kind != "person" && f.sender_kind != "prescriber" &&
      f.sender_kind != "employer")
    v.add("sender_kind", "« sender_kind » vaut person, prescriber ou employer.");
  int limit = 50;
  if (std::string l = ctx.req.query("limit"); !l.empty()) {
    long long n = parse_id(l);
    if (n < 1 || n > 200)
      v.add("limit", "« limit » va de 1 à 200.");
    else
      limit = static_cast<int>(n);
  }
  v.throw_if_any();
  auto rows = astore::list(ctx.tx, f, limit);
  people::audit(ctx, 0, "search", std::string("candidatures ") + (box == "sent" ? "envoyées" : "reçues") + " (API)");
  std::vector<long long> ids;
  for (const auto& a : rows) ids.push_back(a.person_id);
  std::map<long long, people::store::Row> who;
  for (auto& r : people::store::identities(ctx.tx, ids)) who.emplace(r.id, std::move(r));
  json::array items;
  for (const auto& a : rows) {
    json::object o = application_json(a);
    auto it = who.find(a.person_id);
    o["person"] = it == who.end() ? json::value(nullptr) : json::value(person_json(it->second));
    items.push_back(std::move(o));
  }
  json::object counts;
  f.state.clear();
  for (const auto& [state, n] : astore::counts(ctx.tx, f)) counts[state] = n;
  json::object out{{"items", std::move(items)}, {"counts", std::move(counts)}};
  if (static_cast<int>(rows.size()) == limit) out["next_before"] = rows.back().id;
  return json_response(out);
}

Response get(Ctx& ctx) {
  LoadedApplication l = require_application(ctx, false, "candidature n° " + std::to_string(ctx.id("application")));
  return one(ctx, l.app.id);
}

Response create(Ctx& ctx) {
  auto body = body_object(ctx.req);
  long long person = get_id(body, "person_id");
  if (!person) throw ValidationError("person_id", "Indiquez la personne (person_id).");
  people::Person p = people::check(ctx, person, people::Action::share, "share");
  NewApplicationInput in{p.id, get_id(body, "offer_id"), get_id(body, "cv_document_id"), get_string(body, "message")};
  long long id = apply(ctx.tx, acting_of(ctx), in, ctx.config.base_url);
  people::audit(ctx, p.id, "share", "candidature n° " + std::to_string(id) + " (API)");
  Response r = one(ctx, id, 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(ctx.org()) + "/applications/" + std::to_string(id));
  return r;
}

Response transition_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  std::string action = get_string(body, "action");
  LoadedApplication l = require_application(
      ctx, true, "candidature n° " + std::to_string(ctx.id("application")) + " : " + action + " (API)");
  transition(ctx.tx, acting_of(ctx), l.app,
             {action, get_string(body, "reason"), get_string(body, "message"), get_string(body, "hired_on")},
             ctx.today(), ctx.config.base_url);
  return one(ctx, l.app.id);
}

std::string enum_of(const std::vector<std::string>& values, bool with_null = false) {
  std::string out = "[";
  for (const auto& v : values) out += (out.size() > 1 ? "," : "") + std::string("\"") + v + "\"";
  if (with_null) out += ",null";
  return out + "]";
}
std::string states_enum() {
  std::vector<std::string> v;
  for (auto s : all_application_states()) v.push_back(name(s));
  return enum_of(v);
}
std::string reasons_enum(bool with_null) {
  std::vector<std::string> v;
  for (auto r : all_refusal_reasons()) v.push_back(name(r));
  return enum_of(v, with_null);
}
std::string actions_enum() {
  std::vector<std::string> v;
  for (auto a : all_application_actions())
    if (a != ApplicationAction::render_obsolete) v.push_back(name(a));
  return enum_of(v);
}

std::string application_properties() {
  return R"J("id":{"type":"integer"},"offer_id":{"type":"integer"},"offer_title":{"type":"string"},"employer_organisation_id":{"type":"integer"},"employer_organisation_name":{"type":"string"},"person_id":{"type":"integer"},"sender_kind":{"type":"string","enum":["person","prescriber","employer"]},"sender_organisation_id":{"type":"integer","nullable":true},"sender_organisation_name":{"type":"string","nullable":true},"sender_name":{"type":"string","nullable":true},"message":{"type":"string"},"cv_document_id":{"type":"integer","nullable":true},"state":{"type":"string","enum":)J" +
         states_enum() +
         R"J(},"state_label":{"type":"string"},"refusal_reason":{"type":"string","nullable":true,"enum":)J" +
         reasons_enum(true) +
         R"J(},"answer":{"type":"string","description":"message de l'employeur au candidat"},"hired_on":{"type":"string","format":"date","nullable":true},"created_at":{"type":"string"},"state_at":{"type":"string","description":"dernier changement d'état ; 60 jours sans changement en attente de réponse : refus automatique"})J";
}

const std::string& application_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","offer_id","person_id","state","events"],"properties":{)J" +
      application_properties() +
      R"J(,"person":{"type":"object","properties":{"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_date":{"type":"string","nullable":true},"email":{"type":"string","nullable":true},"phone":{"type":"string","nullable":true}}},"events":{"type":"array","items":{"type":"object","properties":{"at":{"type":"string"},"from_state":{"type":"string","nullable":true},"to_state":{"type":"string"},"reason":{"type":"string","nullable":true},"by":{"type":"string","enum":["organisation","person","platform"]},"organisation_id":{"type":"integer","nullable":true},"user_name":{"type":"string","nullable":true}}}}}})J";
  return s;
}

const std::string& list_schema() {
  static const std::string s =
      R"J({"type":"object","required":["items","counts"],"properties":{"items":{"type":"array","items":{"type":"object","properties":{)J" +
      application_properties() +
      R"J(,"person":{"type":"object","nullable":true,"properties":{"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_date":{"type":"string","nullable":true}}}}}},"counts":{"type":"object","description":"nombre de candidatures par état, sous les mêmes filtres sans l'état","additionalProperties":{"type":"integer"}},"next_before":{"type":"integer","description":"à passer en before pour la page suivante"}}})J";
  return s;
}

}  // namespace

void add_application_api_routes(Router& router) {
  const std::string org = "/api/v1/organisations/{org}";
  const char* tag = "Candidatures";
  auto add = [&](Method m, const std::string& pattern, const char* name, Handler h, ApiDoc doc) {
    add_application_route(router, {m, pattern, name, Access::member, Kind::api, std::move(h), nullptr, std::move(doc)});
  };
  add(Method::get, org + "/applications", "api.applications.list", list,
      {"Candidatures reçues par votre organisation employeuse (box=received, par défaut) ou envoyées (box=sent), les "
       "plus récentes d'abord, avec le nombre par état",
       tag,
       "",
       list_schema(),
       200,
       {{"box", "received ou sent"},
        {"state", "pending (new, processing, postponed, prior_to_hire, pool) ou un état"},
        {"offer_id", "une offre"},
        {"from", "reçues depuis ce jour (AAAA-MM-JJ)"},
        {"to", "reçues jusqu'à ce jour inclus"},
        {"sender_kind", "person, prescriber ou employer"},
        {"before", "pagination : identifiants inférieurs à celui-ci (next_before de la page précédente)"},
        {"limit", "1 à 200, 50 par défaut"}}});
  add(Method::post, org + "/applications", "api.applications.create", create,
      {"Postuler pour une personne (consentement au partage requis) à une offre ouverte ; 409 si une candidature de la "
       "personne à cette offre est déjà en cours",
       tag,
       R"J({"type":"object","required":["person_id","offer_id"],"properties":{"person_id":{"type":"integer"},"offer_id":{"type":"integer"},"message":{"type":"string","maxLength":4000},"cv_document_id":{"type":"integer","description":"un document de type cv de la personne"}}})J",
       application_schema(), 201});
  add(Method::get, org + "/applications/{application}", "api.applications.get", get,
      {"Une candidature (employeur, émetteur, ou organisation ayant accès à la personne) et son historique", tag, "",
       application_schema()});
  add(Method::post, org + "/applications/{application}/transitions", "api.applications.transition", transition_api,
      {"Faire avancer une candidature : l'employeur étudie, met en attente, passe en action préalable à l'embauche, "
       "accepte (hired_on), refuse (reason), garde en vivier, reprend, annule l'embauche, réexamine ; l'émetteur "
       "la retire",
       tag,
       R"J({"type":"object","required":["action"],"properties":{"action":{"type":"string","enum":)J" + actions_enum() +
           R"J(},"reason":{"type":"string","enum":)J" + reasons_enum(false) +
           R"J(,"description":"refuse : obligatoire (auto_no_answer réservé à la plateforme)"},"message":{"type":"string","maxLength":2000,"description":"message au candidat"},"hired_on":{"type":"string","format":"date","description":"accept : obligatoire"}}})J",
       application_schema()});
}

}  // namespace jalon::jobs
