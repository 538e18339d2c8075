#include "people/rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "base/time.h"

namespace jalon::people {

std::string fold_name(const std::string& name) {
  std::string f = text::fold(name), out;
  for (char c : f)
    if (c != '-' && c != ' ' && c != '\'' && c != '.' && c != '\t') out.push_back(c);
  // The typographic apostrophe (U+2019).
  for (std::string::size_type pos; (pos = out.find("\xE2\x80\x99")) != std::string::npos;) out.erase(pos, 3);
  return out;
}

Keys keys_of(const Person& p) { return {fold_name(p.first_name), fold_name(p.last_name)}; }

std::string sort_key(const Keys& k, long long id) { return fmt::format("{} {} {:012}", k.last, k.first, id); }

namespace {

void check_name(Validator& v, const char* field, const std::string& value, const char* what, bool required) {
  if (value.empty()) {
    if (required) v.add(field, std::string("Indiquez ") + what + ".");
    return;
  }
  bool controls = !text::valid_utf8(value) || value.find_first_of("\r\n\t") != std::string::npos;
  if (controls) v.add(field, std::string("Le ") + (what + 3) + " contient des caractères invalides (retour à la ligne, tabulation…).");
  else if (text::utf8_length(value) > 100) v.add(field, std::string("Le ") + (what + 3) + " ne doit pas dépasser 100 caractères.");
  else if (fold_name(value).empty()) v.add(field, std::string("Le ") + (what + 3) + " doit contenir au moins une lettre.");
}
}  // namespace

Person validate_person(const PersonInput& in, const std::string& today,
                       const std::function<bool(const std::string&)>& commune_exists, const CommunesOfPostalCode& by_postal_code) {
  Person p = in;
  for (auto* s : {&p.first_name, &p.last_name, &p.birth_name, &p.birth_date, &p.sex, &p.email, &p.phone, &p.address,
                  &p.postal_code, &p.commune_code, &p.ft_id, &p.qualification_level})
    *s = text::trim(*s);
  p.email = text::normalise_email(p.email);
  std::string phone;
  for (char c : p.phone)
    if (c != ' ' && c != '.' && c != '-') phone.push_back(c);
  p.phone = phone;
  for (auto& c : p.ft_id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Validator v;
  check_name(v, "last_name", p.last_name, "le nom", true);
  check_name(v, "first_name", p.first_name, "le prénom", true);
  check_name(v, "birth_name", p.birth_name, "le nom de naissance", false);
  if (!p.birth_date.empty()) {
    if (!time::valid_civil_date(p.birth_date)) v.add("birth_date", "La date de naissance doit être une date valide (AAAA-MM-JJ).");
    else if (p.birth_date >= today) v.add("birth_date", "La date de naissance doit être dans le passé.");
    else if (p.birth_date < std::to_string(std::stoi(today.substr(0, 4)) - 120) + today.substr(4))
      v.add("birth_date", "La date de naissance est trop ancienne.");
  }
  if (p.sex != "" && p.sex != "F" && p.sex != "M") v.add("sex", "Le sexe, s'il est indiqué, est F ou M.");
  if (!p.email.empty() && !text::plausible_email(p.email)) v.add("email", "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
  if (!p.phone.empty()) {
    std::string digits = p.phone[0] == '+' ? p.phone.substr(1) : p.phone;
    if (digits.size() < 9 || digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos)
      v.add("phone", "Le numéro de téléphone doit compter 10 chiffres (ou commencer par + et l'indicatif).");
  }
  if (text::utf8_length(p.address) > 300 || !text::valid_utf8(p.address)) v.add("address", "L'adresse ne doit pas dépasser 300 caractères.");
  if (!p.postal_code.empty() && (p.postal_code.size() != 5 || p.postal_code.find_first_not_of("0123456789") != std::string::npos))
    v.add("postal_code", "Le code postal compte 5 chiffres.");
  if (!p.commune_code.empty() && !commune_exists(p.commune_code)) v.add("commune_code", "Cette commune est inconnue (code INSEE à 5 caractères).");
  if (by_postal_code && !p.postal_code.empty() && !v.has("postal_code") && !v.has("commune_code")) {
    auto served = by_postal_code(p.postal_code);
    auto names = [&] {
      std::string out;
      for (std::size_t i = 0; i < served.size() && i < 6; ++i) out += (i ? ", " : "") + served[i].second + " (" + served[i].first + ")";
      return out + (served.size() > 6 ? "…" : "");
    };
    if (served.empty()) v.add("postal_code", "Ce code postal est inconnu.");
    else if (p.commune_code.empty() && served.size() == 1) p.commune_code = served[0].first;
    else if (p.commune_code.empty()) v.add("commune_code", "Le code postal " + p.postal_code + " couvre plusieurs communes : indiquez le code INSEE de l'une d'elles : " + names() + ".");
    else if (std::none_of(served.begin(), served.end(), [&](const auto& c) { return c.first == p.commune_code; }))
      v.add("commune_code", "Cette commune ne correspond pas au code postal " + p.postal_code + " (" + names() + ").");
  }
  if (!p.ft_id.empty() && (p.ft_id.size() < 7 || p.ft_id.size() > 11 || p.ft_id.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos))
    v.add("ft_id", "L'identifiant France Travail compte 7 à 11 chiffres ou lettres.");
  if (!p.qualification_level.empty() && !find_qualification_level(p.qualification_level))
    v.add("qualification_level", "Ce niveau de qualification n'existe pas.");
  v.throw_if_any();
  return p;
}

int edit_distance(const std::string& a, const std::string& b, int cap) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

std::string duplicate_reason(const Person& a, const Person& b) {
  if (!a.ft_id.empty() && a.ft_id == b.ft_id) return "même identifiant France Travail";
  if (a.birth_date.empty() || a.birth_date != b.birth_date) return "";
  Keys ka = keys_of(a), kb = keys_of(b);
  if (edit_distance(ka.last, kb.last, 1) <= 1 && edit_distance(ka.first, kb.first, 1) <= 1)
    return ka.last == kb.last && ka.first == kb.first ? "mêmes nom, prénom et date de naissance"
                                                      : "même date de naissance, nom et prénom presque identiques";
  if (ka.last == kb.first && ka.first == kb.last) return "même date de naissance, nom et prénom inversés";
  return "";
}

bool can(Action a, const AccessFacts& f) {
  if (!f.organisation_has_grant) return false;
  switch (a) {
    case Action::read:
    case Action::write: return true;
    case Action::share: return f.person_consents;
    case Action::revoke_grant:
    case Action::read_audit:
    case Action::merge: return f.caller_is_org_admin;
  }
  return false;
}

bool survives_consent_withdrawal(const std::string& reason) { return reason == "creator" || reason == "referent"; }

}  // namespace jalon::people
