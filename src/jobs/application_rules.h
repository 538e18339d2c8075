// Pure decisions about job applications (docs/jobs.md, "Applications"): their states and
// refusal reasons, the one table of transitions with who may make each, and the validation of
// what forms and the API send. No I/O, no clock: `today` ("YYYY-MM-DD") is passed.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/errors.h"

namespace jalon::jobs {

// The states of DOMAIN.md. `new_` is stored as "new" (a C++ keyword otherwise).
enum class ApplicationState {
  new_,
  processing,
  postponed,
  prior_to_hire,
  accepted,
  refused,
  cancelled,
  obsolete,
  pool
};
const std::vector<ApplicationState>& all_application_states();
const char* name(ApplicationState s);              // the stored and API code: "new", "processing"…
const char* label(ApplicationState s);             // French, as staff read it
const char* label_for_person(ApplicationState s);  // French, as the candidate reads it in their space
std::optional<ApplicationState> parse_application_state(std::string_view code);

// Pending (the application is live, one per person and offer; the matching's flood penalty
// counts these): new, processing, postponed, prior_to_hire, pool.
bool is_pending(ApplicationState s);
// Waiting for the employer's answer (the 60-day automatic refusal applies): new, processing,
// postponed. Prior to hire and pool are the employer's deliberate holds.
bool awaits_answer(ApplicationState s);

enum class RefusalReason {
  did_not_come,
  hired_elsewhere,
  training,
  not_eligible,
  not_mobile,
  not_interested,
  lacking_skills,
  incompatible,
  no_position,
  duplicate,
  other,
  auto_no_answer,  // the platform's only: 60 days without answer
};
const std::vector<RefusalReason>& all_refusal_reasons();
const char* name(RefusalReason r);
const char* label(RefusalReason r);
std::optional<RefusalReason> parse_refusal_reason(std::string_view code);

// Who acts on an application. An organisation may be employer and sender at once (an employer
// that applied for a person itself).
enum class ApplicationActor { employer, sender, person, platform };
const char* name(ApplicationActor a);

enum class ApplicationAction {
  process,          // new → processing
  postpone,         // new, processing, prior_to_hire → postponed
  prior_to_hire,    // processing, postponed → prior_to_hire (a GEIQ's pre-hiring actions)
  accept,           // new, processing, postponed, prior_to_hire, pool → accepted (a hiring date)
  refuse,           // new, processing, postponed, prior_to_hire, pool → refused (a reason)
  add_to_pool,      // processing, postponed → pool
  resume,           // pool, prior_to_hire → processing
  cancel_hire,      // accepted → cancelled
  render_obsolete,  // every pending state → obsolete (the person was hired elsewhere)
  withdraw,         // every pending state → cancelled (the candidate or their sender withdraws)
  reconsider,       // refused, obsolete → processing
};
const std::vector<ApplicationAction>& all_application_actions();
const char* name(ApplicationAction a);
const char* label(ApplicationAction a);  // the French verb of the form's button
std::optional<ApplicationAction> parse_application_action(std::string_view code);

// One row of the table: `action` moves an application from any of `from` to `to`, made by any
// of `by`.
struct ApplicationTransition {
  ApplicationAction action;
  std::vector<ApplicationState> from;
  ApplicationState to;
  std::vector<ApplicationActor> by;
};
const std::vector<ApplicationTransition>& application_transitions();

// Where `action` leads from `from` when made by `by`; nothing when the table has no such row.
std::optional<ApplicationState> next_state(ApplicationAction action, ApplicationState from, ApplicationActor by);
// Whether the action exists from `from` for somebody (to tell a forbidden actor from a
// finished state: 403 against 409).
bool possible_from(ApplicationAction action, ApplicationState from);
// The actions one of `actors` may make from `from`, in table order, without the platform's.
std::vector<ApplicationAction> actions_for(ApplicationState from, const std::vector<ApplicationActor>& actors);

// ---- 60 days without an answer.
inline constexpr int kAutoRefusalDays = 60;
// An application awaiting an answer whose last transition happened on `state_on` (a civil
// date) is refused automatically once `today` is kAutoRefusalDays days after it or later.
bool auto_refusal_due(ApplicationState s, const std::string& state_on, const std::string& today);
// The first day on which the last transition no longer makes an application due: due ones have
// state_on < this day (an SQL bound: state_at < this day at 00:00 UTC).
std::string auto_refusal_bound(const std::string& today);

// ---- Validation (French messages; field names are those of the forms and the API).
struct ApplicationInput {
  std::string message;
};
// The message is optional, at most 4,000 characters; returned trimmed.
ApplicationInput validate_application(ApplicationInput in);

struct TransitionInput {
  std::string action, reason, message, hired_on;
};
struct ValidTransition {
  ApplicationAction action;
  std::optional<RefusalReason> reason;  // refuse only
  std::string message;                  // the answer to the candidate (refuse, accept)
  std::string hired_on;                 // accept only
};
// Checks the fields `action` needs: refuse needs a reason of the list (auto_no_answer belongs to
// the platform), accept a hiring date from the application's day (`created_on`) to a year after
// `today`. Does not check the state machine (next_state does).
ValidTransition validate_transition(const TransitionInput& in, ApplicationActor by, const std::string& created_on,
                                    const std::string& today);

// The title of the pathway's employment step added when a hire is accepted.
std::string hire_step_title(const std::string& offer_title, const std::string& employer_name);

}  // namespace jalon::jobs
