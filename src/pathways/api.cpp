// /api/v1 routes of the pathway room: pathways, members, engagement, steps, social outcomes,
// notes, timeline and orientations, with the access functions of the pages (access.h).
#include <boost/json.hpp>
#include <map>

#include "http/json.h"
#include "pathways/access.h"
#include "pathways/actions.h"
#include "pathways/routes.h"
#include "pathways/store.h"
#include "people/access.h"
#include "people/store.h"

namespace jalon::pathways {

using namespace http;
namespace json = boost::json;

namespace {



// "phase" may come as a number or as text.
std::string get_number_text(const json::object& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return "";
  if (it->value().is_int64()) return std::to_string(it->value().as_int64());
  return get_string(o, field);
}

Progress get_progress(const json::object& o) {
  auto p = parse_progress(get_string(o, "status"));
  if (!p) throw ValidationError("status", "Le champ « status » doit valoir planned, in_progress, done ou abandoned.");
  return *p;
}

Response created(const json::value& v) {
  return json_response(v, 201);
}
Response no_content() {
  Response r;
  r.status = 204;
  r.content_type = "";
  return r;
}

json::object member_json(const Member& m, long long referent) {
  return {{"organisation_id", m.organisation_id},
          {"organisation_name", m.organisation_name},
          {"status", code(m.status)},
          {"origin", m.origin},
          {"referent", m.organisation_id == referent},
          {"requested_at", m.requested_at},
          {"joined_at", nullable(m.joined_at)},
          {"ended_at", nullable(m.ended_at)}};
}

json::object objective_json(const Objective& o, const std::vector<Action>& actions) {
  json::array items;
  for (const auto& a : actions)
    if (a.objective_id == o.id)
      items.push_back({{"id", a.id},
                       {"title", a.title},
                       {"status", code(a.status)},
                       {"responsible", a.responsible},
                       {"start_on", nullable(a.start_on)},
                       {"due_on", nullable(a.due_on)},
                       {"completed_on", nullable(a.completed_on)}});
  return {{"id", o.id},
          {"domain", code(o.domain)},
          {"title", o.title},
          {"status", code(o.status)},
          {"target_on", nullable(o.target_on)},
          {"actions", std::move(items)}};
}

json::object step_json(const Step& s) {
  return {{"id", s.id},
          {"scheme", s.scheme},
          {"title", s.title},
          {"organisation_id", nullable_id(s.organisation_id)},
          {"phase", s.phase ? json::value(s.phase) : json::value(nullptr)},
          {"start_on", nullable(s.start_on)},
          {"end_on", nullable(s.end_on)},
          {"status", code(s.status)}};
}

json::object summary_json(const Pathway& p) {
  const Outcome* o = find_outcome(p.outcome);
  return {{"id", p.id},
          {"person_id", p.person_id},
          {"status", code(p.status)},
          {"referent",
           {{"organisation_id", p.referent_org_id},
            {"organisation_name", p.referent_org_name},
            {"counsellor_id", nullable_id(p.referent_user_id)},
            {"counsellor_name", nullable(p.referent_user_name)}}},
          {"started_on", p.started_on},
          {"closed_on", nullable(p.closed_on)},
          {"outcome", nullable(p.outcome)},
          {"outcome_category", o ? json::value(o->category) : json::value(nullptr)},
          {"outcome_detail", p.outcome_detail}};
}

json::object pathway_json(db::Tx& tx, const Pathway& p) {
  json::object out = summary_json(p);
  json::array members, objectives, steps, social;
  for (const auto& m : store::members(tx, p.id)) members.push_back(member_json(m, p.referent_org_id));
  auto actions = store::actions(tx, p.id);
  for (const auto& o : store::objectives(tx, p.id)) objectives.push_back(objective_json(o, actions));
  for (const auto& s : store::steps(tx, p.id)) steps.push_back(step_json(s));
  for (const auto& s : store::social_outcomes(tx, p.id))
    social.push_back({{"id", s.id},
                      {"kind", s.kind},
                      {"achieved_on", s.achieved_on},
                      {"detail", s.detail},
                      {"organisation_id", s.organisation_id}});
  out["members"] = std::move(members);
  out["objectives"] = std::move(objectives);
  out["steps"] = std::move(steps);
  out["social_outcomes"] = std::move(social);
  return out;
}

Response pathway_response(db::Tx& tx, long long id, int status = 200) {
  return json_response(pathway_json(tx, *store::find_pathway(tx, id)), status);
}

json::object note_json(const Note& n) {
  return {{"id", n.id},
          {"pathway_id", n.pathway_id},
          {"level", code(n.level)},
          {"body", n.body},
          {"version", n.version},
          {"author_organisation_id", n.author_org_id},
          {"author_organisation_name", n.author_org_name},
          {"author_name", nullable(n.author_user_name)},
          {"created_at", n.created_at},
          {"updated_at", n.updated_at}};
}

json::object orientation_json(const Orientation& o, const std::vector<OrientationEvent>& events) {
  json::array ev;
  for (const auto& e : events)
    ev.push_back({{"at", e.at},
                  {"kind", e.kind},
                  {"organisation_id", nullable_id(e.organisation_id)},
                  {"user_name", nullable(e.user_name)},
                  {"detail", e.detail}});
  return {{"id", o.id},
          {"person_id", o.person_id},
          {"pathway_id", nullable_id(o.pathway_id)},
          {"from_organisation_id", o.from_org_id},
          {"from_organisation_name", o.from_org_name},
          {"from_counsellor_name", nullable(o.from_user_name)},
          {"to_organisation_id", o.to_org_id},
          {"to_organisation_name", o.to_org_name},
          {"service_id", nullable_id(o.service_id)},
          {"service_name", nullable(o.service_name)},
          {"diagnosis_id", nullable_id(o.diagnosis_id)},
          {"motif", o.motif},
          {"status", code(o.status)},
          {"refusal_reason", nullable(o.refusal_reason)},
          {"refusal_detail", o.refusal_detail},
          {"sent_on", o.sent_on},
          {"expires_on", o.expires_on},
          {"events", std::move(ev)}};
}

Response orientation_response(db::Tx& tx, long long id, int status = 200) {
  auto o = store::find_orientation(tx, id);
  return json_response(orientation_json(*o, store::orientation_events(tx, {id})), status);
}

// ---- Handlers

Response list_pathways(Ctx& ctx) {
  people::Person person = people::require(ctx, ctx.id("person"), people::Action::read, "read", "parcours");
  json::array items;
  for (const auto& p : store::pathways_of_person(ctx.tx, person.id)) {
    auto o = summary_json(p);
    o["member"] = facts_of(ctx.tx, p, ctx.org()).member;
    items.push_back(std::move(o));
  }
  return items_response(std::move(items));
}

Response open(Ctx& ctx) {
  auto body = body_object(ctx.req);
  people::Person person = people::require(ctx, ctx.id("person"), people::Action::write, "update", "parcours ouvert");
  long long id = open_pathway(ctx.tx, actor_of(ctx), person.id, get_id(body, "counsellor_id"),
                              get_string(body, "started_on"), ctx.today());
  return pathway_response(ctx.tx, id, 201);
}

Response get(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::see);
  return json_response(pathway_json(ctx.tx, l.pathway));
}

Response status(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::manage, "parcours n° " + std::to_string(ctx.id("pathway")) + " : état");
  auto to = parse_status(get_string(body, "status"));
  if (!to) throw ValidationError("status", "Le champ « status » doit valoir open, suspended ou closed.");
  change_status(ctx.tx, l.actor, l.pathway, *to,
                {get_string(body, "outcome"), get_string(body, "closed_on"), get_string(body, "outcome_detail")},
                ctx.today());
  return pathway_response(ctx.tx, l.pathway.id);
}

Response referent(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::manage, "parcours n° " + std::to_string(ctx.id("pathway")) + " : référent");
  transfer_referent(ctx.tx, l.actor, l.pathway, get_id(body, "organisation_id"), get_id(body, "counsellor_id"));
  return pathway_response(ctx.tx, l.pathway.id);
}

json::array members_json(db::Tx& tx, const Pathway& p) {
  json::array items;
  for (const auto& m : store::members(tx, p.id)) items.push_back(member_json(m, p.referent_org_id));
  return items;
}

Response add_member(Ctx& ctx) {
  auto body = body_object(ctx.req);
  long long target = get_id(body, "organisation_id");
  if (!target || target == ctx.org()) {
    Loaded l = require(ctx, PathwayAction::request_join,
                       "parcours n° " + std::to_string(ctx.id("pathway")) + " : demande pour le rejoindre");
    request_join(ctx.tx, l.actor, l.pathway);
    return items_response(members_json(ctx.tx, l.pathway), 201);
  }
  Loaded l = require(ctx, PathwayAction::manage,
                     "parcours n° " + std::to_string(ctx.id("pathway")) + " : invitation de l'organisation n° " +
                         std::to_string(target));
  if (!l.person.consent_sharing)
    throw Forbidden("La personne n'a pas consenti au partage de sa fiche entre organisations.");
  invite(ctx.tx, l.actor, l.pathway, target);
  return items_response(members_json(ctx.tx, l.pathway), 201);
}

Response decide_member(Ctx& ctx) {
  auto body = body_object(ctx.req);
  if (!has(body, "approve"))
    throw ValidationError("approve", "Indiquez « approve » : true pour accepter la demande, false pour la refuser.");
  bool approve = get_bool(body, "approve");
  Loaded l = require(
      ctx, PathwayAction::manage,
      "parcours n° " + std::to_string(ctx.id("pathway")) + (approve ? " : demande acceptée" : " : demande refusée"));
  if (approve && !l.person.consent_sharing)
    throw Forbidden("La personne n'a pas consenti au partage de sa fiche entre organisations.");
  decide(ctx.tx, l.actor, l.pathway, ctx.id("target"), approve);
  return items_response(members_json(ctx.tx, l.pathway));
}

Response remove_member(Ctx& ctx) {
  long long target = ctx.id("target");
  Loaded l = require(
      ctx, target == ctx.org() ? PathwayAction::leave : PathwayAction::manage,
      "parcours n° " + std::to_string(ctx.id("pathway")) + " : sortie de l'organisation n° " + std::to_string(target));
  end_membership(ctx.tx, l.actor, l.pathway, target);
  return no_content();
}

Response add_objective_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  long long id = add_objective(ctx.tx, l.actor, l.pathway,
                               {get_string(body, "domain"), get_string(body, "title"), get_string(body, "target_on")});
  return created(objective_json(*store::find_objective(ctx.tx, id), {}));
}

Response move_objective_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  move_objective(ctx.tx, l.actor, l.pathway, ctx.id("objective"), get_progress(body));
  return json_response(
      objective_json(*store::find_objective(ctx.tx, ctx.id("objective")), store::actions(ctx.tx, l.pathway.id)));
}

json::object action_json(const Action& a) {
  return {{"id", a.id},
          {"objective_id", a.objective_id},
          {"title", a.title},
          {"status", code(a.status)},
          {"responsible", a.responsible},
          {"start_on", nullable(a.start_on)},
          {"due_on", nullable(a.due_on)},
          {"completed_on", nullable(a.completed_on)}};
}

Response add_action_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  long long id = add_action(ctx.tx, l.actor, l.pathway, ctx.id("objective"),
                            {get_string(body, "title"), get_string(body, "responsible"), get_string(body, "start_on"),
                             get_string(body, "due_on")});
  return created(action_json(*store::find_action(ctx.tx, id)));
}

Response move_action_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  move_action(ctx.tx, l.actor, l.pathway, ctx.id("action"), get_progress(body), ctx.today());
  return json_response(action_json(*store::find_action(ctx.tx, ctx.id("action"))));
}

Response add_step_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  StepInput in{get_string(body, "scheme"),   get_string(body, "title"),  get_number_text(body, "phase"),
               get_string(body, "start_on"), get_string(body, "end_on"), get_id(body, "organisation_id")};
  long long id = add_step(ctx.tx, l.actor, l.pathway, in);
  return created(step_json(*store::find_step(ctx.tx, id)));
}

Response move_step_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  move_step(ctx.tx, l.actor, l.pathway, ctx.id("step"), get_progress(body));
  return json_response(step_json(*store::find_step(ctx.tx, ctx.id("step"))));
}

Response add_social_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::edit);
  add_social_outcome(ctx.tx, l.actor, l.pathway,
                     {get_string(body, "kind"), get_string(body, "achieved_on"), get_string(body, "detail")},
                     ctx.today());
  return pathway_response(ctx.tx, l.pathway.id, 201);
}

Response timeline_api(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::see, "parcours n° " + std::to_string(ctx.id("pathway")) + " : chronologie");
  std::string kind = ctx.req.query("kind");
  bool known = kind.empty();
  for (const auto& c : timeline_categories()) known = known || kind == c.code;
  if (!known)
    throw ValidationError(
        "kind", "Type inconnu : parcours, membres, objectifs, etapes, resultats, orientations, notes ou diagnostics.");
  json::array items;
  for (const auto& e : timeline(ctx.tx, l.viewer, l.pathway, kind))
    items.push_back({{"at", e.on.empty() ? json::value(e.at) : json::value(nullptr)},
                     {"on", nullable(e.on)},
                     {"kind", e.category},
                     {"title", e.title},
                     {"detail", e.detail},
                     {"by", e.who}});
  return items_response(std::move(items));
}

Response list_notes(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::see, "parcours n° " + std::to_string(ctx.id("pathway")) + " : notes");
  json::array items;
  for (const auto& n : visible_notes(ctx.tx, l.viewer, l.pathway)) items.push_back(note_json(n));
  return items_response(std::move(items));
}

Response note_with_versions(db::Tx& tx, const NoteViewer& v, const Pathway& p, long long id, int status = 200) {
  auto nv = note_for(tx, v, p, id);
  json::object out = note_json(nv.note);
  json::array versions;
  for (const auto& ver : nv.versions)
    versions.push_back({{"version", ver.version},
                        {"level", code(ver.level)},
                        {"body", ver.body},
                        {"written_at", ver.written_at},
                        {"written_by_organisation_id", ver.written_by_org},
                        {"written_by_name", nullable(ver.written_by_user_name)}});
  out["versions"] = std::move(versions);
  return json_response(out, status);
}

Response add_note_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l =
      require(ctx, PathwayAction::write_note, "parcours n° " + std::to_string(ctx.id("pathway")) + " : note ajoutée");
  long long id = add_note(ctx.tx, l.actor, l.viewer, l.pathway, {get_string(body, "body"), get_string(body, "level")});
  return note_with_versions(ctx.tx, l.viewer, l.pathway, id, 201);
}

Response get_note(Ctx& ctx) {
  Loaded l =
      require(ctx, PathwayAction::see,
              "parcours n° " + std::to_string(ctx.id("pathway")) + " : note n° " + std::to_string(ctx.id("note")));
  return note_with_versions(ctx.tx, l.viewer, l.pathway, ctx.id("note"));
}

Response edit_note_api(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Loaded l = require(ctx, PathwayAction::write_note,
                     "parcours n° " + std::to_string(ctx.id("pathway")) + " : note n° " +
                         std::to_string(ctx.id("note")) + " modifiée");
  auto current = note_for(ctx.tx, l.viewer, l.pathway, ctx.id("note")).note;
  edit_note(ctx.tx, l.actor, l.viewer, l.pathway, current.id,
            {get_string(body, "body", current.body), get_string(body, "level", code(current.level))});
  return note_with_versions(ctx.tx, l.viewer, l.pathway, current.id);
}

Response orient(Ctx& ctx) {
  auto body = body_object(ctx.req);
  people::Person person = people::check(ctx, ctx.id("person"), people::Action::share, "share");
  OrientationTarget to{get_id(body, "service_id"), get_id(body, "organisation_id")};
  Sent sent = send_orientation(ctx.tx, actor_of(ctx), person.id, to, get_string(body, "motif"),
                               get_id(body, "diagnosis_id"), ctx.today());
  people::audit(ctx, person.id, "share", "orientation n° " + std::to_string(sent.id) + " vers " + sent.receiver);
  Response r = orientation_response(ctx.tx, sent.id, 201);
  r.header("Location",
           "/api/v1/organisations/" + std::to_string(ctx.org()) + "/orientations/" + std::to_string(sent.id));
  return r;
}

Response list_orientations(Ctx& ctx) {
  std::string box = ctx.req.query("box"), status = ctx.req.query("status");
  if (!box.empty() && box != "received" && box != "sent")
    throw ValidationError("box", "« box » vaut received (par défaut) ou sent.");
  if (!status.empty() && !parse_orientation_status(status))
    throw ValidationError("status", "« status » vaut pending, accepted, refused, expired ou cancelled.");
  auto list = box == "sent" ? store::sent(ctx.tx, ctx.org(), status) : store::received(ctx.tx, ctx.org(), status);
  people::audit(ctx, 0, "search", std::string("orientations ") + (box == "sent" ? "envoyées" : "reçues") + " (API)");
  std::vector<long long> ids, people_ids;
  for (const auto& o : list) {
    ids.push_back(o.id);
    people_ids.push_back(o.person_id);
  }
  std::map<long long, std::vector<OrientationEvent>> events;
  for (auto& e : store::orientation_events(ctx.tx, ids)) events[e.orientation_id].push_back(std::move(e));
  std::map<long long, people::store::Row> who;
  for (auto& r : people::store::identities(ctx.tx, people_ids)) who.emplace(r.id, std::move(r));
  std::string today = ctx.today();
  json::array items;
  for (const auto& o : list) {
    auto j = orientation_json(o, events[o.id]);
    auto it = who.find(o.person_id);
    j["person"] = it == who.end() ? json::value(nullptr)
                                  : json::value(json::object{{"first_name", it->second.first_name},
                                                             {"last_name", it->second.last_name},
                                                             {"birth_date", nullable(it->second.birth_date)}});
    j["age_days"] = days_between(o.sent_on, today);
    items.push_back(std::move(j));
  }
  return items_response(std::move(items));
}

Response get_orientation(Ctx& ctx) {
  Orientation o =
      require_orientation(ctx, OrientationAction::see, "orientation n° " + std::to_string(ctx.id("orientation")));
  return orientation_response(ctx.tx, o.id);
}

Response accept(Ctx& ctx) {
  Orientation o = require_orientation(ctx, OrientationAction::accept,
                                      "orientation n° " + std::to_string(ctx.id("orientation")) + " acceptée");
  accept_orientation(ctx.tx, actor_of(ctx), o, ctx.today(), ctx.config.base_url);
  return orientation_response(ctx.tx, o.id);
}

Response refuse(Ctx& ctx) {
  auto body = body_object(ctx.req);
  Orientation o = require_orientation(ctx, OrientationAction::refuse,
                                      "orientation n° " + std::to_string(ctx.id("orientation")) + " refusée");
  refuse_orientation(ctx.tx, actor_of(ctx), o, {get_string(body, "reason"), get_string(body, "detail")},
                     ctx.config.base_url);
  return orientation_response(ctx.tx, o.id);
}

Response cancel(Ctx& ctx) {
  Orientation o = require_orientation(ctx, OrientationAction::cancel,
                                      "orientation n° " + std::to_string(ctx.id("sent")) + " annulée", "sent");
  cancel_orientation(ctx.tx, actor_of(ctx), o);
  return orientation_response(ctx.tx, o.id);
}

// ---- Schemas (JSON Schema in the OpenAPI 3.0 dialect)

// A JSON array of the values; `with_null` adds null (OpenAPI 3.0: a nullable enum lists it).
std::string enum_of(const std::vector<std::string>& values, bool with_null = false) {
  std::string out = "[";
  for (const auto& v : values) out += (out.size() > 1 ? "," : "") + std::string("\"") + v + "\"";
  if (with_null) out += ",null";
  return out + "]";
}

std::string progress_enum() {
  return enum_of({"planned", "in_progress", "done", "abandoned"});
}
std::string codes(const std::vector<Label>& labels, bool with_null = false) {
  std::vector<std::string> v;
  for (const auto& l : labels) v.push_back(l.code);
  return enum_of(v, with_null);
}
std::string outcome_enum(bool with_null = false) {
  std::vector<std::string> v;
  for (const auto& o : outcomes()) v.push_back(o.code);
  return enum_of(v, with_null);
}
std::string level_enum() {
  return enum_of({"person", "members", "organisation", "social"});
}

const std::string& action_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","title","status"],"properties":{"id":{"type":"integer"},"objective_id":{"type":"integer"},"title":{"type":"string"},"status":{"type":"string","enum":)J" +
      progress_enum() +
      R"J(},"responsible":{"type":"string"},"start_on":{"type":"string","format":"date","nullable":true},"due_on":{"type":"string","format":"date","nullable":true},"completed_on":{"type":"string","format":"date","nullable":true}}})J";
  return s;
}
const std::string& objective_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","domain","title","status"],"properties":{"id":{"type":"integer"},"domain":{"type":"string","enum":["social","professional"]},"title":{"type":"string"},"status":{"type":"string","enum":)J" +
      progress_enum() +
      R"J(},"target_on":{"type":"string","format":"date","nullable":true},"actions":{"type":"array","items":)J" +
      action_schema() + "}}}";
  return s;
}
const std::string& step_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","scheme","title","status"],"properties":{"id":{"type":"integer"},"scheme":{"type":"string","enum":)J" +
      codes(schemes()) +
      R"J(},"title":{"type":"string"},"organisation_id":{"type":"integer","nullable":true},"phase":{"type":"integer","nullable":true},"start_on":{"type":"string","format":"date","nullable":true},"end_on":{"type":"string","format":"date","nullable":true},"status":{"type":"string","enum":)J" +
      progress_enum() + "}}}";
  return s;
}
const std::string& member_schema() {
  static const std::string s =
      R"J({"type":"object","required":["organisation_id","status"],"properties":{"organisation_id":{"type":"integer"},"organisation_name":{"type":"string"},"status":{"type":"string","enum":["requested","active","refused","ended"]},"origin":{"type":"string","enum":["opened","invited","requested","orientation"]},"referent":{"type":"boolean"},"requested_at":{"type":"string"},"joined_at":{"type":"string","nullable":true},"ended_at":{"type":"string","nullable":true}}})J";
  return s;
}
std::string summary_properties() {
  return R"J("id":{"type":"integer"},"person_id":{"type":"integer"},"status":{"type":"string","enum":["open","suspended","closed"]},"referent":{"type":"object","properties":{"organisation_id":{"type":"integer"},"organisation_name":{"type":"string"},"counsellor_id":{"type":"integer","nullable":true},"counsellor_name":{"type":"string","nullable":true}}},"started_on":{"type":"string","format":"date"},"closed_on":{"type":"string","format":"date","nullable":true},"outcome":{"type":"string","nullable":true,"enum":)J" +
         outcome_enum(true) +
         R"J(},"outcome_category":{"type":"string","nullable":true,"enum":["lasting","transition","positive","other",null]},"outcome_detail":{"type":"string"})J";
}
const std::string& pathway_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","person_id","status","referent","started_on","members","objectives","steps","social_outcomes"],"properties":{)J" +
      summary_properties() + R"J(,"members":{"type":"array","items":)J" + member_schema() +
      R"J(},"objectives":{"type":"array","items":)J" + objective_schema() + R"J(},"steps":{"type":"array","items":)J" +
      step_schema() +
      R"J(},"social_outcomes":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"kind":{"type":"string","enum":)J" +
      codes(social_outcome_kinds()) +
      R"J(},"achieved_on":{"type":"string","format":"date"},"detail":{"type":"string"},"organisation_id":{"type":"integer"}}}}}})J";
  return s;
}
const std::string& note_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","level","body","version"],"properties":{"id":{"type":"integer"},"pathway_id":{"type":"integer"},"level":{"type":"string","enum":)J" +
      level_enum() +
      R"J(},"body":{"type":"string"},"version":{"type":"integer"},"author_organisation_id":{"type":"integer"},"author_organisation_name":{"type":"string"},"author_name":{"type":"string","nullable":true},"created_at":{"type":"string"},"updated_at":{"type":"string"},"versions":{"type":"array","description":"versions que l'appelant peut lire, la plus ancienne d'abord","items":{"type":"object","properties":{"version":{"type":"integer"},"level":{"type":"string","enum":)J" +
      level_enum() +
      R"J(},"body":{"type":"string"},"written_at":{"type":"string"},"written_by_organisation_id":{"type":"integer"},"written_by_name":{"type":"string","nullable":true}}}}}})J";
  return s;
}
const std::string& orientation_schema() {
  static const std::string s =
      R"J({"type":"object","required":["id","person_id","from_organisation_id","to_organisation_id","motif","status","sent_on","expires_on","events"],"properties":{"id":{"type":"integer"},"person_id":{"type":"integer"},"pathway_id":{"type":"integer","nullable":true},"from_organisation_id":{"type":"integer"},"from_organisation_name":{"type":"string"},"from_counsellor_name":{"type":"string","nullable":true},"to_organisation_id":{"type":"integer"},"to_organisation_name":{"type":"string"},"service_id":{"type":"integer","nullable":true},"service_name":{"type":"string","nullable":true},"diagnosis_id":{"type":"integer","nullable":true},"motif":{"type":"string"},"status":{"type":"string","enum":["pending","accepted","refused","expired","cancelled"]},"refusal_reason":{"type":"string","nullable":true,"enum":)J" +
      codes(refusal_reasons(), true) +
      R"J(},"refusal_detail":{"type":"string"},"sent_on":{"type":"string","format":"date"},"expires_on":{"type":"string","format":"date","description":"l'orientation expire le lendemain de ce jour sans réponse"},"age_days":{"type":"integer"},"person":{"type":"object","nullable":true,"properties":{"first_name":{"type":"string"},"last_name":{"type":"string"},"birth_date":{"type":"string","nullable":true}}},"events":{"type":"array","items":{"type":"object","properties":{"at":{"type":"string"},"kind":{"type":"string","enum":["sent","accepted","refused","expired","cancelled"]},"organisation_id":{"type":"integer","nullable":true},"user_name":{"type":"string","nullable":true},"detail":{"type":"string"}}}}}})J";
  return s;
}

std::string list_of(const std::string& item) {
  return R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":)J" + item + "}}}";
}
std::string status_input() {
  return R"J({"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":)J" +
         progress_enum() + "}}}";
}

}  // namespace

void add_api_routes(Router& router) {
  const std::string org = "/api/v1/organisations/{org}";
  const std::string pw = org + "/pathways/{pathway}";
  const char* tag = "Parcours";
  const char* otag = "Orientations";
  auto add = [&](Method m, const std::string& pattern, const char* name, Handler h, ApiDoc doc) {
    add_route(router, {m, pattern, name, Access::member, Kind::api, std::move(h), nullptr, std::move(doc)});
  };
  add(Method::get, org + "/people/{person}/pathways", "api.pathways.list", list_pathways,
      {"Parcours de la personne, le plus récent d'abord (member : votre organisation en est membre)", tag, "",
       list_of(R"J({"type":"object","properties":{)J" + summary_properties() + R"J(,"member":{"type":"boolean"}}})J")});
  add(Method::post, org + "/people/{person}/pathways", "api.pathways.open", open,
      {"Ouvrir un parcours (votre organisation en devient la référente ; 409 s'il y en a déjà un en cours)", tag,
       R"J({"type":"object","properties":{"started_on":{"type":"string","format":"date","description":"aujourd'hui par défaut"},"counsellor_id":{"type":"integer","description":"utilisateur de votre organisation"}}})J",
       pathway_schema(), 201});
  add(Method::post, org + "/people/{person}/orientations", "api.orientations.create", orient,
      {"Orienter la personne vers un service de l'annuaire ou une organisation (consentement au partage requis)", otag,
       R"J({"type":"object","required":["motif"],"properties":{"service_id":{"type":"integer"},"organisation_id":{"type":"integer"},"motif":{"type":"string"},"diagnosis_id":{"type":"integer"}},"description":"service_id ou organisation_id, l'un des deux"})J",
       orientation_schema(), 201});
  add(Method::get, pw, "api.pathways.get", get,
      {"Un parcours : référent, membres, objectifs et actions, étapes, résultats sociaux", tag, "", pathway_schema()});
  add(Method::post, pw + "/status", "api.pathways.status", status,
      {"Suspendre, reprendre ou clôturer (avec la sortie) le parcours : organisation référente", tag,
       R"J({"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["open","suspended","closed"]},"outcome":{"type":"string","enum":)J" +
           outcome_enum() + R"J(},"closed_on":{"type":"string","format":"date"},"outcome_detail":{"type":"string"}}})J",
       pathway_schema()});
  add(Method::post, pw + "/referent", "api.pathways.referent", referent,
      {"Transférer le rôle de référent à une organisation membre, ou changer de conseiller référent", tag,
       R"J({"type":"object","required":["organisation_id"],"properties":{"organisation_id":{"type":"integer"},"counsellor_id":{"type":"integer"}}})J",
       pathway_schema()});
  add(Method::post, pw + "/members", "api.pathways.members.add", add_member,
      {"Inviter une organisation (référent, consentement requis) ; sans organisation_id ou avec la vôtre : demander à "
       "rejoindre le parcours",
       tag, R"J({"type":"object","properties":{"organisation_id":{"type":"integer"}}})J", list_of(member_schema()),
       201});
  add(Method::post, pw + "/members/{target}/decision", "api.pathways.members.decide", decide_member,
      {"Accepter ou refuser la demande d'une organisation (référent)", tag,
       R"J({"type":"object","required":["approve"],"properties":{"approve":{"type":"boolean"}}})J",
       list_of(member_schema())});
  add(Method::del, pw + "/members/{target}", "api.pathways.members.remove", remove_member,
      {"Retirer une organisation du parcours (référent), ou le quitter (votre organisation)", tag, "", "", 204});
  add(Method::post, pw + "/objectives", "api.pathways.objectives.add", add_objective_api,
      {"Ajouter un objectif (parcours en cours)", tag,
       R"J({"type":"object","required":["domain","title"],"properties":{"domain":{"type":"string","enum":["social","professional"]},"title":{"type":"string"},"target_on":{"type":"string","format":"date"}}})J",
       objective_schema(), 201});
  add(Method::patch, pw + "/objectives/{objective}", "api.pathways.objectives.move", move_objective_api,
      {"Changer l'état d'un objectif (prévu → en cours → réalisé ; abandonné → prévu)", tag, status_input(),
       objective_schema()});
  add(Method::post, pw + "/objectives/{objective}/actions", "api.pathways.actions.add", add_action_api,
      {"Ajouter une action à un objectif", tag,
       R"J({"type":"object","required":["title"],"properties":{"title":{"type":"string"},"responsible":{"type":"string"},"start_on":{"type":"string","format":"date"},"due_on":{"type":"string","format":"date"}}})J",
       action_schema(), 201});
  add(Method::patch, pw + "/actions/{action}", "api.pathways.actions.move", move_action_api,
      {"Changer l'état d'une action", tag, status_input(), action_schema()});
  add(Method::post, pw + "/steps", "api.pathways.steps.add", add_step_api,
      {"Ajouter une étape (dispositif ; phase pour une qualification progressive)", tag,
       R"J({"type":"object","required":["scheme","title"],"properties":{"scheme":{"type":"string","enum":)J" +
           codes(schemes()) +
           R"J(},"title":{"type":"string"},"phase":{"type":"integer"},"organisation_id":{"type":"integer"},"start_on":{"type":"string","format":"date"},"end_on":{"type":"string","format":"date"}}})J",
       step_schema(), 201});
  add(Method::patch, pw + "/steps/{step}", "api.pathways.steps.move", move_step_api,
      {"Changer l'état d'une étape", tag, status_input(), step_schema()});
  add(Method::post, pw + "/social-outcomes", "api.pathways.social_outcomes.add", add_social_api,
      {"Enregistrer un résultat social obtenu", tag,
       R"J({"type":"object","required":["kind","achieved_on"],"properties":{"kind":{"type":"string","enum":)J" +
           codes(social_outcome_kinds()) +
           R"J(},"achieved_on":{"type":"string","format":"date"},"detail":{"type":"string"}}})J",
       pathway_schema(), 201});
  add(Method::get, pw + "/timeline", "api.pathways.timeline", timeline_api,
      {"Chronologie du parcours (ce que l'appelant peut voir), la plus récente d'abord",
       tag,
       "",
       list_of(
           R"J({"type":"object","properties":{"at":{"type":"string"},"kind":{"type":"string"},"title":{"type":"string"},"detail":{"type":"string"},"by":{"type":"string"}}})J"),
       200,
       {{"kind", "parcours, membres, objectifs, etapes, resultats, orientations, notes ou diagnostics"}}});
  add(Method::get, pw + "/notes", "api.pathways.notes.list", list_notes,
      {"Notes du parcours que l'appelant peut lire (selon leur niveau de confidentialité)", tag, "",
       list_of(note_schema())});
  add(Method::post, pw + "/notes", "api.pathways.notes.add", add_note_api,
      {"Écrire une note (niveau social : travailleurs sociaux seulement)", tag,
       R"J({"type":"object","required":["body","level"],"properties":{"body":{"type":"string"},"level":{"type":"string","enum":)J" +
           level_enum() + "}}}",
       note_schema(), 201});
  add(Method::get, pw + "/notes/{note}", "api.pathways.notes.get", get_note,
      {"Une note et ses versions lisibles", tag, "", note_schema()});
  add(Method::patch, pw + "/notes/{note}", "api.pathways.notes.edit", edit_note_api,
      {"Modifier une note (organisation autrice) : la version précédente est conservée", tag,
       R"J({"type":"object","properties":{"body":{"type":"string"},"level":{"type":"string","enum":)J" + level_enum() +
           "}}}",
       note_schema()});
  add(Method::get, org + "/orientations", "api.orientations.list", list_orientations,
      {"Orientations reçues (box=received, par défaut) ou envoyées (box=sent), les plus récentes d'abord, avec leur "
       "âge en jours",
       otag,
       "",
       list_of(orientation_schema()),
       200,
       {{"box", "received ou sent"}, {"status", "pending, accepted, refused, expired ou cancelled"}}});
  add(Method::get, org + "/orientations/{orientation}", "api.orientations.get", get_orientation,
      {"Une orientation envoyée ou reçue, avec ses étapes", otag, "", orientation_schema()});
  add(Method::post, org + "/orientations/{orientation}/accept", "api.orientations.accept", accept,
      {"Accepter une orientation reçue : votre organisation rejoint le parcours (ouvert au besoin) et accède à la "
       "fiche",
       otag, "", orientation_schema()});
  add(Method::post, org + "/orientations/{orientation}/refuse", "api.orientations.refuse", refuse,
      {"Refuser une orientation reçue avec un motif de la liste", otag,
       R"J({"type":"object","required":["reason"],"properties":{"reason":{"type":"string","enum":)J" +
           codes(refusal_reasons()) + R"J(},"detail":{"type":"string","description":"obligatoire pour other"}}})J",
       orientation_schema()});
  add(Method::post, org + "/orientations/{sent}/cancel", "api.orientations.cancel", cancel,
      {"Annuler une orientation envoyée, tant qu'elle est en attente", otag, "", orientation_schema()});
}

}  // namespace jalon::pathways
