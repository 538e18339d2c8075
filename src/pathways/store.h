// The pathway room's SQL. Functions run in the caller's transaction and trust their input:
// it was validated (rules.h) and access was decided (access.h) before. Lists read names of
// organisations and users by joins, in one statement (no query per row).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "pathways/model.h"

namespace jalon::pathways::store {

// ---- Pathways
// Inserts an open pathway and its referent's active membership ("opened"). The partial unique
// index refuses a second pathway that is not closed (db unique failure: 409).
long long create_pathway(db::Tx& tx, long long person, const Actor& by, long long referent_org, long long referent_user,
                         const std::string& started_on);
std::optional<Pathway> find_pathway(db::Tx& tx, long long id);
// The person's pathway that is not closed, if any.
std::optional<Pathway> current_pathway(db::Tx& tx, long long person);
// Every pathway of the person, newest first.
std::vector<Pathway> pathways_of_person(db::Tx& tx, long long person);
// Status change; closing stores the outcome, its date and detail (empty otherwise).
void set_status(db::Tx& tx, long long id, Status s, const std::string& closed_on = "", const std::string& outcome = "",
                const std::string& outcome_detail = "");
void set_referent(db::Tx& tx, long long id, long long org, long long user);

// A pathway as an organisation's list shows it.
struct Listed {
  Pathway pathway;
  bool referent = false;
};
// The pathways `org` is an active member of, not closed ones first, then newest; at most `limit`.
std::vector<Listed> pathways_of_org(db::Tx& tx, long long org, int limit = 200);

// ---- Members
std::vector<Member> members(db::Tx& tx, long long pathway);  // every period, oldest first
// The organisation's live (requested or active) membership.
std::optional<Member> live_member(db::Tx& tx, long long pathway, long long org);
long long add_member(db::Tx& tx, long long pathway, long long org, MemberStatus status, const std::string& origin,
                     long long user);
// Moves a live membership (joined_at stamped when it becomes active, ended_at when it ends).
void set_member_status(db::Tx& tx, long long member_id, MemberStatus status, long long user);

// ---- Engagement, steps, social outcomes
long long add_objective(db::Tx& tx, long long pathway, Domain domain, const std::string& title,
                        const std::string& target_on, const Actor& by);
std::optional<Objective> find_objective(db::Tx& tx, long long id);
std::vector<Objective> objectives(db::Tx& tx, long long pathway);
void set_objective_status(db::Tx& tx, long long id, Progress p);

long long add_action(db::Tx& tx, long long pathway, long long objective, const std::string& title,
                     const std::string& responsible, const std::string& start_on, const std::string& due_on,
                     const Actor& by);
std::optional<Action> find_action(db::Tx& tx, long long id);
std::vector<Action> actions(db::Tx& tx, long long pathway);  // by objective, then id
// `completed_on` is stamped for done and abandoned, cleared otherwise.
void set_action_status(db::Tx& tx, long long id, Progress p, const std::string& today);

long long add_step(db::Tx& tx, long long pathway, const std::string& scheme, const std::string& title,
                   long long organisation, int phase, const std::string& start_on, const std::string& end_on,
                   const Actor& by);
std::optional<Step> find_step(db::Tx& tx, long long id);
std::vector<Step> steps(db::Tx& tx, long long pathway);  // by start date (undated last), then id
void set_step_status(db::Tx& tx, long long id, Progress p);

long long add_social_outcome(db::Tx& tx, long long pathway, const std::string& kind, const std::string& achieved_on,
                             const std::string& detail, const Actor& by);
std::vector<SocialOutcome> social_outcomes(db::Tx& tx, long long pathway);

// ---- Events (append-only)
void add_event(db::Tx& tx, long long pathway, const Actor& by, const std::string& kind, long long subject,
               const std::string& detail);
std::vector<Event> events(db::Tx& tx, long long pathway);  // oldest first

// ---- Notes: the current version in pathway_notes, every version in pathway_note_versions.
long long add_note(db::Tx& tx, long long pathway, long long person, NoteLevel level, const std::string& body,
                   const Actor& by);
std::optional<Note> find_note(db::Tx& tx, long long id);
std::vector<Note> notes(db::Tx& tx, long long pathway);  // newest first
// Notes of `person` at `level` in every pathway (the person's own space reads level person).
std::vector<Note> notes_of_person(db::Tx& tx, long long person, NoteLevel level);
// Appends version n+1 and makes it the current one.
void edit_note(db::Tx& tx, const Note& current, NoteLevel level, const std::string& body, const Actor& by);
std::vector<NoteVersion> note_versions(db::Tx& tx, long long note);  // oldest first
// Every version of the pathway's notes, by note then version (the timeline).
std::vector<NoteVersion> note_versions_of_pathway(db::Tx& tx, long long pathway);

// ---- Orientations
struct NewOrientation {
  long long person = 0, pathway = 0, to_org = 0, service = 0, diagnosis = 0;
  std::string motif, sent_on, expires_on;
};
long long create_orientation(db::Tx& tx, const NewOrientation& o, const Actor& by);
std::optional<Orientation> find_orientation(db::Tx& tx, long long id);
// A pending orientation of `person` to `to_org` for the same service (0: to the organisation).
bool pending_duplicate(db::Tx& tx, long long person, long long to_org, long long service);
// Received by `org` (with `status`, or every status when empty), newest first; at most `limit`.
std::vector<Orientation> received(db::Tx& tx, long long org, const std::string& status, int limit = 200);
std::vector<Orientation> sent(db::Tx& tx, long long org, const std::string& status, int limit = 200);
std::vector<Orientation> orientations_of_pathway(db::Tx& tx, long long pathway);
// The person's orientations with `status` ("" for all), newest first.
std::vector<Orientation> orientations_of_person(db::Tx& tx, long long person, const std::string& status);
// Moves a pending orientation to `to`; false when it was no longer pending (another request or
// the expiry job came first).
bool answer(db::Tx& tx, long long id, OrientationStatus to, long long user, const std::string& reason = "",
            const std::string& detail = "");
void link_pathway(db::Tx& tx, long long orientation, long long pathway);
void add_orientation_event(db::Tx& tx, long long orientation, const std::string& kind, const Actor& by,
                           const std::string& detail);
// Events of these orientations, by orientation then time (one statement per 100 ids).
std::vector<OrientationEvent> orientation_events(db::Tx& tx, const std::vector<long long>& orientations);
// Pending orientations whose expiry day is before `today`, oldest first, at most `limit`.
std::vector<long long> due_to_expire(db::Tx& tx, const std::string& today, int limit = 500);

// ---- Settings
int expiry_days(db::Tx& tx, long long org);  // kDefaultExpiryDays when not set
void set_expiry_days(db::Tx& tx, long long org, int days);

}  // namespace jalon::pathways::store
