// Appointments of an organisation with the people it accompanies: individual (one person) or
// collective (several), with attendance recorded per person.
#pragma once
#include <string>
#include <vector>

namespace jalon::appointments {

// Attendance of one person at one appointment (see rules.h for the transitions).
enum class Status { planned, seen, excused, no_show, cancelled };
const char* status_code(Status s);   // "planned", "seen", "excused", "no_show", "cancelled"
const char* status_label(Status s);  // "prévu", "venu", "excusé", "absent", "annulé"
bool parse_status(const std::string& code, Status& out);
const std::vector<Status>& all_statuses();

enum class Kind { individual, collective };
const char* kind_code(Kind k);   // "individual", "collective"
const char* kind_label(Kind k);  // "individuel", "collectif"
bool parse_kind(const std::string& code, Kind& out);

struct Participant {
  long long person_id = 0;
  std::string first_name, last_name, email;
  Status status = Status::planned;
  std::string status_at;
  bool by_person = false;  // the status was set by the person, from their space
  std::string reminded_at;
};

struct Appointment {
  long long id = 0, organisation_id = 0, counsellor_id = 0, created_by = 0;
  std::string organisation_name, counsellor_name, counsellor_email;
  Kind kind = Kind::individual;
  std::string starts_at;  // UTC instant, ISO 8601
  int duration_minutes = 0;
  std::string place, video_url, subject;
  std::string created_at, updated_at;
  std::vector<Participant> participants;
};

// What a form or an API call proposes, before validation: the date and time are typed in the
// organisation's time zone.
struct Input {
  std::string kind = "individual";
  std::string date;      // "YYYY-MM-DD"
  std::string time;      // "HH:MM"
  std::string duration;  // minutes, as typed
  std::string place, video_url, subject;
  long long counsellor_id = 0;
};

struct StatusCounts {
  int planned = 0, seen = 0, excused = 0, no_show = 0, cancelled = 0;
  int& of(Status s);
  int count(Status s) const { return const_cast<StatusCounts*>(this)->of(s); }
  int total() const { return planned + seen + excused + no_show + cancelled; }
};

// No-show statistics of one counsellor over a period.
struct CounsellorStats {
  long long counsellor_id = 0;
  std::string name;
  StatusCounts counts;
};

}  // namespace jalon::appointments
