#include "accounts/actions.h"

#include "accounts/rules.h"
#include "accounts/store.h"
#include "base/text.h"
#include "http/page.h"
#include "mail/outbox.h"
#include "referentials/communes.h"

namespace jalon::accounts {

bool commune_exists(const std::string& insee_code) { return referentials::communes().find(insee_code) != nullptr; }

std::string communes_by_postal_code(const std::string& postal_code) {
  std::string out;
  int n = 0;
  for (const auto* c : referentials::communes().by_postal_code(postal_code)) {
    if (++n > 5) {
      out += "…";
      break;
    }
    out += (out.empty() ? "" : ", ") + c->name + " : " + c->code;
  }
  return out;
}

long long send_invitation(db::Tx& tx, const Config& config, const Organisation& o, const std::string& email,
                          const std::string& role, bool social_worker, long long inviter_id, const std::string& inviter_name) {
  auto inv = store::create_invitation(tx, o.id, email, role, social_worker, inviter_id, config.invitation_days);
  ctemplate::TemplateDictionary d("mail");
  d.SetValue("ORG", o.name);
  d.SetValue("INVITED_BY", inviter_name);
  d.SetValue("ROLE", std::string(role_label(role)) + (social_worker ? " (travailleur social)" : ""));
  d.SetValue("LINK", config.base_url + "/invitation/" + inv.raw_code);
  d.SetIntValue("DAYS", config.invitation_days);
  mail::enqueue(tx, email, "Invitation à rejoindre " + o.name + " sur Jalon", http::render_template("mail/invitation", d));
  return inv.id;
}

long long create_organisation(db::Tx& tx, const Config& config, const http::Principal& who, OrganisationInput in,
                              const std::string& admin_email, bool admin_required) {
  auto* kind = find_org_kind(text::trim(in.kind));
  if (!who.platform_admin) in.authorised_prescriber = kind && kind->prescriber_by_default;
  Validator v;
  auto valid = validate_organisation(v, in, commune_exists, communes_by_postal_code);
  std::string email = text::normalise_email(admin_email);
  if ((admin_required || !email.empty()) && !text::plausible_email(email))
    v.add("admin_email", "Indiquez une adresse e-mail valide pour le premier administrateur.");
  v.throw_if_any();
  long long id = store::create_organisation(tx, valid);
  if (!email.empty()) send_invitation(tx, config, store::get_organisation(tx, id), email, "admin", false, who.user_id, who.display_name);
  return id;
}

long long invite(db::Tx& tx, const Config& config, const Organisation& o, const std::string& email_in, const std::string& role_in,
                 bool social_worker, const http::Principal& who) {
  std::string email = text::normalise_email(email_in);
  Validator v;
  Role role;
  if (email.empty()) v.add("email", "Indiquez l'adresse e-mail de la personne à inviter.");
  else if (!text::plausible_email(email)) v.add("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  if (!parse_role(role_in, role)) v.add("role", "Choisissez un rôle : administrateur ou membre.");
  v.throw_if_any();
  if (auto u = store::find_user_by_email(tx, email); u && store::member(tx, o.id, u->id))
    throw ValidationError("email", "Cette personne est déjà membre de l'organisation.");
  store::revoke_invitations_of(tx, o.id, email);  // the new invitation replaces any pending one
  return send_invitation(tx, config, o, email, role_code(role), social_worker, who.user_id, who.display_name);
}

Member change_member(db::Tx& tx, long long org, long long user, const std::string& role_text, bool social_worker) {
  auto m = store::member(tx, org, user);
  if (!m) throw NotFound("Cette personne n'est pas membre de l'organisation.");
  Role role;
  if (!parse_role(role_text, role)) throw ValidationError("role", "Choisissez un rôle : administrateur ou membre.");
  check_keeps_an_admin(store::admin_count(tx, org), m->role == "admin", role == Role::admin);
  store::set_membership(tx, org, user, role_code(role), social_worker);
  return *m;
}

Member remove_member(db::Tx& tx, long long org, long long user) {
  auto m = store::member(tx, org, user);
  if (!m) throw NotFound("Cette personne n'est pas membre de l'organisation.");
  check_keeps_an_admin(store::admin_count(tx, org), m->role == "admin", false);
  store::remove_membership(tx, org, user);
  store::revoke_invitations_of(tx, org, m->email);  // a pending link must not bring them back
  return *m;
}

}  // namespace jalon::accounts
