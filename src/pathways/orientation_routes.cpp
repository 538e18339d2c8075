// The orientation pages: orient a person (by hand, or posted from the diagnosis page), the
// organisation's inbox of received orientations with their age, the sent ones with every step,
// one orientation with its answer forms, and the delay before a received one expires.
#include <map>

#include "accounts/store.h"
#include "base/text.h"
#include "directory/live.h"
#include "directory/search.h"
#include "directory/store.h"
#include "pathways/access.h"
#include "pathways/actions.h"
#include "pathways/pages.h"
#include "pathways/routes.h"
#include "pathways/store.h"
#include "people/access.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::pathways {

using namespace http;
using namespace pages;

namespace {

std::string kept(Ctx& ctx, const ValidationError* err, const std::string& name, const std::string& fallback = "") {
  return err && ctx.req.method == Method::post ? ctx.form().get(name) : fallback;
}

std::string age_text(int days) {
  if (days <= 0) return "aujourd'hui";
  if (days == 1) return "1 jour";
  return std::to_string(days) + " jours";
}

// ---- Orient a person

Response orient_form(Ctx& ctx, directory::Live& live, const ValidationError* err) {
  long long org = ctx.org();
  people::Person person =
      people::require(ctx, ctx.id("person"), people::Action::read, "read", "formulaire d'orientation");
  Page page(ctx, "pathways/orient", "Orienter " + person.first_name + " " + person.last_name);
  auto& b = page.body();
  b.SetValue("PERSON_URL", person_url(org, person.id));
  b.SetValue("PERSON_NAME", person.first_name + " " + person.last_name);
  b.SetValue("ACTION", person_url(org, person.id) + "/orientations");
  if (!person.consent_sharing) {
    b.ShowSection("NO_CONSENT");
    return page.render(err ? 422 : 200);
  }
  b.ShowSection("FORM");
  std::string typed = ctx.req.method == Method::get ? ctx.req.query("recherche") : "";
  b.SetValue("SEARCH", typed);
  long long chosen = parse_id(err ? ctx.form().get("service_id") : ctx.req.query("service_id"));
  std::string diagnosis = err ? ctx.form().get("diagnosis_id") : ctx.req.query("diagnostic");
  if (parse_id(diagnosis)) b.AddSectionDictionary("DIAGNOSIS")->SetValue("ID", diagnosis);

  // The directory's services: those matching the words typed, nearest the person's commune first.
  directory::Query q;
  q.text = text::cut_utf8(typed, 200);
  if (auto place = directory::place_of_commune(person.commune_code, referentials::communes())) {
    q.place = place;
    q.radius_km = 50;
  }
  q.limit = 15;
  std::vector<long long> ids;
  std::map<long long, double> distance;
  if (ctx.db) live.refresh(*ctx.db);
  auto result = live.read([&](const directory::Index& index) { return index.search(q); });
  if (chosen) ids.push_back(chosen);
  for (const auto& h : result.hits) {
    if (h.service_id != chosen) ids.push_back(h.service_id);
    if (h.distance_km) distance[h.service_id] = *h.distance_km;
  }
  auto found = directory::store::published_services(ctx.tx, ids);
  std::map<long long, std::size_t> index_of;
  for (std::size_t i = 0; i < found.services.size(); ++i) index_of[found.services[i].id] = i;
  int shown = 0;
  for (long long id : ids) {
    auto it = index_of.find(id);
    if (it == index_of.end()) continue;
    const auto& sv = found.services[it->second];
    const auto& st = found.structure(it->second);
    auto* d = b.AddSectionDictionary("SERVICE");
    d->SetIntValue("ID", sv.id);
    d->SetValue("NAME", sv.name);
    d->SetValue("STRUCTURE", st.name);
    std::string where = referentials::communes().name_of(sv.commune_code.empty() ? st.commune_code : sv.commune_code);
    if (distance.count(id))
      where += (where.empty() ? "" : ", ") + std::string("à ") + std::to_string(static_cast<int>(distance[id] + 0.5)) +
               " km";
    if (!where.empty()) d->AddSectionDictionary("WHERE")->SetValue("TEXT", where);
    if (!st.organisation_id || st.organisation_id == org) d->ShowSection("DISABLED");
    if (!st.organisation_id)
      d->ShowSection("NO_ACCOUNT");
    else if (st.organisation_id == org)
      d->ShowSection("OURS");
    else {
      auto* r = d->AddSectionDictionary("CHOOSABLE");
      if (id == chosen) r->ShowSection("CHECKED");
    }
    ++shown;
  }
  if (!shown) b.ShowSection("NO_SERVICE");
  std::vector<Page::Option> organisations;
  for (const auto& o : accounts::store::list_organisations(ctx.tx))
    if (o.id != org) organisations.push_back({std::to_string(o.id), o.name, ""});
  page.select("organisation_id", "Ou une organisation", organisations, kept(ctx, err, "organisation_id"),
              "Sans service précis : l'organisation choisie reçoit l'orientation.", false);
  page.textarea("motif", "Motif de l'orientation", kept(ctx, err, "motif"),
                {"Ce que la personne attend, ses besoins, ce qui a déjà été fait. L'organisation qui reçoit "
                 "l'orientation le lit.",
                 "off", true});
  if (err) page.errors(*err);
  return page.render();
}

Response orient(Ctx& ctx) {
  long long org = ctx.org();
  people::Person person = people::check(ctx, ctx.id("person"), people::Action::share, "share");
  const Form& f = ctx.form();
  OrientationTarget to{parse_id(f.get("service_id")), parse_id(f.get("organisation_id"))};
  if (!f.get("service_id").empty() && !to.service)
    throw ValidationError("service_id", "Choisissez un service de l'annuaire.");
  if (!f.get("organisation_id").empty() && !to.organisation)
    throw ValidationError("organisation_id", "Choisissez une organisation.");
  Sent sent = send_orientation(ctx.tx, actor_of(ctx), person.id, to, f.get("motif"), parse_id(f.get("diagnosis_id")),
                               ctx.today());
  people::audit(ctx, person.id, "share", "orientation n° " + std::to_string(sent.id) + " vers " + sent.receiver);
  return redirect_with_flash(person_url(org, person.id), "Orientation envoyée à " + sent.receiver);
}

// ---- Inbox and sent

void status_tabs(ctemplate::TemplateDictionary& b, const std::string& url, const std::string& current) {
  std::vector<std::pair<std::string, std::string>> tabs = {{"pending", "En attente"}, {"accepted", "Acceptées"},
                                                           {"refused", "Refusées"},   {"expired", "Expirées"},
                                                           {"cancelled", "Annulées"}, {"all", "Toutes"}};
  for (const auto& [value, name] : tabs) {
    auto* t = b.AddSectionDictionary("TAB");
    t->SetValue("URL", url + "?statut=" + value);
    t->SetValue("NAME", name);
    if (value == current) t->ShowSection("CURRENT");
  }
}

std::string status_filter(Ctx& ctx, const char* fallback) {
  std::string s = ctx.req.query("statut");
  if (s == "all" || parse_orientation_status(s)) return s;
  return fallback;
}

void fill_row(ctemplate::TemplateDictionary* d, const Orientation& o,
              const std::map<long long, people::store::Row>& who, long long org, const std::string& today) {
  d->SetIntValue("ID", o.id);
  d->SetValue("URL", orientation_url(org, o.id));
  auto it = who.find(o.person_id);
  d->SetValue("PERSON", it == who.end() ? "personne n° " + std::to_string(o.person_id)
                                        : it->second.last_name + " " + it->second.first_name);
  d->SetValue("BIRTH", it == who.end() ? "" : time::display_civil(it->second.birth_date));
  d->SetValue("FROM", o.from_org_name + (o.from_user_name.empty() ? "" : " (" + o.from_user_name + ")"));
  d->SetValue("TO", o.to_org_name);
  d->SetValue("SERVICE", o.service_name.empty() ? "—" : o.service_name);
  d->SetValue("MOTIF", text::utf8_length(o.motif) > 140 ? text::cut_utf8(o.motif, 140) + "…" : o.motif);
  d->SetValue("SENT", time::display_civil(o.sent_on));
  d->SetValue("AGE", age_text(days_between(o.sent_on, today)));
  d->SetValue("EXPIRES", time::display_civil(o.expires_on));
  d->SetValue("STATUS", label(o.status));
  d->SetValue("STATUS_CODE", code(o.status));
  if (o.status == OrientationStatus::pending) d->ShowSection("PENDING");
}

std::map<long long, people::store::Row> identities(db::Tx& tx, const std::vector<Orientation>& list) {
  std::vector<long long> ids;
  for (const auto& o : list) ids.push_back(o.person_id);
  std::map<long long, people::store::Row> out;
  for (auto& r : people::store::identities(tx, ids)) out.emplace(r.id, std::move(r));
  return out;
}

Response inbox(Ctx& ctx) {
  long long org = ctx.org();
  std::string status = status_filter(ctx, "pending");
  Page page(ctx, "pathways/inbox", "Orientations reçues");
  auto& b = page.body();
  b.SetValue("SENT_URL", org_url(org) + "/orientations/envoyees");
  b.SetValue("SETTINGS_URL", org_url(org) + "/orientations/reglages");
  b.SetValue("PATHWAYS_URL", org_url(org) + "/parcours");
  status_tabs(b, org_url(org) + "/orientations", status);
  auto list = store::received(ctx.tx, org, status == "all" ? "" : status);
  auto who = identities(ctx.tx, list);
  people::audit(ctx, 0, "search", "orientations reçues (" + status + ")");
  std::string today = ctx.today();
  for (const auto& o : list) fill_row(b.AddSectionDictionary("ROW"), o, who, org, today);
  b.SetIntValue("COUNT", static_cast<long>(list.size()));
  if (list.empty()) b.ShowSection("EMPTY");
  b.SetIntValue("DAYS", store::expiry_days(ctx.tx, org));
  const auto* m = ctx.who.membership(org);
  if (m && m->role == "admin") b.ShowSection("ADMIN");
  return page.render();
}

Response sent_list(Ctx& ctx) {
  long long org = ctx.org();
  std::string status = status_filter(ctx, "all");
  Page page(ctx, "pathways/sent", "Orientations envoyées");
  auto& b = page.body();
  b.SetValue("INBOX_URL", org_url(org) + "/orientations");
  status_tabs(b, org_url(org) + "/orientations/envoyees", status);
  auto list = store::sent(ctx.tx, org, status == "all" ? "" : status);
  auto who = identities(ctx.tx, list);
  people::audit(ctx, 0, "search", "orientations envoyées (" + status + ")");
  std::vector<long long> ids;
  for (const auto& o : list) ids.push_back(o.id);
  std::map<long long, std::vector<OrientationEvent>> events;
  for (auto& e : store::orientation_events(ctx.tx, ids)) events[e.orientation_id].push_back(std::move(e));
  std::string today = ctx.today();
  for (const auto& o : list) {
    auto* d = b.AddSectionDictionary("ROW");
    fill_row(d, o, who, org, today);
    for (const auto& e : events[o.id]) {
      auto* ed = d->AddSectionDictionary("EVENT");
      ed->SetValue("AT", when(e.at));
      ed->SetValue("WHAT", e.kind == "sent"       ? "envoyée"
                           : e.kind == "accepted" ? "acceptée"
                           : e.kind == "refused"  ? "refusée"
                           : e.kind == "expired"  ? "expirée"
                                                  : "annulée");
      std::string by = e.user_name.empty() ? e.organisation_name : e.user_name + " (" + e.organisation_name + ")";
      ed->SetValue("WHO", by.empty() ? "délai écoulé" : by);
      if (!e.detail.empty()) ed->AddSectionDictionary("DETAIL")->SetValue("TEXT", e.detail);
    }
  }
  if (list.empty()) b.ShowSection("EMPTY");
  return page.render();
}

// ---- One orientation

Response orientation_page(Ctx& ctx, const ValidationError* err) {
  long long org = ctx.org();
  Orientation o =
      require_orientation(ctx, OrientationAction::see, "orientation n° " + std::to_string(ctx.id("orientation")));
  Page page(ctx, "pathways/orientation", "Orientation n° " + std::to_string(o.id));
  auto& b = page.body();
  auto rows = people::store::identities(ctx.tx, {o.person_id});
  if (!rows.empty()) {
    b.SetValue("PERSON", rows[0].first_name + " " + rows[0].last_name);
    b.SetValue("BIRTH", rows[0].birth_date.empty() ? "non renseignée" : time::display_civil(rows[0].birth_date));
    b.SetValue("COMMUNE", rows[0].commune_code.empty() ? "non renseignée"
                                                       : referentials::communes().name_of(rows[0].commune_code));
  }
  OrientationSide side = side_of(o, org);
  b.SetValue("BACK", org_url(org) + (side == OrientationSide::receiver ? "/orientations" : "/orientations/envoyees"));
  b.SetValue("BACK_NAME", side == OrientationSide::receiver ? "Orientations reçues" : "Orientations envoyées");
  b.SetValue("FROM", o.from_org_name + (o.from_user_name.empty() ? "" : " (" + o.from_user_name + ")"));
  b.SetValue("TO", o.to_org_name);
  b.SetValue("SERVICE", o.service_name.empty() ? "—" : o.service_name);
  b.SetValue("MOTIF", o.motif);
  b.SetValue("SENT", time::display_civil(o.sent_on));
  b.SetValue("AGE", age_text(days_between(o.sent_on, ctx.today())));
  b.SetValue("EXPIRES", time::display_civil(o.expires_on));
  b.SetValue("STATUS", label(o.status));
  b.SetValue("STATUS_CODE", code(o.status));
  if (o.diagnosis_id) b.AddSectionDictionary("DIAGNOSIS")->SetIntValue("ID", o.diagnosis_id);
  if (o.status == OrientationStatus::refused) {
    const char* reason = refusal_reason_label(o.refusal_reason);
    b.AddSectionDictionary("REFUSAL")->SetValue("TEXT", std::string(reason ? reason : o.refusal_reason) +
                                                            (o.refusal_detail.empty() ? "" : " : " + o.refusal_detail));
  }
  for (const auto& e : store::orientation_events(ctx.tx, {o.id})) {
    auto* d = b.AddSectionDictionary("EVENT");
    d->SetValue("AT", when(e.at));
    d->SetValue("WHAT", e.kind == "sent"       ? "Envoyée"
                        : e.kind == "accepted" ? "Acceptée"
                        : e.kind == "refused"  ? "Refusée"
                        : e.kind == "expired"  ? "Expirée"
                                               : "Annulée");
    std::string by = e.user_name.empty() ? e.organisation_name : e.user_name + " (" + e.organisation_name + ")";
    d->SetValue("WHO", by.empty() ? "délai écoulé" : by);
    if (!e.detail.empty()) d->AddSectionDictionary("DETAIL")->SetValue("TEXT", e.detail);
  }
  std::string base = orientation_url(org, o.id);
  if (o.status == OrientationStatus::pending && side == OrientationSide::receiver) {
    auto* a = b.AddSectionDictionary("ANSWER");
    a->SetValue("ACCEPT", base + "/accepter");
    a->SetValue("REFUSE", base + "/refuser");
    std::vector<Page::Option> reasons;
    for (const auto& r : refusal_reasons()) reasons.push_back({r.code, r.label, ""});
    page.select("reason", "Motif du refus", reasons, kept(ctx, err, "reason"));
    page.textarea(
        "detail", "Précision", kept(ctx, err, "detail"),
        {"Obligatoire pour « Autre ». La précision est transmise à l'organisation qui a orienté.", "off", false});
  }
  if (o.status == OrientationStatus::pending && side == OrientationSide::sender)
    b.AddSectionDictionary("CANCEL")->SetValue("ACTION", base + "/annuler");
  if (o.pathway_id) {
    auto p = store::find_pathway(ctx.tx, o.pathway_id);
    if (p && facts_of(ctx.tx, *p, org).member && people::store::has_grant(ctx.tx, o.person_id, org))
      b.AddSectionDictionary("PATHWAY")->SetValue("URL", pathway_url(org, o.pathway_id));
  }
  if (err) page.errors(*err);
  return page.render();
}

Response accept(Ctx& ctx) {
  long long org = ctx.org();
  Orientation o = require_orientation(ctx, OrientationAction::accept,
                                      "orientation n° " + std::to_string(ctx.id("orientation")) + " acceptée");
  long long pathway = accept_orientation(ctx.tx, actor_of(ctx), o, ctx.today(), ctx.config.base_url);
  return redirect_with_flash(pathway_url(org, pathway),
                             "Orientation acceptée : votre organisation a rejoint le parcours de la personne.");
}

Response refuse(Ctx& ctx) {
  long long org = ctx.org();
  Orientation o = require_orientation(ctx, OrientationAction::refuse,
                                      "orientation n° " + std::to_string(ctx.id("orientation")) + " refusée");
  refuse_orientation(ctx.tx, actor_of(ctx), o, {ctx.form().get("reason"), ctx.form().get("detail")},
                     ctx.config.base_url);
  return redirect_with_flash(
      org_url(org) + "/orientations",
      "L'orientation n° " + std::to_string(o.id) + " est refusée ; l'organisation qui l'a envoyée est prévenue.");
}

Response cancel(Ctx& ctx) {
  long long org = ctx.org();
  Orientation o = require_orientation(ctx, OrientationAction::cancel,
                                      "orientation n° " + std::to_string(ctx.id("sent")) + " annulée", "sent");
  cancel_orientation(ctx.tx, actor_of(ctx), o);
  return redirect_with_flash(org_url(org) + "/orientations/envoyees",
                             "L'orientation n° " + std::to_string(o.id) + " est annulée.");
}

// ---- Settings

Response settings_page(Ctx& ctx, const ValidationError* err) {
  long long org = ctx.org();
  Page page(ctx, "pathways/settings", "Délai de réponse aux orientations");
  auto& b = page.body();
  b.SetValue("ACTION", org_url(org) + "/orientations/reglages");
  b.SetValue("BACK", org_url(org));
  page.field("expiry_days", "Nombre de jours", "number",
             kept(ctx, err, "expiry_days", std::to_string(store::expiry_days(ctx.tx, org))),
             {"Sans réponse passé ce délai, une orientation reçue expire et son expéditeur en est prévenu (30 jours "
              "par défaut).",
              "off", true});
  if (err) page.errors(*err);
  return page.render();
}

Response save_settings(Ctx& ctx) {
  long long org = ctx.org();
  int days = validate_expiry_days(ctx.form().get("expiry_days"));
  store::set_expiry_days(ctx.tx, org, days);
  return redirect_with_flash(org_url(org) + "/orientations/reglages",
                             "Le délai est enregistré : " + std::to_string(days) + " jours.");
}

}  // namespace

void add_orientation_page_routes(Router& router, directory::Live& live) {
  directory::Live* l = &live;
  add_route(router, {Method::get, "/organisations/{org}/personnes/{person}/orientations", "pathways.orient_form",
                     Access::member, Kind::page, [l](Ctx& c) { return orient_form(c, *l, nullptr); }});
  add_route(router,
            {Method::post, "/organisations/{org}/personnes/{person}/orientations", "pathways.orient", Access::member,
             Kind::page, orient, [l](Ctx& c, const ValidationError& e) { return orient_form(c, *l, &e); }});
  // The fixed addresses before /orientations/{orientation}, which would match them too.
  add_route(router,
            {Method::get, "/organisations/{org}/orientations", "pathways.inbox", Access::member, Kind::page, inbox});
  add_route(router, {Method::get, "/organisations/{org}/orientations/envoyees", "pathways.sent", Access::member,
                     Kind::page, sent_list});
  add_route(router, {Method::get, "/organisations/{org}/orientations/reglages", "pathways.settings",
                     Access::org_manager, Kind::page, [](Ctx& c) { return settings_page(c, nullptr); }});
  add_route(router,
            {Method::post, "/organisations/{org}/orientations/reglages", "pathways.settings_save", Access::org_manager,
             Kind::page, save_settings, [](Ctx& c, const ValidationError& e) { return settings_page(c, &e); }});
  add_route(router, {Method::get, "/organisations/{org}/orientations/{orientation}", "pathways.orientation",
                     Access::member, Kind::page, [](Ctx& c) { return orientation_page(c, nullptr); }});
  add_route(router, {Method::post, "/organisations/{org}/orientations/{orientation}/accepter",
                     "pathways.orientation_accept", Access::member, Kind::page, accept});
  add_route(router, {Method::post, "/organisations/{org}/orientations/{orientation}/refuser",
                     "pathways.orientation_refuse", Access::member, Kind::page, refuse,
                     [](Ctx& c, const ValidationError& e) { return orientation_page(c, &e); }});
  add_route(router, {Method::post, "/organisations/{org}/orientations/{sent}/annuler", "pathways.orientation_cancel",
                     Access::member, Kind::page, cancel});
}

}  // namespace jalon::pathways
