#include "directory/actions.h"

#include "directory/store.h"

namespace jalon::directory {

namespace {
void require(const Actor& who, const Structure& s, Action a) {
  if (!can(who, s, a))
    throw Forbidden(s.organisation_id ? "Seuls les membres de l'organisation qui publie cette structure peuvent la modifier."
                                      : "Seul l'administrateur de la plateforme gère les structures importées sans organisation.");
}

// The transitions of a service's lifecycle, and the action each needs.
struct Transition {
  ServiceStatus from, to;
  Action action;
};
constexpr Transition kTransitions[] = {
    {ServiceStatus::draft, ServiceStatus::published, Action::publish},
    {ServiceStatus::published, ServiceStatus::archived, Action::archive},
    {ServiceStatus::published, ServiceStatus::draft, Action::edit},
    {ServiceStatus::archived, ServiceStatus::draft, Action::edit},
};
}  // namespace

long long create_structure(db::Tx& tx, const Actor& who, long long organisation_id, Structure in, const std::string& today,
                           Validator prior) {
  in.id = 0;
  in.organisation_id = organisation_id;
  in.source = "jalon";
  in.ext_id.clear();
  in.updated_on = today;
  require(who, in, Action::create);
  Structure s = validate_structure(in, today, process_referentials(), std::move(prior));
  return store::create_structure(tx, s);
}

Structure update_structure(db::Tx& tx, const Actor& who, const Structure& current, Structure changes, const std::string& today,
                           Validator prior) {
  require(who, current, Action::edit);
  changes.id = current.id;
  changes.source = current.source;
  changes.ext_id = current.ext_id;
  changes.organisation_id = current.organisation_id;
  changes.created_at = current.created_at;
  changes.updated_on = today;
  Structure s = validate_structure(changes, today, process_referentials(), std::move(prior));
  store::update_structure(tx, s);
  return s;
}

long long create_service(db::Tx& tx, const Actor& who, const Structure& structure, Service in, const std::string& today,
                         Validator prior) {
  require(who, structure, Action::create);
  in.id = 0;
  in.source = "jalon";
  in.ext_id.clear();
  in.structure_id = structure.id;
  in.structure_ext_id = structure.ext_id;
  in.status = ServiceStatus::draft;
  in.updated_on = today;
  Service s = validate_service(in, today, process_referentials(), std::move(prior));
  return store::create_service(tx, s);
}

Service update_service(db::Tx& tx, const Actor& who, const Structure& structure, const Service& current, Service changes,
                       const std::string& today, Validator prior) {
  require(who, structure, Action::edit);
  changes.id = current.id;
  changes.source = current.source;
  changes.ext_id = current.ext_id;
  changes.structure_id = current.structure_id;
  changes.structure_ext_id = current.structure_ext_id;
  changes.status = current.status;
  changes.created_at = current.created_at;
  changes.updated_on = today;
  Service s = validate_service(changes, today, process_referentials(), std::move(prior));
  store::update_service(tx, s);
  return s;
}

bool can_move(ServiceStatus from, ServiceStatus to) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.to == to) return true;
  return false;
}

Service change_status(db::Tx& tx, const Actor& who, const Structure& structure, const Service& current, ServiceStatus to,
                      const std::string& today) {
  const Transition* move = nullptr;
  for (const auto& t : kTransitions)
    if (t.from == current.status && t.to == to) move = &t;
  if (!move) {
    require(who, structure, Action::edit);
    throw Conflict(std::string("Un service « ") + status_label(current.status) + " » ne peut pas passer à « " + status_label(to) +
                   " » : " + (current.status == ServiceStatus::archived ? "remettez-le d'abord en brouillon." : "ce changement n'existe pas."));
  }
  require(who, structure, move->action);
  Service s = current;
  s.status = to;
  s.updated_on = today;
  store::update_service(tx, s);
  return s;
}

}  // namespace jalon::directory
