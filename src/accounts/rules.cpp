#include "accounts/rules.h"

#include "base/siret.h"
#include "base/text.h"

namespace jalon::accounts {

OrganisationInput validate_organisation(const OrganisationInput& in,
                                        const std::function<bool(const std::string&)>& commune_exists,
                                        const std::function<std::string(const std::string&)>& by_postal_code) {
  Validator v;
  auto out = validate_organisation(v, in, commune_exists, by_postal_code);
  v.throw_if_any();
  return out;
}

OrganisationInput validate_organisation(Validator& v, const OrganisationInput& in,
                                        const std::function<bool(const std::string&)>& commune_exists,
                                        const std::function<std::string(const std::string&)>& by_postal_code) {
  OrganisationInput out = in;
  out.name = text::trim(in.name);
  out.kind = text::trim(in.kind);
  out.siret = siret::normalise(in.siret);
  out.commune_code = text::trim(in.commune_code);
  if (out.name.empty()) v.add("name", "Indiquez le nom de l'organisation.");
  else if (text::utf8_length(out.name) < 2 || text::utf8_length(out.name) > 200 || !text::valid_utf8(out.name))
    v.add("name", "Le nom doit compter entre 2 et 200 caractères.");
  if (out.kind.empty()) v.add("kind", "Choisissez le type d'organisation.");
  else if (!find_org_kind(out.kind)) v.add("kind", "Ce type d'organisation n'existe pas.");
  if (out.siret.empty()) v.add("siret", "Indiquez le numéro SIRET (14 chiffres).");
  else if (out.siret.size() != 14 || out.siret.find_first_not_of("0123456789") != std::string::npos)
    v.add("siret", "Le SIRET doit compter exactement 14 chiffres.");
  else if (!siret::valid(out.siret))
    v.add("siret", "Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte).");
  if (out.commune_code.empty()) v.add("commune_code", "Indiquez la commune (code INSEE).");
  else if (!commune_exists(out.commune_code)) {
    std::string named = by_postal_code ? by_postal_code(out.commune_code) : "";
    if (!named.empty())
      v.add("commune_code", out.commune_code + " est un code postal. Indiquez le code INSEE de la commune : " + named + ".");
    else
      v.add("commune_code", "Cette commune est inconnue : indiquez un code INSEE à 5 caractères, par exemple 86194 pour Poitiers.");
  }
  return out;
}

void check_password(Validator& v, const std::string& field, const std::string& password, const std::string& email) {
  auto n = text::utf8_length(password);
  if (password.empty()) v.add(field, "Choisissez un mot de passe.");
  else if (n < 12) v.add(field, "Le mot de passe doit compter au moins 12 caractères.");
  else if (n > 200) v.add(field, "Le mot de passe ne doit pas dépasser 200 caractères.");
  else if (!email.empty() && text::normalise_email(password) == text::normalise_email(email))
    v.add(field, "Le mot de passe ne doit pas être votre adresse e-mail.");
}

void check_new_password(Validator& v, const std::string& field, const std::string& confirm_field, const std::string& password,
                        const std::string& confirmation, const std::string& email) {
  check_password(v, field, password, email);
  if (confirmation != password) v.add(confirm_field, "Les deux mots de passe ne sont pas identiques.");
}

void check_token_name(Validator& v, const std::string& field, const std::string& name) {
  if (name.empty() || text::utf8_length(name) > 100) v.add(field, "Donnez un nom au jeton (100 caractères au plus).");
}

void check_display_name(Validator& v, const std::string& field, const std::string& name) {
  auto t = text::trim(name);
  if (t.empty()) v.add(field, "Indiquez votre nom.");
  else if (text::utf8_length(t) < 2 || text::utf8_length(t) > 120 || !text::valid_utf8(t))
    v.add(field, "Le nom doit compter entre 2 et 120 caractères.");
}

void check_keeps_an_admin(int admins_now, bool target_is_admin, bool target_stays_admin) {
  if (target_is_admin && !target_stays_admin && admins_now <= 1)
    throw ValidationError("role", "L'organisation doit garder au moins un administrateur : nommez d'abord un autre administrateur.");
}

bool link_usable(const std::string& now_iso, const std::string& expires_at, const std::string& used_at,
                 const std::string& revoked_at) {
  return used_at.empty() && revoked_at.empty() && now_iso < expires_at;
}

std::string safe_next(const std::string& next) {
  // A local path made only of URL-safe characters: no scheme, no "//" host, and nothing a
  // browser would drop (tabs, line breaks) to turn "/\t/host" into "//host".
  static const std::string allowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-_.~%?=&+";
  if (next.size() < 2 || next.size() > 500 || next[0] != '/' || next[1] == '/' || next.find_first_not_of(allowed) != std::string::npos)
    return "/tableau-de-bord";
  return next;
}

}  // namespace jalon::accounts
