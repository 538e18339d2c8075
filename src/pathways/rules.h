// Pure decisions of the pathway room: the state machines (tables of transitions), who may do
// what on a pathway, who sees a note, and the validation of what forms and the API send.
// No I/O, no clock: `today` ("YYYY-MM-DD") is passed.
#pragma once
#include <string>
#include <vector>

#include "base/errors.h"
#include "pathways/model.h"

namespace jalon::pathways {

// ---- State machines. `from == to` is never a transition.
bool can_move(Status from, Status to);
bool can_move(Progress from, Progress to);
bool can_move(MemberStatus from, MemberStatus to);
bool can_move(OrientationStatus from, OrientationStatus to);
// The states reachable from `from`, in declaration order (for the forms' choices).
std::vector<Progress> next(Progress from);
std::vector<Status> next(Status from);
// The French verb of a transition to `to` ("Commencer", "Marquer comme réalisé"…).
const char* verb(Progress to);

// Objectives, actions, steps and social outcomes change only while the pathway is open.
bool engagement_editable(Status s);

// ---- Who may do what on a pathway. The caller already passed people::can for the person
// (read for `see`, write for the others) as the organisation of the route.
enum class PathwayAction {
  see,           // the pathway, its members, engagement, steps, outcomes, timeline
  edit,          // objectives, actions, steps, social outcomes
  write_note,    // add a note (its level is checked by can_write_note)
  manage,        // invite, approve or refuse a request, remove a member, transfer, counsellor, status
  request_join,  // ask to become a member
  leave,         // end one's own membership
};
struct PathwayFacts {
  bool member = false;        // the organisation is an active member
  bool referent = false;      // the organisation is the referent
  bool live_request = false;  // the organisation has a pending request
  Status status = Status::open;
};
bool can(PathwayAction a, const PathwayFacts& f);

// ---- Notes.
struct NoteViewer {
  enum class Kind { staff, token, person, platform_admin };
  Kind kind = Kind::staff;
  long long organisation_id = 0;  // staff and token
  bool member = false;            // the organisation is an active member of the note's pathway
  bool social_worker = false;     // staff only
  long long person_id = 0;        // the person themself
};
struct NoteFacts {
  NoteLevel level = NoteLevel::members;
  long long author_org_id = 0;
  long long person_id = 0;  // whom the pathway is about
};
// The one visibility rule (docs/pathways.md, "Note visibility").
bool can_see_note(const NoteViewer& v, const NoteFacts& n);
// Whether `v` may write a note of `level` (so that the author sees what they write).
bool can_write_note(const NoteViewer& v, NoteLevel level);
// Whether `v` may edit the note: its author's organisation, while it sees the note, and only
// to a level it may write.
bool can_edit_note(const NoteViewer& v, const NoteFacts& current, NoteLevel new_level);

// ---- Orientations.
enum class OrientationSide { sender, receiver, other };
enum class OrientationAction { see, accept, refuse, cancel };
bool can(OrientationAction a, OrientationSide side, OrientationStatus status);
// The day an orientation sent on `sent_on` expires: `days` later; it expires when today is
// after that day.
std::string expiry_date(const std::string& sent_on, int days);
bool is_due_to_expire(const std::string& expires_on, const std::string& today);
// Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is before.
int days_between(const std::string& from, const std::string& to);

// ---- Validation: each throws ValidationError naming its fields (French messages) and returns
// the input trimmed. Field names are those of the forms and of the API.
struct ObjectiveInput {
  std::string domain, title, target_on;
};
ObjectiveInput validate_objective(ObjectiveInput in);
struct ActionInput {
  std::string title, responsible, start_on, due_on;
};
ActionInput validate_action(ActionInput in);
struct StepInput {
  std::string scheme, title, phase, start_on, end_on;
  long long organisation_id = 0;
};
StepInput validate_step(StepInput in);
struct SocialOutcomeInput {
  std::string kind, achieved_on, detail;
};
SocialOutcomeInput validate_social_outcome(SocialOutcomeInput in, const std::string& today);
struct CloseInput {
  std::string outcome, closed_on, detail;
};
CloseInput validate_close(CloseInput in, const std::string& started_on, const std::string& today);
std::string validate_started_on(const std::string& started_on, const std::string& today);
struct NoteInput {
  std::string body, level;
};
NoteInput validate_note(NoteInput in);
std::string validate_motif(const std::string& motif);
struct RefusalInput {
  std::string reason, detail;
};
RefusalInput validate_refusal(RefusalInput in);
int validate_expiry_days(const std::string& days);

// ---- Timeline: the filter category of an event kind ("parcours", "membres", "objectifs",
// "etapes", "resultats", "orientations", "notes"), and the categories with their labels.
const char* event_category(const std::string& kind);
const std::vector<Label>& timeline_categories();

}  // namespace jalon::pathways
