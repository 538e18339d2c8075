#include "orientation/engine.h"

#include <algorithm>
#include <stdexcept>

#include "base/errors.h"
#include "base/time.h"
#include "orientation/labels.h"
#include "referentials/barriers.h"
#include "referentials/inclusion.h"

namespace jalon::orientation {

namespace {

// Whole months from `from` to `to` (negative when `to` is earlier).
int whole_months(Date from, Date to) {
  std::chrono::year_month_day a{from}, b{to};
  int m = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
          (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month())));
  if (add_months(from, m) > to) --m;
  return m;
}

Date date_field(const std::string& field, const std::string& value, Date today, const char* label) {
  auto d = parse_date(value);
  if (!d) throw ValidationError(field, std::string(label) + " : date impossible (attendu AAAA-MM-JJ).");
  if (*d > today) throw ValidationError(field, std::string(label) + " : la date est postérieure à aujourd'hui.");
  return *d;
}

template <class E>
void put(Facts& f, std::string_view fact, const std::optional<E>& v) {
  if (!v) return;
  const FactDef* def = find_fact(fact);
  const int i = static_cast<int>(*v);
  f[std::string(fact)] = {i, false, std::string(def->label) + " : " + std::string(value_label(*def, i))};
}

bool in_force(const Origin& o, Date today) { return o.effective <= today; }

// True when a later version of the same row is also in force at `today` (so this one is replaced).
template <class Row>
bool replaced(const std::vector<Row>& rows, const Row& r, Date today) {
  for (const auto& x : rows)
    if (&x != &r && x.origin.id == r.origin.id && in_force(x.origin, today) && x.origin.effective > r.origin.effective)
      return true;
  return false;
}

template <class Row>
bool applies(const std::vector<Row>& rows, const Row& r, Date today) {
  return in_force(r.origin, today) && !replaced(rows, r, today);
}

enum class Truth { no, yes, unknown };

bool holds(const Condition& c, int v) {
  switch (c.op) {
    case Condition::Op::eq: return std::find(c.values.begin(), c.values.end(), v) != c.values.end();
    case Condition::Op::ne: return std::find(c.values.begin(), c.values.end(), v) == c.values.end();
    case Condition::Op::lt: return v < c.values[0];
    case Condition::Op::le: return v <= c.values[0];
    case Condition::Op::gt: return v > c.values[0];
    case Condition::Op::ge: return v >= c.values[0];
  }
  return false;
}

// All conditions hold (yes), one fails on a known fact (no), or none fails but a fact is unknown.
// `used` receives the shown facts that decided: all of them for yes, the failing ones for no.
Truth evaluate(const std::vector<Condition>& when, const Facts& facts, std::vector<std::string>* used, bool* derived) {
  std::vector<std::string> all, failing;
  bool unknown = false, any_derived = false;
  for (const auto& c : when) {
    auto it = facts.find(c.fact->name);
    if (it == facts.end()) {
      unknown = true;
      continue;
    }
    if (holds(c, it->second.value)) {
      if (std::find(all.begin(), all.end(), it->second.shown) == all.end()) all.push_back(it->second.shown);
      any_derived = any_derived || it->second.derived;
    } else {
      failing.push_back(it->second.shown);
    }
  }
  if (!failing.empty()) {
    if (used) *used = failing;
    return Truth::no;
  }
  if (unknown) return Truth::unknown;
  if (used) *used = all;
  if (derived) *derived = any_derived;
  return Truth::yes;
}

Reason reason_of(const Origin& o, const std::string& text, std::vector<std::string> facts = {}) {
  return {o.id, o.where(), o.source, format_date(o.effective), text, std::move(facts)};
}

}  // namespace

bool holds_all(const std::vector<Condition>& when, const Facts& facts) {
  return evaluate(when, facts, nullptr, nullptr) == Truth::yes;
}

Facts facts_of(const Situation& s, Date today) {
  Facts f;
  if (s.birth_date) {
    const Date born = date_field("birth_date", *s.birth_date, today, "Date de naissance");
    const int age = whole_months(born, today) / 12;
    f["age"] = {age, true, "âge : " + std::to_string(age) + " ans (calculé depuis la date de naissance)"};
  } else if (s.age) {
    if (*s.age < 0 || *s.age > 150) throw ValidationError("age", "Âge impossible.");
    f["age"] = {*s.age, false, "âge : " + std::to_string(*s.age) + " ans (déclaré)"};
  }
  auto yes_no = [&](std::string_view fact, const std::optional<bool>& v, bool derived = false) {
    if (!v) return;
    f[std::string(fact)] = {*v ? 1 : 0, derived,
                            std::string(find_fact(fact)->label) + " : " + (*v ? "oui" : "non")};
  };
  yes_no("rqth", s.rqth);
  put(f, "resource", s.resource);
  if (s.resource_since) {
    const int m = whole_months(date_field("resource_since", *s.resource_since, today, "Ressources depuis"), today);
    f["resource_months"] = {m, true, "ressources perçues depuis " + std::to_string(m) + " mois (calculé)"};
  }
  if (s.jobseeker_since) {
    const int m = whole_months(date_field("jobseeker_since", *s.jobseeker_since, today, "Inscription à France Travail"), today);
    f["jobseeker_months"] = {m, true, "inscrit comme demandeur d'emploi depuis " + std::to_string(m) +
                                          " mois (calculé depuis le " + time::display_civil(*s.jobseeker_since) + ")"};
    if (s.jobseeker == false)
      throw ValidationError("jobseeker", "Une date d'inscription est donnée pour une personne non inscrite.");
    yes_no("jobseeker", std::optional<bool>(true), true);
  } else {
    yes_no("jobseeker", s.jobseeker);
  }
  put(f, "qualification", s.qualification);
  put(f, "housing", s.housing);
  yes_no("licence", s.licence);
  yes_no("vehicle", s.vehicle);
  put(f, "mobility", s.mobility);
  put(f, "health", s.health);
  put(f, "isolation", s.isolation);
  put(f, "digital", s.digital);
  put(f, "childcare", s.childcare);
  put(f, "french", s.french);
  put(f, "justice", s.justice);
  yes_no("ase", s.ase);
  put(f, "refugee", s.refugee);
  yes_no("single_parent", s.single_parent);
  yes_no("qpv", s.qpv);
  yes_no("zrr", s.zrr);
  yes_no("social_first", s.social_first);
  return f;
}

Orientation orient(const Situation& s, Date today, const RuleSet& rules) {
  const Facts facts = facts_of(s, today);
  Orientation out;
  for (const auto& r : rules.referents()) {
    if (!applies(rules.referents(), r, today)) continue;
    std::vector<std::string> used;
    if (evaluate(r.when, facts, &used, nullptr) != Truth::yes) continue;
    const std::string label =
        r.then == "none" ? "Aucun référent" : std::string(referentials::inclusion().structure_typologies().label(r.then));
    out.referent = Decision{r.then, label, reason_of(r.origin, r.reason, used)};
    break;
  }
  for (const auto& r : rules.offers()) {
    if (!applies(rules.offers(), r, today)) continue;
    if (std::any_of(out.schemes.begin(), out.schemes.end(), [&](const Decision& d) { return d.code == r.then; })) continue;
    const Scheme* scheme = rules.scheme(r.then);
    if (!scheme || !in_force(scheme->origin, today)) continue;
    std::vector<std::string> used;
    if (evaluate(r.when, facts, &used, nullptr) != Truth::yes) continue;
    out.schemes.push_back(Decision{r.then, scheme->label, reason_of(r.origin, r.reason, used)});
  }
  for (const auto& b : referentials::barriers().all()) {
    auto it = s.barriers.find(b.code);
    if (it == s.barriers.end() || it->second == Severity::none) continue;
    BarrierAdvice a{b.code, b.label, it->second, {}, {}};
    for (const auto* t : b.thematics) a.thematics.push_back(t->value);
    for (const auto& sol : rules.solutions())
      if (sol.barrier == b.code && in_force(sol.origin, today))
        a.solutions.push_back({sol.text, sol.actors, reason_of(sol.origin, sol.text, {"frein : " + b.label})});
    out.barriers.push_back(std::move(a));
  }
  for (const auto& [code, severity] : s.barriers)
    if (!referentials::barriers().find(code)) throw ValidationError("barriers", "Frein inconnu : « " + code + " ».");
  return out;
}

Eligibility iae_eligibility(const Situation& s, SiaeKind kind, Date today, Author author, const RuleSet& rules,
                            bool prescriber_assessment) {
  const Facts facts = facts_of(s, today);
  for (const auto& code : s.declared_criteria)
    if (!rules.criterion(code, today)) throw ValidationError("criteria", "Critère inconnu : « " + code + " ».");
  Eligibility e;
  e.kind = kind;
  e.author = author;
  // Criteria in force, in row order, each once.
  std::vector<CriterionMet> met;
  for (const auto& k : rules.criteria()) {
    if (!applies(rules.criteria(), k, today)) continue;
    const bool ticked = s.declared_criteria.count(k.code) > 0;
    std::vector<std::string> used;
    bool derived = false;
    switch (evaluate(k.when, facts, &used, &derived)) {
      case Truth::yes:
        met.push_back({k.code, k.label, k.level, derived ? Basis::derived : Basis::profile, k.proof,
                       reason_of(k.origin, k.label, used)});
        break;
      case Truth::no:
        if (ticked) {
          std::string why = "contredit par le profil :";
          for (const auto& u : used) why += " " + u;
          e.rejected.push_back({k.code, k.label, why, reason_of(k.origin, k.label, used)});
        }
        break;
      case Truth::unknown:
        if (ticked)
          met.push_back({k.code, k.label, k.level, Basis::ticked, k.proof,
                         reason_of(k.origin, k.label, {"coché par l'auteur du diagnostic"})});
        else
          e.to_check.push_back(k.code);
        break;
    }
  }
  // Incompatible pairs: the criterion only ticked gives way; otherwise both are set aside.
  std::vector<std::string> dropped;
  for (const auto& x : rules.incompatibilities()) {
    if (!applies(rules.incompatibilities(), x, today)) continue;
    auto a = std::find_if(met.begin(), met.end(), [&](const CriterionMet& c) { return c.code == x.a; });
    auto b = std::find_if(met.begin(), met.end(), [&](const CriterionMet& c) { return c.code == x.b; });
    if (a == met.end() || b == met.end()) continue;
    const bool a_ticked = a->basis == Basis::ticked, b_ticked = b->basis == Basis::ticked;
    auto reject = [&](const CriterionMet& c, const CriterionMet& other) {
      e.rejected.push_back({c.code, c.label, "incompatible avec « " + other.label + " »",
                            reason_of(x.origin, "Critères incompatibles : « " + c.label + " » et « " + other.label + " »")});
      dropped.push_back(c.code);
    };
    if (a_ticked && !b_ticked) {
      reject(*a, *b);
    } else if (b_ticked && !a_ticked) {
      reject(*b, *a);
    } else {
      reject(*a, *b);
      reject(*b, *a);
    }
  }
  for (auto& c : met) {
    if (std::find(dropped.begin(), dropped.end(), c.code) != dropped.end()) continue;
    e.proofs.push_back(c.proof);
    (c.level == 1 ? e.level1 : e.level2).push_back(std::move(c));
  }
  const Requirement* req = nullptr;
  for (const auto& r : rules.requirements())
    if (r.kind == kind && applies(rules.requirements(), r, today)) req = &r;
  if (!req) throw std::runtime_error("no IAE requirement in force for " + std::string(label(kind)) + " at " + format_date(today));
  e.level2_required = req->count;
  e.requirement = reason_of(req->origin, std::to_string(req->count) + " critères de niveau 2 requis en " +
                                             std::string(label(kind)) + " sans critère de niveau 1");
  e.eligible = !e.level1.empty() || static_cast<int>(e.level2.size()) >= req->count;
  if (!e.eligible) {
    e.level2_missing = req->count - static_cast<int>(e.level2.size());
    e.missing = "Il manque un critère de niveau 1, ou " + std::to_string(e.level2_missing) + " critère" +
                (e.level2_missing > 1 ? "s" : "") + " de niveau 2 (" + std::to_string(req->count) + " requis en " +
                std::string(label(kind)) + ").";
    if (author == Author::prescriber && prescriber_assessment) {
      e.eligible = true;
      e.by_assessment = true;
    }
  }
  const Validity* v = nullptr;
  for (const auto& r : rules.validities())
    if (r.author == author && applies(rules.validities(), r, today)) v = &r;
  if (!v) throw std::runtime_error("no validity in force for " + std::string(name(author)) + " at " + format_date(today));
  const Date expires = v->months ? add_months(today, v->months) : today + std::chrono::days{v->days};
  e.valid_until = expires - std::chrono::days{1};
  e.all_siae = v->all_siae;
  e.validity = reason_of(v->origin, std::string("Diagnostic valable jusqu'au ") + format_date(e.valid_until) +
                                        (v->all_siae ? " pour toutes les SIAE" : " pour cet employeur seulement"));
  return e;
}

bool diagnosis_valid(Author author, Date made, Date on, bool same_employer, const RuleSet& rules) {
  const Validity* v = nullptr;
  for (const auto& r : rules.validities())
    if (r.author == author && applies(rules.validities(), r, made)) v = &r;
  if (!v) throw std::runtime_error("no validity in force for " + std::string(name(author)) + " at " + format_date(made));
  const Date expires = v->months ? add_months(made, v->months) : made + std::chrono::days{v->days};
  return made <= on && on < expires && (v->all_siae || same_employer);
}

}  // namespace jalon::orientation
