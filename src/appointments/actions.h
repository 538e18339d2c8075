// What the appointment pages, the API, the person's space and the reminder job do. Access to
// the organisation and to each person is checked by the caller (routes, people::can).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "appointments/ics.h"
#include "appointments/model.h"
#include "db/db.h"

namespace jalon::appointments {

// Creates an appointment of `org` described by `in` (validated: ValidationError per field),
// with `people` as planned participants: exactly one for an individual appointment, any number
// (none included) for a collective one. The counsellor must be a member of `org`
// (ValidationError on "counsellor_id"); when it is not `by_user`, they are notified. Returns
// the new id.
long long create_appointment(db::Tx& tx, long long org, const Input& in, const std::vector<long long>& people,
                             long long by_user, time::Instant now);

// Adds `person` to the collective appointment `a` (Conflict when `a` is individual, has
// started, or is cancelled for everyone; or when the person already takes part).
void enrol(db::Tx& tx, const Appointment& a, long long person, time::Instant now);

// Records the attendance of `person` at `a` by user `by_user`: NotFound when they do not take
// part, Conflict with the French reason when the state machine refuses (see rules.h).
void change_status(db::Tx& tx, const Appointment& a, long long person, Status to, long long by_user, time::Instant now);

// Cancels `a` for every participant still planned and tells those with an e-mail address.
// Conflict when nobody is planned any more. Returns how many were cancelled.
int cancel(db::Tx& tx, const Appointment& a, long long by_user, time::Instant now, const std::string& base_url);

// The person cancels their own coming from their space: their participation becomes excused
// (by the person) and the counsellor is notified. Conflict with the reason when it is too late.
void cancel_by_person(db::Tx& tx, const Appointment& a, long long person, time::Instant now);

// Sends the reminders due at `now` (one e-mail per planned participant with an address, within
// the 24 hours before the start), each exactly once: the participant is marked in the
// transaction that queues the e-mail. On PostgreSQL an advisory lock keeps a second server
// from running the same pass. Returns how many were queued.
int send_reminders(db::Database& db, const std::string& base_url, time::Instant now);

// The e-mails sent to a participant.
struct Mail {
  std::string subject, body;
};
Mail reminder_mail(const Appointment& a, const Participant& p, const std::string& base_url);
Mail cancellation_mail(const Appointment& a, const Participant& p, const std::string& base_url);

// iCalendar events of `list`. For a counsellor (`person` 0) one event per appointment whose
// summary names the participants that `visible(person_id)` allows (the others are counted);
// for a person, one event per appointment of theirs, cancelled when their participation is
// excused or cancelled. `host` makes the UIDs unique ("jalon.example.fr").
std::vector<ics::Event> events(const std::vector<Appointment>& list, const std::string& host, long long person,
                               const std::function<bool(long long)>& visible);
// The host part of a base URL ("https://jalon.example.fr:8443/x" -> "jalon.example.fr").
std::string host_of(const std::string& base_url);

}  // namespace jalon::appointments
