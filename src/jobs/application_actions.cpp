#include "jobs/application_actions.h"

#include <algorithm>

#include "accounts/store.h"
#include "base/text.h"
#include "base/time.h"
#include "db/query.h"
#include "documents/store.h"
#include "jobs/store.h"
#include "mail/outbox.h"
#include "notifications/notify.h"
#include "pathways/actions.h"
#include "people/store.h"

namespace jalon::jobs {

namespace astore = application_store;
using astore::Application;

namespace {

std::string quoted(const std::string& s) {
  return "« " + s + " »";
}

std::string number(long long id) {
  return "n° " + std::to_string(id);
}

std::string link(long long org, long long id) {
  return "/organisations/" + std::to_string(org) + "/candidatures/" + std::to_string(id);
}

// "Camille M.": enough for an organisation that already knows the person, no more.
std::string short_name(db::Tx& tx, long long person) {
  auto p = people::store::find(tx, person);
  if (!p) return "la personne";
  std::string out = p->first_name;
  std::size_t n = p->last_name.empty() ? 0 : 1;
  while (n < p->last_name.size() && (static_cast<unsigned char>(p->last_name[n]) & 0xC0) == 0x80) ++n;
  if (n) out += " " + p->last_name.substr(0, n) + ".";
  return out;
}

std::string sender_name(db::Tx& tx, long long org) {
  auto o = accounts::store::find_organisation(tx, org);
  return o ? o->name : "organisation n° " + std::to_string(org);
}

astore::By by_of(const Acting& a) {
  astore::By b;
  if (a.kind == Acting::Kind::organisation) {
    b.org = a.org;
    b.user = a.user;
  }
  b.person = a.kind == Acting::Kind::person;
  return b;
}

// The candidate's e-mail about a decision on their application (nothing without an address).
// `answer` is the employer's message; `note` a sentence of the platform's (a withdrawal's author).
void mail_person(db::Tx& tx, const Application& a, ApplicationState to, const std::string& answer,
                 const std::string& hired_on, const std::string& base_url, const std::string& note = "") {
  auto p = people::store::find(tx, a.person_id);
  if (!p || p->email.empty()) return;
  std::string body = "Bonjour " + p->first_name + ",\n\nVotre candidature pour l'offre " + quoted(a.offer_title) +
                     " chez " + a.employer_name + " : " + label_for_person(to) + ".\n";
  if (!hired_on.empty()) body += "Date d'embauche : " + time::display_civil(hired_on) + ".\n";
  if (!note.empty()) body += note + "\n";
  if (!answer.empty()) body += "\nMessage de l'employeur :\n" + answer + "\n";
  body += "\nRetrouvez vos candidatures dans votre espace personnel : " + base_url +
          "/mon-espace\n\n-- \nJalon, plateforme partagée de l'insertion\n";
  mail::enqueue(tx, p->email, "Votre candidature pour " + quoted(a.offer_title), body);
}

// The sending organisation learns each decision of the employer (or of the platform).
void tell_sender(db::Tx& tx, const Application& a, ApplicationState to, std::optional<RefusalReason> reason) {
  if (!a.sender_org || a.sender_org == a.organisation_id) return;
  // Named only while the sender may still see the person.
  std::string who = people::store::has_grant(tx, a.person_id, a.sender_org) ? short_name(tx, a.person_id) : "la personne";
  std::string text = "Candidature " + number(a.id) + " de " + who + " pour " +
                     quoted(a.offer_title) + " chez " + a.employer_name + " : " + label(to) +
                     (reason ? " (motif : " + std::string(label(*reason)) + ")" : "") + ".";
  notifications::notify_organisation(tx, a.sender_org, "application.decided", text, link(a.sender_org, a.id));
}

void offer_changed_if(db::Tx& tx, const Application& a, ApplicationState from, ApplicationState to) {
  if (is_pending(from) != is_pending(to)) jobs::store::offer_changed(tx, a.offer_id);
}

// The person was hired through `hired`: their other pending applications close.
void obsolete_others(db::Tx& tx, const Application& hired) {
  for (const auto& o : astore::pending_of_person(tx, hired.person_id, hired.id)) {
    if (!astore::move(tx, o.id, o.state, ApplicationState::obsolete, std::nullopt, "", "")) continue;
    astore::add_event(tx, o.id, o.state, ApplicationState::obsolete, name(RefusalReason::hired_elsewhere), {});
    jobs::store::offer_changed(tx, o.offer_id);
    notifications::notify_organisation(tx, o.organisation_id, "application.decided",
                                       "La candidature " + number(o.id) + " pour " + quoted(o.offer_title) +
                                           " est close : la personne a été embauchée ailleurs.",
                                       link(o.organisation_id, o.id));
    tell_sender(tx, o, ApplicationState::obsolete, std::nullopt);
  }
}

}  // namespace

std::vector<ApplicationActor> roles_of(const Application& a, const Acting& by) {
  std::vector<ApplicationActor> out;
  switch (by.kind) {
    case Acting::Kind::organisation:
      if (a.organisation_id == by.org) out.push_back(ApplicationActor::employer);
      if (a.sender_org && a.sender_org == by.org) out.push_back(ApplicationActor::sender);
      break;
    case Acting::Kind::person:
      if (a.person_id == by.person) out.push_back(ApplicationActor::person);
      break;
    case Acting::Kind::platform:
      out.push_back(ApplicationActor::platform);
      break;
  }
  return out;
}

long long apply(db::Tx& tx, const Acting& by, const NewApplicationInput& in, const std::string& base_url) {
  Validator v;
  auto offer = in.offer > 0 ? astore::find_offer(tx, in.offer) : std::nullopt;
  if (!offer)
    v.add("offer_id", "Choisissez une offre d'emploi.");
  else if (!offer->open)
    v.add("offer_id", "Cette offre est close : elle ne reçoit plus de candidatures.");
  if (in.cv_document) {
    auto d = documents::store::find(tx, in.cv_document);
    if (!d || d->person_id != in.person || d->kind != "cv")
      v.add("cv_document_id", "Choisissez un CV parmi les documents de la personne.");
  }
  std::string message = in.message;
  try {
    message = validate_application({in.message}).message;
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields()) v.add(f.field, f.message);
  }
  v.throw_if_any();
  // The partial unique index says the same under concurrency (a unique failure: 409).
  astore::Filter live;
  live.person = in.person;
  live.offer = offer->id;
  live.state = "pending";
  if (!astore::list(tx, live, 1).empty())
    throw Conflict("Une candidature de cette personne à l'offre " + quoted(offer->title) +
                   " est déjà en cours : une seule à la fois.");
  astore::NewApplication n;
  n.offer_id = offer->id;
  n.organisation_id = offer->organisation_id;
  n.person_id = in.person;
  n.message = message;
  n.cv_document_id = in.cv_document;
  if (by.kind == Acting::Kind::person) {
    n.sender_kind = "person";
  } else {
    n.sender_kind = by.org == offer->organisation_id ? "employer" : "prescriber";
    n.sender_org = by.org;
    n.sender_user = by.user;
  }
  long long id = astore::insert(tx, n);
  astore::add_event(tx, id, std::nullopt, ApplicationState::new_, "", by_of(by));
  jobs::store::offer_changed(tx, offer->id);
  if (n.sender_kind != "employer")
    notifications::notify_organisation(
        tx, offer->organisation_id, "application.received",
        "Nouvelle candidature (" + number(id) + ") pour votre offre " + quoted(offer->title) + " : à étudier.",
        link(offer->organisation_id, id));
  if (by.kind == Acting::Kind::organisation) {
    auto p = people::store::find(tx, in.person);
    if (p && !p->email.empty())
      mail::enqueue(tx, p->email, "Candidature envoyée pour " + quoted(offer->title),
                    "Bonjour " + p->first_name + ",\n\n" +
                        (n.sender_kind == "employer" ? offer->organisation_name + " a enregistré"
                                                     : "Votre conseiller (" + sender_name(tx, by.org) + ") a envoyé") +
                        " votre candidature pour l'offre " + quoted(offer->title) + " chez " +
                        offer->organisation_name +
                        ".\nVous serez prévenu(e) de la réponse de l'employeur.\n\nRetrouvez vos candidatures dans "
                        "votre espace personnel : " +
                        base_url + "/mon-espace\n\n-- \nJalon, plateforme partagée de l'insertion\n");
  }
  return id;
}

ApplicationState transition(db::Tx& tx, const Acting& by, const Application& a, const TransitionInput& in,
                            const std::string& today, const std::string& base_url) {
  auto roles = roles_of(a, by);
  if (roles.empty()) throw NotFound("Cette candidature n'existe pas.");
  ValidTransition t = validate_transition(in, roles.front(), time::civil_date_of(a.created_at), today);
  std::optional<ApplicationState> to;
  for (ApplicationActor r : roles)
    if (!to) to = next_state(t.action, a.state, r);
  if (!to) {
    if (possible_from(t.action, a.state))
      throw Forbidden(t.action == ApplicationAction::withdraw
                          ? "Seuls le candidat et l'organisation qui a envoyé la candidature peuvent la retirer."
                          : "Cette décision revient à l'employeur.");
    throw Conflict("La candidature est " + quoted(label(a.state)) + " : " + quoted(label(t.action)) +
                   " n'est pas possible.");
  }
  if (!astore::move(tx, a.id, a.state, *to, t.reason, t.message, t.hired_on))
    throw Conflict("La candidature vient de changer d'état : rechargez la page.");
  std::string reason = t.reason ? name(*t.reason) : "";
  astore::add_event(tx, a.id, a.state, *to, reason, by_of(by));
  offer_changed_if(tx, a, a.state, *to);
  pathways::Actor actor{by.org, by.user, false, by.kind == Acting::Kind::organisation && !by.user};
  std::string step = hire_step_title(a.offer_title, a.employer_name);
  if (t.action == ApplicationAction::accept) {
    obsolete_others(tx, a);
    astore::set_hire_step(tx, a.id, pathways::record_hire(tx, actor, a.person_id, step, t.hired_on));
  }
  if (t.action == ApplicationAction::cancel_hire) pathways::cancel_hire(tx, actor, a.person_id, a.hire_step_id, step);
  if (t.action == ApplicationAction::withdraw) {
    std::string who = by.kind == Acting::Kind::person ? "la personne" : a.sender_org_name;
    notifications::notify_organisation(
        tx, a.organisation_id, "application.withdrawn",
        "La candidature " + number(a.id) + " pour " + quoted(a.offer_title) + " a été retirée par " + who + ".",
        link(a.organisation_id, a.id));
    if (by.kind == Acting::Kind::person)
      tell_sender(tx, a, *to, std::nullopt);
    else  // the sender withdrew it: the candidate should know
      mail_person(tx, a, *to, "", "", base_url, "Votre candidature a été retirée par " + a.sender_org_name + ".");
  } else {
    tell_sender(tx, a, *to, t.reason);
    mail_person(tx, a, *to, t.message, t.hired_on, base_url);
  }
  return *to;
}

int refuse_unanswered(db::Database& db, const std::string& today, const std::string& base_url) {
  int refused = 0;
  db::transact(db, [&](db::Tx& tx) {
    refused = 0;
    if (tx.engine() == db::Engine::postgresql) {
      // One server at a time: the lock ends with the transaction; a server that does not get it
      // leaves this round to the one that did.
      db::Query lock(tx, "SELECT CASE WHEN pg_try_advisory_xact_lock(7419012) THEN 1 ELSE 0 END");
      if (!lock.next() || lock.int64(0) != 1) return;
      lock.run();
    }
    for (long long id : astore::due_for_auto_refusal(tx, auto_refusal_bound(today))) {
      auto a = astore::find(tx, id);
      if (!a || !auto_refusal_due(a->state, time::civil_date_of(a->state_at), today)) continue;
      transition(tx, Acting::platform(), *a, {"refuse", name(RefusalReason::auto_no_answer), "", ""}, today, base_url);
      notifications::notify_organisation(tx, a->organisation_id, "application.decided",
                                         "La candidature " + number(a->id) + " pour " + quoted(a->offer_title) +
                                             " est refusée automatiquement : sans réponse en " +
                                             std::to_string(kAutoRefusalDays) + " jours.",
                                         link(a->organisation_id, a->id));
      ++refused;
    }
  });
  return refused;
}

}  // namespace jalon::jobs
