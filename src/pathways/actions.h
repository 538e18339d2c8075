// What the pathway pages and API both do. Each function runs in the caller's write transaction,
// checks the state machines and the pathway-level rules (rules.h) from the facts it reads, and
// throws ValidationError (bad input), Conflict (the state forbids it) or Forbidden (the acting
// organisation may not). The person-level check (people::can, audited) is the caller's: see
// access.h. Every change appends a pathway event (the timeline).
#pragma once
#include <string>
#include <vector>

#include "db/db.h"
#include "pathways/model.h"
#include "pathways/rules.h"

namespace jalon::pathways {

// The facts of `org` on `p`: member, referent, pending request, status.
PathwayFacts facts_of(db::Tx& tx, const Pathway& p, long long org);
// Throws Forbidden, or Conflict when only the pathway's state stands in the way (closed,
// suspended, already a member, the referent leaving).
void ensure(PathwayAction a, const PathwayFacts& f);

// ---- Pathway
// Opens a pathway for `person` with `by.org` as referent and `counsellor` (a user of that
// organisation, or 0) as its counsellor. Conflict when the person already has one not closed.
long long open_pathway(db::Tx& tx, const Actor& by, long long person, long long counsellor,
                       const std::string& started_on, const std::string& today);
// Suspends, resumes or closes (with `close`, validated against the start and today).
void change_status(db::Tx& tx, const Actor& by, const Pathway& p, Status to, const CloseInput& close,
                   const std::string& today);
// Makes `org` (an active member) the referent, with `counsellor` (a user of it, or 0). When `org`
// is already the referent, changes the counsellor only. The referent's grant reason follows.
void transfer_referent(db::Tx& tx, const Actor& by, const Pathway& p, long long org, long long counsellor);

// ---- Members
// The referent invites `org`: it becomes an active member with a grant (the caller checked the
// person's consent: people::Action::share).
void invite(db::Tx& tx, const Actor& by, const Pathway& p, long long org);
// `by.org` asks to join; the referent decides.
void request_join(db::Tx& tx, const Actor& by, const Pathway& p);
// The referent approves (grant given) or refuses a pending request of `org`.
void decide(db::Tx& tx, const Actor& by, const Pathway& p, long long org, bool approve);
// Ends `org`'s live membership (or request): the referent removes a member, or `org` == by.org
// leaves. The referent itself cannot be removed. Its grant on the person stays (people room).
void end_membership(db::Tx& tx, const Actor& by, const Pathway& p, long long org);
// Makes `org` an active member (if it is not) and gives it a grant (if it has none), recording
// `origin`: the common end of an invitation, an approval and an accepted orientation.
void join(db::Tx& tx, const Actor& by, const Pathway& p, long long org, const std::string& origin);

// ---- Engagement, steps, outcomes (pathway open)
long long add_objective(db::Tx& tx, const Actor& by, const Pathway& p, const ObjectiveInput& in);
void move_objective(db::Tx& tx, const Actor& by, const Pathway& p, long long objective, Progress to);
long long add_action(db::Tx& tx, const Actor& by, const Pathway& p, long long objective, const ActionInput& in);
void move_action(db::Tx& tx, const Actor& by, const Pathway& p, long long action, Progress to,
                 const std::string& today);
// A step may name the organisation that carries it: an active member.
long long add_step(db::Tx& tx, const Actor& by, const Pathway& p, const StepInput& in);
void move_step(db::Tx& tx, const Actor& by, const Pathway& p, long long step, Progress to);
long long add_social_outcome(db::Tx& tx, const Actor& by, const Pathway& p, const SocialOutcomeInput& in,
                             const std::string& today);

// A hire recorded by the jobs room, whose employer need not be a member of the pathway: in the
// person's pathway that is not closed (none: nothing, returns 0), a step of scheme "job" titled
// `title`, in progress from `start_on`, carried by no member, with its event by `by`.
long long record_hire(db::Tx& tx, const Actor& by, long long person, const std::string& title,
                      const std::string& start_on);
// The hire was cancelled: step `step` (what record_hire returned), if it is still in progress in
// the person's open pathway, becomes abandoned, with its event (nothing otherwise). `step` 0 (a
// hire recorded before the step was kept): the step of scheme "job" titled `title` in progress.
void cancel_hire(db::Tx& tx, const Actor& by, long long person, long long step, const std::string& title);

// ---- Notes (`viewer` describes the author: see rules.h)
long long add_note(db::Tx& tx, const Actor& by, const NoteViewer& viewer, const Pathway& p, const NoteInput& in);
void edit_note(db::Tx& tx, const Actor& by, const NoteViewer& viewer, const Pathway& p, long long note,
               const NoteInput& in);
// The pathway's notes `viewer` may see, newest first.
std::vector<Note> visible_notes(db::Tx& tx, const NoteViewer& viewer, const Pathway& p);
// A note and its versions, each version only if its own level lets `viewer` see it. NotFound
// when the note is not in `p` or not visible.
struct NoteWithVersions {
  Note note;
  std::vector<NoteVersion> versions;  // oldest first, the current one last
};
NoteWithVersions note_for(db::Tx& tx, const NoteViewer& viewer, const Pathway& p, long long note);
// The notes shared with the person, every pathway of theirs (their own space, part B).
std::vector<Note> notes_for_person(db::Tx& tx, long long person);

// ---- Orientations
struct OrientationTarget {
  long long service = 0;       // a published directory service whose structure has an organisation
  long long organisation = 0;  // or an organisation
};
struct Sent {
  long long id = 0;
  std::string receiver;  // the structure's name for a service, the organisation's otherwise
};
// Sends an orientation of `person` from `by` (the caller checked people::Action::share), with
// the diagnosis it comes from (0: none; else one of the person's).
// ValidationError on service_id / organisation_id / motif / diagnosis_id; Conflict for a pending
// duplicate.
Sent send_orientation(db::Tx& tx, const Actor& by, long long person, const OrientationTarget& to,
                      const std::string& motif, long long diagnosis, const std::string& today);
OrientationSide side_of(const Orientation& o, long long org);
// The receiver accepts: joins the person's open pathway, or opens one with the sender as referent;
// gets a grant. Conflict when the person no longer consents to sharing. Returns the pathway id.
long long accept_orientation(db::Tx& tx, const Actor& by, const Orientation& o, const std::string& today,
                             const std::string& base_url);
void refuse_orientation(db::Tx& tx, const Actor& by, const Orientation& o, const RefusalInput& in,
                        const std::string& base_url);
void cancel_orientation(db::Tx& tx, const Actor& by, const Orientation& o);
// Expires the pending orientations whose delay ran out before `today`: one write transaction;
// on PostgreSQL, only the server that takes the advisory lock does it (the others return 0).
// Each sender gets an event and an e-mail. Returns how many expired.
int expire_orientations(db::Database& db, const std::string& today, const std::string& base_url);

// ---- Timeline
struct TimelineEntry {
  std::string at;        // instant (the sort key)
  std::string on;        // a civil date instead, when the fact has no instant (a diagnosis)
  std::string category;  // see rules.h timeline_categories()
  std::string title;     // French
  std::string detail;
  std::string who;  // "Karim Haddad (Mission Locale…)"
};
// Everything that happened in `p` that `viewer` may see, newest first; `category` "" for all.
// The person's diagnoses count from six months before the start (a prescriber's diagnosis is
// valid six months) to the exit; their appointments with the member organisations, from the
// start to the exit.
std::vector<TimelineEntry> timeline(db::Tx& tx, const NoteViewer& viewer, const Pathway& p,
                                    const std::string& category);

}  // namespace jalon::pathways
