// An organisation's pages: overview, settings, members, invitations, API tokens; and the
// platform administrator's list of organisations.
#include <algorithm>

#include "accounts/actions.h"
#include "accounts/routes.h"
#include "accounts/rules.h"
#include "accounts/store.h"
#include "base/text.h"
#include "base/time.h"
#include "mail/outbox.h"
#include "referentials/communes.h"

namespace jalon::accounts {

using namespace http;

std::vector<Page::Option> kind_options() {
  std::vector<Page::Option> out;
  for (const char* family : {"accompagnement", "siae", "formation", "employeur", "autorite"})
    for (const auto& k : org_kinds())
      if (std::string(k.family) == family) out.push_back({k.code, k.label, family_label(family)});
  return out;
}

namespace {

std::string org_path(long long id) { return "/organisations/" + std::to_string(id); }

void org_header(Page& page, const Organisation& o) {
  auto& b = page.body();
  b.SetIntValue("ORG_ID", o.id);
  b.SetValue("ORG_NAME", o.name);
}

// What the page may offer: the same decision as the routes it links to.
bool can(const Ctx& ctx, Access a, long long org) { return allows(a, Kind::page, ctx.who, org); }

std::string spaced_siret(const std::string& s) {
  if (s.size() != 14) return s;
  return s.substr(0, 3) + " " + s.substr(3, 3) + " " + s.substr(6, 3) + " " + s.substr(9);
}

Response organisation(Ctx& ctx) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  Page page(ctx, "accounts/organisation", o.name);
  org_header(page, o);
  auto& b = page.body();
  auto* k = find_org_kind(o.kind);
  b.SetValue("KIND", k ? k->label : o.kind);
  b.SetValue("SIRET", spaced_siret(o.siret));
  b.SetValue("COMMUNE", commune_label(o.commune_code));
  b.SetValue("PRESCRIBER", o.authorised_prescriber ? "Oui" : "Non");
  b.SetIntValue("MEMBER_COUNT", static_cast<long>(store::members(ctx.tx, o.id).size()));
  if (can(ctx, Access::member, o.id)) b.ShowSection("MEMBER");
  if (can(ctx, Access::org_manager, o.id)) b.ShowSection("MANAGER");
  if (can(ctx, Access::org_admin, o.id)) b.ShowSection("ADMIN");
  return page.render();
}

Response organisation_form(Ctx& ctx, const ValidationError* err, bool creating) {
  const Form& f = ctx.form();
  bool submitted = ctx.req.method == Method::post;
  Organisation o;
  if (!creating) o = store::get_organisation(ctx.tx, ctx.org());
  Page page(ctx, "accounts/organisation_form", creating ? "Nouvelle organisation" : "Modifier l'organisation");
  auto& b = page.body();
  if (creating) {
    b.ShowSection("CREATING");
    b.SetValue("ACTION", "/admin/organisations");
  } else {
    org_header(page, o);
    b.ShowSection("EDITING");
    b.SetValue("ACTION", org_path(o.id) + "/modifier");
  }
  auto val = [&](const char* field, const std::string& current) { return submitted ? f.get(field) : current; };
  page.field("name", "Nom de l'organisation", "text", val("name", o.name), {"", "organization", true});
  if (creating || ctx.who.platform_admin) {
    page.select("kind", "Type d'organisation", kind_options(), val("kind", o.kind));
    page.field("siret", "SIRET", "text", val("siret", o.siret), {"14 chiffres, espaces acceptés. Exemple : 130 005 481 00010.", "", true});
  } else {
    auto* k = find_org_kind(o.kind);
    auto* fixed = b.AddSectionDictionary("FIXED");
    fixed->SetValue("KIND", k ? k->label : o.kind);
    fixed->SetValue("SIRET", spaced_siret(o.siret));
  }
  page.field("commune_code", "Commune (code INSEE)", "text", val("commune_code", o.commune_code),
             {"Code officiel géographique à 5 caractères, par exemple 86194 pour Poitiers (différent du code postal).", "", true});
  if (ctx.who.platform_admin)
    page.checkbox("authorised_prescriber", "Prescripteur habilité", submitted ? f.checked("authorised_prescriber") : o.authorised_prescriber,
                  "Habilité à valider l'éligibilité IAE et à orienter vers les structures d'insertion.");
  if (creating) {
    page.field("admin_email", "E-mail du premier administrateur", "email", f.get("admin_email"),
               {"Cette personne recevra une invitation pour créer son compte.", "email", true});
  }
  if (err) page.errors(*err);
  return page.render();
}

Response update_organisation(Ctx& ctx) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  const Form& f = ctx.form();
  OrganisationInput in{f.get("name"), o.kind, o.siret, f.get("commune_code"), o.authorised_prescriber};
  // The type, the SIRET and the prescriber status are the platform's to change.
  if (ctx.who.platform_admin) {
    in.kind = f.get("kind");
    in.siret = f.get("siret");
    in.authorised_prescriber = f.checked("authorised_prescriber");
  }
  store::update_organisation(ctx.tx, o.id, validate_organisation(in, commune_exists, communes_by_postal_code));
  return redirect_with_flash(org_path(o.id), "Les informations de l'organisation ont été enregistrées.");
}

Response create_organisation_page(Ctx& ctx) {
  const Form& f = ctx.form();
  OrganisationInput in{f.get("name"), f.get("kind"), f.get("siret"), f.get("commune_code"), f.checked("authorised_prescriber")};
  std::string email = text::normalise_email(f.get("admin_email"));
  long long id = create_organisation(ctx.tx, ctx.config, ctx.who, in, email, true);
  return redirect_with_flash("/admin/organisations", "L'organisation " + text::trim(in.name) + " (n° " + std::to_string(id) +
                                                          ") a été créée et une invitation a été envoyée à " + email + ".");
}

Response admin_organisations(Ctx& ctx) {
  Page page(ctx, "accounts/admin_organisations", "Organisations");
  auto orgs = store::list_organisations(ctx.tx);
  // French order: accents and case do not count ("École" among the E, "Département" before "DREETS").
  std::stable_sort(orgs.begin(), orgs.end(), [](const auto& a, const auto& b) { return text::fold(a.name) < text::fold(b.name); });
  for (const auto& o : orgs) {
    auto* d = page.body().AddSectionDictionary("ORG");
    d->SetIntValue("ID", o.id);
    d->SetValue("NAME", o.name);
    auto* k = find_org_kind(o.kind);
    d->SetValue("KIND", k ? k->label : o.kind);
    d->SetValue("COMMUNE", commune_label(o.commune_code));
    d->SetValue("SIRET", spaced_siret(o.siret));
    if (o.authorised_prescriber) d->ShowSection("PRESCRIBER");
  }
  return page.render();
}

Response members(Ctx& ctx, const ValidationError* err) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  Page page(ctx, "accounts/members", "Membres de " + o.name);
  org_header(page, o);
  bool admin = can(ctx, Access::org_admin, o.id);
  if (admin) page.body().ShowSection("ADMIN");
  if (can(ctx, Access::org_manager, o.id)) page.body().ShowSection("MANAGER");
  for (const auto& m : store::members(ctx.tx, o.id)) {
    auto* d = page.body().AddSectionDictionary("MEMBER");
    d->SetIntValue("USER_ID", m.user_id);
    d->SetValue("NAME", m.display_name);
    d->SetValue("EMAIL", m.email);
    d->SetValue("ROLE", role_label(m.role));
    if (m.social_worker) d->ShowSection("SOCIAL_WORKER");
    if (admin) {
      auto* a = d->AddSectionDictionary("MEMBER_ADMIN");
      a->SetIntValue("ORG_ID", o.id);
      a->SetIntValue("USER_ID", m.user_id);
      a->SetValue("NAME", m.display_name);
      if (m.role == "admin") a->ShowSection("IS_ADMIN");
      else a->ShowSection("IS_MEMBER");
      if (m.social_worker) a->ShowSection("SW_CHECKED");
    }
  }
  if (err) page.errors(*err);
  return page.render();
}

Response update_member(Ctx& ctx) {
  long long org = ctx.org();
  auto m = change_member(ctx.tx, org, ctx.id("user"), ctx.form().get("role"), ctx.form().checked("social_worker"));
  return redirect_with_flash(org_path(org) + "/membres", "Le rôle de " + m.display_name + " a été mis à jour.");
}

Response remove_member_page(Ctx& ctx) {
  long long org = ctx.org();
  auto m = remove_member(ctx.tx, org, ctx.id("user"));
  return redirect_with_flash(org_path(org) + "/membres", m.display_name + " ne fait plus partie de l'organisation.");
}

Response invitations_page(Ctx& ctx, const ValidationError* err) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  Page page(ctx, "accounts/invitations", "Inviter un collègue");
  org_header(page, o);
  const Form& f = ctx.form();
  page.field("email", "Adresse e-mail du collègue", "email", f.get("email"), {"Un lien d'invitation valable " + std::to_string(ctx.config.invitation_days) + " jours lui sera envoyé.", "email", true});
  page.select("role", "Rôle", {{"member", "Membre", ""}, {"admin", "Administrateur (gère les membres et les jetons d'API)", ""}},
              f.has("role") ? f.get("role") : "member");
  page.checkbox("social_worker", "Travailleur social", f.checked("social_worker"),
                "Donne accès aux notes à caractère social réservées aux travailleurs sociaux.");
  for (const auto& i : store::pending_invitations(ctx.tx, o.id, time::iso_now())) {
    auto* d = page.body().AddSectionDictionary("INVITATION");
    d->SetIntValue("ID", i.id);
    d->SetIntValue("ORG_ID", o.id);
    d->SetValue("EMAIL", i.email);
    d->SetValue("ROLE", role_label(i.role));
    d->SetValue("INVITED_BY", i.invited_by_name);
    if (i.social_worker) d->ShowSection("SOCIAL_WORKER");
    auto exp = time::parse_iso(i.expires_at);
    d->SetValue("EXPIRES", exp ? time::display(*exp) : i.expires_at);
  }
  if (err) page.errors(*err);
  return page.render();
}

Response invite_page(Ctx& ctx) {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  const Form& f = ctx.form();
  invite(ctx.tx, ctx.config, o, f.get("email"), f.get("role"), f.checked("social_worker"), ctx.who);
  return redirect_with_flash(org_path(o.id) + "/invitations", "Invitation envoyée à " + text::normalise_email(f.get("email")) + ".");
}

Response cancel_invitation(Ctx& ctx) {
  long long org = ctx.org();
  auto inv = store::find_invitation(ctx.tx, org, ctx.id("invitation"));
  if (!inv) throw NotFound("Cette invitation n'existe pas.");
  store::revoke_invitation(ctx.tx, inv->id);
  return redirect_with_flash(org_path(org) + "/invitations", "L'invitation de " + inv->email + " a été annulée.");
}

Response tokens_page(Ctx& ctx, const ValidationError* err, const std::string& new_token = "") {
  auto o = store::get_organisation(ctx.tx, ctx.org());
  Page page(ctx, "accounts/tokens", "Jetons d'API");
  org_header(page, o);
  if (!new_token.empty()) page.body().AddSectionDictionary("NEW_TOKEN")->SetValue("TOKEN", new_token);
  page.field("name", "Nom du jeton", "text", new_token.empty() ? ctx.form().get("name") : "", {"Pour le reconnaître, par exemple « Import depuis notre logiciel RH ».", "off", true});
  for (const auto& t : store::api_tokens(ctx.tx, o.id)) {
    auto* d = page.body().AddSectionDictionary("TOKEN");
    d->SetIntValue("ID", t.id);
    d->SetIntValue("ORG_ID", o.id);
    d->SetValue("NAME", t.name);
    d->SetValue("PREFIX", t.prefix);
    if (!t.created_by_name.empty()) d->AddSectionDictionary("BY")->SetValue("NAME", t.created_by_name);
    auto created = time::parse_iso(t.created_at);
    d->SetValue("CREATED", created ? time::display(*created) : t.created_at);
    auto used = time::parse_iso(t.last_used_at);
    d->SetValue("LAST_USED", used ? time::display(*used) : "jamais");
    if (t.revoked_at.empty()) d->ShowSection("ACTIVE");
    else d->ShowSection("REVOKED");
  }
  if (err) page.errors(*err);
  return page.render();
}

Response create_token(Ctx& ctx) {
  long long org = ctx.org();
  std::string name = text::trim(ctx.form().get("name"));
  Validator v;
  check_token_name(v, "name", name);
  v.throw_if_any();
  auto t = store::create_api_token(ctx.tx, org, name, ctx.who.user_id);
  // The token is shown once, in this answer; only its hash is kept.
  Response r = tokens_page(ctx, nullptr, t.raw);
  r.status = 201;
  return r;
}

Response revoke_token(Ctx& ctx) {
  long long org = ctx.org();
  auto t = store::find_api_token(ctx.tx, org, ctx.id("token"));
  if (!t) throw NotFound("Ce jeton n'existe pas.");
  store::revoke_api_token(ctx.tx, org, t->id);
  return redirect_with_flash(org_path(org) + "/jetons-api", "Le jeton « " + t->name + " » a été révoqué.");
}

}  // namespace

void add_organisation_routes(Router& router) {
  router.add({Method::get, "/admin/organisations", "admin.organisations", Access::platform_admin, Kind::page, admin_organisations});
  router.add({Method::get, "/admin/organisations/nouvelle", "admin.organisations.new", Access::platform_admin, Kind::page,
              [](Ctx& c) { return organisation_form(c, nullptr, true); }});
  router.add({Method::post, "/admin/organisations", "admin.organisations.create", Access::platform_admin, Kind::page, create_organisation_page,
              [](Ctx& c, const ValidationError& e) { return organisation_form(c, &e, true); }});
  router.add({Method::get, "/organisations/{org}", "organisation.show", Access::org_reader, Kind::page, organisation});
  router.add({Method::get, "/organisations/{org}/modifier", "organisation.edit", Access::org_manager, Kind::page,
              [](Ctx& c) { return organisation_form(c, nullptr, false); }});
  router.add({Method::post, "/organisations/{org}/modifier", "organisation.update", Access::org_manager, Kind::page, update_organisation,
              [](Ctx& c, const ValidationError& e) { return organisation_form(c, &e, false); }});
  auto members_again = [](Ctx& c, const ValidationError& e) { return members(c, &e); };
  router.add({Method::get, "/organisations/{org}/membres", "members.list", Access::org_reader, Kind::page,
              [](Ctx& c) { return members(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/membres/{user}", "members.update", Access::org_admin, Kind::page, update_member, members_again});
  router.add({Method::post, "/organisations/{org}/membres/{user}/retirer", "members.remove", Access::org_admin, Kind::page, remove_member_page,
              members_again});
  router.add({Method::get, "/organisations/{org}/invitations", "invitations.list", Access::org_manager, Kind::page,
              [](Ctx& c) { return invitations_page(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/invitations", "invitations.create", Access::org_manager, Kind::page, invite_page,
              [](Ctx& c, const ValidationError& e) { return invitations_page(c, &e); }});
  router.add({Method::post, "/organisations/{org}/invitations/{invitation}/annuler", "invitations.cancel", Access::org_manager, Kind::page,
              cancel_invitation});
  router.add({Method::get, "/organisations/{org}/jetons-api", "tokens.list", Access::org_admin, Kind::page,
              [](Ctx& c) { return tokens_page(c, nullptr); }});
  router.add({Method::post, "/organisations/{org}/jetons-api", "tokens.create", Access::org_admin, Kind::page, create_token,
              [](Ctx& c, const ValidationError& e) { return tokens_page(c, &e); }});
  router.add({Method::post, "/organisations/{org}/jetons-api/{token}/revoquer", "tokens.revoke", Access::org_admin, Kind::page, revoke_token});
}

}  // namespace jalon::accounts
