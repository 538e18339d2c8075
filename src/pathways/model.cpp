#include "pathways/model.h"

namespace jalon::pathways {

namespace {
template <typename E, std::size_t N>
std::optional<E> parse(std::string_view code, const E (&values)[N]) {
  for (E v : values)
    if (pathways::code(v) == code) return v;
  return std::nullopt;
}

const char* find_label(const std::vector<Label>& labels, std::string_view code) {
  for (const auto& l : labels)
    if (code == l.code) return l.label;
  return nullptr;
}
}  // namespace

const char* code(Status s) {
  switch (s) {
    case Status::open:
      return "open";
    case Status::suspended:
      return "suspended";
    case Status::closed:
      return "closed";
  }
  return "";
}
const char* label(Status s) {
  switch (s) {
    case Status::open:
      return "En cours";
    case Status::suspended:
      return "Suspendu";
    case Status::closed:
      return "Clôturé";
  }
  return "";
}
std::optional<Status> parse_status(std::string_view c) {
  static const Status all[] = {Status::open, Status::suspended, Status::closed};
  return parse(c, all);
}

const char* code(Progress p) {
  switch (p) {
    case Progress::planned:
      return "planned";
    case Progress::in_progress:
      return "in_progress";
    case Progress::done:
      return "done";
    case Progress::abandoned:
      return "abandoned";
  }
  return "";
}
const char* label(Progress p) {
  switch (p) {
    case Progress::planned:
      return "Prévu";
    case Progress::in_progress:
      return "En cours";
    case Progress::done:
      return "Réalisé";
    case Progress::abandoned:
      return "Abandonné";
  }
  return "";
}
const std::vector<Progress>& all_progress() {
  static const std::vector<Progress> all = {Progress::planned, Progress::in_progress, Progress::done,
                                            Progress::abandoned};
  return all;
}
std::optional<Progress> parse_progress(std::string_view c) {
  static const Progress all[] = {Progress::planned, Progress::in_progress, Progress::done, Progress::abandoned};
  return parse(c, all);
}

const char* code(Domain d) {
  return d == Domain::social ? "social" : "professional";
}
const char* label(Domain d) {
  return d == Domain::social ? "Social" : "Professionnel";
}
std::optional<Domain> parse_domain(std::string_view c) {
  static const Domain all[] = {Domain::social, Domain::professional};
  return parse(c, all);
}

const char* code(MemberStatus s) {
  switch (s) {
    case MemberStatus::requested:
      return "requested";
    case MemberStatus::active:
      return "active";
    case MemberStatus::refused:
      return "refused";
    case MemberStatus::ended:
      return "ended";
  }
  return "";
}
const char* label(MemberStatus s) {
  switch (s) {
    case MemberStatus::requested:
      return "Demande en attente";
    case MemberStatus::active:
      return "Membre";
    case MemberStatus::refused:
      return "Demande refusée";
    case MemberStatus::ended:
      return "A quitté le parcours";
  }
  return "";
}
std::optional<MemberStatus> parse_member_status(std::string_view c) {
  static const MemberStatus all[] = {MemberStatus::requested, MemberStatus::active, MemberStatus::refused,
                                     MemberStatus::ended};
  return parse(c, all);
}

const std::vector<Label>& schemes() {
  static const std::vector<Label> all = {
      {"diagnosis", "Diagnostic"},
      {"training", "Formation"},
      {"progressive_qualification", "Qualification progressive (par phases)"},
      {"iae_contract", "Contrat d'insertion (IAE)"},
      {"immersion", "Immersion en entreprise (PMSMP)"},
      {"workshop", "Atelier"},
      {"mentoring", "Parrainage ou tutorat"},
      {"social_support", "Accompagnement social"},
      {"job", "Emploi"},
  };
  return all;
}
const char* scheme_label(std::string_view c) {
  return find_label(schemes(), c);
}

const std::vector<Label>& social_outcome_kinds() {
  static const std::vector<Label> all = {
      {"housing", "Logement obtenu"},
      {"health", "Suivi de santé engagé"},
      {"driving_licence", "Permis de conduire obtenu"},
      {"rights", "Droits ouverts"},
      {"isolation", "Isolement réduit"},
  };
  return all;
}
const char* social_outcome_label(std::string_view c) {
  return find_label(social_outcome_kinds(), c);
}

const std::vector<Outcome>& outcomes() {
  static const std::vector<Outcome> all = {
      {"cdi", "CDI (contrat à durée indéterminée)", "lasting"},
      {"cdd_6_months_or_more", "CDD de 6 mois ou plus", "lasting"},
      {"business_creation", "Création d'entreprise", "lasting"},
      {"civil_service", "Titularisation dans la fonction publique", "lasting"},
      {"cdd_under_6_months", "CDD de moins de 6 mois", "transition"},
      {"subsidised_contract", "Contrat aidé", "transition"},
      {"qualifying_training", "Formation qualifiante", "positive"},
      {"other_siae", "Embauche dans une autre SIAE", "positive"},
      {"moved", "Déménagement", "other"},
      {"no_news", "Sans nouvelles de la personne", "other"},
      {"other", "Autre sortie", "other"},
  };
  return all;
}
const Outcome* find_outcome(std::string_view c) {
  for (const auto& o : outcomes())
    if (c == o.code) return &o;
  return nullptr;
}
const char* outcome_category_label(std::string_view category) {
  if (category == "lasting") return "Emploi durable";
  if (category == "transition") return "Emploi de transition";
  if (category == "positive") return "Sortie positive";
  if (category == "other") return "Autre sortie";
  return "";
}

const char* code(NoteLevel l) {
  switch (l) {
    case NoteLevel::person:
      return "person";
    case NoteLevel::members:
      return "members";
    case NoteLevel::organisation:
      return "organisation";
    case NoteLevel::social:
      return "social";
  }
  return "";
}
const char* label(NoteLevel l) {
  switch (l) {
    case NoteLevel::person:
      return "Partagée avec la personne";
    case NoteLevel::members:
      return "Partagée avec les organisations du parcours";
    case NoteLevel::organisation:
      return "Réservée à mon organisation";
    case NoteLevel::social:
      return "Sociale confidentielle (travailleurs sociaux)";
  }
  return "";
}
const std::vector<NoteLevel>& all_note_levels() {
  static const std::vector<NoteLevel> all = {NoteLevel::person, NoteLevel::members, NoteLevel::organisation,
                                             NoteLevel::social};
  return all;
}
std::optional<NoteLevel> parse_note_level(std::string_view c) {
  static const NoteLevel all[] = {NoteLevel::person, NoteLevel::members, NoteLevel::organisation, NoteLevel::social};
  return parse(c, all);
}

const char* code(OrientationStatus s) {
  switch (s) {
    case OrientationStatus::pending:
      return "pending";
    case OrientationStatus::accepted:
      return "accepted";
    case OrientationStatus::refused:
      return "refused";
    case OrientationStatus::expired:
      return "expired";
    case OrientationStatus::cancelled:
      return "cancelled";
  }
  return "";
}
const char* label(OrientationStatus s) {
  switch (s) {
    case OrientationStatus::pending:
      return "En attente";
    case OrientationStatus::accepted:
      return "Acceptée";
    case OrientationStatus::refused:
      return "Refusée";
    case OrientationStatus::expired:
      return "Expirée";
    case OrientationStatus::cancelled:
      return "Annulée";
  }
  return "";
}
const std::vector<OrientationStatus>& all_orientation_statuses() {
  static const std::vector<OrientationStatus> all = {OrientationStatus::pending, OrientationStatus::accepted,
                                                     OrientationStatus::refused, OrientationStatus::expired,
                                                     OrientationStatus::cancelled};
  return all;
}
std::optional<OrientationStatus> parse_orientation_status(std::string_view c) {
  static const OrientationStatus all[] = {OrientationStatus::pending, OrientationStatus::accepted,
                                          OrientationStatus::refused, OrientationStatus::expired,
                                          OrientationStatus::cancelled};
  return parse(c, all);
}

const std::vector<Label>& refusal_reasons() {
  static const std::vector<Label> all = {
      {"not_eligible", "Public non éligible"},
      {"no_place", "Pas de place disponible"},
      {"unreachable", "Personne injoignable"},
      {"duplicate", "Orientation en doublon"},
      {"declined", "La personne ne souhaite pas donner suite"},
      {"other", "Autre"},
  };
  return all;
}
const char* refusal_reason_label(std::string_view c) {
  return find_label(refusal_reasons(), c);
}

}  // namespace jalon::pathways
