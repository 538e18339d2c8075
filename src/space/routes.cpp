#include "space/routes.h"

#include <boost/json.hpp>

#include "appointments/actions.h"
#include "appointments/ics.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "base/crypto.h"
#include "base/text.h"
#include "base/time.h"
#include "documents/actions.h"
#include "documents/rules.h"
#include "documents/store.h"
#include "http/page.h"
#include "jobs/application_routes.h"
#include "jobs/application_store.h"
#include "mail/outbox.h"
#include "notifications/notify.h"
#include "people/actions.h"
#include "people/json.h"
#include "people/rules.h"
#include "pathways/actions.h"
#include "pathways/store.h"
#include "people/store.h"
#include "space/auth.h"
#include "space/store.h"

namespace jalon::space {

using namespace http;
namespace json = boost::json;

namespace {

const char* kSent =
    "Si cette adresse est celle d'une personne accompagnée, un e-mail contenant un lien de connexion vient de lui être "
    "envoyé. "
    "Le lien sert une seule fois.";

// One audit row about the person, written as the person themselves (no user, no organisation).
void self_audit(Ctx& ctx, const std::string& action, const std::string& detail = "") {
  people::AuditEntry e;
  e.person_id = ctx.who.person_id;
  e.action = "self:" + action;
  e.detail = detail;
  e.ip = ctx.req.remote_ip;
  if (ctx.tx.mode() == db::Tx::Mode::write || !ctx.db) {
    people::store::audit(ctx.tx, e);
    return;
  }
  db::transact_together(*ctx.db, [&](db::Tx& own) { people::store::audit(own, e); });
}

people::Person me(Ctx& ctx) {
  auto p = people::store::find(ctx.tx, ctx.who.person_id);
  if (!p) throw NotFound("Votre dossier n'existe plus.");
  return *p;
}

time::Instant start_of(const appointments::Appointment& a) {
  auto t = time::parse_iso(a.starts_at);
  return t ? *t : time::Instant{};
}

const appointments::Participant* mine(const appointments::Appointment& a, long long person) {
  for (const auto& p : a.participants)
    if (p.person_id == person) return &p;
  return nullptr;
}

// --- asking for a link and opening it -------------------------------------------------------

Response request_form(Ctx& ctx, const ValidationError* err) {
  if (ctx.who.kind == Principal::Kind::person && !err) return Response::redirect("/mon-espace/accueil");
  Page page(ctx, "space/request", "Mon espace personnel");
  page.body().SetIntValue("MINUTES", ctx.config.space_link_minutes);
  page.field("email", "Votre adresse e-mail", "email", ctx.form().get("email"),
             {"Celle que vous avez donnée à votre conseiller.", "email", true});
  if (err) page.errors(*err);
  return page.render();
}

std::string validity(int minutes) {
  return minutes % 60 == 0 ? std::to_string(minutes / 60) + " heure(s)" : std::to_string(minutes) + " minutes";
}

Response request_link(Ctx& ctx) {
  std::string email = text::normalise_email(ctx.form().get("email"));
  if (email.empty()) throw ValidationError("email", "Indiquez votre adresse e-mail.");
  if (!text::plausible_email(email))
    throw ValidationError("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  std::string hour_ago = time::iso(time::now() - std::chrono::hours(1));
  if (store::requests_since(ctx.tx, ctx.req.remote_ip, hour_ago) >= ctx.config.space_link_requests_per_hour)
    throw TooManyRequests("Trop de demandes de lien depuis votre connexion. Réessayez dans une heure.");
  store::record_request(ctx.tx, ctx.req.remote_ip);
  // The same answer whether the address is known or not; at most 3 links an hour per person,
  // so that nobody floods a person with e-mails.
  for (const auto& p : people::store::find_by_email(ctx.tx, email, 5)) {
    if (store::links_since(ctx.tx, p.id, hour_ago) >= 3) continue;
    std::string code = store::create_link(ctx.tx, p.id, email, ctx.config.space_link_minutes);
    std::string body =
        "Bonjour " + p.first_name + ",\n\nVoici votre lien de connexion à votre espace personnel Jalon :\n\n" +
        ctx.config.base_url + "/mon-espace/lien/" + code + "\n\nIl est valable " +
        validity(ctx.config.space_link_minutes) +
        " et ne sert qu'une fois. Vous y retrouverez vos rendez-vous, vos documents et les organisations qui vous "
        "accompagnent.\n\nSi vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut l'utiliser sans "
        "accéder à votre messagerie.\n\n-- \nJalon\n";
    mail::enqueue(ctx.tx, email, "Jalon : votre lien de connexion à votre espace personnel", body);
  }
  return redirect_with_flash("/mon-espace", kSent);
}

store::Link usable_link(Ctx& ctx) {
  // A professional's session would hide the person's one in this browser: say so, and keep the link.
  if (ctx.who.kind == Principal::Kind::user)
    throw Conflict(
        "Vous êtes connecté à Jalon en tant que professionnel dans ce navigateur. Déconnectez-vous, ou ouvrez ce lien "
        "dans une "
        "fenêtre de navigation privée, pour ouvrir l'espace personnel : le lien reste valable.");
  auto link = store::find_link(ctx.tx, ctx.req.params.at("code"));
  if (!link || !link->used_at.empty() || link->expires_at <= time::iso_now())
    throw Gone(
        "Ce lien de connexion n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau depuis « Mon "
        "espace personnel ».");
  return *link;
}

Response link_page(Ctx& ctx) {
  usable_link(ctx);
  Page page(ctx, "space/link", "Ouvrir mon espace personnel");
  page.body().SetValue("CODE", ctx.req.params.at("code"));
  return page.render();
}

Response open_link(Ctx& ctx) {
  usable_link(ctx);
  long long person = store::spend_link(ctx.tx, ctx.req.params.at("code"), time::iso_now());
  if (!person)
    throw Gone(
        "Ce lien de connexion n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau depuis « Mon "
        "espace personnel ».");
  std::string old = ctx.req.cookie(kSpaceCookie);
  if (!old.empty()) store::delete_session(ctx.tx, crypto::hash_token(old));
  auto s = store::create_session(ctx.tx, person, kSessionMinutes);
  people::AuditEntry e;
  e.person_id = person;
  e.action = "self:login";
  e.detail = "connexion par lien envoyé par e-mail";
  e.ip = ctx.req.remote_ip;
  people::store::audit(ctx.tx, e);
  Response r = redirect_with_flash("/mon-espace/accueil", "Bienvenue dans votre espace personnel.");
  r.cookies.push_back(Cookie{kSpaceCookie, s.raw_id, kSessionMinutes * 60, true, "Lax"});
  return r;
}

Response logout(Ctx& ctx) {
  store::delete_session(ctx.tx, ctx.who.session_hash);
  Response r = redirect_with_flash("/mon-espace", "Vous êtes déconnecté de votre espace. À bientôt !");
  r.cookies.push_back(Cookie{kSpaceCookie, "", 0});
  return r;
}

// --- the space ------------------------------------------------------------------------------

Response home(Ctx& ctx) {
  people::Person p = me(ctx);
  Page page(ctx, "space/home", "Mon espace personnel");
  auto& b = page.body();
  b.SetValue("FIRST_NAME", p.first_name);
  time::Instant now = time::now();
  auto list = appointments::store::of_person(ctx.tx, p.id, 0, 200);
  int upcoming = 0, past = 0;
  // Soonest first for those to come, latest first for the others.
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    const auto& a = *it;
    if (start_of(a) < now) continue;
    const auto* mine_p = mine(a, p.id);
    auto* d = b.AddSectionDictionary("UPCOMING");
    ++upcoming;
    d->SetValue("WHEN", appointments::display_when(start_of(a)));
    d->SetIntValue("DURATION", a.duration_minutes);
    d->SetValue("SUBJECT", a.subject);
    d->SetValue("ORG", a.organisation_name);
    d->SetValue("COUNSELLOR", a.counsellor_name);
    if (!a.place.empty()) d->AddSectionDictionary("PLACE")->SetValue("VALUE", a.place);
    if (!a.video_url.empty()) d->AddSectionDictionary("VIDEO")->SetValue("URL", a.video_url);
    d->SetValue("STATUS", !mine_p             ? ""
                          : mine_p->by_person ? "vous avez prévenu que vous ne viendrez pas"
                                              : appointments::status_label(mine_p->status));
    if (mine_p && appointments::person_cancel_refusal(mine_p->status, false).empty()) {
      auto* c = d->AddSectionDictionary("CANCEL");
      c->SetValue("ACTION", "/mon-espace/rendez-vous/" + std::to_string(a.id) + "/annuler");
      c->SetValue("WHEN", appointments::display_when(start_of(a)));
    }
  }
  for (const auto& a : list) {
    if (start_of(a) >= now) continue;
    const auto* mine_p = mine(a, p.id);
    auto* d = b.AddSectionDictionary("PAST");
    ++past;
    d->SetValue("WHEN", appointments::display_when(start_of(a)));
    d->SetValue("SUBJECT", a.subject);
    d->SetValue("ORG", a.organisation_name);
    d->SetValue("STATUS", mine_p ? appointments::status_label(mine_p->status) : "");
  }
  if (!upcoming) b.ShowSection("NO_UPCOMING");
  if (past) b.ShowSection("HAS_PAST");
  auto docs = documents::store::of_person(ctx.tx, p.id);
  if (docs.empty()) b.ShowSection("NO_DOC");
  for (const auto& d : docs) {
    auto* r = b.AddSectionDictionary("DOC");
    r->SetValue("TITLE", d.title);
    r->SetValue("URL", "/mon-espace/documents/" + std::to_string(d.id));
    r->SetValue("ORG", d.organisation_name);
    r->SetValue("SIZE", documents::display_size(static_cast<std::uint64_t>(d.size)));
  }
  // The pathway: the referent, the objectives, and the notes written for the person (the
  // pathway room decides which: the level "shared with the person" only).
  if (auto path = pathways::store::current_pathway(ctx.tx, p.id)) {
    auto* r = b.AddSectionDictionary("PATHWAY");
    r->SetValue("REFERENT_ORG", path->referent_org_name);
    if (!path->referent_user_name.empty()) r->AddSectionDictionary("REFERENT_USER")->SetValue("NAME", path->referent_user_name);
    r->SetValue("SINCE", time::display_civil(path->started_on));
    auto objectives = pathways::store::objectives(ctx.tx, path->id);
    if (objectives.empty()) r->ShowSection("NO_OBJECTIVE");
    for (const auto& o : objectives) {
      auto* d = r->AddSectionDictionary("OBJECTIVE");
      d->SetValue("TITLE", o.title);
      d->SetValue("STATUS", std::string(pathways::label(o.status)));
    }
  } else {
    b.ShowSection("NO_PATHWAY");
  }
  b.SetValue("APPLICATIONS", jobs::space_applications_section(ctx));
  auto notes = pathways::notes_for_person(ctx.tx, p.id);
  if (notes.empty()) b.ShowSection("NO_NOTE");
  for (const auto& n : notes) {
    auto* d = b.AddSectionDictionary("NOTE");
    d->SetValue("ORG", n.author_org_name);
    auto at = time::parse_iso(n.created_at);
    d->SetValue("WHEN", at ? time::display(*at) : n.created_at);
    d->SetValue("BODY", n.body);
  }
  for (const auto& g : people::store::grants(ctx.tx, p.id)) {
    if (!g.revoked_at.empty()) continue;
    auto* r = b.AddSectionDictionary("GRANT");
    r->SetValue("ORG", g.organisation_name);
    r->SetValue("REASON", people::grant_reason_label(g.reason));
  }
  if (p.consent_sharing)
    b.ShowSection("CONSENTS");
  else
    b.ShowSection("NO_CONSENT");
  self_audit(ctx, "read", "consultation de son espace");
  return page.render();
}

Response export_data(Ctx& ctx) {
  people::Person p = me(ctx);
  json::object person = people::person_json(p);
  json::array grants;
  for (const auto& g : people::store::grants(ctx.tx, p.id))
    grants.push_back({{"organisation_id", g.organisation_id},
                      {"organisation_name", g.organisation_name},
                      {"reason", g.reason},
                      {"reason_label", people::grant_reason_label(g.reason)},
                      {"granted_at", g.granted_at},
                      {"revoked_at", people::nullable(g.revoked_at)}});
  json::array appointments_json;
  for (const auto& a : appointments::store::of_person(ctx.tx, p.id, 0, 10000)) {
    const auto* m = mine(a, p.id);
    appointments_json.push_back({{"id", a.id},
                                 {"organisation", a.organisation_name},
                                 {"counsellor", a.counsellor_name},
                                 {"kind", appointments::kind_code(a.kind)},
                                 {"starts_at", a.starts_at},
                                 {"duration_minutes", a.duration_minutes},
                                 {"place", a.place},
                                 {"video_url", a.video_url},
                                 {"subject", a.subject},
                                 {"status", m ? appointments::status_code(m->status) : ""},
                                 {"cancelled_by_you", m && m->by_person},
                                 {"reminded_at", people::nullable(m ? m->reminded_at : "")}});
  }
  json::array docs;
  for (const auto& d : documents::store::of_person(ctx.tx, p.id))
    docs.push_back({{"id", d.id},
                    {"kind", d.kind},
                    {"title", d.title},
                    {"filename", d.filename},
                    {"content_type", d.content_type},
                    {"size", d.size},
                    {"sha256", d.sha256},
                    {"organisation", d.organisation_name},
                    {"created_at", d.created_at}});
  json::array applications;
  jobs::application_store::Filter mine;
  mine.person = p.id;
  for (const auto& a : jobs::application_store::list(ctx.tx, mine, 10000))
    applications.push_back({{"id", a.id},
                            {"offer", a.offer_title},
                            {"employer", a.employer_name},
                            {"state", jobs::name(a.state)},
                            {"state_label", jobs::label_for_person(a.state)},
                            {"message", a.message},
                            {"answer", a.answer},
                            {"hired_on", people::nullable(a.hired_on)},
                            {"created_at", a.created_at}});
  json::array audit;
  for (const auto& e : people::store::audit_about(ctx.tx, p.id, 10000)) {
    bool self = e.action.rfind("self:", 0) == 0;
    audit.push_back(
        {{"at", e.at},
         {"action", e.action},
         {"detail", e.detail},
         {"by", self                  ? json::value("vous-même")
                : e.user_name.empty() ? (e.token_id ? json::value("logiciel (jeton d'API)") : json::value(nullptr))
                                      : json::value(e.user_name)},
         {"organisation", people::nullable(e.organisation_name)}});
  }
  json::object out{{"generated_at", time::iso_now()}, {"person", std::move(person)},
                   {"grants", std::move(grants)},     {"appointments", std::move(appointments_json)},
                   {"documents", std::move(docs)},    {"applications", std::move(applications)},
                   {"audit", std::move(audit)}};
  self_audit(ctx, "export", "téléchargement de ses données (JSON)");
  Response r = Response::json(json::serialize(out));
  r.content_type = "application/json; charset=utf-8";
  r.header("Content-Disposition", "attachment; filename=\"mes-donnees-jalon.json\"");
  return r;
}

Response my_ics(Ctx& ctx) {
  people::Person p = me(ctx);
  auto list = appointments::store::of_person(ctx.tx, p.id, 0, 500);
  auto events =
      appointments::events(list, appointments::host_of(ctx.config.base_url), p.id, [](long long) { return true; });
  self_audit(ctx, "ics", "export de ses rendez-vous (.ics)");
  Response r = Response::text(appointments::ics::calendar(events, "Mes rendez-vous", time::now()), 200,
                              "text/calendar; charset=utf-8");
  r.header("Content-Disposition", "attachment; filename=\"mes-rendez-vous.ics\"");
  return r;
}

Response my_document(Ctx& ctx) {
  auto d = documents::store::find(ctx.tx, ctx.id("document"));
  if (!d || d->person_id != ctx.who.person_id) throw NotFound("Ce document n'existe pas.");
  self_audit(ctx, "document.download", "document n° " + std::to_string(d->id) + " « " + d->title + " »");
  return documents::download(ctx.tx, *d);
}

Response cancel_appointment(Ctx& ctx) {
  auto a = appointments::store::find(ctx.tx, ctx.id("appointment"));
  if (!a || !mine(*a, ctx.who.person_id)) throw NotFound("Ce rendez-vous n'existe pas.");
  appointments::cancel_by_person(ctx.tx, *a, ctx.who.person_id, time::now());
  self_audit(ctx, "appointment.cancel", "rendez-vous n° " + std::to_string(a->id) + " avec " + a->organisation_name);
  return redirect_with_flash("/mon-espace/accueil",
                             "C'est noté : votre conseiller est prévenu que vous ne viendrez pas le " +
                                 appointments::display_when(start_of(*a)) + ".");
}

Response withdraw_consent(Ctx& ctx) {
  people::Person p = me(ctx);
  if (!p.consent_sharing)
    throw Conflict("Vous n'aviez pas donné votre consentement au partage : il n'y a rien à retirer.");
  people::Person changes = p;
  changes.consent_sharing = false;
  people::update_person(ctx.tx, p, changes, ctx.today());
  self_audit(ctx, "consent-withdrawn", "retrait du consentement au partage");
  for (const auto& g : people::store::grants(ctx.tx, p.id)) {
    if (!g.revoked_at.empty()) continue;
    notifications::notify_organisation(
        ctx.tx, g.organisation_id, "consent.withdrawn",
        p.first_name + " " + p.last_name +
            " a retiré son consentement au partage de sa fiche : seules les organisations qui l'ont créée ou "
            "qui en sont référentes y ont encore accès.",
        "/organisations/" + std::to_string(g.organisation_id) + "/personnes/" + std::to_string(p.id));
  }
  return redirect_with_flash("/mon-espace/accueil",
                             "Votre consentement est retiré : seules l'organisation qui a créé votre dossier et votre "
                             "référent y ont encore accès.");
}

}  // namespace

void add_routes(Router& router) {
  router.add({Method::get, "/mon-espace", "space.request.form", Access::anyone, Kind::page,
              [](Ctx& c) { return request_form(c, nullptr); }});
  router.add({Method::post, "/mon-espace", "space.request", Access::anyone, Kind::page, request_link,
              [](Ctx& c, const ValidationError& e) { return request_form(c, &e); }});
  router.add({Method::get, "/mon-espace/lien/{code}", "space.link.form", Access::anyone, Kind::page, link_page});
  router.add({Method::post, "/mon-espace/lien/{code}", "space.link.open", Access::anyone, Kind::page, open_link});
  router.add({Method::get, "/mon-espace/accueil", "space.home", Access::person, Kind::page, home});
  router.add({Method::get, "/mon-espace/donnees.json", "space.export", Access::person, Kind::page, export_data});
  router.add({Method::get, "/mon-espace/rendez-vous.ics", "space.ics", Access::person, Kind::page, my_ics});
  router.add(
      {Method::get, "/mon-espace/documents/{document}", "space.document", Access::person, Kind::page, my_document});
  router.add({Method::post, "/mon-espace/rendez-vous/{appointment}/annuler", "space.appointment.cancel", Access::person,
              Kind::page, cancel_appointment});
  router.add({Method::post, "/mon-espace/consentement/retirer", "space.consent.withdraw", Access::person, Kind::page,
              withdraw_consent});
  router.add({Method::post, "/mon-espace/deconnexion", "space.logout", Access::person, Kind::page, logout});
}

}  // namespace jalon::space
