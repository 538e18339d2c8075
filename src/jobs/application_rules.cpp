#include "jobs/application_rules.h"

#include <algorithm>

#include "base/text.h"
#include "base/time.h"
#include "pathways/rules.h"

namespace jalon::jobs {

namespace {

template <typename E>
struct Named {
  E value;
  const char* code;
  const char* label;
};

template <typename E, std::size_t N>
const char* code_of(const Named<E> (&table)[N], E v) {
  for (const auto& n : table)
    if (n.value == v) return n.code;
  return "";
}
template <typename E, std::size_t N>
const char* label_of(const Named<E> (&table)[N], E v) {
  for (const auto& n : table)
    if (n.value == v) return n.label;
  return "";
}
template <typename E, std::size_t N>
std::optional<E> parse_in(const Named<E> (&table)[N], std::string_view code) {
  for (const auto& n : table)
    if (code == n.code) return n.value;
  return std::nullopt;
}

using S = ApplicationState;
using A = ApplicationAction;
using W = ApplicationActor;

const Named<S> kStates[] = {
    {S::new_, "new", "Nouvelle"},
    {S::processing, "processing", "À l'étude"},
    {S::postponed, "postponed", "En attente"},
    {S::prior_to_hire, "prior_to_hire", "Action préalable à l'embauche"},
    {S::accepted, "accepted", "Acceptée"},
    {S::refused, "refused", "Refusée"},
    {S::cancelled, "cancelled", "Annulée"},
    {S::obsolete, "obsolete", "Embauche ailleurs"},
    {S::pool, "pool", "Vivier"},
};

// What the candidate reads: the employer's inner steps in plain words, never the refusal
// reason (it is for the employer and the sender; the candidate reads the employer's answer).
const Named<S> kStatesForPerson[] = {
    {S::new_, "new", "Envoyée : l'employeur ne l'a pas encore étudiée"},
    {S::processing, "processing", "À l'étude chez l'employeur"},
    {S::postponed, "postponed", "En attente chez l'employeur"},
    {S::prior_to_hire, "prior_to_hire", "Retenue : l'employeur prépare votre embauche"},
    {S::accepted, "accepted", "Acceptée : vous êtes embauché(e)"},
    {S::refused, "refused", "Non retenue"},
    {S::cancelled, "cancelled", "Annulée"},
    {S::obsolete, "obsolete", "Close : vous avez été embauché(e) ailleurs"},
    {S::pool, "pool", "Gardée par l'employeur pour un prochain poste"},
};

const Named<RefusalReason> kReasons[] = {
    {RefusalReason::did_not_come, "did_not_come", "Candidat non venu ou injoignable"},
    {RefusalReason::hired_elsewhere, "hired_elsewhere", "Candidat embauché ailleurs"},
    {RefusalReason::training, "training", "Candidat en formation"},
    {RefusalReason::not_eligible, "not_eligible", "Candidat non éligible"},
    {RefusalReason::not_mobile, "not_mobile", "Candidat non mobile"},
    {RefusalReason::not_interested, "not_interested", "Candidat non intéressé par le poste"},
    {RefusalReason::lacking_skills, "lacking_skills", "Compétences insuffisantes pour le poste"},
    {RefusalReason::incompatible, "incompatible", "Un frein à l'emploi est incompatible avec le poste"},
    {RefusalReason::no_position, "no_position", "Pas de poste ouvert en ce moment"},
    {RefusalReason::duplicate, "duplicate", "Candidature en double"},
    {RefusalReason::other, "other", "Autre"},
    {RefusalReason::auto_no_answer, "auto_no_answer", "Automatique : sans réponse en 60 jours"},
};

const Named<A> kActions[] = {
    {A::process, "process", "Étudier la candidature"},
    {A::postpone, "postpone", "Mettre en attente"},
    {A::prior_to_hire, "prior_to_hire", "Passer en action préalable à l'embauche"},
    {A::accept, "accept", "Accepter (embaucher)"},
    {A::refuse, "refuse", "Refuser"},
    {A::add_to_pool, "add_to_pool", "Garder dans le vivier"},
    {A::resume, "resume", "Reprendre l'étude"},
    {A::cancel_hire, "cancel_hire", "Annuler l'embauche"},
    {A::render_obsolete, "render_obsolete", "Clore (embauche ailleurs)"},
    {A::withdraw, "withdraw", "Retirer la candidature"},
    {A::reconsider, "reconsider", "Réexaminer la candidature"},
};

const Named<W> kActors[] = {
    {W::employer, "employer", "employeur"},
    {W::sender, "sender", "émetteur"},
    {W::person, "person", "candidat"},
    {W::platform, "platform", "plateforme"},
};

}  // namespace

const std::vector<ApplicationState>& all_application_states() {
  static const std::vector<ApplicationState> all = {S::new_,          S::processing, S::postponed,
                                                    S::prior_to_hire, S::accepted,   S::refused,
                                                    S::cancelled,     S::obsolete,   S::pool};
  return all;
}
const char* name(ApplicationState s) {
  return code_of(kStates, s);
}
const char* label(ApplicationState s) {
  return label_of(kStates, s);
}
const char* label_for_person(ApplicationState s) {
  return label_of(kStatesForPerson, s);
}
std::optional<ApplicationState> parse_application_state(std::string_view code) {
  return parse_in(kStates, code);
}

bool is_pending(ApplicationState s) {
  return s == S::new_ || s == S::processing || s == S::postponed || s == S::prior_to_hire || s == S::pool;
}
bool awaits_answer(ApplicationState s) {
  return s == S::new_ || s == S::processing || s == S::postponed;
}

const std::vector<RefusalReason>& all_refusal_reasons() {
  static const std::vector<RefusalReason> all = [] {
    std::vector<RefusalReason> v;
    for (const auto& r : kReasons) v.push_back(r.value);
    return v;
  }();
  return all;
}
const char* name(RefusalReason r) {
  return code_of(kReasons, r);
}
const char* label(RefusalReason r) {
  return label_of(kReasons, r);
}
std::optional<RefusalReason> parse_refusal_reason(std::string_view code) {
  return parse_in(kReasons, code);
}

const char* name(ApplicationActor a) {
  return code_of(kActors, a);
}

const std::vector<ApplicationAction>& all_application_actions() {
  static const std::vector<ApplicationAction> all = [] {
    std::vector<ApplicationAction> v;
    for (const auto& a : kActions) v.push_back(a.value);
    return v;
  }();
  return all;
}
const char* name(ApplicationAction a) {
  return code_of(kActions, a);
}
const char* label(ApplicationAction a) {
  return label_of(kActions, a);
}
std::optional<ApplicationAction> parse_application_action(std::string_view code) {
  return parse_in(kActions, code);
}

// The whole workflow (docs/jobs.md, "Applications"). Pending = new, processing, postponed,
// prior_to_hire, pool.
const std::vector<ApplicationTransition>& application_transitions() {
  static const std::vector<ApplicationTransition> table = {
      {A::process, {S::new_}, S::processing, {W::employer}},
      {A::postpone, {S::new_, S::processing, S::prior_to_hire}, S::postponed, {W::employer}},
      {A::prior_to_hire, {S::processing, S::postponed}, S::prior_to_hire, {W::employer}},
      {A::accept, {S::new_, S::processing, S::postponed, S::prior_to_hire, S::pool}, S::accepted, {W::employer}},
      // The platform refuses with auto_no_answer only (validate_transition), from the states
      // awaiting an answer only (auto_refusal_due).
      {A::refuse,
       {S::new_, S::processing, S::postponed, S::prior_to_hire, S::pool},
       S::refused,
       {W::employer, W::platform}},
      {A::add_to_pool, {S::processing, S::postponed}, S::pool, {W::employer}},
      {A::resume, {S::pool, S::prior_to_hire}, S::processing, {W::employer}},
      {A::cancel_hire, {S::accepted}, S::cancelled, {W::employer}},
      {A::render_obsolete,
       {S::new_, S::processing, S::postponed, S::prior_to_hire, S::pool},
       S::obsolete,
       {W::platform}},
      {A::withdraw,
       {S::new_, S::processing, S::postponed, S::prior_to_hire, S::pool},
       S::cancelled,
       {W::sender, W::person}},
      {A::reconsider, {S::refused, S::obsolete}, S::processing, {W::employer}},
  };
  return table;
}

std::optional<ApplicationState> next_state(ApplicationAction action, ApplicationState from, ApplicationActor by) {
  for (const auto& t : application_transitions()) {
    if (t.action != action) continue;
    if (std::find(t.from.begin(), t.from.end(), from) == t.from.end()) return std::nullopt;
    if (std::find(t.by.begin(), t.by.end(), by) == t.by.end()) return std::nullopt;
    return t.to;
  }
  return std::nullopt;
}

bool possible_from(ApplicationAction action, ApplicationState from) {
  for (const auto& t : application_transitions())
    if (t.action == action) return std::find(t.from.begin(), t.from.end(), from) != t.from.end();
  return false;
}

std::vector<ApplicationAction> actions_for(ApplicationState from, const std::vector<ApplicationActor>& actors) {
  std::vector<ApplicationAction> out;
  for (const auto& t : application_transitions()) {
    bool done = false;
    for (ApplicationActor a : actors)
      if (!done && a != W::platform && next_state(t.action, from, a)) {
        out.push_back(t.action);
        done = true;
      }
  }
  return out;
}

bool auto_refusal_due(ApplicationState s, const std::string& state_on, const std::string& today) {
  return awaits_answer(s) && pathways::days_between(state_on, today) >= kAutoRefusalDays;
}

std::string auto_refusal_bound(const std::string& today) {
  return pathways::expiry_date(today, -(kAutoRefusalDays - 1));
}

ApplicationInput validate_application(ApplicationInput in) {
  in.message = text::trim(in.message);
  if (text::utf8_length(in.message) > 4000)
    throw ValidationError("message", "Le message est trop long : 4 000 caractères au plus.");
  return in;
}

ValidTransition validate_transition(const TransitionInput& in, ApplicationActor by, const std::string& created_on,
                                    const std::string& today) {
  Validator v;
  auto action = parse_application_action(text::trim(in.action));
  if (!action) {
    v.add("action", "Choisissez une action sur la candidature.");
    v.throw_if_any();
  }
  ValidTransition out{*action, std::nullopt, text::trim(in.message), ""};
  if (text::utf8_length(out.message) > 2000) v.add("message", "Le message est trop long : 2 000 caractères au plus.");
  if (*action == A::refuse) {
    out.reason = parse_refusal_reason(text::trim(in.reason));
    if (!out.reason)
      v.add("reason", "Choisissez le motif du refus dans la liste.");
    else if ((*out.reason == RefusalReason::auto_no_answer) != (by == W::platform))
      v.add("reason", by == W::platform ? "La plateforme refuse seulement faute de réponse en 60 jours."
                                        : "Ce motif est réservé au refus automatique après 60 jours sans réponse.");
  }
  if (*action == A::accept) {
    std::string day = text::trim(in.hired_on);
    if (day.empty())
      v.add("hired_on", "Indiquez la date d'embauche.");
    else if (!time::valid_civil_date(day))
      v.add("hired_on", "La date d'embauche n'est pas une date valide (AAAA-MM-JJ).");
    else if (day < created_on)
      v.add("hired_on",
            "La date d'embauche ne peut pas précéder la candidature (" + time::display_civil(created_on) + ").");
    else if (day > pathways::expiry_date(today, 366))
      v.add("hired_on", "La date d'embauche est à plus d'un an : indiquez-la plus tard.");
    out.hired_on = day;
  }
  v.throw_if_any();
  return out;
}

std::string hire_step_title(const std::string& offer_title, const std::string& employer_name) {
  return "Emploi : " + offer_title + " chez " + employer_name;
}

}  // namespace jalon::jobs
