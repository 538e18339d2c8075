// Home, login and logout, dashboard, own account, forgotten password, invitation acceptance.
#include "accounts/routes.h"
#include "accounts/rules.h"
#include "accounts/store.h"
#include "base/crypto.h"
#include "base/text.h"
#include "base/time.h"
#include "mail/outbox.h"
#include "referentials/communes.h"

namespace jalon::accounts {

using namespace http;

namespace {

Cookie session_cookie(const std::string& raw, const Config& config) {
  return Cookie{"jalon_session", raw, config.session_hours * 3600, true, "Lax"};
}

Response login_form(Ctx& ctx, const ValidationError* err, int status) {
  Page page(ctx, "accounts/login", "Connexion");
  const Form& f = ctx.form();
  page.body().SetValue("SUIVANT", ctx.req.method == Method::get ? ctx.req.query("suivant") : f.get("suivant"));
  page.field("email", "Adresse e-mail", "email", f.get("email"), {"", "username", true});
  page.field("password", "Mot de passe", "password", "", {"", "current-password", true});
  if (err) page.errors(*err);
  return page.render(status);
}

Response login(Ctx& ctx) {
  const Form& f = ctx.form();
  std::string email = text::normalise_email(f.get("email"));
  std::string password = f.get("password");
  Validator v;
  if (email.empty()) v.add("email", "Indiquez votre adresse e-mail.");
  else if (!text::plausible_email(email)) v.add("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  if (password.empty()) v.add("password", "Indiquez votre mot de passe.");
  v.throw_if_any();

  std::string since = time::iso(time::now() - std::chrono::minutes(ctx.config.login_window_minutes));
  if (store::recent_failures_for_email(ctx.tx, email, since) >= ctx.config.login_max_failures ||
      store::recent_failures_for_ip(ctx.tx, ctx.req.remote_ip, since) >= 4 * ctx.config.login_max_failures)
    throw TooManyRequests("Trop de tentatives de connexion. Pour votre sécurité, réessayez dans " +
                          std::to_string(ctx.config.login_window_minutes) + " minutes ou réinitialisez votre mot de passe.");

  auto user = store::find_user_by_email(ctx.tx, email);
  // Without an account, a verification against a fixed hash keeps the answer time the same.
  static const std::string decoy = crypto::hash_password("jalon-decoy-password");
  bool ok = user && user->active && crypto::verify_password(password, user->password_hash);
  if (!user) crypto::verify_password(password, decoy);
  if (!ok) {
    store::record_login_failure(ctx.tx, email, ctx.req.remote_ip);
    ValidationError err(std::vector<FieldError>{{"email", "Adresse e-mail ou mot de passe incorrect."}});
    return login_form(ctx, &err, 422);  // committed: the failure counts towards throttling
  }
  store::clear_login_failures(ctx.tx, email);
  // Rotation: a new session id at every login; the one the browser had is dropped.
  std::string old = ctx.req.cookie("jalon_session");
  if (!old.empty()) store::delete_session(ctx.tx, crypto::hash_token(old));
  auto s = store::create_session(ctx.tx, user->id, ctx.req.remote_ip, ctx.req.header("user-agent"), ctx.config.session_hours);
  Response r = Response::redirect(safe_next(f.get("suivant")));
  r.cookies.push_back(session_cookie(s.raw_id, ctx.config));
  return r;
}

Response logout(Ctx& ctx) {
  store::delete_session(ctx.tx, ctx.who.session_hash);
  Response r = redirect_with_flash("/connexion", "Vous êtes déconnecté. À bientôt !");
  r.cookies.push_back(Cookie{"jalon_session", "", 0});
  return r;
}

Response home(Ctx& ctx) {
  if (ctx.who.kind == Principal::Kind::user) return Response::redirect("/tableau-de-bord");
  Page page(ctx, "accounts/home", "Bienvenue sur Jalon");
  return page.render();
}

Response dashboard(Ctx& ctx) {
  Page page(ctx, "accounts/dashboard", "Tableau de bord");
  auto orgs = store::organisations_of_user(ctx.tx, ctx.who.user_id);
  for (const auto& o : orgs) {
    auto* d = page.body().AddSectionDictionary("ORG");
    d->SetIntValue("ID", o.id);
    d->SetValue("NAME", o.name);
    auto* k = find_org_kind(o.kind);
    d->SetValue("KIND", k ? k->label : o.kind);
    d->SetValue("COMMUNE", commune_label(o.commune_code));
    auto* m = ctx.who.membership(o.id);
    d->SetValue("ROLE", role_label(m ? m->role : ""));
    if (m && m->social_worker) d->ShowSection("SOCIAL_WORKER");
    if (m && m->role == "admin") d->ShowSection("ADMIN");
    if (o.authorised_prescriber) d->ShowSection("PRESCRIBER");
  }
  if (orgs.empty()) page.body().ShowSection("NO_ORG");
  return page.render();
}

Response account_page(Ctx& ctx, const ValidationError* err) {
  Page page(ctx, "accounts/account", "Mon compte");
  page.body().SetValue("EMAIL", ctx.who.email);
  for (const auto& m : ctx.who.memberships) {
    auto* d = page.body().AddSectionDictionary("MEMBERSHIP");
    d->SetValue("ORG", m.organisation_name);
    d->SetValue("ROLE", role_label(m.role));
    if (m.social_worker) d->ShowSection("SOCIAL_WORKER");
  }
  page.field("current_password", "Mot de passe actuel", "password", "", {"", "current-password", true});
  page.field("new_password", "Nouveau mot de passe", "password", "", {"Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir.", "new-password", true});
  page.field("confirm_password", "Confirmez le nouveau mot de passe", "password", "", {"", "new-password", true});
  if (err) page.errors(*err);
  return page.render();
}

Response change_password(Ctx& ctx) {
  const Form& f = ctx.form();
  auto user = store::find_user(ctx.tx, ctx.who.user_id);
  if (!user) throw Unauthorized("Veuillez vous reconnecter.");
  Validator v;
  if (!crypto::verify_password(f.get("current_password"), user->password_hash))
    v.add("current_password", "Le mot de passe actuel est incorrect.");
  check_password(v, "new_password", f.get("new_password"), user->email);
  if (f.get("confirm_password") != f.get("new_password"))
    v.add("confirm_password", "Les deux mots de passe ne sont pas identiques.");
  v.throw_if_any();
  store::set_password(ctx.tx, user->id, crypto::hash_password(f.get("new_password")));
  // Every other session of this person ends; this one is replaced by a fresh one.
  store::delete_sessions_of_user(ctx.tx, user->id);
  auto s = store::create_session(ctx.tx, user->id, ctx.req.remote_ip, ctx.req.header("user-agent"), ctx.config.session_hours);
  Response r = redirect_with_flash("/compte", "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.");
  r.cookies.push_back(session_cookie(s.raw_id, ctx.config));
  return r;
}

Response forgot_form(Ctx& ctx, const ValidationError* err) {
  Page page(ctx, "accounts/forgot", "Mot de passe oublié");
  page.field("email", "Adresse e-mail de votre compte", "email", ctx.form().get("email"), {"", "username", true});
  if (err) page.errors(*err);
  return page.render();
}

Response forgot(Ctx& ctx) {
  std::string email = text::normalise_email(ctx.form().get("email"));
  if (!text::plausible_email(email))
    throw ValidationError("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  // The same answer whether an account exists or not: nobody learns who has one.
  if (auto user = store::find_user_by_email(ctx.tx, email); user && user->active) {
    std::string code = store::create_password_reset(ctx.tx, user->id, ctx.config.reset_minutes);
    ctemplate::TemplateDictionary d("mail");
    d.SetValue("NAME", user->display_name);
    d.SetValue("LINK", ctx.config.base_url + "/mot-de-passe/" + code);
    d.SetIntValue("MINUTES", ctx.config.reset_minutes);
    mail::enqueue(ctx.tx, user->email, "Jalon : réinitialisation de votre mot de passe", render_template("mail/reset", d));
  }
  return redirect_with_flash("/connexion", "Si un compte existe pour cette adresse, un e-mail contenant un lien de réinitialisation vient d'être envoyé. Le lien est valable " +
                                               std::to_string(ctx.config.reset_minutes) + " minutes.");
}

// The reset link's state, or a NotFound page that says why the link does not work.
store::PasswordReset usable_reset(Ctx& ctx) {
  auto reset = store::find_password_reset(ctx.tx, ctx.req.params.at("code"));
  if (!reset || !link_usable(time::iso_now(), reset->expires_at, reset->used_at))
    throw NotFound("Ce lien de réinitialisation n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau depuis « Mot de passe oublié ».");
  return *reset;
}

Response reset_form(Ctx& ctx, const ValidationError* err) {
  usable_reset(ctx);
  Page page(ctx, "accounts/reset", "Choisir un nouveau mot de passe");
  page.body().SetValue("CODE", ctx.req.params.at("code"));
  page.field("new_password", "Nouveau mot de passe", "password", "", {"Au moins 12 caractères.", "new-password", true});
  page.field("confirm_password", "Confirmez le mot de passe", "password", "", {"", "new-password", true});
  if (err) page.errors(*err);
  return page.render();
}

Response reset(Ctx& ctx) {
  auto r = usable_reset(ctx);
  auto user = store::find_user(ctx.tx, r.user_id);
  if (!user) throw NotFound("Ce compte n'existe plus.");
  const Form& f = ctx.form();
  Validator v;
  check_password(v, "new_password", f.get("new_password"), user->email);
  if (f.get("confirm_password") != f.get("new_password")) v.add("confirm_password", "Les deux mots de passe ne sont pas identiques.");
  v.throw_if_any();
  store::set_password(ctx.tx, user->id, crypto::hash_password(f.get("new_password")));
  store::mark_password_reset_used(ctx.tx, ctx.req.params.at("code"));
  store::delete_sessions_of_user(ctx.tx, user->id);
  store::clear_login_failures(ctx.tx, user->email);
  return redirect_with_flash("/connexion", "Votre mot de passe a été modifié. Vous pouvez vous connecter.");
}

Invitation usable_invitation(Ctx& ctx) {
  auto inv = store::find_invitation_by_code(ctx.tx, ctx.req.params.at("code"));
  if (!inv || !link_usable(time::iso_now(), inv->expires_at, inv->accepted_at, inv->revoked_at))
    throw NotFound("Cette invitation n'est plus valable : elle a expiré, a été annulée ou a déjà été acceptée. Demandez une nouvelle invitation à l'administrateur de votre organisation.");
  return *inv;
}

Response invitation_form(Ctx& ctx, const ValidationError* err) {
  auto inv = usable_invitation(ctx);
  auto existing = store::find_user_by_email(ctx.tx, inv.email);
  Page page(ctx, "accounts/invitation", "Rejoindre " + inv.organisation_name);
  auto& b = page.body();
  b.SetValue("ORG", inv.organisation_name);
  b.SetValue("EMAIL", inv.email);
  b.SetValue("ROLE", role_label(inv.role));
  b.SetValue("INVITED_BY", inv.invited_by_name);
  b.SetValue("CODE", ctx.req.params.at("code"));
  if (existing) {
    b.ShowSection("EXISTING");
    page.field("password", "Mot de passe de votre compte Jalon", "password", "", {"", "current-password", true});
  } else {
    b.ShowSection("NEW");
    page.field("display_name", "Prénom et nom", "text", ctx.form().get("display_name"), {"Tel qu'il apparaîtra à vos collègues.", "name", true});
    page.field("new_password", "Mot de passe", "password", "", {"Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir.", "new-password", true});
    page.field("confirm_password", "Confirmez le mot de passe", "password", "", {"", "new-password", true});
  }
  if (err) page.errors(*err);
  return page.render();
}

Response accept_invitation(Ctx& ctx) {
  auto inv = usable_invitation(ctx);
  const Form& f = ctx.form();
  auto existing = store::find_user_by_email(ctx.tx, inv.email);
  long long user_id;
  if (existing) {
    if (!crypto::verify_password(f.get("password"), existing->password_hash))
      throw ValidationError("password", "Le mot de passe est incorrect.");
    user_id = existing->id;
  } else {
    Validator v;
    check_display_name(v, "display_name", f.get("display_name"));
    check_password(v, "new_password", f.get("new_password"), inv.email);
    if (f.get("confirm_password") != f.get("new_password")) v.add("confirm_password", "Les deux mots de passe ne sont pas identiques.");
    v.throw_if_any();
    user_id = store::create_user(ctx.tx, inv.email, text::trim(f.get("display_name")), crypto::hash_password(f.get("new_password")));
  }
  if (store::member(ctx.tx, inv.organisation_id, user_id)) throw Conflict("Vous êtes déjà membre de cette organisation.");
  store::add_membership(ctx.tx, inv.organisation_id, user_id, inv.role, inv.social_worker);
  store::mark_invitation_accepted(ctx.tx, inv.id, user_id);
  std::string old = ctx.req.cookie("jalon_session");
  if (!old.empty()) store::delete_session(ctx.tx, crypto::hash_token(old));
  auto s = store::create_session(ctx.tx, user_id, ctx.req.remote_ip, ctx.req.header("user-agent"), ctx.config.session_hours);
  Response r = redirect_with_flash("/organisations/" + std::to_string(inv.organisation_id),
                                   "Bienvenue ! Vous avez rejoint " + inv.organisation_name + ".");
  r.cookies.push_back(session_cookie(s.raw_id, ctx.config));
  return r;
}

}  // namespace

std::string commune_label(const std::string& code) {
  auto* c = referentials::communes().find(code);
  return c ? c->name + " (" + code + ")" : code;
}

void add_session_routes(Router& router) {
  router.add({Method::get, "/", "home", Access::anyone, Kind::page, home});
  router.add({Method::get, "/connexion", "login.form", Access::anyone, Kind::page, [](Ctx& c) { return login_form(c, nullptr, 200); }});
  router.add({Method::post, "/connexion", "login.submit", Access::anyone, Kind::page, login,
              [](Ctx& c, const ValidationError& e) { return login_form(c, &e, 422); }});
  router.add({Method::post, "/deconnexion", "logout", Access::authenticated, Kind::page, logout});
  router.add({Method::get, "/tableau-de-bord", "dashboard", Access::authenticated, Kind::page, dashboard});
  router.add({Method::get, "/compte", "account.show", Access::authenticated, Kind::page, [](Ctx& c) { return account_page(c, nullptr); }});
  router.add({Method::post, "/compte/mot-de-passe", "account.password", Access::authenticated, Kind::page, change_password,
              [](Ctx& c, const ValidationError& e) { return account_page(c, &e); }});
  router.add({Method::get, "/mot-de-passe-oublie", "password.forgot.form", Access::anyone, Kind::page, [](Ctx& c) { return forgot_form(c, nullptr); }});
  router.add({Method::post, "/mot-de-passe-oublie", "password.forgot.submit", Access::anyone, Kind::page, forgot,
              [](Ctx& c, const ValidationError& e) { return forgot_form(c, &e); }});
  router.add({Method::get, "/mot-de-passe/{code}", "password.reset.form", Access::anyone, Kind::page, [](Ctx& c) { return reset_form(c, nullptr); }});
  router.add({Method::post, "/mot-de-passe/{code}", "password.reset.submit", Access::anyone, Kind::page, reset,
              [](Ctx& c, const ValidationError& e) { return reset_form(c, &e); }});
  router.add({Method::get, "/invitation/{code}", "invitation.form", Access::anyone, Kind::page, [](Ctx& c) { return invitation_form(c, nullptr); }});
  router.add({Method::post, "/invitation/{code}", "invitation.accept", Access::anyone, Kind::page, accept_invitation,
              [](Ctx& c, const ValidationError& e) { return invitation_form(c, &e); }});
}

void add_routes(Router& router, db::Database&) {
  add_session_routes(router);
  add_organisation_routes(router);
  add_api_routes(router);
}

}  // namespace jalon::accounts
