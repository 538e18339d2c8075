#include "pathways/actions.h"

#include <algorithm>
#include <map>
#include <set>

#include "accounts/store.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "base/text.h"
#include "base/time.h"
#include "db/query.h"
#include "diagnosis/store.h"
#include "directory/store.h"
#include "mail/outbox.h"
#include "notifications/notify.h"
#include "pathways/store.h"
#include "people/store.h"

namespace jalon::pathways {

namespace {

std::string quoted(const std::string& s) {
  return "« " + s + " »";
}

// ---- Grants: through the people room's store.

std::string grant_reason(db::Tx& tx, long long person, long long org) {
  for (const auto& g : people::store::grants(tx, person))
    if (g.organisation_id == org && g.revoked_at.empty()) return g.reason;
  return "";
}

void grant_if_needed(db::Tx& tx, long long person, long long org, long long by_org) {
  if (!people::store::has_grant(tx, person, org))
    people::store::grant(tx, person, org, people::GrantReason::pathway, by_org);
}

// The referent's access survives a withdrawal of consent (people::survives_consent_withdrawal).
void make_referent_grant(db::Tx& tx, long long person, long long org, long long by_org) {
  std::string reason = grant_reason(tx, person, org);
  if (reason.empty())
    people::store::grant(tx, person, org, people::GrantReason::referent, by_org);
  else if (reason != "creator" && reason != "referent")
    people::store::set_grant_reason(tx, person, org, people::GrantReason::referent);
}

void drop_referent_grant(db::Tx& tx, long long person, long long org) {
  if (grant_reason(tx, person, org) == "referent")
    people::store::set_grant_reason(tx, person, org, people::GrantReason::pathway);
}

std::string org_name(db::Tx& tx, long long org) {
  auto o = accounts::store::find_organisation(tx, org);
  return o ? o->name : "organisation n° " + std::to_string(org);
}

// A counsellor must belong to the organisation (0: none chosen).
void check_counsellor(db::Tx& tx, long long org, long long user) {
  if (user && !accounts::store::member(tx, org, user))
    throw ValidationError("counsellor_id", "Choisissez un conseiller de l'organisation référente.");
}

std::string counsellor_name(db::Tx& tx, long long user) {
  if (!user) return "";
  auto u = accounts::store::find_user(tx, user);
  return u ? u->display_name : "";
}

void ensure_member_org(db::Tx& tx, const Pathway& p, long long org, const std::string& field,
                       const std::string& message) {
  auto m = store::live_member(tx, p.id, org);
  if (!m || m->status != MemberStatus::active) throw ValidationError(field, message);
}

[[noreturn]] void refuse_move(const char* what, Progress from, Progress to) {
  throw Conflict(std::string(what) + " est " + quoted(label(from)) + " : passer à " + quoted(label(to)) +
                 " n'est pas possible.");
}

// ---- Telling the sender of an orientation: an e-mail, and the in-app bell (notification
// `kind`; its e-mail only when the user asks for it, the message above being sent anyway).
void mail_sender(db::Tx& tx, const Orientation& o, const std::string& kind, const std::string& what, const std::string& extra,
                 const std::string& base_url) {
  if (o.from_user_id)
    notifications::notify(tx, o.from_user_id, kind, "L'orientation n° " + std::to_string(o.id) + " " + what + ".",
                          "/organisations/" + std::to_string(o.from_org_id) + "/orientations/" + std::to_string(o.id));
  if (o.from_user_email.empty()) return;
  std::string who = "la personne";
  if (auto p = people::store::find(tx, o.person_id)) {
    who = p->first_name;
    // The first letter of the last name only: an e-mail is not the place for a full identity.
    std::size_t n = p->last_name.empty() ? 0 : 1;
    while (n < p->last_name.size() && (static_cast<unsigned char>(p->last_name[n]) & 0xC0) == 0x80) ++n;
    if (n) who += " " + p->last_name.substr(0, n) + ".";
  }
  std::string subject = "Orientation n° " + std::to_string(o.id) + " " + what;
  std::string body = "Bonjour " + o.from_user_name + ",\n\nL'orientation n° " + std::to_string(o.id) + " de " + who +
                     " vers " + o.to_org_name + " " + what + ".\n" + (extra.empty() ? "" : extra + "\n") +
                     "\nVoir l'orientation : " + base_url + "/organisations/" + std::to_string(o.from_org_id) +
                     "/orientations/" + std::to_string(o.id) + "\n\n— Jalon, plateforme partagée de l'insertion\n";
  mail::enqueue(tx, o.from_user_email, subject, body);
}

const char* event_title(const std::string& kind) {
  static const std::map<std::string, const char*> titles = {
      {"opened", "Parcours ouvert"},
      {"suspended", "Parcours suspendu"},
      {"resumed", "Parcours repris"},
      {"closed", "Parcours clôturé"},
      {"referent_changed", "Changement de référent"},
      {"counsellor_changed", "Changement de conseiller référent"},
      {"member_invited", "Organisation invitée"},
      {"member_requested", "Demande pour rejoindre le parcours"},
      {"member_approved", "Demande acceptée"},
      {"member_refused", "Demande refusée"},
      {"member_ended", "Organisation sortie du parcours"},
      {"member_joined", "Organisation entrée dans le parcours"},
      {"objective_added", "Objectif ajouté"},
      {"objective_status", "Objectif mis à jour"},
      {"action_added", "Action ajoutée"},
      {"action_status", "Action mise à jour"},
      {"step_added", "Étape ajoutée"},
      {"step_status", "Étape mise à jour"},
      {"social_outcome", "Résultat social"},
  };
  auto it = titles.find(kind);
  return it == titles.end() ? "Événement" : it->second;
}

const char* orientation_event_title(const std::string& kind) {
  if (kind == "sent") return "Orientation envoyée";
  if (kind == "accepted") return "Orientation acceptée";
  if (kind == "refused") return "Orientation refusée";
  if (kind == "expired") return "Orientation expirée";
  if (kind == "cancelled") return "Orientation annulée";
  return "Orientation";
}

std::string who(const std::string& user, const std::string& org) {
  if (user.empty()) return org;
  if (org.empty()) return user;
  return user + " (" + org + ")";
}

}  // namespace

PathwayFacts facts_of(db::Tx& tx, const Pathway& p, long long org) {
  PathwayFacts f;
  f.status = p.status;
  f.referent = p.referent_org_id == org;
  if (auto m = store::live_member(tx, p.id, org)) {
    f.member = m->status == MemberStatus::active;
    f.live_request = m->status == MemberStatus::requested;
  }
  return f;
}

void ensure(PathwayAction a, const PathwayFacts& f) {
  if (can(a, f)) return;
  const char* closed = "Le parcours est clôturé : il ne peut plus être modifié (ouvrez-en un nouveau si besoin).";
  switch (a) {
    case PathwayAction::see:
    case PathwayAction::write_note:
      throw Forbidden("Votre organisation n'est pas membre de ce parcours.");
    case PathwayAction::edit:
      if (!f.member) throw Forbidden("Votre organisation n'est pas membre de ce parcours.");
      throw Conflict(f.status == Status::closed ? closed
                                                : "Le parcours est suspendu : reprenez-le pour modifier son contenu.");
    case PathwayAction::manage:
      if (!f.member || !f.referent) throw Forbidden("Seule l'organisation référente du parcours peut faire cela.");
      throw Conflict(closed);
    case PathwayAction::request_join:
      if (f.member) throw Conflict("Votre organisation est déjà membre de ce parcours.");
      if (f.live_request) throw Conflict("La demande de votre organisation est déjà en attente.");
      throw Conflict(closed);
    case PathwayAction::leave:
      if (!f.member) throw Forbidden("Votre organisation n'est pas membre de ce parcours.");
      throw Conflict(
          "L'organisation référente ne peut pas quitter le parcours : transférez d'abord le rôle de référent.");
  }
  throw Forbidden("Action non permise.");
}

// ---- Pathway

long long open_pathway(db::Tx& tx, const Actor& by, long long person, long long counsellor,
                       const std::string& started_on, const std::string& today) {
  if (auto current = store::current_pathway(tx, person))
    throw Conflict("Cette personne a déjà un parcours en cours (n° " + std::to_string(current->id) +
                   ") : un seul à la fois.");
  std::string start = validate_started_on(started_on, today);
  check_counsellor(tx, by.org, counsellor);
  long long id = store::create_pathway(tx, person, by, by.org, counsellor, start);
  make_referent_grant(tx, person, by.org, by.org);
  std::string name = counsellor_name(tx, counsellor);
  store::add_event(tx, id, by, "opened", 0,
                   "Début le " + time::display_civil(start) + ", référent : " + org_name(tx, by.org) +
                       (name.empty() ? "" : " (" + name + ")"));
  return id;
}

void change_status(db::Tx& tx, const Actor& by, const Pathway& p, Status to, const CloseInput& close,
                   const std::string& today) {
  ensure(PathwayAction::manage, facts_of(tx, p, by.org));
  if (!can_move(p.status, to))
    throw Conflict(std::string("Le parcours est ") + quoted(label(p.status)) + " : passer à " + quoted(label(to)) +
                   " n'est pas possible.");
  if (to == Status::closed) {
    CloseInput c = validate_close(close, p.started_on, today);
    store::set_status(tx, p.id, to, c.closed_on, c.outcome, c.detail);
    const Outcome* o = find_outcome(c.outcome);
    store::add_event(tx, p.id, by, "closed", 0,
                     std::string("Sortie : ") + o->label + " (" + outcome_category_label(o->category) + ") le " +
                         time::display_civil(c.closed_on) + (c.detail.empty() ? "" : ". " + c.detail));
    return;
  }
  store::set_status(tx, p.id, to);
  store::add_event(tx, p.id, by, to == Status::suspended ? "suspended" : "resumed", 0, "");
}

void transfer_referent(db::Tx& tx, const Actor& by, const Pathway& p, long long org, long long counsellor) {
  ensure(PathwayAction::manage, facts_of(tx, p, by.org));
  if (org <= 0) throw ValidationError("organisation_id", "Choisissez l'organisation référente.");
  if (org != p.referent_org_id)
    ensure_member_org(tx, p, org, "organisation_id",
                      "Le rôle de référent se transmet à une organisation membre du parcours.");
  check_counsellor(tx, org, counsellor);
  store::set_referent(tx, p.id, org, counsellor);
  std::string name = counsellor_name(tx, counsellor);
  if (org == p.referent_org_id) {
    store::add_event(tx, p.id, by, "counsellor_changed", 0,
                     name.empty() ? "Aucun conseiller référent désigné" : "Conseiller référent : " + name);
    return;
  }
  make_referent_grant(tx, p.person_id, org, by.org);
  drop_referent_grant(tx, p.person_id, p.referent_org_id);
  store::add_event(tx, p.id, by, "referent_changed", 0,
                   "De " + p.referent_org_name + " à " + org_name(tx, org) + (name.empty() ? "" : " (" + name + ")"));
}

// ---- Members

void join(db::Tx& tx, const Actor& by, const Pathway& p, long long org, const std::string& origin) {
  auto live = store::live_member(tx, p.id, org);
  if (!live)
    store::add_member(tx, p.id, org, MemberStatus::active, origin, by.user);
  else if (live->status == MemberStatus::requested)
    store::set_member_status(tx, live->id, MemberStatus::active, by.user);
  grant_if_needed(tx, p.person_id, org, by.org);
}

void invite(db::Tx& tx, const Actor& by, const Pathway& p, long long org) {
  ensure(PathwayAction::manage, facts_of(tx, p, by.org));
  if (org <= 0 || !accounts::store::find_organisation(tx, org))
    throw ValidationError("organisation_id", "Choisissez une organisation existante.");
  if (auto live = store::live_member(tx, p.id, org); live && live->status == MemberStatus::active)
    throw Conflict("Cette organisation est déjà membre du parcours.");
  join(tx, by, p, org, "invited");
  store::add_event(tx, p.id, by, "member_invited", 0,
                   org_name(tx, org) + " rejoint le parcours sur invitation du référent");
}

void request_join(db::Tx& tx, const Actor& by, const Pathway& p) {
  ensure(PathwayAction::request_join, facts_of(tx, p, by.org));
  store::add_member(tx, p.id, by.org, MemberStatus::requested, "requested", by.user);
  store::add_event(tx, p.id, by, "member_requested", 0, org_name(tx, by.org) + " demande à rejoindre le parcours");
}

void decide(db::Tx& tx, const Actor& by, const Pathway& p, long long org, bool approve) {
  ensure(PathwayAction::manage, facts_of(tx, p, by.org));
  auto live = store::live_member(tx, p.id, org);
  if (!live || live->status != MemberStatus::requested)
    throw Conflict("Cette organisation n'a pas de demande en attente.");
  std::string name = live->organisation_name;
  if (approve) {
    join(tx, by, p, org, "requested");
    store::add_event(tx, p.id, by, "member_approved", 0, name + " rejoint le parcours");
  } else {
    store::set_member_status(tx, live->id, MemberStatus::refused, by.user);
    store::add_event(tx, p.id, by, "member_refused", 0, "La demande de " + name + " est refusée");
  }
}

void end_membership(db::Tx& tx, const Actor& by, const Pathway& p, long long org) {
  auto facts = facts_of(tx, p, by.org);
  if (org == p.referent_org_id)
    throw Conflict(
        "L'organisation référente ne peut pas quitter le parcours : transférez d'abord le rôle de référent.");
  ensure(org == by.org ? PathwayAction::leave : PathwayAction::manage, facts);
  auto live = store::live_member(tx, p.id, org);
  if (!live) throw NotFound("Cette organisation n'est pas membre du parcours.");
  store::set_member_status(tx, live->id, MemberStatus::ended, by.user);
  store::add_event(tx, p.id, by, "member_ended", 0,
                   org == by.org ? live->organisation_name + " quitte le parcours"
                                 : live->organisation_name + " est retirée du parcours par le référent");
}

// ---- Engagement, steps, outcomes

long long add_objective(db::Tx& tx, const Actor& by, const Pathway& p, const ObjectiveInput& in) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  ObjectiveInput v = validate_objective(in);
  Domain d = *parse_domain(v.domain);
  long long id = store::add_objective(tx, p.id, d, v.title, v.target_on, by);
  store::add_event(tx, p.id, by, "objective_added", id,
                   std::string("Objectif ") + (d == Domain::social ? "social" : "professionnel") + " : " + v.title);
  return id;
}

void move_objective(db::Tx& tx, const Actor& by, const Pathway& p, long long objective, Progress to) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  auto o = store::find_objective(tx, objective);
  if (!o || o->pathway_id != p.id) throw NotFound("Cet objectif n'existe pas dans ce parcours.");
  if (!can_move(o->status, to)) refuse_move("L'objectif", o->status, to);
  store::set_objective_status(tx, o->id, to);
  store::add_event(tx, p.id, by, "objective_status", o->id, o->title + " : " + label(o->status) + " → " + label(to));
}

long long add_action(db::Tx& tx, const Actor& by, const Pathway& p, long long objective, const ActionInput& in) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  auto o = store::find_objective(tx, objective);
  if (!o || o->pathway_id != p.id) throw NotFound("Cet objectif n'existe pas dans ce parcours.");
  if (o->status == Progress::done || o->status == Progress::abandoned)
    throw Conflict("L'objectif est " + quoted(label(o->status)) + " : reprenez-le ou ajoutez un nouvel objectif.");
  ActionInput v = validate_action(in);
  long long id = store::add_action(tx, p.id, o->id, v.title, v.responsible, v.start_on, v.due_on, by);
  store::add_event(tx, p.id, by, "action_added", id, v.title + " (objectif " + quoted(o->title) + ")");
  return id;
}

void move_action(db::Tx& tx, const Actor& by, const Pathway& p, long long action, Progress to,
                 const std::string& today) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  auto a = store::find_action(tx, action);
  if (!a || a->pathway_id != p.id) throw NotFound("Cette action n'existe pas dans ce parcours.");
  if (!can_move(a->status, to)) refuse_move("L'action", a->status, to);
  store::set_action_status(tx, a->id, to, today);
  store::add_event(tx, p.id, by, "action_status", a->id, a->title + " : " + label(a->status) + " → " + label(to));
}

long long add_step(db::Tx& tx, const Actor& by, const Pathway& p, const StepInput& in) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  StepInput v = validate_step(in);
  if (v.organisation_id)
    ensure_member_org(tx, p, v.organisation_id, "organisation_id", "Choisissez une organisation membre du parcours.");
  int phase = v.phase.empty() ? 0 : std::stoi(v.phase);
  long long id = store::add_step(tx, p.id, v.scheme, v.title, v.organisation_id, phase, v.start_on, v.end_on, by);
  store::add_event(
      tx, p.id, by, "step_added", id,
      std::string(scheme_label(v.scheme)) + (phase ? ", phase " + std::to_string(phase) : "") + " : " + v.title);
  return id;
}

void move_step(db::Tx& tx, const Actor& by, const Pathway& p, long long step, Progress to) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  auto s = store::find_step(tx, step);
  if (!s || s->pathway_id != p.id) throw NotFound("Cette étape n'existe pas dans ce parcours.");
  if (!can_move(s->status, to)) refuse_move("L'étape", s->status, to);
  store::set_step_status(tx, s->id, to);
  store::add_event(tx, p.id, by, "step_status", s->id, s->title + " : " + label(s->status) + " → " + label(to));
}

long long add_social_outcome(db::Tx& tx, const Actor& by, const Pathway& p, const SocialOutcomeInput& in,
                             const std::string& today) {
  ensure(PathwayAction::edit, facts_of(tx, p, by.org));
  SocialOutcomeInput v = validate_social_outcome(in, today);
  long long id = store::add_social_outcome(tx, p.id, v.kind, v.achieved_on, v.detail, by);
  store::add_event(tx, p.id, by, "social_outcome", id,
                   std::string(social_outcome_label(v.kind)) + " le " + time::display_civil(v.achieved_on) +
                       (v.detail.empty() ? "" : ". " + v.detail));
  return id;
}

long long record_hire(db::Tx& tx, const Actor& by, long long person, const std::string& title,
                      const std::string& start_on) {
  auto p = store::current_pathway(tx, person);
  if (!p) return 0;
  long long id = store::add_step(tx, p->id, "job", title, 0, 0, start_on, "", by);
  store::set_step_status(tx, id, Progress::in_progress);
  store::add_event(tx, p->id, by, "step_added", id,
                   std::string(scheme_label("job")) + " : " + title + ", à partir du " + time::display_civil(start_on));
  return id;
}

void cancel_hire(db::Tx& tx, const Actor& by, long long person, long long step, const std::string& title) {
  auto p = store::current_pathway(tx, person);
  if (!p) return;
  for (const auto& s : store::steps(tx, p->id)) {
    if (s.scheme != "job" || s.status != Progress::in_progress || (step ? s.id != step : s.title != title)) continue;
    store::set_step_status(tx, s.id, Progress::abandoned);
    store::add_event(tx, p->id, by, "step_status", s.id, s.title + " : embauche annulée");
    return;
  }
}

// ---- Notes

namespace {
NoteFacts note_facts(const Note& n) {
  return NoteFacts{n.level, n.author_org_id, n.person_id};
}
NoteFacts version_facts(const NoteVersion& v, const Note& n) {
  return NoteFacts{v.level, n.author_org_id, n.person_id};
}
}  // namespace

long long add_note(db::Tx& tx, const Actor& by, const NoteViewer& viewer, const Pathway& p, const NoteInput& in) {
  auto facts = facts_of(tx, p, by.org);
  ensure(PathwayAction::write_note, facts);
  NoteInput v = validate_note(in);
  NoteLevel level = *parse_note_level(v.level);
  NoteViewer author = viewer;
  author.member = facts.member;
  if (!can_write_note(author, level))
    throw ValidationError("level", "Seuls les travailleurs sociaux peuvent écrire une note sociale confidentielle.");
  return store::add_note(tx, p.id, p.person_id, level, v.body, by);
}

void edit_note(db::Tx& tx, const Actor& by, const NoteViewer& viewer, const Pathway& p, long long note,
               const NoteInput& in) {
  auto facts = facts_of(tx, p, by.org);
  ensure(PathwayAction::write_note, facts);
  NoteViewer author = viewer;
  author.member = facts.member;
  auto n = store::find_note(tx, note);
  if (!n || n->pathway_id != p.id || !can_see_note(author, note_facts(*n)))
    throw NotFound("Cette note n'existe pas ou vous ne pouvez pas la lire.");
  NoteInput v = validate_note(in);
  NoteLevel level = *parse_note_level(v.level);
  if (n->author_org_id != by.org) throw Forbidden("Seule l'organisation qui a écrit la note peut la modifier.");
  if (!can_edit_note(author, note_facts(*n), level))
    throw ValidationError("level", "Seuls les travailleurs sociaux peuvent écrire une note sociale confidentielle.");
  if (v.body == n->body && level == n->level) return;  // nothing changed: no new version
  store::edit_note(tx, *n, level, v.body, by);
}

std::vector<Note> visible_notes(db::Tx& tx, const NoteViewer& viewer, const Pathway& p) {
  std::vector<Note> out;
  for (auto& n : store::notes(tx, p.id))
    if (can_see_note(viewer, note_facts(n))) out.push_back(std::move(n));
  return out;
}

NoteWithVersions note_for(db::Tx& tx, const NoteViewer& viewer, const Pathway& p, long long note) {
  auto n = store::find_note(tx, note);
  if (!n || n->pathway_id != p.id || !can_see_note(viewer, note_facts(*n)))
    throw NotFound("Cette note n'existe pas ou vous ne pouvez pas la lire.");
  NoteWithVersions out{*n, {}};
  for (auto& v : store::note_versions(tx, note))
    if (can_see_note(viewer, version_facts(v, *n))) out.versions.push_back(std::move(v));
  return out;
}

std::vector<Note> notes_for_person(db::Tx& tx, long long person) {
  return store::notes_of_person(tx, person, NoteLevel::person);
}

// ---- Orientations

Sent send_orientation(db::Tx& tx, const Actor& by, long long person, const OrientationTarget& to,
                      const std::string& motif, long long diagnosis, const std::string& today) {
  Validator v;
  long long to_org = 0;
  std::string receiver;
  if (to.service && to.organisation) {
    v.add("service_id", "Choisissez soit un service de l'annuaire, soit une organisation, pas les deux.");
  } else if (to.service) {
    auto sv = directory::store::find_service(tx, to.service);
    auto st = sv && sv->status == directory::ServiceStatus::published
                  ? directory::store::find_structure(tx, sv->structure_id)
                  : std::nullopt;
    if (!st)
      v.add("service_id", "Ce service n'existe pas ou n'est plus publié dans l'annuaire.");
    else if (!st->organisation_id)
      v.add("service_id",
            "La structure de ce service n'a pas de compte sur Jalon : contactez-la directement (coordonnées dans "
            "l'annuaire).");
    else {
      to_org = st->organisation_id;
      receiver = st->name;
    }
  } else if (to.organisation) {
    if (auto o = accounts::store::find_organisation(tx, to.organisation)) {
      to_org = o->id;
      receiver = o->name;
    } else {
      v.add("organisation_id", "Cette organisation n'existe pas.");
    }
  } else {
    v.add("service_id", "Choisissez un service de l'annuaire ou une organisation.");
  }
  if (to_org && to_org == by.org)
    v.add(to.service ? "service_id" : "organisation_id", "Choisissez une autre organisation que la vôtre.");
  if (diagnosis > 0 && !diagnosis::store::find(tx, person, diagnosis))
    v.add("diagnosis_id", "Ce diagnostic n'existe pas ou concerne une autre personne.");
  std::string m = text::trim(motif);
  try {
    m = validate_motif(motif);
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields()) v.add(f.field, f.message);
  }
  v.throw_if_any();
  if (store::pending_duplicate(tx, person, to_org, to.service))
    throw Conflict("Une orientation de cette personne vers " + receiver + " est déjà en attente de réponse.");
  store::NewOrientation o;
  o.person = person;
  if (auto current = store::current_pathway(tx, person)) o.pathway = current->id;
  o.to_org = to_org;
  o.service = to.service;
  o.diagnosis = diagnosis > 0 ? diagnosis : 0;
  o.motif = m;
  o.sent_on = today;
  o.expires_on = expiry_date(today, store::expiry_days(tx, to_org));
  long long id = store::create_orientation(tx, o, by);
  store::add_orientation_event(tx, id, "sent", by, "Vers " + receiver);
  // The receiving organisation's members: no identity in the text, the inbox shows the rest.
  notifications::notify_organisation(tx, to_org, "orientation.received",
                                     "Nouvelle orientation reçue (n° " + std::to_string(id) + ") : à accepter ou refuser.",
                                     "/organisations/" + std::to_string(to_org) + "/orientations");
  return Sent{id, receiver};
}

OrientationSide side_of(const Orientation& o, long long org) {
  if (o.to_org_id == org) return OrientationSide::receiver;
  if (o.from_org_id == org) return OrientationSide::sender;
  return OrientationSide::other;
}

namespace {
void ensure_orientation(OrientationAction a, const Orientation& o, long long org) {
  OrientationSide side = side_of(o, org);
  if (can(a, side, o.status)) return;
  if (side == OrientationSide::other) throw NotFound("Cette orientation n'existe pas.");
  if (can(a, side, OrientationStatus::pending))
    throw Conflict(std::string("Cette orientation a déjà reçu une suite : ") + quoted(label(o.status)) + ".");
  throw Forbidden(a == OrientationAction::cancel ? "Seule l'organisation qui a envoyé l'orientation peut l'annuler."
                                                 : "Seule l'organisation qui reçoit l'orientation peut y répondre.");
}
}  // namespace

long long accept_orientation(db::Tx& tx, const Actor& by, const Orientation& o, const std::string& today,
                             const std::string& base_url) {
  ensure_orientation(OrientationAction::accept, o, by.org);
  auto person = people::store::find(tx, o.person_id);
  if (!person || !person->consent_sharing)
    throw Conflict(
        "La personne ne consent plus au partage de sa fiche entre organisations : l'orientation ne peut pas être "
        "acceptée.");
  if (!store::answer(tx, o.id, OrientationStatus::accepted, by.user))
    throw Conflict("Cette orientation a déjà reçu une réponse.");
  auto current = store::current_pathway(tx, o.person_id);
  long long pathway_id = 0;
  if (current) {
    pathway_id = current->id;
  } else {
    // No pathway yet: the sender, who started the orientation, becomes the referent; the role can
    // be transferred afterwards.
    long long counsellor =
        o.from_user_id && accounts::store::member(tx, o.from_org_id, o.from_user_id) ? o.from_user_id : 0;
    pathway_id = store::create_pathway(tx, o.person_id, by, o.from_org_id, counsellor, today);
    make_referent_grant(tx, o.person_id, o.from_org_id, o.from_org_id);
    store::add_event(tx, pathway_id, by, "opened", 0,
                     "Début le " + time::display_civil(today) + " à l'acceptation de l'orientation n° " +
                         std::to_string(o.id) + ", référent : " + o.from_org_name +
                         (o.from_user_name.empty() || !counsellor ? "" : " (" + o.from_user_name + ")"));
  }
  auto p = store::find_pathway(tx, pathway_id);
  bool was_member = facts_of(tx, *p, o.to_org_id).member;
  join(tx, by, *p, o.to_org_id, "orientation");
  store::link_pathway(tx, o.id, pathway_id);
  store::add_orientation_event(tx, o.id, "accepted", by, "");
  if (!was_member)
    store::add_event(tx, pathway_id, by, "member_joined", 0,
                     o.to_org_name + " rejoint le parcours (orientation n° " + std::to_string(o.id) + " acceptée)");
  mail_sender(tx, o, "orientation.accepted", "a été acceptée par " + o.to_org_name,
              "La personne est désormais suivie aussi par cette organisation dans son parcours.", base_url);
  return pathway_id;
}

void refuse_orientation(db::Tx& tx, const Actor& by, const Orientation& o, const RefusalInput& in,
                        const std::string& base_url) {
  ensure_orientation(OrientationAction::refuse, o, by.org);
  RefusalInput v = validate_refusal(in);
  if (!store::answer(tx, o.id, OrientationStatus::refused, by.user, v.reason, v.detail))
    throw Conflict("Cette orientation a déjà reçu une réponse.");
  std::string why = std::string(refusal_reason_label(v.reason)) + (v.detail.empty() ? "" : " : " + v.detail);
  store::add_orientation_event(tx, o.id, "refused", by, why);
  mail_sender(tx, o, "orientation.refused", "a été refusée par " + o.to_org_name, "Motif du refus : " + why, base_url);
}

void cancel_orientation(db::Tx& tx, const Actor& by, const Orientation& o) {
  ensure_orientation(OrientationAction::cancel, o, by.org);
  if (!store::answer(tx, o.id, OrientationStatus::cancelled, by.user))
    throw Conflict("Cette orientation a déjà reçu une réponse.");
  store::add_orientation_event(tx, o.id, "cancelled", by, "");
}

int expire_orientations(db::Database& db, const std::string& today, const std::string& base_url) {
  int expired = 0;
  db::transact(db, [&](db::Tx& tx) {
    expired = 0;
    if (tx.engine() == db::Engine::postgresql) {
      // One server at a time: the lock ends with the transaction; a server that does not get it
      // leaves this round to the one that did.
      db::Query lock(tx, "SELECT CASE WHEN pg_try_advisory_xact_lock(7419005) THEN 1 ELSE 0 END");
      if (!lock.next() || lock.int64(0) != 1) return;
      lock.run();
    }
    for (long long id : store::due_to_expire(tx, today)) {
      auto o = store::find_orientation(tx, id);
      if (!o || !store::answer(tx, id, OrientationStatus::expired, 0)) continue;
      store::add_orientation_event(tx, id, "expired", Actor{}, "Sans réponse au " + time::display_civil(o->expires_on));
      mail_sender(tx, *o, "orientation.expired", "a expiré sans réponse de " + o->to_org_name,
                  "Le délai de réponse s'est terminé le " + time::display_civil(o->expires_on) +
                      " : vous pouvez orienter la personne ailleurs.",
                  base_url);
      ++expired;
    }
  });
  return expired;
}

// ---- Timeline

std::vector<TimelineEntry> timeline(db::Tx& tx, const NoteViewer& viewer, const Pathway& p,
                                    const std::string& category) {
  std::vector<TimelineEntry> out;
  auto want = [&](const char* c) { return category.empty() || category == c; };
  for (const auto& e : store::events(tx, p.id)) {
    const char* c = event_category(e.kind);
    if (want(c))
      out.push_back(TimelineEntry{e.at, "", c, event_title(e.kind), e.detail, who(e.user_name, e.organisation_name)});
  }
  if (want("notes")) {
    std::map<long long, Note> notes;
    for (auto& n : store::notes(tx, p.id)) notes.emplace(n.id, std::move(n));
    for (const auto& v : store::note_versions_of_pathway(tx, p.id)) {
      const Note& n = notes.at(v.note_id);
      if (!can_see_note(viewer, NoteFacts{v.level, n.author_org_id, n.person_id})) continue;
      std::string excerpt = v.body.size() > 300 ? text::cut_utf8(v.body, 300) + "…" : v.body;
      out.push_back(TimelineEntry{
          v.written_at, "", "notes",
          v.version == 1 ? "Note écrite" : "Note modifiée (version " + std::to_string(v.version) + ")",
          std::string(label(v.level)) + " — " + excerpt, who(v.written_by_user_name, v.written_by_org_name)});
    }
  }
  if (want("orientations")) {
    std::vector<long long> ids;
    std::map<long long, Orientation> by_id;
    for (auto& o : store::orientations_of_pathway(tx, p.id)) {
      ids.push_back(o.id);
      by_id.emplace(o.id, std::move(o));
    }
    for (const auto& e : store::orientation_events(tx, ids)) {
      const Orientation& o = by_id.at(e.orientation_id);
      std::string detail = "n° " + std::to_string(o.id) + ", de " + o.from_org_name + " vers " + o.to_org_name +
                           (o.service_name.empty() ? "" : " (" + o.service_name + ")");
      if (e.kind == "sent")
        detail += " — motif : " + o.motif;
      else if (!e.detail.empty())
        detail += " — " + e.detail;
      out.push_back(TimelineEntry{e.at, "", "orientations", orientation_event_title(e.kind), detail,
                                  who(e.user_name, e.organisation_name)});
    }
  }
  if (want("diagnostics")) {
    std::string from = expiry_date(p.started_on, -183);
    for (const auto& d : diagnosis::store::history(tx, p.person_id)) {
      if (d.made_on < from || (p.status == Status::closed && d.made_on > p.closed_on)) continue;
      out.push_back(TimelineEntry{d.made_on + "T00:00:00Z", d.made_on, "diagnostics", "Diagnostic",
                                  std::to_string(d.barriers) + " frein(s) relevé(s)",
                                  who(d.author_name, d.organisation_name)});
    }
  }
  if (want("rendez-vous")) {
    // The person's appointments with the pathway's member organisations, during the pathway.
    std::set<long long> orgs;
    for (const auto& m : store::members(tx, p.id)) orgs.insert(m.organisation_id);
    for (const auto& a : appointments::store::of_person(tx, p.person_id, 0, 500)) {
      std::string day = time::civil_date_of(a.starts_at);
      if (!orgs.count(a.organisation_id) || day < p.started_on || (p.status == Status::closed && day > p.closed_on)) continue;
      std::string status;
      for (const auto& part : a.participants)
        if (part.person_id == p.person_id) status = appointments::status_label(part.status);
      auto at = time::parse_iso(a.starts_at);
      out.push_back(TimelineEntry{a.starts_at, "", "rendez-vous", "Rendez-vous : " + a.subject,
                                  (at ? appointments::display_when(*at) : a.starts_at) + (status.empty() ? "" : " (" + status + ")"),
                                  who(a.counsellor_name, a.organisation_name)});
    }
  }
  // Newest first; entries of the same second keep the order they were written in, reversed.
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace jalon::pathways
