// The shared pathway: its states, members, engagement, steps, outcomes, notes and the
// orientations sent between organisations (docs/pathways.md). Plain types; codes are the values
// stored in the database and used in the API, labels the French words of the UI.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jalon::pathways {

// A code and its French label, for every enumeration of the room.
struct Label {
  const char* code;
  const char* label;
};

enum class Status { open, suspended, closed };
const char* code(Status s);
const char* label(Status s);
std::optional<Status> parse_status(std::string_view code);

// Objectives, actions and steps share one life cycle.
enum class Progress { planned, in_progress, done, abandoned };
const char* code(Progress p);
const char* label(Progress p);
std::optional<Progress> parse_progress(std::string_view code);
const std::vector<Progress>& all_progress();

enum class Domain { social, professional };
const char* code(Domain d);
const char* label(Domain d);
std::optional<Domain> parse_domain(std::string_view code);

enum class MemberStatus { requested, active, refused, ended };
const char* code(MemberStatus s);
const char* label(MemberStatus s);
std::optional<MemberStatus> parse_member_status(std::string_view code);

// Kinds of steps (schemes).
const std::vector<Label>& schemes();
const char* scheme_label(std::string_view code);  // nullptr when unknown

// Social outcomes (DOMAIN.md).
const std::vector<Label>& social_outcome_kinds();
const char* social_outcome_label(std::string_view code);

// Professional outcomes in the standard typology: each code belongs to a category.
struct Outcome {
  const char* code;
  const char* label;
  const char* category;  // "lasting", "transition", "positive", "other"
};
const std::vector<Outcome>& outcomes();
const Outcome* find_outcome(std::string_view code);
const char* outcome_category_label(std::string_view category);

enum class NoteLevel { person, members, organisation, social };
const char* code(NoteLevel l);
const char* label(NoteLevel l);
std::optional<NoteLevel> parse_note_level(std::string_view code);
const std::vector<NoteLevel>& all_note_levels();

enum class OrientationStatus { pending, accepted, refused, expired, cancelled };
const char* code(OrientationStatus s);
const char* label(OrientationStatus s);
std::optional<OrientationStatus> parse_orientation_status(std::string_view code);
const std::vector<OrientationStatus>& all_orientation_statuses();

// Reasons a receiving organisation gives for refusing an orientation.
const std::vector<Label>& refusal_reasons();
const char* refusal_reason_label(std::string_view code);

inline constexpr int kDefaultExpiryDays = 30;

struct Pathway {
  long long id = 0, person_id = 0;
  Status status = Status::open;
  long long referent_org_id = 0, referent_user_id = 0;
  std::string referent_org_name, referent_user_name;
  std::string started_on, closed_on, outcome, outcome_detail;
  long long created_by_org = 0, created_by_user = 0;
  std::string created_at, updated_at;
};

struct Member {
  long long id = 0, pathway_id = 0, organisation_id = 0;
  std::string organisation_name;
  MemberStatus status = MemberStatus::requested;
  std::string origin;  // "opened", "invited", "requested", "orientation"
  std::string requested_at, joined_at, ended_at;
};

struct Objective {
  long long id = 0, pathway_id = 0;
  Domain domain = Domain::professional;
  std::string title;
  Progress status = Progress::planned;
  std::string target_on;
  long long created_by_org = 0;
  std::string created_at, updated_at;
};

struct Action {
  long long id = 0, pathway_id = 0, objective_id = 0;
  std::string title;
  Progress status = Progress::planned;
  std::string responsible, start_on, due_on, completed_on;
  long long created_by_org = 0;
  std::string created_at, updated_at;
};

struct Step {
  long long id = 0, pathway_id = 0;
  std::string scheme, title;
  long long organisation_id = 0;
  std::string organisation_name;
  int phase = 0;  // progressive qualification: 1, 2…; 0 for other schemes
  std::string start_on, end_on;
  Progress status = Progress::planned;
  long long created_by_org = 0;
  std::string created_at, updated_at;
};

struct SocialOutcome {
  long long id = 0, pathway_id = 0;
  std::string kind, achieved_on, detail;
  long long organisation_id = 0;
  std::string organisation_name, recorded_at;
};

struct Event {
  long long id = 0, pathway_id = 0;
  std::string at;
  long long organisation_id = 0, user_id = 0;
  std::string organisation_name, user_name;
  std::string kind;  // see rules.h event_category()
  long long subject_id = 0;
  std::string detail;
};

struct Note {
  long long id = 0, pathway_id = 0, person_id = 0;
  long long author_org_id = 0, author_user_id = 0;
  std::string author_org_name, author_user_name;
  NoteLevel level = NoteLevel::members;
  std::string body;
  int version = 1;
  std::string created_at, updated_at;
};

struct NoteVersion {
  long long note_id = 0;
  int version = 0;
  NoteLevel level = NoteLevel::members;
  std::string body, written_at;
  long long written_by_org = 0, written_by_user = 0;
  std::string written_by_org_name, written_by_user_name;
};

struct Orientation {
  long long id = 0, person_id = 0, pathway_id = 0;
  long long from_org_id = 0, from_user_id = 0, to_org_id = 0, service_id = 0, diagnosis_id = 0;
  std::string from_org_name, from_user_name, from_user_email, to_org_name, service_name;
  std::string motif;
  OrientationStatus status = OrientationStatus::pending;
  std::string refusal_reason, refusal_detail;
  std::string sent_on, expires_on, created_at, answered_at;
  long long answered_by_user = 0;
};

struct OrientationEvent {
  long long id = 0, orientation_id = 0;
  std::string at, kind;
  long long organisation_id = 0, user_id = 0;
  std::string organisation_name, user_name, detail;
};

// Who acts: the organisation of the route, and the user (0 for an API token).
struct Actor {
  long long org = 0;
  long long user = 0;
  bool social_worker = false;
  bool token = false;
};

}  // namespace jalon::pathways
