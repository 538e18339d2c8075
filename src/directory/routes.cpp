// The directory pages: an organisation's structures and services (list with status and the
// "à vérifier" flag, forms, lifecycle buttons), the upload of data·inclusion files, and the
// public page of a structure.
#include "directory/routes.h"

#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "base/time.h"
#include "directory/access.h"
#include "directory/actions.h"
#include "directory/import.h"
#include "directory/store.h"
#include "http/multipart.h"
#include "http/page.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"

namespace jalon::directory {

using namespace http;

namespace {

std::string base(long long org) { return "/organisations/" + std::to_string(org) + "/annuaire"; }
std::string public_link(long long structure) { return "/annuaire/structures/" + std::to_string(structure); }


// "12 rue X, bâtiment B, 86000 Poitiers", or "".
std::string full_address(const std::string& address, const std::string& extra, const std::string& postal_code, const std::string& commune) {
  std::string out = address;
  if (!extra.empty()) out += (out.empty() ? "" : ", ") + extra;
  std::string place = postal_code;
  if (!commune.empty()) place += (place.empty() ? "" : " ") + referentials::communes().name_of(commune);
  if (!place.empty()) out += (out.empty() ? "" : ", ") + place;
  return out;
}

std::vector<Page::Option> options_of(const referentials::Vocabulary& v, const std::string& group = "") {
  std::vector<Page::Option> out;
  for (const auto& t : v.terms()) out.push_back({t.value, t.label, group});
  return out;
}

std::vector<Page::Option> thematic_options() {
  std::vector<Page::Option> out;
  for (const auto& c : referentials::inclusion().thematic_categories())
    for (const auto* t : c.thematics) out.push_back({t->value, t->label, c.label});
  return out;
}


std::vector<std::string> values_of(const Form& f, const std::string& name) {
  std::vector<std::string> out;
  auto [b, e] = f.all().equal_range(name);
  for (auto it = b; it != e; ++it)
    if (!text::trim(it->second).empty()) out.push_back(it->second);
  return out;
}

std::string number_text(const std::optional<double>& d) { return d ? fmt::format("{}", *d) : ""; }

bool is_member(const Ctx& ctx, long long org) { return org > 0 && ctx.who.membership(org) != nullptr; }

// ---- Reading the forms ----------------------------------------------------------------------

Structure read_structure(Ctx& ctx, Validator& v) {
  const Form& f = ctx.form();
  Structure s;
  s.name = f.get("nom");
  s.siret = f.get("siret");
  s.description = f.get("description");
  s.address = f.get("adresse");
  s.address_extra = f.get("complement_adresse");
  s.postal_code = f.get("code_postal");
  s.commune_code = f.get("code_insee");
  bool ok = true;
  s.latitude = parse_decimal(f.get("latitude"), ok);
  if (!ok) v.add("latitude", "La latitude est un nombre de degrés (par exemple 46,58).");
  s.longitude = parse_decimal(f.get("longitude"), ok);
  if (!ok) v.add("longitude", "La longitude est un nombre de degrés (par exemple 0,34).");
  s.phone = f.get("telephone");
  s.email = f.get("courriel");
  s.website = f.get("site_web");
  s.opening_hours = f.get("horaires_accueil");
  s.accessibility_url = f.get("accessibilite_lieu");
  s.typology = f.get("typologie");
  s.networks = values_of(f, "reseaux_porteurs");
  return s;
}

Service read_service(Ctx& ctx, Validator& v) {
  const Form& f = ctx.form();
  Service s;
  s.name = f.get("nom");
  s.type = f.get("type");
  s.description = f.get("description");
  s.thematics = values_of(f, "thematiques");
  s.audiences = values_of(f, "publics");
  s.audiences_details = f.get("publics_precisions");
  s.fees = f.get("frais");
  s.fees_details = f.get("frais_precisions");
  s.conditions = f.get("conditions_acces");
  s.reception_modes = values_of(f, "modes_accueil");
  s.mobilisation_modes = values_of(f, "modes_mobilisation");
  s.mobilising_persons = values_of(f, "mobilisable_par");
  s.mobilisation_details = f.get("mobilisation_precisions");
  s.mobilisation_link = f.get("lien_mobilisation");
  s.eligibility_zone = split_codes(f.get("zone_eligibilite"));
  bool ok = true;
  s.weekly_hours = parse_decimal(f.get("volume_horaire_hebdomadaire"), ok);
  if (!ok) v.add("volume_horaire_hebdomadaire", "Le volume horaire hebdomadaire est un nombre d'heures (par exemple 7,5).");
  s.weeks = parse_integer(f.get("nombre_semaines"), ok);
  if (!ok) v.add("nombre_semaines", "Le nombre de semaines est un nombre entier.");
  s.contact_name = f.get("contact_nom_prenom");
  s.phone = f.get("telephone");
  s.email = f.get("courriel");
  s.opening_hours = f.get("horaires_accueil");
  s.address = f.get("adresse");
  s.address_extra = f.get("complement_adresse");
  s.postal_code = f.get("code_postal");
  s.commune_code = f.get("code_insee");
  return s;
}

// ---- The organisation's directory -------------------------------------------------------------

struct StatusButton {
  ServiceStatus to;
  const char* label;
  const char* css;
};
constexpr StatusButton kButtons[] = {
    {ServiceStatus::published, "Publier", "btn-primary"},
    {ServiceStatus::archived, "Archiver", "btn-outline-danger"},
    {ServiceStatus::draft, "Remettre en brouillon", "btn-outline-secondary"},
};

const char* status_css(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::published: return "badge-statut";
    case ServiceStatus::archived: return "badge-archive";
    case ServiceStatus::draft: return "badge-brouillon";
  }
  return "badge-brouillon";
}

Response org_directory(Ctx& ctx) {
  long long org = ctx.org();
  std::string today = ctx.today();
  Page page(ctx, "directory/org", "Annuaire : nos structures et services");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  const auto* m = ctx.who.membership(org);
  if (m && m->role == "admin") b.ShowSection("ADMIN");
  auto structures = store::structures_of(ctx.tx, org);
  std::map<long long, std::vector<Service>> services;
  for (auto& s : store::services_of(ctx.tx, org)) services[s.structure_id].push_back(std::move(s));
  int stale = 0;
  for (const auto& st : structures) {
    auto* d = b.AddSectionDictionary("STRUCTURE");
    d->SetIntValue("ID", st.id);
    d->SetValue("NAME", st.name);
    d->SetValue("ADDRESS", full_address(st.address, st.address_extra, st.postal_code, st.commune_code));
    d->SetValue("EDIT", base(org) + "/structures/" + std::to_string(st.id) + "/modifier");
    d->SetValue("NEW_SERVICE", base(org) + "/structures/" + std::to_string(st.id) + "/services/nouveau");
    d->SetValue("PUBLIC", public_link(st.id));
    const auto& list = services[st.id];
    if (list.empty()) d->ShowSection("NO_SERVICE");
    else d->ShowSection("HAS_SERVICES");
    for (const auto& sv : list) {
      auto* r = d->AddSectionDictionary("SERVICE");
      r->SetValue("NAME", sv.name);
      r->SetValue("EDIT", base(org) + "/services/" + std::to_string(sv.id) + "/modifier");
      r->SetValue("STATUS", status_label(sv.status));
      r->SetValue("STATUS_CSS", status_css(sv.status));
      r->SetValue("UPDATED", time::display_civil(sv.updated_on));
      if (sv.status != ServiceStatus::archived && is_stale(sv.updated_on, today)) {
        r->ShowSection("STALE");
        ++stale;
      }
      for (const auto& button : kButtons) {
        if (!can_move(sv.status, button.to)) continue;
        auto* a = r->AddSectionDictionary("MOVE");
        a->SetValue("ACTION", base(org) + "/services/" + std::to_string(sv.id) + "/statut");
        a->SetValue("TO", status_code(button.to));
        a->SetValue("LABEL", button.label);
        a->SetValue("CSS", button.css);
        a->SetValue("SERVICE", sv.name);
      }
    }
  }
  if (structures.empty()) b.ShowSection("EMPTY");
  if (stale > 0) b.AddSectionDictionary("STALE_SUMMARY")->SetValue("TEXT", stale == 1 ? "1 service n'a pas été mis à jour depuis un an ou plus : vérifiez-le, puis enregistrez-le."
                                                                                      : std::to_string(stale) + " services n'ont pas été mis à jour depuis un an ou plus : vérifiez-les, puis enregistrez-les.");
  return page.render();
}

// ---- Structure form ---------------------------------------------------------------------------

Response structure_form(Ctx& ctx, const Structure& s, bool creating, const ValidationError* err) {
  long long org = ctx.org();
  Page page(ctx, "directory/structure_form", creating ? "Nouvelle structure" : "Modifier la structure");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  b.SetValue("ACTION", creating ? base(org) + "/structures" : base(org) + "/structures/" + std::to_string(s.id) + "/modifier");
  const Form* raw = err && ctx.req.method == Method::post ? &ctx.form() : nullptr;
  page.field("nom", "Nom de la structure", "text", s.name, {"De 3 à 150 caractères, sans point final.", "organization", true});
  page.select("typologie", "Type de structure", options_of(referentials::inclusion().structure_typologies()), s.typology, "", false);
  page.field("siret", "SIRET", "text", s.siret, {"14 chiffres.", "off", false});
  page.textarea("description", "Présentation", s.description, {"Ce que fait la structure, pour qui.", "", false});
  page.field("adresse", "Adresse", "text", s.address, {"", "street-address", false});
  page.field("complement_adresse", "Complément d'adresse", "text", s.address_extra, {"Bâtiment, étage…", "off", false});
  page.field("code_postal", "Code postal", "text", s.postal_code, {"", "postal-code", false});
  page.field("code_insee", "Commune (code INSEE)", "text", s.commune_code,
             {"Par exemple 86194 pour Poitiers ; rempli d'après le code postal quand celui-ci ne couvre qu'une commune.", "off", false});
  page.field("latitude", "Latitude", "text", raw ? raw->get("latitude") : number_text(s.latitude),
             {"En degrés décimaux (46,58). Sans coordonnées, le centre de la commune est utilisé.", "off", false});
  page.field("longitude", "Longitude", "text", raw ? raw->get("longitude") : number_text(s.longitude), {"En degrés décimaux (0,34).", "off", false});
  page.field("telephone", "Téléphone", "tel", s.phone, {"", "tel", false});
  page.field("courriel", "Adresse e-mail", "email", s.email, {"", "email", false});
  page.field("site_web", "Site web", "url", s.website, {"Adresse complète : https://…", "url", false});
  page.textarea("horaires_accueil", "Horaires d'accueil", s.opening_hours,
                {"Au format OpenStreetMap si possible, par exemple « Mo-Fr 09:00-12:30 ».", "", false});
  page.field("accessibilite_lieu", "Lien Accèslibre", "url", s.accessibility_url, {"La page de la structure sur acceslibre.beta.gouv.fr.", "url", false});
  page.checkboxes("reseaux_porteurs", "Réseaux porteurs (facultatif)",
                  options_of(referentials::inclusion().networks(), "Réseaux, organisations ou administrations qui portent la structure"),
                  s.networks);
  if (err) page.errors(*err);
  return page.render();
}

Response structure_new(Ctx& ctx) { return structure_form(ctx, Structure{}, true, nullptr); }

Response structure_create(Ctx& ctx) {
  long long org = ctx.org();
  Validator v;
  Structure in = read_structure(ctx, v);
  long long id = create_structure(ctx.tx, actor_of(ctx.who), org, in, ctx.today(), std::move(v));
  return redirect_with_flash(base(org) + "#structure-" + std::to_string(id), "La structure a été créée. Ajoutez-lui ses services.");
}

Response structure_create_invalid(Ctx& ctx, const ValidationError& e) {
  Validator ignored;
  return structure_form(ctx, read_structure(ctx, ignored), true, &e);
}

Response structure_edit(Ctx& ctx, const ValidationError* err) {
  Structure s = org_structure(ctx, ctx.id("structure"), Action::edit);
  if (err) {
    Validator ignored;
    Structure submitted = read_structure(ctx, ignored);
    submitted.id = s.id;
    return structure_form(ctx, submitted, false, err);
  }
  return structure_form(ctx, s, false, nullptr);
}

Response structure_update(Ctx& ctx) {
  long long org = ctx.org();
  Structure current = org_structure(ctx, ctx.id("structure"), Action::edit);
  Validator v;
  Structure in = read_structure(ctx, v);
  update_structure(ctx.tx, actor_of(ctx.who), current, in, ctx.today(), std::move(v));
  return redirect_with_flash(base(org) + "#structure-" + std::to_string(current.id), "La structure a été enregistrée.");
}

// ---- Service form -----------------------------------------------------------------------------

Response service_form(Ctx& ctx, const Structure& st, const Service& s, bool creating, const ValidationError* err) {
  long long org = ctx.org();
  const auto& di = referentials::inclusion();
  Page page(ctx, "directory/service_form", creating ? "Nouveau service" : "Modifier le service");
  auto& b = page.body();
  b.SetIntValue("ORG_ID", org);
  b.SetValue("STRUCTURE", st.name);
  b.SetValue("ACTION", creating ? base(org) + "/structures/" + std::to_string(st.id) + "/services"
                                : base(org) + "/services/" + std::to_string(s.id) + "/modifier");
  if (!creating) {
    auto* e = b.AddSectionDictionary("EDITING");
    e->SetValue("STATUS", status_label(s.status));
    e->SetValue("STATUS_CSS", status_css(s.status));
    e->SetValue("UPDATED", time::display_civil(s.updated_on));
    if (s.status != ServiceStatus::archived && is_stale(s.updated_on, ctx.today())) e->ShowSection("STALE");
  }
  const Form* raw = err && ctx.req.method == Method::post ? &ctx.form() : nullptr;
  page.field("nom", "Nom du service", "text", s.name, {"De 3 à 150 caractères.", "off", true});
  page.select("type", "Type de service", options_of(di.service_types()), s.type, "", false);
  page.textarea("description", "Description", s.description,
                {"Ce que le service propose, en phrases courtes et simples (idéalement 200 à 2 000 caractères).", "", true});
  page.checkboxes("thematiques", "Thématiques", thematic_options(), s.thematics, "Ouvrez une catégorie pour cocher ses thématiques.");
  page.checkboxes("publics", "Publics", options_of(di.audiences()), s.audiences, "« Tous publics » ne se combine pas avec les autres.");
  page.field("publics_precisions", "Précisions sur les publics", "text", s.audiences_details, {"Par exemple : jeunes de 16 à 25 ans.", "off", false});
  page.select("frais", "Frais", options_of(di.fees()), s.fees, "", false);
  page.field("frais_precisions", "Précisions sur les frais", "text", s.fees_details, {"", "off", false});
  page.textarea("conditions_acces", "Conditions d'accès", s.conditions, {"Prérequis, justificatifs à présenter.", "", false});
  page.checkboxes("modes_accueil", "Modes d'accueil", options_of(di.reception_modes()), s.reception_modes);
  page.checkboxes("modes_mobilisation", "Comment mobiliser le service", options_of(di.mobilisation_modes()), s.mobilisation_modes);
  page.checkboxes("mobilisable_par", "Qui peut le mobiliser", options_of(di.mobilising_persons()), s.mobilising_persons);
  page.field("lien_mobilisation", "Lien de mobilisation", "url", s.mobilisation_link, {"Requis si le service se mobilise par un lien.", "url", false});
  page.textarea("mobilisation_precisions", "Précisions sur la mobilisation", s.mobilisation_details, {"", "", false});
  std::string zone;
  for (const auto& c : s.eligibility_zone) zone += (zone.empty() ? "" : ", ") + c;
  page.field("zone_eligibilite", "Zone d'éligibilité", "text", raw ? raw->get("zone_eligibilite") : zone,
             {"Codes séparés par des virgules : commune (86194), département (86), EPCI (SIREN à 9 chiffres), pays (99xxx) ou « france ». "
              "Vide : pas de restriction indiquée.",
              "off", false});
  page.field("volume_horaire_hebdomadaire", "Heures par semaine", "text", raw ? raw->get("volume_horaire_hebdomadaire") : number_text(s.weekly_hours),
             {"Pour une formation ou un atelier : nombre d'heures par semaine.", "off", false});
  page.field("nombre_semaines", "Nombre de semaines", "text", raw ? raw->get("nombre_semaines") : (s.weeks ? std::to_string(*s.weeks) : ""),
             {"1 au moins.", "off", false});
  page.field("contact_nom_prenom", "Contact (prénom et nom)", "text", s.contact_name, {"", "off", false});
  page.field("telephone", "Téléphone", "tel", s.phone, {"", "tel", false});
  page.field("courriel", "Adresse e-mail", "email", s.email, {"", "email", false});
  page.textarea("horaires_accueil", "Horaires", s.opening_hours, {"S'ils diffèrent de ceux de la structure.", "", false});
  page.field("adresse", "Adresse", "text", s.address, {"Si le service n'a pas lieu à l'adresse de la structure.", "street-address", false});
  page.field("complement_adresse", "Complément d'adresse", "text", s.address_extra, {"", "off", false});
  page.field("code_postal", "Code postal", "text", s.postal_code, {"", "postal-code", false});
  page.field("code_insee", "Commune (code INSEE)", "text", s.commune_code, {"", "off", false});
  if (err) page.errors(*err);
  return page.render();
}

Response service_new(Ctx& ctx) {
  Structure st = org_structure(ctx, ctx.id("structure"), Action::create);
  return service_form(ctx, st, Service{}, true, nullptr);
}

Response service_create(Ctx& ctx) {
  long long org = ctx.org();
  Structure st = org_structure(ctx, ctx.id("structure"), Action::create);
  Validator v;
  Service in = read_service(ctx, v);
  create_service(ctx.tx, actor_of(ctx.who), st, in, ctx.today(), std::move(v));
  return redirect_with_flash(base(org) + "#structure-" + std::to_string(st.id),
                             "Le service a été enregistré en brouillon. Publiez-le pour qu'il apparaisse dans l'annuaire public.");
}

Response service_create_invalid(Ctx& ctx, const ValidationError& e) {
  Structure st = org_structure(ctx, ctx.id("structure"), Action::create);
  Validator ignored;
  return service_form(ctx, st, read_service(ctx, ignored), true, &e);
}

Response service_edit(Ctx& ctx, const ValidationError* err) {
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::edit);
  if (err) {
    Validator ignored;
    Service submitted = read_service(ctx, ignored);
    submitted.id = sv.id;
    submitted.status = sv.status;
    submitted.updated_on = sv.updated_on;
    return service_form(ctx, st, submitted, false, err);
  }
  return service_form(ctx, st, sv, false, nullptr);
}

Response service_update(Ctx& ctx) {
  long long org = ctx.org();
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::edit);
  Validator v;
  Service in = read_service(ctx, v);
  update_service(ctx.tx, actor_of(ctx.who), st, sv, in, ctx.today(), std::move(v));
  return redirect_with_flash(base(org) + "#structure-" + std::to_string(st.id), "Le service a été enregistré.");
}

Response service_status(Ctx& ctx) {
  long long org = ctx.org();
  auto to = parse_status(ctx.form().get("statut"));
  if (!to) throw ValidationError("statut", "Choisissez le nouveau statut : published, archived ou draft.");
  auto [st, sv] = org_service(ctx, ctx.id("service"), Action::read_unpublished);
  Service done = change_status(ctx.tx, actor_of(ctx.who), st, sv, *to, ctx.today());
  const char* what = *to == ServiceStatus::published ? "est publié : il apparaît dans l'annuaire public"
                     : *to == ServiceStatus::archived ? "est archivé : il n'apparaît plus dans l'annuaire public"
                                                      : "est en brouillon : il n'apparaît plus dans l'annuaire public";
  return redirect_with_flash(base(org) + "#structure-" + std::to_string(st.id), "Le service « " + done.name + " » " + what + ".");
}

// ---- Import -----------------------------------------------------------------------------------

Response import_page(Ctx& ctx, long long org, const ImportReport* report, int status = 200) {
  Page page(ctx, "directory/import", org ? "Importer des structures et services" : "Importer des structures sans organisation");
  auto& b = page.body();
  b.SetValue("ACTION", org ? base(org) + "/import" : "/admin/annuaire/import");
  b.SetValue("BACK", org ? base(org) : "/admin/organisations");
  b.SetValue("BACK_LABEL", org ? "Annuaire de l'organisation" : "Organisations de la plateforme");
  b.SetIntValue("MAX_MB", static_cast<long>(ctx.config.max_body_bytes / (1024 * 1024)));
  if (org) b.ShowSection("FOR_ORG");
  else b.ShowSection("FOR_PLATFORM");
  if (report && !report->ok()) {
    auto* r = b.AddSectionDictionary("REPORT");
    r->SetIntValue("COUNT", report->problem_count);
    r->SetIntValue("STRUCTURES", report->structures);
    r->SetIntValue("SERVICES", report->services);
    for (const auto& p : report->problems) r->AddSectionDictionary("ERROR")->SetValue("TEXT", p.text());
    if (report->problem_count > static_cast<int>(report->problems.size()))
      r->AddSectionDictionary("MORE")->SetIntValue("N", report->problem_count - static_cast<int>(report->problems.size()));
  }
  return page.render(status);
}

Response import_upload(Ctx& ctx, long long org, const std::string& back) {
  if (!is_multipart(ctx.req)) throw BadRequest("Envoyez les fichiers avec le formulaire d'import.");
  auto parts = parse_multipart(ctx.req);
  std::vector<ImportFile> files;
  for (const char* name : {"fichier", "fichier_structures"}) {
    const Part* p = find_part(parts, name);
    if (!p || p->body.empty()) continue;
    std::string filename = text::valid_utf8(p->filename) && !p->filename.empty() ? text::cut_utf8(p->filename, 200) : name;
    files.push_back({filename, p->body});
  }
  if (files.empty()) throw ValidationError("fichier", "Choisissez un fichier JSON ou CSV à importer.");
  Actor who = actor_of(ctx.who);
  ImportReport report = import_files(ctx.tx, who, org, files, ctx.today());
  if (!report.ok()) return import_page(ctx, org, &report, 422);  // nothing was written
  return redirect_with_flash(back, fmt::format("Import terminé : {} structure(s) créée(s), {} mise(s) à jour ; {} service(s) créé(s), {} mis à jour.",
                                               report.structures_created, report.structures_updated, report.services_created,
                                               report.services_updated));
}

Response import_invalid(Ctx& ctx, long long org, const ValidationError& e) {
  ImportReport r;
  for (const auto& f : e.fields()) r.problems.push_back({"", "", 0, 0, "", "", f.message});
  r.problem_count = static_cast<int>(r.problems.size());
  return import_page(ctx, org, &r, 422);
}

// ---- The public page of a structure -------------------------------------------------------------

Response public_structure(Ctx& ctx) {
  auto st = store::find_structure(ctx.tx, ctx.id("structure"));
  if (!st) throw NotFound("Cette structure n'existe pas dans l'annuaire.");
  const auto& di = referentials::inclusion();
  std::string today = ctx.today();
  Page page(ctx, "directory/structure", st->name);
  auto& b = page.body();
  if (is_member(ctx, st->organisation_id)) b.AddSectionDictionary("MANAGE")->SetValue("LINK", base(st->organisation_id) + "#structure-" + std::to_string(st->id));
  auto row = [&](const char* label, const std::string& value) {
    if (value.empty()) return;
    auto* d = b.AddSectionDictionary("FACT");
    d->SetValue("LABEL", label);
    d->SetValue("VALUE", value);
  };
  if (!st->typology.empty()) row("Type", std::string(di.structure_typologies().label(st->typology)));
  if (!st->description.empty()) b.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", st->description);
  row("Adresse", full_address(st->address, st->address_extra, st->postal_code, st->commune_code));
  row("Téléphone", st->phone);
  if (!st->email.empty()) b.AddSectionDictionary("EMAIL")->SetValue("VALUE", st->email);
  if (!st->website.empty()) b.AddSectionDictionary("WEBSITE")->SetValue("VALUE", st->website);
  row("Horaires d'accueil", st->opening_hours);
  if (!st->accessibility_url.empty()) b.AddSectionDictionary("ACCESSIBILITY")->SetValue("VALUE", st->accessibility_url);
  row("Réseaux porteurs", di.networks().labels(st->networks));
  row("SIRET", st->siret);
  row("Dernière mise à jour", time::display_civil(st->updated_on));
  auto services = store::services_of_structure(ctx.tx, st->id, true);
  if (services.empty()) b.ShowSection("NO_SERVICE");
  for (const auto& sv : services) {
    auto* d = b.AddSectionDictionary("SERVICE");
    d->SetIntValue("ID", sv.id);
    d->SetValue("NAME", sv.name);
    d->SetValue("DESCRIPTION", sv.description);
    if (is_stale(sv.updated_on, today)) d->ShowSection("STALE");
    auto fact = [&](const char* label, const std::string& value) {
      if (value.empty()) return;
      auto* f = d->AddSectionDictionary("FACT");
      f->SetValue("LABEL", label);
      f->SetValue("VALUE", value);
    };
    if (!sv.type.empty()) fact("Type", std::string(di.service_types().label(sv.type)));
    fact("Thématiques", di.thematics().labels(sv.thematics));
    std::string publics = di.audiences().labels(sv.audiences);
    if (!sv.audiences_details.empty()) publics += (publics.empty() ? "" : " — ") + sv.audiences_details;
    fact("Publics", publics);
    std::string fees = sv.fees.empty() ? "" : std::string(di.fees().label(sv.fees));
    if (!sv.fees_details.empty()) fees += (fees.empty() ? "" : " — ") + sv.fees_details;
    fact("Frais", fees);
    fact("Conditions d'accès", sv.conditions);
    fact("Accueil", di.reception_modes().labels(sv.reception_modes));
    std::string mobilise = di.mobilisation_modes().labels(sv.mobilisation_modes);
    if (!sv.mobilisation_details.empty()) mobilise += (mobilise.empty() ? "" : " — ") + sv.mobilisation_details;
    fact("Comment le mobiliser", mobilise);
    fact("Qui peut le mobiliser", di.mobilising_persons().labels(sv.mobilising_persons));
    if (!sv.mobilisation_link.empty()) d->AddSectionDictionary("LINK")->SetValue("VALUE", sv.mobilisation_link);
    std::string zone;
    for (const auto& c : sv.eligibility_zone) {
      std::string name = c == "france" ? "France entière" : c.size() == 5 && c.rfind("99", 0) != 0 ? referentials::communes().name_of(c) : c;
      if (c.size() == 2 || c.size() == 3)
        if (auto* dep = referentials::communes().departement(c)) name = dep->name + " (" + c + ")";
      if (c.size() == 9)
        if (auto* e = referentials::communes().epci(c)) name = e->name;
      zone += (zone.empty() ? "" : ", ") + name;
    }
    fact("Zone d'éligibilité", zone);
    if (sv.weekly_hours) fact("Heures par semaine", fmt::format("{}", *sv.weekly_hours));
    if (sv.weeks) fact("Nombre de semaines", std::to_string(*sv.weeks));
    fact("Contact", sv.contact_name);
    fact("Téléphone", sv.phone);
    fact("E-mail", sv.email);
    fact("Horaires", sv.opening_hours);
    fact("Lieu", full_address(sv.address, sv.address_extra, sv.postal_code, sv.commune_code));
    fact("Dernière mise à jour", time::display_civil(sv.updated_on));
  }
  return page.render();
}

}  // namespace

void add_page_routes(Router& router) {
  router.add({Method::get, "/organisations/{org}/annuaire", "directory.org", Access::member, Kind::page, org_directory});
  router.add({Method::get, "/organisations/{org}/annuaire/structures/nouvelle", "directory.structure.new", Access::member, Kind::page, structure_new});
  router.add({Method::post, "/organisations/{org}/annuaire/structures", "directory.structure.create", Access::member, Kind::page, structure_create,
              structure_create_invalid});
  router.add({Method::get, "/organisations/{org}/annuaire/structures/{structure}/modifier", "directory.structure.edit", Access::member, Kind::page,
              [](Ctx& c) { return structure_edit(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/annuaire/structures/{structure}/modifier", "directory.structure.update", Access::member,
              Kind::page, structure_update, [](Ctx& c, const ValidationError& e) { return structure_edit(c, &e); }});
  router.add({Method::get, "/organisations/{org}/annuaire/structures/{structure}/services/nouveau", "directory.service.new", Access::member,
              Kind::page, service_new});
  router.add({Method::post, "/organisations/{org}/annuaire/structures/{structure}/services", "directory.service.create", Access::member,
              Kind::page, service_create, service_create_invalid});
  router.add({Method::get, "/organisations/{org}/annuaire/services/{service}/modifier", "directory.service.edit", Access::member, Kind::page,
              [](Ctx& c) { return service_edit(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/annuaire/services/{service}/modifier", "directory.service.update", Access::member, Kind::page,
              service_update, [](Ctx& c, const ValidationError& e) { return service_edit(c, &e); }});
  router.add({Method::post, "/organisations/{org}/annuaire/services/{service}/statut", "directory.service.status", Access::member, Kind::page,
              service_status});
  router.add({Method::get, "/organisations/{org}/annuaire/import", "directory.import.form", Access::org_admin, Kind::page,
              [](Ctx& c) { return import_page(c, c.org(), nullptr); }});
  router.add({Method::post, "/organisations/{org}/annuaire/import", "directory.import", Access::org_admin, Kind::page,
              [](Ctx& c) { return import_upload(c, c.org(), base(c.org())); },
              [](Ctx& c, const ValidationError& e) { return import_invalid(c, c.org(), e); }});
  router.add({Method::get, "/admin/annuaire/import", "directory.admin.import.form", Access::platform_admin, Kind::page,
              [](Ctx& c) { return import_page(c, 0, nullptr); }});
  router.add({Method::post, "/admin/annuaire/import", "directory.admin.import", Access::platform_admin, Kind::page,
              [](Ctx& c) { return import_upload(c, 0, "/admin/annuaire/import"); },
              [](Ctx& c, const ValidationError& e) { return import_invalid(c, 0, e); }});
  router.add({Method::get, "/annuaire/structures/{structure}", "directory.structure.public", Access::anyone, Kind::page, public_structure});
}

void add_routes(Router& router) {
  add_page_routes(router);
  add_api_routes(router);
}

}  // namespace jalon::directory
