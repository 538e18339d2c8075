#include "orientation/public.h"

#include <boost/json.hpp>
#include <algorithm>
#include <charconv>

#include "base/text.h"
#include "directory/find.h"

namespace jalon::orientation::pub {

namespace json = boost::json;

namespace {

// "JJ/MM/AAAA" -> "AAAA-MM-JJ" (typed by hand where a browser shows no date picker); other
// text as it is.
std::string iso_of_typed(const std::string& t) {
  if (t.size() == 10 && t[2] == '/' && t[5] == '/') return t.substr(6, 4) + "-" + t.substr(3, 2) + "-" + t.substr(0, 2);
  return t;
}

// Checks a date field and stores it in `out` when valid: an existing date, not after `today`.
void read_date(Validator& errors, const std::string& field, const std::string& value, Date today, const char* label,
               std::optional<std::string>& out, bool slashes) {
  const std::string t = text::trim(value);
  if (t.empty()) return;
  auto d = parse_date(slashes ? iso_of_typed(t) : t);
  if (!d) {
    errors.add(field, std::string(label) + " : cette date n'existe pas (attendu " +
                          (slashes ? "JJ/MM/AAAA" : "AAAA-MM-JJ") + ").");
    return;
  }
  if (*d > today) {
    errors.add(field, std::string(label) + " : la date est postérieure à aujourd'hui.");
    return;
  }
  out = format_date(*d);
}

struct DateField {
  const char* name;
  const char* label;
  std::optional<std::string> Situation::*member;
};
const DateField kDates[] = {{"birth_date", "Date de naissance", &Situation::birth_date},
                            {"jobseeker_since", "Inscription à France Travail", &Situation::jobseeker_since},
                            {"resource_since", "Ressources perçues depuis", &Situation::resource_since}};

void check_consistency(const Situation& s, Validator& errors, const std::string& prefix) {
  if (s.jobseeker == false && s.jobseeker_since && !errors.has(prefix + "jobseeker_since"))
    errors.add(prefix + "jobseeker_since",
               "Une date d'inscription est donnée alors que la personne n'est pas inscrite.");
}

std::string allowed_values(const FactDef& f) {
  std::string out;
  for (auto v : f.values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

// A declared age: a whole number 0..150 (check_age then says whether the tools answer for it).
std::optional<int> age_of(std::string_view text) {
  int v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || v < 0 || v > 150) return std::nullopt;
  return v;
}

// The declared facts of the catalogue that are not dates (those are read by kDates).
template <class F>
void for_each_declared_value(F&& f) {
  for (const auto& d : declared_facts())
    if (!d.date) f(d);
}

}  // namespace

Situation situation_from_form(const http::Form& form, Date today, Validator& errors) {
  Situation s;
  if (const std::string a = text::trim(form.get("age")); !a.empty()) {
    if (auto age = age_of(a))
      s.age = *age;
    else
      errors.add("age", "Indiquez un nombre entier.");
  }
  for_each_declared_value([&](const DeclaredFact& d) {
    const std::string name(d.name);
    if (!set_declared(s, d.name, text::trim(form.get(name)))) errors.add(name, "Choisissez une valeur de la liste.");
  });
  for (const auto& d : kDates) read_date(errors, d.name, form.get(d.name), today, d.label, s.*d.member, true);
  check_consistency(s, errors, "");
  return s;
}

Situation situation_from_json(const json::value* v, Date today, Validator& errors) {
  Situation s;
  if (!v || !v->is_object()) {
    errors.add("situation", "Un objet « situation » est attendu (ses champs sont les faits de la situation).");
    return s;
  }
  for (const auto& [key_view, value] : v->as_object()) {
    const std::string key(key_view);
    const std::string field = "situation." + key;
    if (value.is_null()) continue;
    bool date = false;
    for (const auto& d : kDates) {
      if (key != d.name) continue;
      date = true;
      if (!value.is_string())
        errors.add(field, "Une date « AAAA-MM-JJ » est attendue.");
      else
        read_date(errors, field, std::string(value.as_string()), today, d.label, s.*d.member, false);
    }
    if (date) continue;
    if (key == "age") {
      if (value.is_int64() && value.as_int64() >= 0 && value.as_int64() <= 150)
        s.age = static_cast<int>(value.as_int64());
      else
        errors.add(field, "Un nombre entier est attendu.");
      continue;
    }
    const FactDef* f = find_fact(key);
    const bool declared_fact = std::any_of(declared_facts().begin(), declared_facts().end(),
                                           [&](const DeclaredFact& d) { return d.name == key && !d.date; });
    if (!f || !declared_fact) {
      errors.add(field, "Champ inconnu" + std::string(f ? " : ce fait se calcule depuis une date." : "."));
      continue;
    }
    if (f->kind == FactKind::boolean) {
      if (!value.is_bool())
        errors.add(field, "Un booléen (true ou false) est attendu.");
      else
        set_declared(s, key, value.as_bool() ? "yes" : "no");
    } else if (!value.is_string() || value.as_string().empty() || !set_declared(s, key, std::string(value.as_string()))) {
      errors.add(field, "Valeur inconnue : attendu " + allowed_values(*f) + ".");
    }
  }
  check_consistency(s, errors, "situation.");
  return s;
}

void check_age(const Situation& s, Date today, Validator& errors, const std::string& prefix) {
  const std::string age = prefix + "age", birth = prefix + "birth_date";
  const std::string range = "entre " + std::to_string(kMinAge) + " et " + std::to_string(kMaxAge) + " ans";
  if (s.birth_date) {
    const int years = facts_of(Situation{.birth_date = s.birth_date}, today).at("age").value;
    if (years < kMinAge || years > kMaxAge)
      errors.add(birth, "Cette date de naissance donne " + std::to_string(years) +
                            " ans : cet outil répond pour un âge " + range + ".");
  } else if (s.age) {
    if (*s.age < kMinAge || *s.age > kMaxAge) errors.add(age, "Indiquez un âge " + range + ".");
  } else if (!errors.has(age) && !errors.has(birth)) {
    errors.add(age, "Indiquez votre âge ou votre date de naissance.");
  }
}

std::optional<Where> find_place(const std::string& text, const std::string& commune_code,
                                const std::string& postal_code, Validator& errors, const std::string& text_field,
                                std::vector<const referentials::Commune*>* choices) {
  const auto& communes = referentials::communes();
  Where w;
  if (!text::trim(commune_code).empty()) {
    const std::string code = text::trim(commune_code);
    auto p = directory::place_of_commune(code, communes);
    if (!p) {
      errors.add("commune_code", "Cette commune est inconnue (code INSEE à 5 caractères).");
      return std::nullopt;
    }
    const auto* c = communes.find(code);
    return Where{*p, c->name + " (" + c->departement + ")"};
  }
  if (!text::trim(postal_code).empty()) {
    auto p = directory::place_of_postal_code(text::trim(postal_code), communes);
    if (!p) {
      errors.add("postal_code", "Ce code postal est inconnu.");
      return std::nullopt;
    }
    return Where{*p, text::trim(postal_code) + " " + communes.find(p->commune_code)->name};
  }
  if (text::trim(text).empty()) {
    errors.add(text_field, "Indiquez votre commune ou son code postal.");
    return std::nullopt;
  }
  std::vector<const referentials::Commune*> found;
  auto p = directory::place_from_text(text, w.label, found);
  if (!p && !found.empty()) {
    std::string names;
    for (const auto* c : found) names += (names.empty() ? "" : ", ") + c->name + " (" + c->departement + ")";
    if (choices) {
      errors.add(text_field,
                 "Plusieurs communes portent ce nom : choisissez la vôtre dans la liste, ou indiquez son code postal.");
      *choices = found;
    } else {
      errors.add(text_field, "Plusieurs communes portent ce nom : " + names +
                                 ". Indiquez le code postal ou le code INSEE (commune_code).");
    }
    return std::nullopt;
  }
  if (!p) {
    errors.add(text_field, "Cette commune est inconnue : indiquez son nom ou son code postal.");
    return std::nullopt;
  }
  w.place = *p;
  return w;
}

void check_difficulties(const std::vector<std::string>& codes, Validator& errors, const std::string& field) {
  for (const auto& c : codes)
    if (!referentials::barriers().find(c)) {
      errors.add(field, "Difficulté inconnue : « " + c + " ».");
      return;
    }
}

void check_criteria(const std::set<std::string>& codes, Date today, Validator& errors, const std::string& field) {
  for (const auto& c : codes)
    if (!rules().criterion(c, today)) {
      errors.add(field, "Critère inconnu : « " + c + " ».");
      return;
    }
}

FirstContactAnswer first_contact(db::Database& db, db::Tx& tx, directory::Live& live, Situation s,
                                 const std::vector<std::string>& difficulties, const Where& where, Date today) {
  FirstContactAnswer a;
  a.today = today;
  orientation::first_contact().apply_difficulties(s, difficulties);
  a.orientation = orient(s, today, rules());
  a.faq = orientation::first_contact().faq_for(s, today);
  a.where = where;
  live.refresh(db);
  a.nearby = nearby(tx, live, a.orientation, where.place);
  a.situation = std::move(s);
  return a;
}

ValidationError prefixed(const ValidationError& e, const std::string& prefix) {
  std::vector<FieldError> fields;
  for (const auto& f : e.fields()) fields.push_back({prefix + f.field, f.message});
  return ValidationError(fields, e.what());
}

}  // namespace jalon::orientation::pub
