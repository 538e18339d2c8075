#include "appointments/model.h"

namespace jalon::appointments {

const char* status_code(Status s) {
  switch (s) {
    case Status::planned:
      return "planned";
    case Status::seen:
      return "seen";
    case Status::excused:
      return "excused";
    case Status::no_show:
      return "no_show";
    case Status::cancelled:
      return "cancelled";
  }
  return "planned";
}

const char* status_label(Status s) {
  switch (s) {
    case Status::planned:
      return "prévu";
    case Status::seen:
      return "venu";
    case Status::excused:
      return "excusé";
    case Status::no_show:
      return "absent sans prévenir";
    case Status::cancelled:
      return "annulé";
  }
  return "";
}

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> all = {Status::planned, Status::seen, Status::excused, Status::no_show,
                                          Status::cancelled};
  return all;
}

bool parse_status(const std::string& code, Status& out) {
  for (Status s : all_statuses())
    if (code == status_code(s)) {
      out = s;
      return true;
    }
  return false;
}

const char* kind_code(Kind k) {
  return k == Kind::individual ? "individual" : "collective";
}
const char* kind_label(Kind k) {
  return k == Kind::individual ? "individuel" : "collectif";
}

bool parse_kind(const std::string& code, Kind& out) {
  if (code == "individual")
    out = Kind::individual;
  else if (code == "collective")
    out = Kind::collective;
  else
    return false;
  return true;
}

int& StatusCounts::of(Status s) {
  switch (s) {
    case Status::planned:
      return planned;
    case Status::seen:
      return seen;
    case Status::excused:
      return excused;
    case Status::no_show:
      return no_show;
    case Status::cancelled:
      return cancelled;
  }
  return planned;
}

}  // namespace jalon::appointments
