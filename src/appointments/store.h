// The appointments room's SQL. Functions run in the caller's transaction; access to the
// organisation and to each person is decided before (routes, people::can). Lists join the
// people and users tables for display names only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "appointments/model.h"
#include "db/db.h"

namespace jalon::appointments::store {

// Inserts a validated appointment of `org` (no participant yet). Returns its id.
long long create(db::Tx& tx, long long org, const Appointment& a, long long created_by);
// Adds `person` as planned; Conflict when they already take part.
void add_participant(db::Tx& tx, long long appointment, long long person);
// The appointment with its participants, whatever its organisation (the caller compares).
std::optional<Appointment> find(db::Tx& tx, long long id);

// Appointments of `org` (of one counsellor when `counsellor` is not 0) starting in
// [from_iso, to_iso), earliest first, at most `limit`, with their participants.
std::vector<Appointment> of_organisation(db::Tx& tx, long long org, long long counsellor, const std::string& from_iso,
                                         const std::string& to_iso, int limit);
// Appointments of `org` (one counsellor, or all when 0) that started before `now_iso` and still
// have a planned participant: attendance to record. Earliest first.
std::vector<Appointment> to_record(db::Tx& tx, long long org, long long counsellor, const std::string& now_iso,
                                   int limit);
// Appointments `person` takes part in (of `org` only, or of every organisation when 0), latest
// first, at most `limit`.
std::vector<Appointment> of_person(db::Tx& tx, long long person, long long org, int limit);
// Collective appointments of `org` not started at `now_iso`, earliest first.
std::vector<Appointment> upcoming_collective(db::Tx& tx, long long org, const std::string& now_iso, int limit);

// Records a participant's status (the caller checked the transition). `by_user` 0 when the
// person set it from their space (`by_person`).
void set_status(db::Tx& tx, long long appointment, long long person, Status s, long long by_user, bool by_person);

// Counts of participants' statuses per counsellor of `org`, appointments starting in
// [from_iso, to_iso), counsellors by name.
std::vector<CounsellorStats> stats(db::Tx& tx, long long org, const std::string& from_iso, const std::string& to_iso);

// Participants still planned, not reminded, of appointments starting in (now_iso, until_iso],
// with an e-mail address: one Appointment per participant (participants holds that one).
std::vector<Appointment> reminders_due(db::Tx& tx, const std::string& now_iso, const std::string& until_iso, int limit);
// Marks the reminder of one participant sent; false when another transaction did first.
bool mark_reminded(db::Tx& tx, long long appointment, long long person, const std::string& now_iso);

}  // namespace jalon::appointments::store
