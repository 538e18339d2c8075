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

// "1 heure", "90 minutes", "2 heures".
std::string validity(int minutes) {
  if (minutes % 60 == 0) return std::to_string(minutes / 60) + (minutes == 60 ? " heure" : " heures");
  return std::to_string(minutes) + " minutes";
}

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

// Refuses (429) when this address has failed too often from this client, or this client too
// often overall: a stranger elsewhere cannot lock a person out by typing wrong passwords.
void check_not_throttled(Ctx& ctx, const std::string& email) {
  std::string since = time::iso(time::now() - std::chrono::minutes(ctx.config.login_window_minutes));
  if (store::recent_failures_for_email_and_ip(ctx.tx, email, ctx.req.remote_ip, since) >= ctx.config.login_max_failures ||
      store::recent_failures_for_ip(ctx.tx, ctx.req.remote_ip, since) >= 4 * ctx.config.login_max_failures)
    throw TooManyRequests("Trop de tentatives de connexion. Pour votre sécurité, réessayez dans " +
                          std::to_string(ctx.config.login_window_minutes) + " minutes ou réinitialisez votre mot de passe.");
}

// Verifies a password in constant work whether or not the account exists (one argon2id check
// every time), so that the answer time tells nothing.
bool password_matches(const std::optional<User>& user, const std::string& password) {
  static const std::string decoy = crypto::hash_password("jalon-decoy-password");
  bool usable = user && user->active && !user->password_hash.empty();
  bool ok = crypto::verify_password(password, usable ? user->password_hash : decoy);
  return usable && ok;
}

// A new session for `user`, replacing the one the browser had (rotation), as a redirect.
Response start_session(Ctx& ctx, long long user, Response r) {
  std::string old = ctx.req.cookie("jalon_session");
  if (!old.empty()) store::delete_session(ctx.tx, crypto::hash_token(old));
  auto s = store::create_session(ctx.tx, user, ctx.req.remote_ip, ctx.req.header("user-agent"), ctx.config.session_hours);
  r.cookies.push_back(session_cookie(s.raw_id, ctx.config));
  return r;
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
  check_not_throttled(ctx, email);
  auto user = store::find_user_by_email(ctx.tx, email);
  bool ok = password_matches(user, password);  // slow: outside the write lock (late_write route)
  ctx.write();
  check_not_throttled(ctx, email);  // again, serialised with concurrent attempts
  if (!ok) {
    store::record_login_failure(ctx.tx, email, ctx.req.remote_ip);
    ValidationError err(std::vector<FieldError>{{"email", "Adresse e-mail ou mot de passe incorrect."}});
    return login_form(ctx, &err, 422);  // committed: the failure counts towards throttling
  }
  store::clear_login_failures(ctx.tx, email);
  return start_session(ctx, user->id, Response::redirect(safe_next(f.get("suivant"))));
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
  if (orgs.empty()) {
    auto* none = page.body().AddSectionDictionary("NO_ORG");
    if (!ctx.who.platform_admin) none->ShowSection("NOT_PLATFORM");
  }
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
  if (ctx.who.memberships.empty()) page.body().ShowSection("NO_MEMBERSHIP");
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
  check_not_throttled(ctx, user->email);
  Validator v;
  bool current_ok = password_matches(user, f.get("current_password"));
  if (!current_ok) v.add("current_password", "Le mot de passe actuel est incorrect.");
  check_new_password(v, "new_password", "confirm_password", f.get("new_password"), f.get("confirm_password"), user->email);
  std::string hash = v.ok() ? crypto::hash_password(f.get("new_password")) : "";
  ctx.write();
  if (!current_ok) {
    store::record_login_failure(ctx.tx, user->email, ctx.req.remote_ip);
    ctx.tx.commit();  // the failure counts, even though the form is refused
  }
  v.throw_if_any();
  store::set_password(ctx.tx, user->id, hash);
  // Every session of this person ends and a fresh one replaces this one; pending reset links die.
  store::delete_sessions_of_user(ctx.tx, user->id);
  store::spend_password_resets_of(ctx.tx, user->id);
  return start_session(ctx, user->id, redirect_with_flash("/compte", "Votre mot de passe a été modifié. Vos autres sessions ont été fermées."));
}

Response forgot_form(Ctx& ctx, const ValidationError* err) {
  Page page(ctx, "accounts/forgot", "Mot de passe oublié");
  page.field("email", "Adresse e-mail de votre compte", "email", ctx.form().get("email"), {"", "username", true});
  if (err) page.errors(*err);
  return page.render();
}

Response forgot(Ctx& ctx) {
  std::string email = text::normalise_email(ctx.form().get("email"));
  if (email.empty()) throw ValidationError("email", "Indiquez l'adresse e-mail de votre compte.");
  if (!text::plausible_email(email))
    throw ValidationError("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  // The same answer whether an account exists or not: nobody learns who has one.
  // At most 3 links an hour per account, so that nobody floods a person with e-mails.
  if (auto user = store::find_user_by_email(ctx.tx, email);
      user && user->active && store::recent_resets(ctx.tx, user->id, time::iso(time::now() - std::chrono::hours(1))) < 3) {
    std::string code = store::create_password_reset(ctx.tx, user->id, ctx.config.reset_minutes);
    ctemplate::TemplateDictionary d("mail");
    d.SetValue("NAME", user->display_name);
    d.SetValue("LINK", ctx.config.base_url + "/mot-de-passe/" + code);
    d.SetValue("VALIDITY", validity(ctx.config.reset_minutes));
    mail::enqueue(ctx.tx, user->email, "Jalon : réinitialisation de votre mot de passe", render_template("mail/reset", d));
  }
  return redirect_with_flash("/connexion", "Si un compte existe pour cette adresse, un e-mail contenant un lien de réinitialisation vient d'être envoyé. Le lien est valable " +
                                               validity(ctx.config.reset_minutes) + ".");
}

// The reset link's state, or a NotFound page that says why the link does not work.
store::PasswordReset usable_reset(Ctx& ctx) {
  auto reset = store::find_password_reset(ctx.tx, ctx.req.params.at("code"));
  if (!reset || !link_usable(time::iso_now(), reset->expires_at, reset->used_at))
    throw Gone("Ce lien de réinitialisation n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau depuis « Mot de passe oublié ».");
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
  check_new_password(v, "new_password", "confirm_password", f.get("new_password"), f.get("confirm_password"), user->email);
  v.throw_if_any();
  std::string hash = crypto::hash_password(f.get("new_password"));
  ctx.write();
  if (!store::mark_password_reset_used(ctx.tx, ctx.req.params.at("code"), user->id))
    throw Gone("Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau depuis « Mot de passe oublié ».");
  store::set_password(ctx.tx, user->id, hash);
  store::delete_sessions_of_user(ctx.tx, user->id);
  store::clear_login_failures(ctx.tx, user->email);
  return redirect_with_flash("/connexion", "Votre mot de passe a été modifié. Vous pouvez vous connecter.");
}

Invitation usable_invitation(Ctx& ctx) {
  auto inv = store::find_invitation_by_code(ctx.tx, ctx.req.params.at("code"));
  if (!inv || !link_usable(time::iso_now(), inv->expires_at, inv->accepted_at, inv->revoked_at))
    throw Gone("Cette invitation n'est plus valable : elle a expiré, a été annulée, remplacée ou déjà acceptée. Demandez une nouvelle invitation à l'administrateur de votre organisation.");
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
  if (existing && ctx.who.user_id == existing->id) {
    b.ShowSection("LOGGED_IN_AS_INVITEE");
  } else if (existing) {
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
  bool same_person_logged_in = existing && ctx.who.user_id == existing->id;
  std::string new_hash;
  if (existing && !same_person_logged_in) {
    check_not_throttled(ctx, inv.email);
    if (!password_matches(existing, f.get("password"))) {
      ctx.write();
      store::record_login_failure(ctx.tx, inv.email, ctx.req.remote_ip);
      ctx.tx.commit();
      throw ValidationError("password", "Le mot de passe est incorrect.");
    }
  } else if (!existing) {
    Validator v;
    check_display_name(v, "display_name", f.get("display_name"));
    check_new_password(v, "new_password", "confirm_password", f.get("new_password"), f.get("confirm_password"), inv.email);
    v.throw_if_any();
    new_hash = crypto::hash_password(f.get("new_password"));
  }
  ctx.write();
  long long user_id = existing ? existing->id : store::create_user(ctx.tx, inv.email, text::trim(f.get("display_name")), new_hash);
  if (store::member(ctx.tx, inv.organisation_id, user_id)) throw Conflict("Vous êtes déjà membre de cette organisation.");
  if (!store::mark_invitation_accepted(ctx.tx, inv.id, user_id))
    throw Gone("Cette invitation vient d'être utilisée ou annulée.");
  store::add_membership(ctx.tx, inv.organisation_id, user_id, inv.role, inv.social_worker);
  store::revoke_invitations_of(ctx.tx, inv.organisation_id, inv.email);
  return start_session(ctx, user_id, redirect_with_flash("/organisations/" + std::to_string(inv.organisation_id),
                                                         "Bienvenue ! Vous avez rejoint " + inv.organisation_name + "."));
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
              [](Ctx& c, const ValidationError& e) { return login_form(c, &e, 422); }, {}, true});
  router.add({Method::post, "/deconnexion", "logout", Access::authenticated, Kind::page, logout});
  router.add({Method::get, "/tableau-de-bord", "dashboard", Access::authenticated, Kind::page, dashboard});
  router.add({Method::get, "/compte", "account.show", Access::authenticated, Kind::page, [](Ctx& c) { return account_page(c, nullptr); }});
  router.add({Method::post, "/compte/mot-de-passe", "account.password", Access::authenticated, Kind::page, change_password,
              [](Ctx& c, const ValidationError& e) { return account_page(c, &e); }, {}, true});
  router.add({Method::get, "/mot-de-passe-oublie", "password.forgot.form", Access::anyone, Kind::page, [](Ctx& c) { return forgot_form(c, nullptr); }});
  router.add({Method::post, "/mot-de-passe-oublie", "password.forgot.submit", Access::anyone, Kind::page, forgot,
              [](Ctx& c, const ValidationError& e) { return forgot_form(c, &e); }});
  router.add({Method::get, "/mot-de-passe/{code}", "password.reset.form", Access::anyone, Kind::page, [](Ctx& c) { return reset_form(c, nullptr); }});
  router.add({Method::post, "/mot-de-passe/{code}", "password.reset.submit", Access::anyone, Kind::page, reset,
              [](Ctx& c, const ValidationError& e) { return reset_form(c, &e); }, {}, true});
  router.add({Method::get, "/invitation/{code}", "invitation.form", Access::anyone, Kind::page, [](Ctx& c) { return invitation_form(c, nullptr); }});
  router.add({Method::post, "/invitation/{code}", "invitation.accept", Access::anyone, Kind::page, accept_invitation,
              [](Ctx& c, const ValidationError& e) { return invitation_form(c, &e); }, {}, true});
}

void add_routes(Router& router, db::Database&) {
  add_session_routes(router);
  add_organisation_routes(router);
  add_api_routes(router);
}

}  // namespace jalon::accounts
