// The people pages: list and search, create (with the duplicate warning), show, edit, share,
// revoke a grant, and the audit log of the organisation's people.
#include "people/routes.h"

#include <map>
#include <mutex>

#include "base/text.h"
#include "base/time.h"
#include "http/multipart.h"
#include "http/page.h"
#include "people/access.h"
#include "people/actions.h"
#include "people/import.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::people {

using namespace http;

namespace {

std::string base(long long org) { return "/organisations/" + std::to_string(org) + "/personnes"; }

std::mutex g_panels_mutex;
std::map<std::string, PersonPanel>& panels() {
  static std::map<std::string, PersonPanel> p;
  return p;
}


Response list(Ctx& ctx) {
  long long org = ctx.org();
  Page page(ctx, "people/list", "Personnes accompagnées");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  std::string name = ctx.req.query("nom"), birth = ctx.req.query("naissance"), commune = ctx.req.query("commune"),
              after = ctx.req.query("apres");
  page.field("nom", "Nom (début)", "search", name, {"« dup » trouve « Dupont », accents et majuscules sans importance.", "off", false, false});
  page.field("naissance", "Date de naissance", "date", birth, {"", "off", false, false});
  page.field("commune", "Commune (code INSEE)", "text", commune, {"", "off", false, false});
  store::Query q;
  if (time::valid_civil_date(birth)) q.birth_date = birth;
  q.commune_code = text::trim(commune);
  q.after = after;
  q.limit = 51;  // one more tells whether a next page exists
  auto rows = search_people(ctx.tx, org, q, name);
  audit(ctx, 0, "search", "nom=" + name + " naissance=" + birth + " commune=" + commune);
  bool more = rows.size() > 50;
  if (more) rows.pop_back();
  for (const auto& r : rows) {
    auto* d = b.AddSectionDictionary("PERSON");
    d->SetIntValue("ID", r.id);
    d->SetIntValue("ORG_ID", org);
    d->SetValue("NAME", r.last_name + " " + r.first_name);
    d->SetValue("BIRTH", time::display_civil(r.birth_date));
    d->SetValue("COMMUNE", referentials::communes().name_of(r.commune_code));
  }
  if (rows.empty()) b.ShowSection("EMPTY");
  if (more) {
    auto* n = b.AddSectionDictionary("NEXT");
    n->SetValue("QUERY", "nom=" + text::url_encode(name) + "&naissance=" + text::url_encode(birth) + "&commune=" +
                             text::url_encode(commune) + "&apres=" + text::url_encode(rows.back().sort_key));
    n->SetIntValue("ORG_ID", org);
  }
  if (!after.empty()) b.ShowSection("NOT_FIRST");
  if (ctx.who.membership(org) && ctx.who.membership(org)->role == "admin") b.ShowSection("ADMIN");
  return page.render();
}

Person read_form(Ctx& ctx) {
  const Form& f = ctx.form();
  Person p;
  p.last_name = f.get("last_name");
  p.first_name = f.get("first_name");
  p.birth_name = f.get("birth_name");
  p.birth_date = f.get("birth_date");
  p.sex = f.get("sex");
  p.email = f.get("email");
  p.phone = f.get("phone");
  p.address = f.get("address");
  p.postal_code = f.get("postal_code");
  p.commune_code = f.get("commune_code");
  p.ft_id = f.get("ft_id");
  p.qualification_level = f.get("qualification_level");
  p.consent_sharing = f.checked("consent_sharing");
  return p;
}

Response person_form(Ctx& ctx, const Person& values, bool creating, const ValidationError* err,
                     const std::vector<Duplicate>& duplicates = {}) {
  long long org = ctx.org();
  Page page(ctx, "people/form", creating ? "Nouvelle personne" : "Modifier la fiche");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  b.SetValue("ACTION", creating ? base(org) : base(org) + "/" + std::to_string(values.id) + "/modifier");
  if (!creating) {
    b.AddSectionDictionary("EDITING")->SetValue("BACK", base(org) + "/" + std::to_string(values.id));
  }
  page.field("last_name", "Nom d'usage", "text", values.last_name, {"", "family-name", true});
  page.field("first_name", "Prénom", "text", values.first_name, {"", "given-name", true});
  page.field("birth_name", "Nom de naissance", "text", values.birth_name, {"S'il diffère du nom d'usage.", "off", false});
  page.field("birth_date", "Date de naissance", "date", values.birth_date, {"", "bday", false});
  page.select("sex", "Sexe", {{"F", "Femme", ""}, {"M", "Homme", ""}}, values.sex, "", false);
  page.field("email", "Adresse e-mail", "email", values.email, {"", "email", false});
  page.field("phone", "Téléphone", "tel", values.phone, {"", "tel", false});
  page.field("address", "Adresse", "text", values.address, {"", "street-address", false});
  page.field("postal_code", "Code postal", "text", values.postal_code, {"", "postal-code", false});
  page.field("commune_code", "Commune (code INSEE)", "text", values.commune_code,
             {"Par exemple 86194 pour Poitiers ; rempli d'après le code postal quand celui-ci ne couvre qu'une commune.", "off", false});
  page.field("ft_id", "Identifiant France Travail", "text", values.ft_id, {"7 à 11 chiffres ou lettres.", "off", false});
  std::vector<Page::Option> levels;
  for (const auto& l : qualification_levels()) levels.push_back({l.code, l.label, ""});
  page.select("qualification_level", "Niveau de qualification", levels, values.qualification_level, "", false);
  page.checkbox("consent_sharing", "La personne consent au partage de sa fiche entre organisations", values.consent_sharing,
                "Recueilli auprès de la personne. Sans ce consentement, seule votre organisation voit la fiche.");
  if (!duplicates.empty()) {
    auto* w = b.AddSectionDictionary("DUPLICATES");
    for (const auto& d : duplicates) {
      auto* item = w->AddSectionDictionary("DUPLICATE");
      item->SetValue("REASON", d.reason);
      if (d.id) {
        auto* v = item->AddSectionDictionary("VISIBLE");
        v->SetValue("NAME", d.name);
        v->SetValue("BIRTH", time::display_civil(d.birth_date));
        v->SetValue("LINK", base(org) + "/" + std::to_string(d.id));
      } else {
        item->ShowSection("HIDDEN");
      }
    }
    page.checkbox("confirm_new", "J'ai vérifié : il s'agit d'une autre personne, créer la fiche", false);
  }
  if (err) page.errors(*err);
  return page.render(duplicates.empty() ? 200 : 409);
}

Response create(Ctx& ctx) {
  long long org = ctx.org();
  Person in = read_form(ctx);
  auto c = create_person(ctx.tx, org, in, ctx.today(), ctx.form().checked("confirm_new"));
  for (long long id : c.hidden) audit(ctx, id, "duplicate-check", "ressemblance signalée à une autre organisation");
  if (!c.duplicates.empty()) return person_form(ctx, in, true, nullptr, c.duplicates);
  audit(ctx, c.id, "create");
  return redirect_with_flash(base(org) + "/" + std::to_string(c.id), "La fiche a été créée.");
}

Response show(Ctx& ctx) {
  long long org = ctx.org();
  Person p = require(ctx, ctx.id("person"), Action::read, "read");
  Page page(ctx, "people/show", p.first_name + " " + p.last_name);
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  b.SetIntValue("ID", p.id);
  b.SetValue("LAST_NAME", p.last_name);
  b.SetValue("FIRST_NAME", p.first_name);
  if (!p.birth_name.empty()) b.AddSectionDictionary("BIRTH_NAME")->SetValue("VALUE", p.birth_name);
  b.SetValue("BIRTH", p.birth_date.empty() ? "non renseignée" : time::display_civil(p.birth_date));
  b.SetValue("SEX", p.sex == "F" ? "Femme" : p.sex == "M" ? "Homme" : "non renseigné");
  b.SetValue("EMAIL", p.email.empty() ? "non renseignée" : p.email);
  b.SetValue("PHONE", p.phone.empty() ? "non renseigné" : p.phone);
  std::string where = p.address;
  if (!p.postal_code.empty() || !p.commune_code.empty())
    where += (where.empty() ? "" : ", ") + p.postal_code + (p.commune_code.empty() ? "" : " " + referentials::communes().name_of(p.commune_code));
  b.SetValue("ADDRESS", where.empty() ? "non renseignée" : where);
  b.SetValue("FT_ID", p.ft_id.empty() ? "non renseigné" : p.ft_id);
  auto* level = find_qualification_level(p.qualification_level);
  b.SetValue("LEVEL", level ? level->label : "non renseigné");
  auto consent_at = time::parse_iso(p.consent_at);
  b.SetValue("CONSENT", !p.consent_sharing ? "Non" : consent_at ? "Oui, depuis le " + time::display_civil(time::civil_date(*consent_at)) : "Oui");
  const auto* m = ctx.who.membership(org);
  bool admin = m && m->role == "admin";
  for (const auto& g : store::grants(ctx.tx, p.id)) {
    if (!g.revoked_at.empty()) continue;
    auto* d = b.AddSectionDictionary("GRANT");
    d->SetValue("ORG", g.organisation_name);
    d->SetValue("REASON", grant_reason_label(g.reason));
    if (admin && g.organisation_id != org && g.reason != "creator") {
      auto* r = d->AddSectionDictionary("REVOCABLE");
      r->SetValue("ACTION", base(org) + "/" + std::to_string(p.id) + "/partages/" + std::to_string(g.organisation_id) + "/retirer");
      r->SetValue("ORG", g.organisation_name);
    }
  }
  if (p.consent_sharing) {
    auto* s = b.AddSectionDictionary("SHARE");
    s->SetValue("ACTION", base(org) + "/" + std::to_string(p.id) + "/partages");
  } else {
    b.ShowSection("NO_SHARE");
  }
  std::map<std::string, PersonPanel> shown;
  {
    std::lock_guard lock(g_panels_mutex);
    shown = panels();
  }
  for (const auto& [name, panel] : shown) b.AddSectionDictionary("PANEL")->SetValue("HTML", panel(ctx, p));
  if (admin) {
    b.ShowSection("ADMIN");
    b.AddSectionDictionary("MERGE")->SetValue("ACTION", base(org) + "/" + std::to_string(p.id) + "/fusionner");
  }
  return page.render();
}

Response edit_form(Ctx& ctx, const ValidationError* err) {
  Person p = require(ctx, ctx.id("person"), Action::read, "read");
  if (ctx.req.method == Method::post) {
    Person submitted = read_form(ctx);
    submitted.id = p.id;
    return person_form(ctx, submitted, false, err);
  }
  return person_form(ctx, p, false, err);
}

Response update(Ctx& ctx) {
  long long org = ctx.org();
  Person current = require(ctx, ctx.id("person"), Action::write, "update");
  update_person(ctx.tx, current, read_form(ctx), ctx.today());
  return redirect_with_flash(base(org) + "/" + std::to_string(current.id), "La fiche a été enregistrée.");
}

Response share(Ctx& ctx) {
  long long org = ctx.org();
  Person p = check(ctx, ctx.id("person"), Action::share, "share");
  long long target = parse_id(ctx.form().get("organisation_id"));
  share_with(ctx.tx, p.id, target, org);
  audit(ctx, p.id, "share", "organisation " + std::to_string(target));
  return redirect_with_flash(base(org) + "/" + std::to_string(p.id), "La fiche est partagée avec l'organisation n° " + std::to_string(target) + ".");
}

Response revoke(Ctx& ctx) {
  long long org = ctx.org(), target = ctx.id("target");
  Person p = check(ctx, ctx.id("person"), Action::revoke_grant, "revoke");
  revoke_access(ctx.tx, p.id, target);
  audit(ctx, p.id, "revoke", "organisation " + std::to_string(target));
  return redirect_with_flash(base(org) + "/" + std::to_string(p.id), "L'accès a été retiré.");
}

Response merge(Ctx& ctx) {
  long long org = ctx.org();
  long long kept_id = ctx.id("person"), other = parse_id(ctx.form().get("other"));
  if (other <= 0) throw ValidationError("other", "Indiquez le numéro de la fiche en double.");
  if (other == kept_id) throw ValidationError("other", "Choisissez une autre fiche que celle-ci.");
  Person kept = check(ctx, kept_id, Action::merge, "merge");
  Person absorbed = check(ctx, other, Action::merge, "merge");
  merge_people(ctx.tx, org, kept, absorbed.id);
  audit(ctx, kept.id, "merge", "fiche n° " + std::to_string(absorbed.id) + " fusionnée dans celle-ci");
  audit(ctx, absorbed.id, "merged", "fusionnée dans la fiche n° " + std::to_string(kept.id));
  return redirect_with_flash(base(org) + "/" + std::to_string(kept.id),
                             "La fiche n° " + std::to_string(absorbed.id) + " a été fusionnée dans celle-ci ; son historique est conservé.");
}

Response import_page(Ctx& ctx, const ImportReport* report, int status = 200) {
  long long org = ctx.org();
  Page page(ctx, "people/import", "Importer des personnes");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  b.SetIntValue("MAX_MB", static_cast<long>(ctx.config.max_body_bytes / (1024 * 1024)));
  for (const auto& [name, desc] : import_columns()) {
    auto* d = b.AddSectionDictionary("COLUMN");
    d->SetValue("NAME", name);
    d->SetValue("DESC", desc);
  }
  if (report && !report->ok()) {
    auto* r = b.AddSectionDictionary("REPORT");
    r->SetIntValue("COUNT", report->error_count);
    r->SetIntValue("ROWS", report->rows);
    for (const auto& e : report->errors) r->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
    if (report->error_count > static_cast<int>(report->errors.size()))
      r->AddSectionDictionary("MORE")->SetIntValue("N", report->error_count - static_cast<int>(report->errors.size()));
  }
  return page.render(status);
}

Response import_file(Ctx& ctx) {
  long long org = ctx.org();
  if (!is_multipart(ctx.req)) throw BadRequest("Envoyez le fichier avec le formulaire d'import.");
  auto parts = parse_multipart(ctx.req);
  const Part* file = find_part(parts, "fichier");
  if (!file || file->body.empty()) throw ValidationError("fichier", "Choisissez un fichier CSV à importer.");
  ImportReport report;
  auto rows = prepare_import(file->body, ctx.today(), report);
  if (!report.ok()) return import_page(ctx, &report, 422);  // nothing written
  const Part* accept = find_part(parts, "doublons_acceptes");
  if (!accept || accept->body != "oui") {
    // The organisations that follow a record this file resembles see that it was looked for.
    for (long long id : check_existing_duplicates(ctx.tx, org, rows, report))
      audit(ctx, id, "duplicate-check", "ressemblance signalée à une autre organisation (import)");
    if (!report.ok()) return import_page(ctx, &report, 422);  // commits the audit rows above, and nothing else
  }
  int n = write_import(ctx.tx, org, rows);
  std::string filename = text::valid_utf8(file->filename) ? text::cut_utf8(file->filename, 200) : "fichier";
  audit(ctx, 0, "import", std::to_string(n) + " personnes depuis « " + filename + " »");
  return redirect_with_flash(base(org), std::to_string(n) + " personnes ont été importées.");
}

// The audit log's actions with their French labels: the journal's filter and its rows.
const std::vector<std::pair<std::string, std::string>>& audit_actions() {
  static const std::vector<std::pair<std::string, std::string>> actions = {
      {"read", "consultation"},    {"create", "création"},      {"update", "modification"},   {"share", "partage"},
      {"revoke", "retrait d'accès"}, {"merge", "fusion"},       {"merged", "fusionnée"},      {"search", "recherche"},
      {"import", "import"},        {"refused:route", "accès refusé"},
      {"duplicate-check", "recherche de doublon par une autre organisation"}};
  return actions;
}

const char* action_label(const std::string& a) {
  for (const auto& [code, label] : audit_actions())
    if (code == a) return label.c_str();
  if (a.rfind("refused:", 0) == 0) return "accès refusé";
  return a.c_str();
}

Response journal(Ctx& ctx) {
  long long org = ctx.org();
  Page page(ctx, "people/journal", "Journal des accès");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  store::AuditQuery q;
  q.person = parse_id(ctx.req.query("personne"));
  q.action = ctx.req.query("action");
  q.before_id = parse_id(ctx.req.query("avant"));
  q.limit = 101;
  if (q.person) {
    if (!store::has_grant(ctx.tx, q.person, org)) throw NotFound("Cette personne n'existe pas ou votre organisation n'a pas accès à sa fiche.");
    b.AddSectionDictionary("PERSON_FILTER")->SetIntValue("PERSON", q.person);
  }
  std::vector<Page::Option> options;
  for (const auto& [code, label] : audit_actions()) options.push_back({code, label, ""});
  page.select("action", "Action", options, q.action, "", false);
  auto entries = store::audit_of(ctx.tx, org, q);
  bool more = entries.size() > 100;
  if (more) entries.pop_back();
  for (const auto& e : entries) {
    auto* d = b.AddSectionDictionary("ENTRY");
    auto at = time::parse_iso(e.at);
    d->SetValue("AT", at ? time::display(*at) : e.at);
    d->SetValue("WHO", e.user_name.empty() ? (e.token_id ? "jeton d'API n° " + std::to_string(e.token_id) : "—") : e.user_name);
    d->SetValue("ORG", e.organisation_name);
    d->SetValue("PERSON", e.person_name);
    d->SetValue("ACTION", action_label(e.action));
    d->SetValue("DETAIL", e.detail);
    d->SetValue("IP", e.ip);
  }
  if (entries.empty()) b.ShowSection("EMPTY");
  if (more)
    b.AddSectionDictionary("NEXT")->SetValue("QUERY", "personne=" + std::to_string(q.person) + "&action=" + text::url_encode(q.action) +
                                                          "&avant=" + std::to_string(entries.back().id));
  return page.render();
}

}  // namespace

void add_page_routes(Router& router) {
  router.add({Method::get, "/organisations/{org}/personnes", "people.list", Access::member, Kind::page, list});
  router.add({Method::get, "/organisations/{org}/personnes/nouvelle", "people.new", Access::member, Kind::page,
              [](Ctx& c) { return person_form(c, Person{}, true, nullptr); }});
  router.add({Method::post, "/organisations/{org}/personnes", "people.create", Access::member, Kind::page, create,
              [](Ctx& c, const ValidationError& e) { return person_form(c, read_form(c), true, &e); }});
  router.add({Method::get, "/organisations/{org}/personnes/import", "people.import.form", Access::org_admin, Kind::page,
              [](Ctx& c) { return import_page(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/personnes/import", "people.import", Access::org_admin, Kind::page, import_file,
              [](Ctx& c, const ValidationError& e) {
                ImportReport r;
                for (const auto& f : e.fields()) r.errors.push_back(f.message);
                r.error_count = static_cast<int>(r.errors.size());
                return import_page(c, &r, 422);
              }});
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}", "people.show", Access::member, Kind::page, show});
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/modifier", "people.edit", Access::member, Kind::page,
              [](Ctx& c) { return edit_form(c, nullptr); }});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/modifier", "people.update", Access::member, Kind::page, update,
              [](Ctx& c, const ValidationError& e) { return edit_form(c, &e); }});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/partages", "people.share", Access::member, Kind::page, share});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/partages/{target}/retirer", "people.revoke", Access::org_admin,
              Kind::page, revoke});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/fusionner", "people.merge", Access::org_admin, Kind::page, merge});
  router.add({Method::get, "/organisations/{org}/journal", "people.journal", Access::org_admin, Kind::page, journal});
}

void add_person_panel(const std::string& name, PersonPanel panel) {
  std::lock_guard lock(g_panels_mutex);
  panels()[name] = std::move(panel);
}

void add_person_route(Router& router, Route r) {
  if (r.pattern.find("{person}") != std::string::npos) r.on_refused = record_refusal;
  router.add(std::move(r));
}

void add_routes(Router& router) {
  add_page_routes(router);
  add_api_routes(router);
}

}  // namespace jalon::people
