// The application pages: the employer's inbox (filters, counts per state, keyset pages, CSV and
// XLSX export), the sender's list, one application with its history and the forms of the
// actions the organisation may make, applying for a person, the person's own applications in
// their space, and the panel of the person's page.
#include "jobs/application_routes.h"

#include <map>
#include <set>

#include "base/text.h"
#include "base/time.h"
#include "documents/actions.h"
#include "documents/store.h"
#include "http/page.h"
#include "jobs/application_access.h"
#include "jobs/application_actions.h"
#include "jobs/application_export.h"
#include "jobs/application_store.h"
#include "pathways/rules.h"
#include "people/access.h"
#include "people/routes.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::jobs {

using namespace http;
namespace astore = application_store;
using astore::Application;

namespace {

constexpr int kPageSize = 50;

std::string org_url(long long org) {
  return "/organisations/" + std::to_string(org);
}
std::string app_url(long long org, long long id) {
  return org_url(org) + "/candidatures/" + std::to_string(id);
}
std::string person_url(long long org, long long person) {
  return org_url(org) + "/personnes/" + std::to_string(person);
}

std::string display_instant(const std::string& iso) {
  auto t = time::parse_iso(iso);
  return t ? time::display(*t) : iso;
}
std::string display_day(const std::string& iso) {
  auto t = time::parse_iso(iso);
  return t ? time::display_civil(time::civil_date(*t)) : iso;
}

const char* sender_kind_label(const std::string& k) {
  if (k == "person") return "Le candidat";
  if (k == "employer") return "L'employeur";
  return "Un prescripteur";
}

std::string sender_text(const Application& a) {
  if (a.sender_kind == "person") return "le candidat lui-même";
  return a.sender_org_name + (a.sender_user_name.empty() ? "" : " (" + a.sender_user_name + ")");
}

std::string kept(Ctx& ctx, const ValidationError* err, const std::string& name, const std::string& fallback = "") {
  return err && ctx.req.method == Method::post ? ctx.form().get(name) : fallback;
}

// ---- Filters of the lists (query parameters in French, as the forms send them).

astore::Filter page_filter(Ctx& ctx, const std::string& default_state) {
  astore::Filter f;
  std::string state = ctx.req.query("etat");
  if (state == "all")
    f.state = "";
  else if (state == "pending" || parse_application_state(state))
    f.state = state;
  else
    f.state = default_state;
  f.offer = parse_id(ctx.req.query("offre"));
  std::string from = ctx.req.query("du"), to = ctx.req.query("au");
  if (time::valid_civil_date(from)) f.from = from;
  if (time::valid_civil_date(to)) f.to = to;
  std::string kind = ctx.req.query("emetteur");
  if (kind == "person" || kind == "prescriber" || kind == "employer") f.sender_kind = kind;
  f.before = parse_id(ctx.req.query("avant"));
  return f;
}

std::string query_of(const astore::Filter& f, const std::string& state, long long before = 0) {
  std::string q = "?etat=" + text::url_encode(state.empty() ? "all" : state);
  if (f.offer) q += "&offre=" + std::to_string(f.offer);
  if (!f.from.empty()) q += "&du=" + f.from;
  if (!f.to.empty()) q += "&au=" + f.to;
  if (!f.sender_kind.empty()) q += "&emetteur=" + f.sender_kind;
  if (before) q += "&avant=" + std::to_string(before);
  return q;
}

// Who the listed applications are about. The employer received them, so it sees every applicant;
// a sender sees only the people it still has access to (consent withdrawn: no name any more).
std::map<long long, people::store::Row> identities(db::Tx& tx, const std::vector<Application>& list, long long sender_org = 0) {
  std::vector<long long> ids;
  for (const auto& a : list) ids.push_back(a.person_id);
  std::map<long long, people::store::Row> out;
  for (auto& r : sender_org ? people::store::visible_to(tx, sender_org, ids) : people::store::identities(tx, ids)) out.emplace(r.id, std::move(r));
  return out;
}

std::string person_name(const std::map<long long, people::store::Row>& who, long long id) {
  auto it = who.find(id);
  return it == who.end() ? "Personne (accès à la fiche retiré)" : it->second.last_name + " " + it->second.first_name;
}

// ---- The employer's inbox and the sender's list

Response list_page(Ctx& ctx, bool sent) {
  long long org = ctx.org();
  astore::Filter f = page_filter(ctx, sent ? "" : "pending");
  if (sent)
    f.sender_org = org;
  else
    f.organisation = org;
  std::string base = org_url(org) + (sent ? "/candidatures-envoyees" : "/candidatures");
  Page page(ctx, "jobs/application_inbox", sent ? "Candidatures envoyées" : "Candidatures reçues");
  auto& b = page.body();
  b.SetValue("ACTION", base);
  b.SetValue("STATE", f.state.empty() ? "all" : f.state);
  b.SetValue("FROM", f.from);
  b.SetValue("TO", f.to);
  b.SetValue("CAPTION", sent ? "Candidatures envoyées" : "Candidatures reçues");
  b.SetValue("SIDE_HEADER", sent ? "Employeur" : "Envoyée par");
  b.AddSectionDictionary(sent ? "INBOX_LINK" : "SENT_LINK")
      ->SetValue("URL", org_url(org) + (sent ? "/candidatures" : "/candidatures-envoyees"));
  // Counts per state under the other filters.
  std::map<std::string, int> count;
  int total = 0, pending = 0;
  for (const auto& [state, n] : astore::counts(ctx.tx, f)) {
    count[state] = n;
    total += n;
    if (auto s = parse_application_state(state); s && is_pending(*s)) pending += n;
  }
  auto tab = [&](const std::string& value, const std::string& name, int n) {
    auto* t = b.AddSectionDictionary("TAB");
    t->SetValue("URL", base + query_of(f, value));
    t->SetValue("NAME", name);
    t->SetIntValue("COUNT", n);
    if (value == f.state) t->ShowSection("CURRENT");
  };
  tab("pending", "À traiter", pending);
  for (ApplicationState s : all_application_states()) tab(name(s), label(s), count[name(s)]);
  tab("", "Toutes", total);
  if (!sent) {
    auto* of = b.AddSectionDictionary("OFFER_FILTER");
    for (const auto& o : astore::offers_of(ctx.tx, org)) {
      auto* d = of->AddSectionDictionary("OFFER");
      d->SetIntValue("ID", o.id);
      d->SetValue("TITLE", o.title);
      if (o.id == f.offer) d->ShowSection("SELECTED");
      if (!o.open) d->ShowSection("CLOSED");
    }
    auto* e = b.AddSectionDictionary("EXPORT");
    std::string q = query_of(f, f.state);
    e->SetValue("CSV", org_url(org) + "/candidatures.csv" + q);
    e->SetValue("XLSX", org_url(org) + "/candidatures.xlsx" + q);
    e->SetValue("MOST", text::thousands(ctx.config.export_max_rows));
  }
  for (const char* k : {"person", "prescriber", "employer"}) {
    auto* d = b.AddSectionDictionary("KIND");
    d->SetValue("VALUE", k);
    d->SetValue("LABEL", sender_kind_label(k));
    if (f.sender_kind == k) d->ShowSection("SELECTED");
  }
  auto list = astore::list(ctx.tx, f, kPageSize);
  auto who = identities(ctx.tx, list, sent ? org : 0);
  people::audit(ctx, 0, "search", std::string("candidatures ") + (sent ? "envoyées" : "reçues"));
  std::string today = ctx.today();
  for (const auto& a : list) {
    auto* d = b.AddSectionDictionary("ROW");
    d->SetIntValue("ID", a.id);
    d->SetValue("URL", app_url(org, a.id));
    d->SetValue("PERSON", person_name(who, a.person_id));
    auto it = who.find(a.person_id);
    if (it != who.end() && !it->second.birth_date.empty())
      d->AddSectionDictionary("BIRTH")->SetValue("VALUE", time::display_civil(it->second.birth_date));
    d->SetValue("OFFER", a.offer_title);
    d->SetValue("SIDE", sent ? a.employer_name : sender_text(a));
    d->SetValue("CREATED", display_day(a.created_at));
    d->SetValue("STATE", label(a.state));
    if (awaits_answer(a.state)) {
      auto* w = d->AddSectionDictionary("WAITING");
      w->SetIntValue("DAYS", pathways::days_between(time::civil_date_of(a.state_at), today));
      w->SetIntValue("LIMIT", kAutoRefusalDays);
    }
  }
  if (list.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_ROWS");
  if (static_cast<int>(list.size()) == kPageSize)
    b.AddSectionDictionary("MORE")->SetValue("URL", base + query_of(f, f.state, list.back().id));
  return page.render();
}

// ---- Export of the inbox

Sheet inbox_sheet(db::Tx& tx, const std::vector<Application>& list) {
  Sheet s;
  s.header = {"N°",
              "Reçue le",
              "État",
              "Offre",
              "Nom",
              "Prénom",
              "Date de naissance",
              "E-mail",
              "Téléphone",
              "Envoyée par",
              "Organisation émettrice",
              "Motif de refus",
              "Date d'embauche",
              "Dernier changement"};
  // Two batched reads for every row's person (identity, contact), not one per row.
  auto who = identities(tx, list);
  std::vector<long long> ids;
  for (const auto& a : list) ids.push_back(a.person_id);
  std::map<long long, people::store::Contact> contact;
  for (auto& c : people::store::contacts(tx, ids)) contact.emplace(c.id, std::move(c));
  for (const auto& a : list) {
    auto p = who.find(a.person_id);
    auto c = contact.find(a.person_id);
    bool known = p != who.end();
    s.rows.push_back({std::to_string(a.id), display_day(a.created_at), label(a.state), a.offer_title,
                      known ? p->second.last_name : "", known ? p->second.first_name : "",
                      known ? time::display_civil(p->second.birth_date) : "",
                      c == contact.end() ? "" : c->second.email, c == contact.end() ? "" : c->second.phone,
                      sender_kind_label(a.sender_kind), a.sender_kind == "person" ? "" : a.sender_org_name,
                      a.refusal_reason ? label(*a.refusal_reason) : "", time::display_civil(a.hired_on),
                      display_instant(a.state_at)});
  }
  return s;
}

Response export_inbox(Ctx& ctx, bool xlsx) {
  long long org = ctx.org();
  astore::Filter f = page_filter(ctx, "pending");
  f.organisation = org;
  f.before = 0;
  // A file holds every application the filters select, or none: a cut file would look whole.
  const int most = ctx.config.export_max_rows;
  auto list = astore::list(ctx.tx, f, most + 1);
  if (static_cast<int>(list.size()) > most)
    return redirect_with_flash(org_url(org) + "/candidatures" + (ctx.req.raw_query.empty() ? "" : "?" + ctx.req.raw_query),
                               "Plus de " + text::thousands(most) + " candidatures correspondent à ces filtres : un export en compte " +
                                   text::thousands(most) + " au plus. Choisissez un état ou une offre, puis exportez de nouveau.");
  Sheet sheet = inbox_sheet(ctx.tx, list);
  people::audit(
      ctx, 0, "export",
      std::string("candidatures reçues (") + (xlsx ? "XLSX" : "CSV") + ", " + std::to_string(list.size()) + " lignes)");
  // Each person's identity and contact leave the platform in the file: in each one's log too.
  std::set<long long> exported;
  for (const auto& a : list) exported.insert(a.person_id);
  people::audit_many(ctx, std::vector<long long>(exported.begin(), exported.end()), "export",
                     std::string("fichier des candidatures reçues (") + (xlsx ? "XLSX" : "CSV") + ")");
  Response r = xlsx ? Response::text(to_xlsx(sheet, "Candidatures"), 200,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    : Response::text(to_csv(sheet), 200, "text/csv; charset=utf-8");
  r.header("Content-Disposition",
           std::string("attachment; filename=\"candidatures-") + ctx.today() + (xlsx ? ".xlsx\"" : ".csv\""));
  r.header("Cache-Control", "no-store");
  return r;
}

// ---- One application

Response show(Ctx& ctx, const ValidationError* err) {
  long long org = ctx.org();
  LoadedApplication l = require_application(ctx, false, "candidature n° " + std::to_string(ctx.id("application")));
  const Application& a = l.app;
  Page page(ctx, "jobs/application_show", "Candidature n° " + std::to_string(a.id));
  auto& b = page.body();
  bool employer = std::find(l.roles.begin(), l.roles.end(), ApplicationActor::employer) != l.roles.end();
  bool sender = std::find(l.roles.begin(), l.roles.end(), ApplicationActor::sender) != l.roles.end();
  if (employer) {
    b.SetValue("BACK", org_url(org) + "/candidatures");
    b.SetValue("BACK_NAME", "Candidatures reçues");
  } else if (sender) {
    b.SetValue("BACK", org_url(org) + "/candidatures-envoyees");
    b.SetValue("BACK_NAME", "Candidatures envoyées");
  } else {
    b.SetValue("BACK", person_url(org, a.person_id));
    b.SetValue("BACK_NAME", "Fiche de la personne");
  }
  if (auto p = people::store::find(ctx.tx, a.person_id)) {
    b.SetValue("PERSON", p->first_name + " " + p->last_name);
    b.SetValue("BIRTH", p->birth_date.empty() ? "non renseignée" : time::display_civil(p->birth_date));
    if (!p->email.empty()) b.AddSectionDictionary("EMAIL")->SetValue("VALUE", p->email);
    if (!p->phone.empty()) b.AddSectionDictionary("PHONE")->SetValue("VALUE", p->phone);
    if (p->email.empty() && p->phone.empty()) b.ShowSection("NO_CONTACT");
  }
  std::string where = referentials::communes().name_of(a.offer_commune);
  b.SetValue("OFFER", a.offer_title + (where.empty() ? "" : " (" + where + ")"));
  if (!a.offer_open) b.ShowSection("OFFER_CLOSED");
  b.SetValue("EMPLOYER", a.employer_name);
  b.SetValue("SENDER", sender_text(a));
  b.SetValue("CREATED", display_instant(a.created_at));
  b.SetValue("STATE", label(a.state));
  if (a.refusal_reason) b.AddSectionDictionary("REASON")->SetValue("TEXT", label(*a.refusal_reason));
  if (!a.hired_on.empty()) b.AddSectionDictionary("HIRED")->SetValue("VALUE", time::display_civil(a.hired_on));
  if (a.cv_document_id)
    if (auto d = documents::store::find(ctx.tx, a.cv_document_id)) {
      auto* cv = b.AddSectionDictionary("CV");
      cv->SetValue("URL", app_url(org, a.id) + "/cv");
      cv->SetValue("TITLE", d->title + " (" + d->filename + ")");
    }
  if (a.message.empty())
    b.ShowSection("NO_MESSAGE");
  else
    b.AddSectionDictionary("MESSAGE")->SetValue("TEXT", a.message);
  if (!a.answer.empty()) b.AddSectionDictionary("ANSWER")->SetValue("TEXT", a.answer);
  auto actions = actions_for(a.state, l.roles);
  if (!actions.empty()) {
    auto* s = b.AddSectionDictionary("ACTIONS");
    std::string url = app_url(org, a.id) + "/transitions";
    std::string failed = err ? ctx.form().get("action") : "";
    for (ApplicationAction act : actions) {
      if (act == ApplicationAction::accept) {
        auto* d = s->AddSectionDictionary("ACCEPT");
        d->SetValue("URL", url);
        if (failed == "accept") d->ShowSection("OPEN");
        page.field("hired_on", "Date d'embauche", "date", kept(ctx, err, "hired_on", ctx.today()),
                   {"Le premier jour de travail.", "off", true});
      } else if (act == ApplicationAction::refuse) {
        auto* d = s->AddSectionDictionary("REFUSE");
        d->SetValue("URL", url);
        if (failed == "refuse") d->ShowSection("OPEN");
        std::vector<Page::Option> reasons;
        for (RefusalReason r : all_refusal_reasons())
          if (r != RefusalReason::auto_no_answer) reasons.push_back({name(r), label(r), ""});
        page.select("reason", "Motif du refus", reasons, kept(ctx, err, "reason"),
                    "Transmis à l'organisation qui a envoyé la candidature, pas au candidat.");
        page.textarea("message", "Message au candidat", kept(ctx, err, "message"),
                      {"Le candidat le lit dans son espace et le reçoit par e-mail.", "off", false});
      } else {
        auto* d = s->AddSectionDictionary("SIMPLE");
        d->SetValue("URL", url);
        d->SetValue("ACTION", name(act));
        d->SetValue("LABEL", label(act));
        d->SetValue("CLASS", act == ApplicationAction::process ? "btn-primary"
                             : act == ApplicationAction::withdraw || act == ApplicationAction::cancel_hire
                                 ? "btn-outline-danger"
                                 : "btn-outline-primary");
      }
    }
  }
  for (const auto& e : astore::events(ctx.tx, a.id)) {
    auto* d = b.AddSectionDictionary("EVENT");
    d->SetValue("AT", display_instant(e.at));
    d->SetValue("WHAT",
                e.from ? std::string(label(*e.from)) + " → " + label(e.to) : std::string("Candidature envoyée"));
    d->SetValue("WHO", e.by_person ? std::string("le candidat")
                       : e.by_org  ? (e.user_name.empty() ? e.org_name : e.user_name + ", " + e.org_name)
                                   : std::string("Jalon, automatiquement"));
    if (auto r = parse_refusal_reason(e.reason)) d->AddSectionDictionary("DETAIL")->SetValue("TEXT", label(*r));
  }
  if (err) page.errors(*err);
  return page.render();
}

Response act(Ctx& ctx) {
  long long org = ctx.org();
  const Form& f = ctx.form();
  LoadedApplication l = require_application(
      ctx, true,
      "candidature n° " + std::to_string(ctx.id("application")) + " : " + text::cut_utf8(f.get("action"), 40));
  ApplicationState to =
      transition(ctx.tx, acting_of(ctx), l.app, {f.get("action"), f.get("reason"), f.get("message"), f.get("hired_on")},
                 ctx.today(), ctx.config.base_url);
  return redirect_with_flash(app_url(org, l.app.id),
                             "La candidature n° " + std::to_string(l.app.id) + " est désormais « " + label(to) + " ».");
}

Response cv(Ctx& ctx) {
  LoadedApplication l =
      require_application(ctx, false, "candidature n° " + std::to_string(ctx.id("application")) + " : CV téléchargé");
  auto d = l.app.cv_document_id ? documents::store::find(ctx.tx, l.app.cv_document_id) : std::nullopt;
  if (!d) throw NotFound("Cette candidature n'a pas de CV.");
  return documents::download(ctx.tx, *d);
}

// ---- Applying (for a person, or as the person)

struct FormSetup {
  std::string back, back_name, action, button;
  long long person = 0;
};

Response apply_form(Ctx& ctx, const FormSetup& s, const ValidationError* err) {
  Page page(ctx, "jobs/application_new", "Postuler à une offre d'emploi");
  auto& b = page.body();
  b.SetValue("BACK", s.back);
  b.SetValue("BACK_NAME", s.back_name);
  long long chosen = parse_id(err ? ctx.form().get("offer_id") : ctx.req.query("offre"));
  auto offer = chosen ? astore::find_offer(ctx.tx, chosen) : std::nullopt;
  bool fixed = offer && offer->open;
  auto open = fixed ? std::vector<astore::OfferBrief>{} : astore::open_offers(ctx.tx);
  if (!fixed && open.empty()) {
    b.ShowSection("NO_OFFER");
    return page.render();
  }
  auto* form = b.AddSectionDictionary("FORM");
  form->SetValue("ACTION", s.action);
  form->SetValue("BUTTON", s.button);
  if (fixed) {
    auto* d = form->AddSectionDictionary("OFFER_FIXED");
    d->SetIntValue("ID", offer->id);
    d->SetValue("TITLE", offer->title);
    d->SetValue("EMPLOYER", offer->organisation_name);
    std::string where = referentials::communes().name_of(offer->commune_code);
    if (!where.empty()) d->AddSectionDictionary("WHERE")->SetValue("TEXT", where);
  } else {
    std::vector<Page::Option> options;
    for (const auto& o : open) {
      std::string where = referentials::communes().name_of(o.commune_code);
      options.push_back(
          {std::to_string(o.id), o.title + " — " + o.organisation_name + (where.empty() ? "" : ", " + where), ""});
    }
    form->ShowSection("OFFER_CHOICE");
    page.select("offer_id", "Offre d'emploi", options, chosen ? std::to_string(chosen) : "");
  }
  std::vector<Page::Option> cvs;
  for (const auto& d : documents::store::of_person(ctx.tx, s.person))
    if (d.kind == "cv") cvs.push_back({std::to_string(d.id), d.title + " (" + d.filename + ")", ""});
  page.select(
      "cv_document_id", "CV à joindre", cvs, kept(ctx, err, "cv_document_id"),
      cvs.empty() ? "Aucun CV n'est déposé dans les documents de la personne." : "Parmi les documents de la personne.",
      false);
  page.textarea("message", "Message à l'employeur", kept(ctx, err, "message"),
                {"Ce que la personne souhaite dire de sa candidature (4 000 caractères au plus).", "off", false});
  if (err) page.errors(*err);
  return page.render();
}

Response staff_apply_form(Ctx& ctx, const ValidationError* err) {
  long long org = ctx.org();
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "read", "formulaire de candidature");
  FormSetup s{person_url(org, p.id), "Fiche de " + p.first_name + " " + p.last_name,
              person_url(org, p.id) + "/candidatures", "Envoyer la candidature", p.id};
  if (!p.consent_sharing) {
    Page page(ctx, "jobs/application_new", "Postuler à une offre d'emploi");
    page.body().SetValue("BACK", s.back);
    page.body().SetValue("BACK_NAME", s.back_name);
    page.flash(
        "La personne n'a pas consenti au partage de sa fiche : une candidature transmettrait son identité à "
        "l'employeur. Elle peut postuler elle-même depuis son espace.");
    return page.render();
  }
  return apply_form(ctx, s, err);
}

NewApplicationInput input_of(Ctx& ctx, long long person) {
  const Form& f = ctx.form();
  NewApplicationInput in;
  in.person = person;
  in.offer = parse_id(f.get("offer_id"));
  in.cv_document = parse_id(f.get("cv_document_id"));
  if (!f.get("cv_document_id").empty() && !in.cv_document)
    throw ValidationError("cv_document_id", "Choisissez un CV parmi les documents de la personne.");
  in.message = f.get("message");
  return in;
}

Response staff_apply(Ctx& ctx) {
  long long org = ctx.org();
  // Applying sends the person's identity to the employer: the same consent as sharing.
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::share, "share");
  long long id = apply(ctx.tx, acting_of(ctx), input_of(ctx, p.id), ctx.config.base_url);
  auto a = astore::find(ctx.tx, id);
  people::audit(ctx, p.id, "share", "candidature n° " + std::to_string(id) + " à l'offre « " + a->offer_title + " »");
  return redirect_with_flash(app_url(org, id), "Candidature envoyée à " + a->employer_name + ".");
}

// ---- The person's own space

void self_audit(Ctx& ctx, const std::string& action, const std::string& detail) {
  people::AuditEntry e;
  e.person_id = ctx.who.person_id;
  e.action = "self:" + action;
  e.detail = detail;
  e.ip = ctx.req.remote_ip;
  people::store::audit(ctx.tx, e);
}

Response space_apply_form(Ctx& ctx, const ValidationError* err) {
  FormSetup s{"/mon-espace/accueil", "Mon espace", "/mon-espace/candidatures", "Envoyer ma candidature",
              ctx.who.person_id};
  return apply_form(ctx, s, err);
}

Response space_apply(Ctx& ctx) {
  long long id = apply(ctx.tx, Acting::self(ctx.who.person_id), input_of(ctx, ctx.who.person_id), ctx.config.base_url);
  auto a = astore::find(ctx.tx, id);
  self_audit(ctx, "application", "candidature n° " + std::to_string(id) + " à l'offre « " + a->offer_title + " »");
  return redirect_with_flash("/mon-espace/accueil", "Votre candidature est envoyée à " + a->employer_name +
                                                        ". Vous serez prévenu(e) de sa réponse.");
}

Response space_withdraw(Ctx& ctx) {
  Application a = require_own_application(ctx);
  transition(ctx.tx, Acting::self(a.person_id), a, {"withdraw", "", "", ""}, ctx.today(), ctx.config.base_url);
  self_audit(ctx, "application.withdraw", "candidature n° " + std::to_string(a.id) + " retirée");
  return redirect_with_flash("/mon-espace/accueil",
                             "Votre candidature pour « " + a.offer_title + " » est retirée ; l'employeur est prévenu.");
}

// ---- The person's page panel

std::string panel(Ctx& ctx, const people::Person& p) {
  long long org = ctx.org();
  astore::Filter f;
  f.person = p.id;
  auto list = astore::list(ctx.tx, f, 100);
  ctemplate::TemplateDictionary dict("applications");
  dict.SetValue("NEW", person_url(org, p.id) + "/candidatures/nouvelle");
  if (list.empty())
    dict.ShowSection("NONE");
  else
    dict.ShowSection("HAS_ROWS");
  for (const auto& a : list) {
    auto* d = dict.AddSectionDictionary("ROW");
    d->SetValue("URL", app_url(org, a.id));
    d->SetValue("OFFER", a.offer_title);
    d->SetValue("EMPLOYER", a.employer_name);
    d->SetValue("CREATED", display_day(a.created_at));
    d->SetValue("STATE", label(a.state));
  }
  return render_template("jobs/application_panel", dict);
}

}  // namespace

std::string space_applications_section(Ctx& ctx) {
  astore::Filter f;
  f.person = ctx.who.person_id;
  auto list = astore::list(ctx.tx, f, 200);
  ctemplate::TemplateDictionary dict("space_applications");
  dict.SetValue("CSRF", ctx.csrf);
  if (list.empty()) dict.ShowSection("NONE");
  for (const auto& a : list) {
    auto* d = dict.AddSectionDictionary("ROW");
    d->SetValue("OFFER", a.offer_title);
    d->SetValue("EMPLOYER", a.employer_name);
    d->SetValue("CREATED", display_day(a.created_at));
    d->SetValue("STATE", label_for_person(a.state));
    if (a.state == ApplicationState::accepted && !a.hired_on.empty())
      d->AddSectionDictionary("HIRED")->SetValue("VALUE", time::display_civil(a.hired_on));
    if (!a.answer.empty()) d->AddSectionDictionary("ANSWER")->SetValue("TEXT", a.answer);
    if (next_state(ApplicationAction::withdraw, a.state, ApplicationActor::person))
      d->AddSectionDictionary("WITHDRAW")
          ->SetValue("URL", "/mon-espace/candidatures/" + std::to_string(a.id) + "/retirer");
  }
  return render_template("jobs/application_space", dict);
}

void add_application_page_routes(Router& router) {
  const std::string org = "/organisations/{org}";
  auto add = [&](Route r) { add_application_route(router, std::move(r)); };
  add({Method::get, org + "/candidatures", "jobs.applications.inbox", Access::member, Kind::page,
       [](Ctx& c) { return list_page(c, false); }});
  add({Method::get, org + "/candidatures.csv", "jobs.applications.csv", Access::member, Kind::page,
       [](Ctx& c) { return export_inbox(c, false); }});
  add({Method::get, org + "/candidatures.xlsx", "jobs.applications.xlsx", Access::member, Kind::page,
       [](Ctx& c) { return export_inbox(c, true); }});
  add({Method::get, org + "/candidatures-envoyees", "jobs.applications.sent", Access::member, Kind::page,
       [](Ctx& c) { return list_page(c, true); }});
  add({Method::get, org + "/candidatures/{application}", "jobs.applications.show", Access::member, Kind::page,
       [](Ctx& c) { return show(c, nullptr); }});
  add({Method::post, org + "/candidatures/{application}/transitions", "jobs.applications.transition", Access::member,
       Kind::page, act, [](Ctx& c, const ValidationError& e) { return show(c, &e); }});
  add({Method::get, org + "/candidatures/{application}/cv", "jobs.applications.cv", Access::member, Kind::page, cv});
  add({Method::get, org + "/personnes/{person}/candidatures/nouvelle", "jobs.applications.new", Access::member,
       Kind::page, [](Ctx& c) { return staff_apply_form(c, nullptr); }});
  add({Method::post, org + "/personnes/{person}/candidatures", "jobs.applications.create", Access::member, Kind::page,
       staff_apply, [](Ctx& c, const ValidationError& e) { return staff_apply_form(c, &e); }});
  add({Method::get, "/mon-espace/candidatures/nouvelle", "jobs.space.applications.new", Access::person, Kind::page,
       [](Ctx& c) { return space_apply_form(c, nullptr); }});
  add({Method::post, "/mon-espace/candidatures", "jobs.space.applications.create", Access::person, Kind::page,
       space_apply, [](Ctx& c, const ValidationError& e) { return space_apply_form(c, &e); }});
  add({Method::post, "/mon-espace/candidatures/{application}/retirer", "jobs.space.applications.withdraw",
       Access::person, Kind::page, space_withdraw});
  people::add_person_panel("40-applications", panel);
}

void add_application_routes(Router& router) {
  add_application_page_routes(router);
  add_application_api_routes(router);
}

}  // namespace jalon::jobs
